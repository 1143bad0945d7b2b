// tarjotin-bench-seed: fills a fresh database for the load benchmark through the domain's use
// cases and ports, as the server would have: an authority and its officer, a DPS in force with
// one open customer-choice category, a coaching unit with a coach, N admitted providers with one
// active offering each (room for a million orders apiece), M customers of the coach and K stored
// choice sets to order from.
//
// Writes into --out: customers.txt (a customer id a line), choice-sets.txt (a choice set id a
// line), order-targets.tsv (choice set id, TAB, an offering in it) and offerings.txt. Prints
// key=value lines for the script.
#include <fcntl.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/tool.hpp"
#include "crypto/crypto.hpp"
#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "domain/identifiers.hpp"
#include "domain/ordering/choice.hpp"
#include "domain/ordering/customers.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/review.hpp"
#include "storage/database.hpp"
#include "storage/qualification/document_store.hpp"

namespace {

using namespace tarjotin;
using bench::SystemClock;
using domain::OrganisationKind;
using domain::Role;

const char* kUsage =
    "Usage: tarjotin-bench-seed --database-url URL --out DIR [options]\n"
    "  --providers N        admitted providers, one offering each (default 50)\n"
    "  --customers M        customers of the coach (default 1000)\n"
    "  --choice-sets K      stored choice sets to order from, one per order (default 0)\n"
    "  --free-places P      free places of each offering (default 1000000)\n"
    "  --password TEXT      every user's password (default tarjotin-bench-2026)\n"
    "  --scrypt-log2-n L    password hashing cost, as the server's (default 15)\n";

struct Options {
  std::string database_url;
  std::string out;
  int providers = 50;
  int customers = 1000;
  int choice_sets = 0;
  int free_places = 1'000'000;
  std::string password = "tarjotin-bench-2026";
  unsigned scrypt_log2_n = 15;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) throw std::runtime_error(flag + " needs a value");
    const std::string value = argv[++i];
    auto count = [&] {
      const int n = std::atoi(value.c_str());
      if (n < 0 || std::to_string(n) != value)
        throw std::runtime_error(flag + " needs a whole number");
      return n;
    };
    if (flag == "--database-url")
      o.database_url = value;
    else if (flag == "--out")
      o.out = value;
    else if (flag == "--providers")
      o.providers = count();
    else if (flag == "--customers")
      o.customers = count();
    else if (flag == "--choice-sets")
      o.choice_sets = count();
    else if (flag == "--free-places")
      o.free_places = count();
    else if (flag == "--password")
      o.password = value;
    else if (flag == "--scrypt-log2-n")
      o.scrypt_log2_n = static_cast<unsigned>(count());
    else
      throw std::runtime_error("unknown option " + flag + " (see --help)");
  }
  if (o.database_url.empty() || o.out.empty())
    throw std::runtime_error("--database-url and --out are needed (see --help)");
  return o;
}

// Every benchmark user has the same password, so it is derived once with the server's real
// scrypt cost and the same encoded hash (salt included) is stored for each: each one verifies
// exactly as a separately hashed one would, and 5,000 providers take seconds instead of minutes.
class HashOncePasswordHasher final : public domain::PasswordHasher {
 public:
  explicit HashOncePasswordHasher(crypto::ScryptCost cost) : real_(cost) {}
  std::string hash(std::string_view password) const override {
    std::lock_guard lock(mutex_);
    if (password != password_ || encoded_.empty()) {
      password_ = std::string(password);
      encoded_ = real_.hash(password);
    }
    return encoded_;
  }
  bool verify(std::string_view password, std::string_view encoded) const override {
    return real_.verify(password, encoded);
  }

 private:
  crypto::ScryptPasswordHasher real_;
  mutable std::mutex mutex_;
  mutable std::string password_, encoded_;
};

template <class T>
T must(domain::Result<T> r, const std::string& what) {
  if (!r) throw std::runtime_error(what + ": " + r.error().detail);
  return std::move(r).value();
}

// The n-th valid Finnish business ID from a base: seven digits and the mod-11 check digit.
std::string business_id(int n) {
  static int next_candidate = 3000000;
  static std::vector<std::string> issued;
  while (static_cast<int>(issued.size()) <= n) {
    const std::string digits = std::to_string(next_candidate++);
    if (const auto check = domain::finnish_check_digit(digits))
      issued.push_back(digits + "-" + std::to_string(*check));
  }
  return issued[static_cast<std::size_t>(n)];
}

void write_lines(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const auto& l : lines) out << l << '\n';
  if (!out) throw std::runtime_error("cannot write " + path);
}

struct Seeded {
  std::string dps_id, category_id;
  std::vector<std::string> customers, choice_sets, targets, offerings;
};

Seeded fill(const Options& o, const std::string& url) {
  storage::SociDatabase db(url, 1);
  db.migrate();
  {
    long long organisations = 0;
    db.with_session([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM organisations", soci::into(organisations);
    });
    if (organisations > 0) throw std::runtime_error("the database is not empty; seed a fresh one");
  }
  // The seeding's own commits need not wait for the disk: what is measured later is the
  // server's, on its own connections. (SQLite is seeded in a file on tmpfs instead; see seed.)
  if (db.backend() == storage::Backend::postgresql)
    db.with_session([](soci::session& sql) { sql << "SET synchronous_commit = off"; });

  SystemClock clock;
  HashOncePasswordHasher hasher(crypto::ScryptCost{1ull << o.scrypt_log2_n, 8, 1});
  crypto::SystemSecrets secrets;
  domain::AccountServices accounts{db, clock, hasher, secrets, std::chrono::hours{12}};
  const auto calendar = domain::WorkingDayCalendar::finnish();
  domain::QualificationServices q{db, clock, secrets, calendar};
  domain::OrderingServices ordering{db, clock, secrets};
  Seeded seeded;

  auto member = [&](OrganisationKind kind, const std::string& name, const std::string& bid,
                    const std::string& email, Role role) {
    auto reg = must(domain::bootstrap_organisation(accounts, {kind, name, "FI", bid},
                                                   {email, name + " user", role, o.password}),
                    "organisation " + name);
    return domain::Actor{reg.user.id, reg.organisation.id, role, ""};
  };
  const auto officer = member(OrganisationKind::contracting_authority, "Bench Authority", "",
                              "officer@bench.example", Role::officer);
  const auto coach = member(OrganisationKind::coaching_unit, "Bench Coaching Unit", "",
                            "coach@bench.example", Role::coach);

  const domain::Date today = domain::helsinki_date(clock.now());
  auto dps = must(
      domain::create_dps(q, officer,
                         {"Benchmark DPS", "Employment services for the load benchmark", "BENCH-1",
                          today - std::chrono::days{30}, today + std::chrono::days{4 * 365}}),
      "DPS");
  seeded.dps_id = dps.id;
  domain::CategoryInput in;
  in.name = {"Työhönvalmennus", "Jobbcoachning", "Job coaching"};
  in.description = "One-to-one job coaching";
  in.regions = {"297", "091"};
  in.languages = {"fi", "sv", "en"};
  in.price.unit_price_ceiling_cents = 200'000;
  in.price.outcome_bonus_cents = {{"employment_open_market", 50'000}, {"studies", 20'000}};
  const domain::Criterion insured{"insured",
                                  "Vastuuvakuutus voimassa?",
                                  domain::CriterionType::yes_no,
                                  domain::CriterionKind::selection,
                                  0,
                                  0,
                                  false};
  const auto category =
      must(domain::create_category(q, officer, dps.id, {in, {insured}}), "category");
  seeded.category_id = category.category.id;
  must(domain::change_category_state(q, officer, seeded.category_id, domain::CategoryAct::open),
       "opening the category");
  must(domain::change_dps_state(q, officer, dps.id, domain::DpsAct::publish), "publishing");

  std::mt19937 random(2026);
  for (int i = 0; i < o.providers; ++i) {
    const std::string n = std::to_string(i + 1);
    const auto provider = member(OrganisationKind::provider, "Bench Provider " + n + " Oy",
                                 business_id(i), "provider" + n + "@bench.example", Role::provider);
    auto app = must(domain::start_application(q, provider, seeded.category_id,
                                              {{"insured", true, {}, {}, "", ""}}),
                    "application");
    must(domain::submit_application(q, provider, app.application.id), "submission");
    must(domain::decide_application(q, officer, app.application.id, {true, "Ehdot täyttyvät."}),
         "admission");
    domain::OfferingInput offer;
    offer.description = {"Yksilöllinen työhönvalmennus", "Individuell jobbcoachning",
                         "One-to-one job coaching"};
    offer.unit_price_cents =
        120'000 + std::uniform_int_distribution<long long>(0, 800)(random) * 100;
    offer.outcome_bonus_cents = {{"employment_open_market", 40'000}};
    offer.free_places = o.free_places;
    offer.regions = {"297"};
    offer.languages = {"fi", "en"};
    offer.earliest_start = today;
    offer.typical_duration_days = 45;
    seeded.offerings.push_back(
        must(domain::create_offering(ordering, provider, seeded.category_id, offer), "offering")
            .id);
  }

  const domain::UnemploymentBand bands[] = {
      domain::UnemploymentBand::under_3_months, domain::UnemploymentBand::from_3_to_12_months,
      domain::UnemploymentBand::from_12_to_24_months, domain::UnemploymentBand::over_24_months};
  const domain::AgeBand ages[] = {domain::AgeBand::under_25, domain::AgeBand::from_25_to_29,
                                  domain::AgeBand::from_30_to_54, domain::AgeBand::over_54};
  for (int i = 0; i < o.customers; ++i) {
    domain::CustomerInput who{
        "BENCH-" + std::to_string(100000 + i), "297", {"fi"}, bands[i % 4], ages[(i / 4) % 4]};
    seeded.customers.push_back(
        must(domain::create_customer(ordering, coach, who), "customer").customer.id);
  }
  // A choice set backs one order, so the order load needs one set per order it places. One set
  // per customer is made by the use case; the rest are copies of those under fresh ids, stored
  // in large transactions (without the use case's audit records: the load reads none of them).
  std::vector<domain::ChoiceSet> made;
  const int real = std::min(o.choice_sets, o.customers);
  for (int i = 0; i < real; ++i) {
    auto set =
        must(domain::make_choice_set(
                 ordering, coach,
                 {seeded.category_id, seeded.customers[static_cast<std::size_t>(i)], std::nullopt}),
             "choice set")
            .set;
    if (set.entries.size() != static_cast<std::size_t>(o.providers))
      throw std::runtime_error("a choice set has " + std::to_string(set.entries.size()) +
                               " offerings, not " + std::to_string(o.providers));
    made.push_back(std::move(set));
  }
  std::vector<domain::ChoiceSet> sets = made;
  for (int i = real; i < o.choice_sets; ++i) {
    domain::ChoiceSet copy = made[static_cast<std::size_t>(i % real)];
    copy.id = secrets.new_id();
    sets.push_back(std::move(copy));
  }
  constexpr std::size_t kBatch = 2000;
  for (std::size_t from = real; from < sets.size(); from += kBatch)
    db.run(domain::Access::write, [&](domain::Transaction& tx) {
      for (std::size_t i = from; i < std::min(sets.size(), from + kBatch); ++i)
        tx.choice_sets().add(sets[i]);
      return true;
    });
  for (const auto& set : sets) {
    seeded.choice_sets.push_back(set.id);
    const auto& picked =
        set.entries[std::uniform_int_distribution<std::size_t>(0, set.entries.size() - 1)(random)];
    seeded.targets.push_back(set.id + "\t" + picked.offering_id);
  }
  if (db.backend() == storage::Backend::sqlite)
    db.with_session([](soci::session& sql) { sql << "PRAGMA wal_checkpoint(TRUNCATE)"; });
  return seeded;
}

std::string sqlite_path(const std::string& url) {
  const std::string abs = "sqlite://", rel = "sqlite:";
  return url.rfind(abs, 0) == 0 ? url.substr(abs.size()) : url.substr(rel.size());
}

void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) throw std::runtime_error("cannot sync " + path);
  ::close(fd);
}

int seed(const Options& o) {
  const auto began = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  fs::create_directories(o.out);
  Seeded seeded;
  if (storage::parse_database_url(o.database_url).backend == storage::Backend::sqlite) {
    // SQLite is seeded in a file on tmpfs, where a sync costs nothing, whatever the storage
    // layer's commit settings are, and the finished file is copied into place and synced once.
    const std::string target = sqlite_path(o.database_url);
    if (fs::exists(target)) throw std::runtime_error(target + " exists; seed a fresh database");
    const fs::path shm = "/dev/shm";
    const std::string staging =
        fs::is_directory(shm)
            ? (shm / ("tarjotin-bench-seed-" + std::to_string(::getpid()) + ".db")).string()
            : target;
    auto remove_staging = [&] {
      if (staging == target) return;
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(staging + suffix);
    };
    try {
      seeded = fill(o, "sqlite://" + staging);
    } catch (...) {
      remove_staging();
      throw;
    }
    if (staging != target) {
      fs::copy_file(staging, target);
      // Closing the last connection checkpoints the log into the file; should any be left,
      // it goes along.
      if (fs::exists(staging + "-wal") && fs::file_size(staging + "-wal") > 0) {
        fs::copy_file(staging + "-wal", target + "-wal");
        sync_file(target + "-wal");
      }
      remove_staging();
    }
    sync_file(target);
    sync_file(fs::absolute(target).parent_path().string());
  } else {
    seeded = fill(o, o.database_url);
  }
  write_lines(o.out + "/customers.txt", seeded.customers);
  write_lines(o.out + "/choice-sets.txt", seeded.choice_sets);
  write_lines(o.out + "/order-targets.tsv", seeded.targets);
  write_lines(o.out + "/offerings.txt", seeded.offerings);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  std::printf(
      "dps_id=%s\ncategory_id=%s\ncoach_email=coach@bench.example\n"
      "officer_email=officer@bench.example\npassword=%s\nproviders=%d\ncustomers=%d\n"
      "choice_sets=%d\nfree_places=%d\nseed_seconds=%.1f\n",
      seeded.dps_id.c_str(), seeded.category_id.c_str(), o.password.c_str(), o.providers,
      o.customers, o.choice_sets, o.free_places, took);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return tarjotin::bench::run_tool("tarjotin-bench-seed", [&] { return seed(parse(argc, argv)); });
}
