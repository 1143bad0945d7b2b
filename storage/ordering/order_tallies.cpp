#include "storage/ordering/order_tallies.hpp"

#include <map>
#include <tuple>

#include "domain/ordering/rules.hpp"
#include "domain/ordering/scorecard.hpp"
#include "storage/ordering/order_facts.hpp"

namespace tarjotin::storage::order_tallies {

using ordering_tables::kDayTallies;
using ordering_tables::kMonthTallies;
using ordering_tables::TallyRow;
using std::chrono::year_month;

namespace {

year_month month_of(domain::Date d) {
  const std::chrono::year_month_day ymd{d};
  return ymd.year() / ymd.month();
}
domain::Date first_day_of(year_month m) { return std::chrono::sys_days{m / 1}; }
std::string text_of(year_month m) {  // as domain::month_of writes it
  return domain::month_of(domain::helsinki_midnight(first_day_of(m)));
}

std::vector<std::string> categories_of(soci::session& sql, const domain::TallyQuery& q) {
  if (!q.category_id.empty()) return {q.category_id};
  std::vector<std::string> out;
  std::string id;
  soci::statement st = (sql.prepare << "SELECT id FROM categories WHERE dps_id = :dps",
                        soci::use(q.dps_id), soci::into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

// The day rows of one category on the days [first, end), summed per month, provider and cell.
// The months bound the key's range as well as the days, so both databases walk the primary key
// from the first month to the last, in the order the rows are grouped.
void add_days(soci::session& sql, const std::string& category_id, domain::Date first,
              domain::Date end, std::vector<domain::OrderTally>& out) {
  if (end <= first) return;
  Binder binder;
  binder.add_value(category_id);
  binder.add_value(text_of(month_of(first)));
  binder.add_value(text_of(month_of(end - std::chrono::days{1})));
  binder.add_value(first);
  binder.add_value(end);
  kDayTallies.each_bound(
      sql,
      "SELECT " + kDayTallies.sums("t", 5) +
          " FROM order_tallies t WHERE t.category_id = :category AND t.month >= :first_month "
          "AND t.month <= :last_month AND t.day >= :first_day AND t.day < :end_day "
          "GROUP BY t.category_id, t.month, t.provider_id, t.unemployment, t.age",
      binder, {}, [&](TallyRow r, const std::vector<Cell>&) { out.push_back(std::move(r.tally)); });
}

}  // namespace

TallyRow of(const domain::OrderFacts& facts) {
  return {domain::helsinki_date(facts.order.placed_at), domain::tally_of(facts)};
}

void count(soci::session& sql, const TallyRow& row, int sign) {
  TallyRow change = row;
  domain::add_counts(change.tally, row.tally, sign - 1);  // the row's counts times `sign`
  kDayTallies.insert_or_add(sql, change);
  kMonthTallies.insert_or_add(sql, change.tally);
}

std::vector<domain::OrderTally> read(soci::session& sql, const domain::TallyQuery& q) {
  std::vector<domain::OrderTally> out;
  if (q.end_day <= q.first_day) return out;
  // Whole months from the month rows, the days of the months begun or left unfinished from the
  // day rows: a report over five years reads some sixty month rows per provider and cell.
  const year_month first_month =
      std::chrono::year_month_day{q.first_day}.day() == std::chrono::day{1}
          ? month_of(q.first_day)
          : month_of(q.first_day) + std::chrono::months{1};
  const year_month end_month = month_of(q.end_day);  // begun, or starting, on end_day
  for (const auto& category_id : categories_of(sql, q)) {
    if (end_month <= first_month) {
      add_days(sql, category_id, q.first_day, q.end_day, out);
      continue;
    }
    for (auto& t : kMonthTallies.find_all(
             sql, "WHERE category_id = :category AND month >= :first AND month < :end", category_id,
             text_of(first_month), text_of(end_month)))
      out.push_back(std::move(t));
    add_days(sql, category_id, q.first_day, first_day_of(first_month), out);
    add_days(sql, category_id, first_day_of(end_month), q.end_day, out);
  }
  return out;
}

namespace {

// The orders of one category placed on the seven Helsinki days from `first`, counted.
std::vector<TallyRow> week_of(soci::session& sql, const std::string& category_id,
                              domain::Date first) {
  domain::OrderQuery week;
  week.category_id = category_id;  // so the category's index finds the week's orders
  week.placed_from = domain::helsinki_midnight(first);
  week.placed_until = domain::helsinki_midnight(first + std::chrono::days{7});
  using Key =
      std::tuple<std::string, std::string, domain::UnemploymentBand, domain::AgeBand, long long>;
  std::map<Key, TallyRow> rows;
  order_facts::each_fact(sql, week, [&](domain::OrderFacts f) {
    const TallyRow one = of(f);
    const auto& t = one.tally;
    auto [at, added] = rows.try_emplace(
        Key{t.month, t.provider_id, t.unemployment, t.age, one.day.time_since_epoch().count()},
        one);
    if (!added) domain::add_counts(at->second.tally, t);
  });
  std::vector<TallyRow> out;
  out.reserve(rows.size());
  for (auto& [key, row] : rows) out.push_back(std::move(row));
  return out;
}

}  // namespace

void fill(soci::session& sql) {
  std::vector<std::string> categories;
  {
    std::string id;
    soci::statement st = (sql.prepare << "SELECT id FROM categories", soci::into(id));
    st.execute();
    while (st.fetch()) categories.push_back(id);
  }
  for (const auto& category_id : categories) {
    long long first = 0, last = 0;
    soci::indicator first_null = soci::i_ok, last_null = soci::i_ok;
    sql << "SELECT MIN(placed_at), MAX(placed_at) FROM orders WHERE category_id = :category",
        soci::use(category_id), soci::into(first, first_null), soci::into(last, last_null);
    if (first_null == soci::i_null || last_null == soci::i_null) continue;  // no orders
    // A week at a time, so neither the orders read nor the rows made grow with the years.
    const auto last_day = domain::helsinki_date(domain::from_micros(last));
    for (auto day = domain::helsinki_date(domain::from_micros(first)); day <= last_day;
         day += std::chrono::days{7})
      kDayTallies.insert_all(sql, week_of(sql, category_id, day));
  }
  sql << "INSERT INTO order_tallies_by_month SELECT " + kMonthTallies.sums("t", 5) +
             " FROM order_tallies t GROUP BY t.category_id, t.month, t.provider_id, "
             "t.unemployment, t.age";
}

}  // namespace tarjotin::storage::order_tallies
