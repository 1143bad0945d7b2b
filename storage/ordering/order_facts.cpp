#include "storage/ordering/order_facts.hpp"

#include "storage/ordering/tables.hpp"

namespace tarjotin::storage::order_facts {
namespace {

using ordering_tables::kOrders;

// Proposals (confirmed = 0) never count; of several confirmed outcomes the latest does.
std::string facts_head() {
  return "SELECT " + kOrders.columns("o") +
         ", (SELECT x.outcome_type FROM outcomes x WHERE x.order_id = o.id "
         "AND x.confirmed = 1 ORDER BY x.recorded_at DESC, x.id DESC LIMIT 1), " +
         latest_score_sql(domain::FeedbackSource::customer) + ", " +
         latest_score_sql(domain::FeedbackSource::coach) + " FROM orders o";
}

const std::vector<Cell::Kind> kFactCells = {Cell::Kind::text, Cell::Kind::integer,
                                            Cell::Kind::integer};

domain::OrderFacts facts_from(domain::Order o, const std::vector<Cell>& extra) {
  domain::OrderFacts f;
  f.order = std::move(o);
  if (!extra[0].null())
    f.outcome = enum_named<domain::OutcomeType, domain::kOutcomeTypeCount>(extra[0].text);
  Codec<std::optional<int>>::get(extra[1], f.customer_score);
  Codec<std::optional<int>>::get(extra[2], f.coach_score);
  return f;
}

}  // namespace

std::string latest_score_sql(domain::FeedbackSource source) {
  return "(SELECT f.score FROM feedback f WHERE f.order_id = o.id AND f.source = '" +
         std::string(domain::to_string(source)) + "' ORDER BY f.given_at DESC, f.id DESC LIMIT 1)";
}

void each_order(soci::session& sql, const std::string& head, const domain::OrderQuery& q,
                const std::vector<Cell::Kind>& extra, const EachOrder& each) {
  // Only the filters given become conditions, so the planner can use the index of the one that
  // narrows (an "(:x = '' OR col = :x)" condition for every filter makes both databases scan).
  std::string text = head + " JOIN categories c ON c.id = o.category_id WHERE 1 = 1";
  Binder binder;
  const auto filter = [&](bool given, const auto& value, const char* condition) {
    if (!given) return;
    text += condition;
    binder.add_value(value);
  };
  filter(!q.provider_id.empty(), q.provider_id, " AND o.provider_id = :provider");
  filter(!q.coaching_unit_id.empty(), q.coaching_unit_id, " AND o.coaching_unit_id = :unit");
  filter(!q.category_id.empty(), q.category_id, " AND o.category_id = :category");
  filter(!q.dps_id.empty(), q.dps_id, " AND c.dps_id = :dps");
  filter(!q.customer_id.empty(), q.customer_id, " AND o.customer_id = :customer");
  if (q.placed_from) filter(true, *q.placed_from, " AND o.placed_at >= :from");
  if (q.placed_until) filter(true, *q.placed_until, " AND o.placed_at < :until");
  if (q.state) filter(true, std::string(domain::to_string(*q.state)), " AND o.state = :state");
  if (q.updated_since) filter(true, *q.updated_since, " AND o.updated_at >= :since");
  if (q.after) {  // newest first, ties by id: what comes after the cursor's order
    text += " AND (o.placed_at < :after_at OR (o.placed_at = :after_at2 AND o.id > :after_id))";
    binder.add_value(q.after->placed_at);
    binder.add_value(q.after->placed_at);
    binder.add_value(q.after->id);
  }
  text += " ORDER BY o.placed_at DESC, o.id";
  filter(q.limit > 0, static_cast<long long>(q.limit), " LIMIT :limit");
  kOrders.each_bound(sql, text, binder, extra, each);
}

void each_fact(soci::session& sql, const domain::OrderQuery& q,
               const std::function<void(domain::OrderFacts)>& each) {
  each_order(sql, facts_head(), q, kFactCells,
             [&](domain::Order o, const std::vector<Cell>& extra) {
               each(facts_from(std::move(o), extra));
             });
}

std::optional<domain::OrderFacts> of_order(soci::session& sql, const std::string& order_id) {
  std::optional<domain::OrderFacts> out;
  kOrders.each_with(
      sql, facts_head() + " WHERE o.id = :id", kFactCells,
      [&](domain::Order o, const std::vector<Cell>& extra) {
        out = facts_from(std::move(o), extra);
      },
      order_id);
  return out;
}

}  // namespace tarjotin::storage::order_facts
