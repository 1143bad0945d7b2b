#include "storage/ordering/provider_records.hpp"

#include <map>

#include "domain/ordering/rules.hpp"
#include "storage/ordering/order_facts.hpp"
#include "storage/ordering/tables.hpp"
#include "storage/row_values.hpp"

namespace tarjotin::storage::provider_records {
namespace {

// The weekly counts; their sums are read by hand (sum, below): an aggregate maps to no table.
const Table<Contribution> kProviderRecords(
    "provider_records", 3, column("category_id", &Contribution::category_id),
    column("provider_id", &Contribution::provider_id), column("week", &Contribution::week),
    column("orders", &Contribution::orders), column("ended", &Contribution::ended),
    column("completed", &Contribution::completed), column("promoters", &Contribution::promoters),
    column("passives", &Contribution::passives), column("detractors", &Contribution::detractors));

void add_score(Contribution& c, int score) {
  if (score >= 9)
    c.promoters = 1;
  else if (score >= 7)
    c.passives = 1;
  else
    c.detractors = 1;
}

// A sum over the provider's rows, read by position: an aggregate maps to no table.
domain::ChoiceRecordCounts counts_from(const soci::row& r) {
  domain::ChoiceRecordCounts c;
  c.provider_id = r.get<std::string>(0);
  c.orders = static_cast<int>(int64_at(r, 1));
  c.ended = static_cast<int>(int64_at(r, 2));
  c.completed = static_cast<int>(int64_at(r, 3));
  c.promoters = static_cast<int>(int64_at(r, 4));
  c.passives = static_cast<int>(int64_at(r, 5));
  c.detractors = static_cast<int>(int64_at(r, 6));
  return c;
}

}  // namespace

Contribution of(const domain::Order& o) {
  Contribution c;
  c.category_id = o.category_id;
  c.provider_id = o.provider_id;
  c.week = domain::to_micros(o.placed_at) / kWeekMicros;
  c.ended = domain::delivered(o.state) ? 1 : 0;
  c.completed = o.state == domain::OrderState::completed ? 1 : 0;
  return c;
}

Contribution of(const domain::OrderFacts& f) {
  Contribution c = of(f.order);
  if (f.customer_score) add_score(c, *f.customer_score);
  return c;
}

void count(soci::session& sql, const Contribution& c, int sign) {
  Contribution signed_counts = c;
  for (int Contribution::*n :
       {&Contribution::orders, &Contribution::ended, &Contribution::completed,
        &Contribution::promoters, &Contribution::passives, &Contribution::detractors})
    signed_counts.*n *= sign;
  // One statement either way, so two transactions counting into the same new week meet at the
  // primary key instead of one losing its row.
  kProviderRecords.insert_or_add(sql, signed_counts);
}

std::vector<domain::ChoiceRecordCounts> sum(soci::session& sql, const std::string& category_id,
                                            domain::Timestamp placed_from) {
  const long long from = domain::to_micros(placed_from);
  const long long first_week = from / kWeekMicros;
  const long long next_week_starts = (first_week + 1) * kWeekMicros;
  std::map<std::string, domain::ChoiceRecordCounts> by_provider;
  const auto add = [&](const domain::ChoiceRecordCounts& c) {
    auto& total = by_provider[c.provider_id];
    total.provider_id = c.provider_id;
    total.orders += c.orders;
    total.ended += c.ended;
    total.completed += c.completed;
    total.promoters += c.promoters;
    total.passives += c.passives;
    total.detractors += c.detractors;
  };

  soci::rowset<soci::row> weeks =
      (sql.prepare << "SELECT provider_id, SUM(orders), SUM(ended), SUM(completed), "
                      "SUM(promoters), SUM(passives), SUM(detractors) FROM provider_records "
                      "WHERE category_id = :category AND week > :week GROUP BY provider_id",
       soci::use(category_id), soci::use(first_week));
  for (const auto& r : weeks) add(counts_from(r));

  // The window's first week only in part: its orders one by one, as the scorecards count them.
  const std::string completed(domain::to_string(domain::OrderState::completed));
  const std::string interrupted(domain::to_string(domain::OrderState::interrupted));
  soci::rowset<soci::row> first =
      (sql.prepare
           << "SELECT provider_id, COUNT(*), "
              "SUM(CASE WHEN state = :completed OR state = :interrupted THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN state = :completed2 THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN score BETWEEN 9 AND 10 THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN score BETWEEN 7 AND 8 THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN score BETWEEN 0 AND 6 THEN 1 ELSE 0 END) "
              "FROM (SELECT o.provider_id AS provider_id, o.state AS state, " +
                  order_facts::latest_score_sql(domain::FeedbackSource::customer) +
                  " AS score FROM orders o WHERE o.category_id = :category AND "
                  "o.placed_at >= :from AND o.placed_at < :next) counted "
                  "GROUP BY provider_id",
       soci::use(completed), soci::use(interrupted), soci::use(completed), soci::use(category_id),
       soci::use(from), soci::use(next_week_starts));
  for (const auto& r : first) add(counts_from(r));

  std::vector<domain::ChoiceRecordCounts> out;
  for (auto& [id, c] : by_provider)
    if (c.orders > 0) out.push_back(std::move(c));
  return out;
}

}  // namespace tarjotin::storage::provider_records
