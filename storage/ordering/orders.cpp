// Orders, and what is kept of each: its closing report, outcomes, feedback tokens and feedback.
#include "storage/ordering/repositories.hpp"

#include <algorithm>
#include <limits>

#include "storage/one_time_statements.hpp"
#include "storage/ordering/provider_records.hpp"
#include "storage/ordering/tables.hpp"
#include "storage/row_values.hpp"

namespace tarjotin::storage {

using namespace ordering_tables;

void SociOrders::add(const domain::Order& o) {
  kOrders.insert(sql_, o);
  provider_records::count(sql_, provider_records::of(o), 1);
}

void SociOrders::update(const domain::Order& o) {
  // An order's state counts in its provider's record (ended, completed).
  provider_records::follow(sql_, o.id, [&] { kOrders.update(sql_, o); });
}

std::optional<domain::Order> SociOrders::find(const std::string& id) {
  return kOrders.find_one(sql_, "WHERE id = :id", id);
}

std::optional<domain::Order> SociOrders::find_by_idempotency_key(
    const std::string& coaching_unit_id, const std::string& key) {
  if (key.empty()) return std::nullopt;  // stored as NULL, never matches
  return kOrders.find_one(sql_, "WHERE coaching_unit_id = :unit AND idempotency_key = :key",
                          coaching_unit_id, key);
}

void SociOrders::for_each_matching(const std::string& head, const domain::OrderQuery& q,
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
  kOrders.each_bound(sql_, text, binder, extra, each);
}

std::vector<domain::Order> SociOrders::list(const domain::OrderQuery& q) {
  std::vector<domain::Order> out;
  for_each_matching(
      "SELECT " + kOrders.columns("o") + " FROM orders o", q, {},
      [&](domain::Order o, const std::vector<Cell>&) { out.push_back(std::move(o)); });
  return out;
}

std::vector<domain::OrderFacts> SociOrders::facts(const domain::OrderQuery& q) {
  // Proposals (confirmed = 0) never count; of several confirmed outcomes the latest does.
  const std::string head =
      "SELECT " + kOrders.columns("o") +
      ", (SELECT x.outcome_type FROM outcomes x WHERE x.order_id = o.id "
      "AND x.confirmed = 1 ORDER BY x.recorded_at DESC, x.id DESC LIMIT 1), " +
      provider_records::latest_score_sql(domain::FeedbackSource::customer) + ", " +
      provider_records::latest_score_sql(domain::FeedbackSource::coach) + " FROM orders o";
  std::vector<domain::OrderFacts> out;
  using K = Cell::Kind;
  for_each_matching(
      head, q, {K::text, K::integer, K::integer},
      [&](domain::Order o, const std::vector<Cell>& extra) {
        domain::OrderFacts f;
        f.order = std::move(o);
        if (!extra[0].null())
          f.outcome = enum_named<domain::OutcomeType, domain::kOutcomeTypeCount>(extra[0].text);
        Codec<std::optional<int>>::get(extra[1], f.customer_score);
        Codec<std::optional<int>>::get(extra[2], f.coach_score);
        out.push_back(std::move(f));
      });
  return out;
}

std::vector<domain::ChoiceRecordCounts> SociOrders::choice_record_counts(
    const std::string& category_id, domain::Timestamp placed_from) {
  return provider_records::sum(sql_, category_id, placed_from);
}

void SociOrders::put_closing_report(const domain::ClosingReport& c) {
  if (!kClosingReports.update(sql_, c)) kClosingReports.insert(sql_, c);
}

std::optional<domain::ClosingReport> SociOrders::closing_report(const std::string& order_id) {
  return kClosingReports.find_one(sql_, "WHERE order_id = :id", order_id);
}

void SociOrders::add_outcome(const domain::OutcomeRecord& x) { kOutcomes.insert(sql_, x); }

std::vector<domain::OutcomeRecord> SociOrders::outcomes(const std::string& order_id) {
  return kOutcomes.find_all(sql_, "WHERE order_id = :id ORDER BY recorded_at, id", order_id);
}

void SociOrders::add_feedback_token(const domain::FeedbackToken& t) {
  kFeedbackTokens.insert(sql_, t);
}

std::optional<domain::FeedbackToken> SociOrders::find_feedback_token(
    const std::string& token_hash) {
  return kFeedbackTokens.find_one(sql_, "WHERE token_hash = :hash", token_hash);
}

bool SociOrders::use_feedback_token(const std::string& token_hash, domain::Timestamp at) {
  return rows_changed(sql_,
                      "UPDATE feedback_tokens SET used_at = :at WHERE token_hash = :hash "
                      "AND used_at IS NULL",
                      domain::to_micros(at), token_hash) == 1;
}

void SociOrders::add_feedback(const domain::Feedback& f) {
  const auto insert = [&] { kFeedback.insert(sql_, f); };
  // A customer's latest score counts in the provider's record; the coach's does not.
  if (f.source == domain::FeedbackSource::customer)
    provider_records::follow(sql_, f.order_id, insert);
  else
    insert();
}

std::vector<domain::Feedback> SociOrders::feedback_for_order(const std::string& order_id) {
  return kFeedback.find_all(sql_, "WHERE order_id = :id ORDER BY given_at, id", order_id);
}

std::vector<domain::Feedback> SociOrders::feedback_for_provider(const std::string& provider_id,
                                                                std::size_t limit) {
  const long long max =
      static_cast<long long>(std::min<std::size_t>(limit, std::numeric_limits<long long>::max()));
  return kFeedback.find_all(
      sql_, "WHERE provider_id = :id ORDER BY given_at DESC, id DESC LIMIT :n", provider_id, max);
}

}  // namespace tarjotin::storage
