// tarjotin-bench-history: years of orders behind a benchmark database, and how long the reports
// over them take. Adds --orders N orders spread evenly over the last --years Y years to a
// database that tarjotin-bench-seed filled (its coach orders for its customers from its
// offerings), each ended as most services end: about eight in ten completed, some interrupted,
// some declined; a confirmed outcome for most that ended, a customer's score for six in ten and
// a coach's for half. The orders go in through the storage layer's repositories, in large
// transactions, so each provider's weekly record is kept exactly as the use cases keep it; no
// audit events are written for them (the reports read none).
//
// Then times the officer's category scorecards and spend report through the use cases, over the
// last year and over the whole history, --runs times each, and prints key=value lines (the
// median of the runs in milliseconds). --reports-only times without adding.
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/tool.hpp"
#include "crypto/crypto.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/reports.hpp"
#include "domain/ordering/rules.hpp"
#include "domain/qualification/ports.hpp"
#include "storage/database.hpp"

namespace {

using namespace tarjotin;
using bench::SystemClock;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string database_url;
  long long orders = 1'000'000;
  int years = 5;
  int runs = 3;
  bool reports_only = false;
};

constexpr const char* kUsage =
    "Usage: tarjotin-bench-history --database-url URL [options]\n"
    "  --orders N        orders to add over the history (default 1000000)\n"
    "  --years Y         how many years back they go (default 5)\n"
    "  --runs R          timed runs of each report (default 3)\n"
    "  --reports-only    add nothing; time the reports over what is there\n";

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(flag + " needs a value");
      return argv[++i];
    };
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (flag == "--database-url") {
      o.database_url = value();
    } else if (flag == "--orders") {
      o.orders = std::stoll(value());
    } else if (flag == "--years") {
      o.years = std::stoi(value());
    } else if (flag == "--runs") {
      o.runs = std::max(1, std::stoi(value()));
    } else if (flag == "--reports-only") {
      o.reports_only = true;
    } else {
      throw std::runtime_error("unknown option " + flag + " (see --help)");
    }
  }
  if (o.database_url.empty()) throw std::runtime_error("--database-url is needed (see --help)");
  return o;
}

// What the seeder made, read back.
struct Bench {
  domain::Actor coach, officer;
  std::string dps_id, category_id;
  std::vector<domain::Offering> offerings;
  std::vector<domain::Customer> customers;
};

domain::Actor actor_of(domain::Transaction& tx, const std::string& email) {
  const auto user = tx.users().find_by_email(email);
  if (!user) throw std::runtime_error("no " + email + ": seed with tarjotin-bench-seed first");
  return {user->id, user->organisation_id, user->role, ""};
}

Bench read_bench(storage::SociDatabase& db) {
  Bench b;
  std::vector<std::string> customer_ids;
  db.with_session([&](soci::session& sql) {
    sql << "SELECT id FROM categories ORDER BY id LIMIT 1", soci::into(b.category_id);
    soci::rowset<std::string> ids = (sql.prepare << "SELECT id FROM customers ORDER BY id");
    for (const auto& id : ids) customer_ids.push_back(id);
  });
  db.run(domain::Access::read, [&](domain::Transaction& tx) {
    b.coach = actor_of(tx, "coach@bench.example");
    b.officer = actor_of(tx, "officer@bench.example");
    const auto category = tx.categories().find(b.category_id);
    if (!category) throw std::runtime_error("no category: seed with tarjotin-bench-seed first");
    b.dps_id = category->dps_id;
    b.offerings = tx.offerings().list_for_category(b.category_id);
    for (const auto& id : customer_ids)
      if (auto c = tx.customers().find(id)) b.customers.push_back(std::move(*c));
    return true;
  });
  if (b.offerings.empty() || b.customers.empty())
    throw std::runtime_error("no offerings or customers: seed with tarjotin-bench-seed first");
  return b;
}

domain::OutcomeType outcome_of(std::mt19937& random) {
  using T = domain::OutcomeType;
  static const T kind[] = {T::employed_permanent_full_time,
                           T::employed_fixed_term_full_time,
                           T::employed_fixed_term_part_time,
                           T::subsidised_employment,
                           T::studies,
                           T::work_trial,
                           T::another_service,
                           T::no_change,
                           T::no_change,
                           T::unknown};
  return kind[std::uniform_int_distribution<std::size_t>(0, std::size(kind) - 1)(random)];
}

void add_history(storage::SociDatabase& db, const Options& o, const Bench& b,
                 domain::Timestamp now) {
  crypto::SystemSecrets secrets;
  std::mt19937 random(2021);
  std::uniform_int_distribution<int> percent(0, 99), score(0, 10), days(1, 20);
  const auto day = std::chrono::microseconds(std::chrono::hours(24));
  const auto span = day * (365LL * o.years);
  // Ended orders only: the last ones placed about two months ago, so each has had its time.
  const domain::Timestamp first = now - span;
  const auto step = (span - day * 60) / std::max<long long>(1, o.orders);
  constexpr long long kBatch = 5'000;
  const auto began = Clock::now();
  for (long long from = 0; from < o.orders; from += kBatch) {
    db.run(domain::Access::write, [&](domain::Transaction& tx) {
      for (long long i = from; i < std::min(o.orders, from + kBatch); ++i) {
        const auto& offering = b.offerings[static_cast<std::size_t>(
            std::uniform_int_distribution<std::size_t>(0, b.offerings.size() - 1)(random))];
        const auto& customer = b.customers[static_cast<std::size_t>(i) % b.customers.size()];
        domain::Order order;
        order.id = secrets.new_id();
        order.offering_id = offering.id;
        order.provider_id = offering.provider_id;
        order.category_id = b.category_id;
        order.customer_id = customer.id;
        order.coaching_unit_id = b.coach.organisation_id;
        order.ordered_by = b.coach.user_id;
        order.customer_unemployment = customer.unemployment;
        order.customer_age = customer.age;
        order.unit_price_cents = offering.unit_price_cents;
        order.outcome_bonus_cents = offering.outcome_bonus_cents;
        order.placed_at = first + step * i;
        const int fate = percent(random);
        if (fate < 12) {
          order.state = domain::OrderState::declined;
          order.reason = "Ei vapaita valmentajia.";
          order.ended_at = order.placed_at + day * days(random);
        } else {
          order.accepted_at = order.placed_at + day;
          order.started_at = *order.accepted_at + day * days(random);
          order.ended_at = *order.started_at + day * 45;
          order.state = fate < 20 ? domain::OrderState::interrupted : domain::OrderState::completed;
          if (fate < 20) order.reason = "Asiakas siirtyi muuhun palveluun.";
        }
        order.updated_at = *order.ended_at;
        order.request_fingerprint = "history";
        tx.orders().add(order);
        if (order.state == domain::OrderState::declined) continue;
        if (percent(random) < 85) {
          domain::OutcomeRecord outcome;
          outcome.id = secrets.new_id();
          outcome.order_id = order.id;
          outcome.type = outcome_of(random);
          outcome.date = domain::helsinki_date(*order.ended_at);
          outcome.confirmed = true;
          outcome.recorded_by = b.coach.user_id;
          outcome.recorded_at = *order.ended_at + day;
          tx.orders().add_outcome(outcome);
        }
        for (auto source : {domain::FeedbackSource::customer, domain::FeedbackSource::coach}) {
          if (percent(random) >= (source == domain::FeedbackSource::customer ? 60 : 50)) continue;
          domain::Feedback f;
          f.id = secrets.new_id();
          f.order_id = order.id;
          f.provider_id = order.provider_id;
          f.category_id = order.category_id;
          f.source = source;
          f.score = score(random);
          f.language = "fi";
          f.given_at = *order.ended_at + day * 2;
          tx.orders().add_feedback(f);
        }
      }
      return true;
    });
    if ((from / kBatch) % 20 == 19)
      std::fprintf(stderr, "  %lld orders, %.0f s\n", from + kBatch,
                   std::chrono::duration<double>(Clock::now() - began).count());
  }
  std::printf("history_orders=%lld\nhistory_years=%d\nhistory_seconds=%.1f\n", o.orders, o.years,
              std::chrono::duration<double>(Clock::now() - began).count());
}

// Runs `report` (a use case answering a list) `runs` times and prints the median time as
// `<key>_<span>_ms=` and the rows of the last answer as `<key>_<span>_<unit>=`.
template <class Report>
void print_timing(const char* key, const char* unit, const char* span, int runs, Report&& report) {
  std::vector<double> ms;
  std::size_t rows = 0;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    const auto answer = report();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!answer) throw std::runtime_error(std::string(key) + ": " + answer.error().detail);
    rows = answer.value().size();
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%s_%s_ms=%.0f\n%s_%s_%s=%zu\n", key, span, ms[ms.size() / 2], key, span, unit, rows);
}

void time_reports(storage::SociDatabase& db, const Options& o, const Bench& b,
                  domain::Timestamp now) {
  SystemClock clock;
  crypto::SystemSecrets secrets;
  domain::OrderingServices ordering{db, clock, secrets};
  const auto day = std::chrono::microseconds(std::chrono::hours(24));
  struct Span {
    const char* name;
    domain::Period period;
  };
  const Span spans[] = {{"year", {now - day * 365, now}},
                        {"all", {now - day * (365LL * o.years + 1), now}}};
  long long orders = 0;
  db.with_session(
      [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM orders", soci::into(orders); });
  std::printf("orders_in_database=%lld\n", orders);
  for (const auto& span : spans) {
    print_timing("scorecards", "providers", span.name, o.runs, [&] {
      return domain::category_scorecards(ordering, b.officer, b.category_id, span.period);
    });
    print_timing("spend", "rows", span.name, o.runs,
                 [&] { return domain::spend_report(ordering, b.officer, b.dps_id, span.period); });
    std::fflush(stdout);
  }
}

int run(const Options& o) {
  storage::SociDatabase db(o.database_url, 1);
  const auto bench = read_bench(db);
  const auto now = SystemClock().now();
  if (!o.reports_only) add_history(db, o, bench, now);
  time_reports(db, o, bench, now);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return tarjotin::bench::run_tool("tarjotin-bench-history",
                                   [&] { return run(parse(argc, argv)); });
}
