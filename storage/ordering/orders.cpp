// Orders, and what is kept of each: its closing report, outcomes, feedback tokens and feedback.
#include "storage/ordering/repositories.hpp"

#include <algorithm>
#include <limits>

#include "storage/ordering/order_facts.hpp"
#include "storage/ordering/order_tallies.hpp"
#include "storage/ordering/provider_records.hpp"
#include "storage/ordering/tables.hpp"
#include "storage/row_values.hpp"

namespace tarjotin::storage {

using namespace ordering_tables;

void SociOrders::add(const domain::Order& o) {
  kOrders.insert(sql_, o);
  provider_records::count(sql_, provider_records::of(o), 1);
  order_tallies::count(sql_, order_tallies::of(domain::OrderFacts{o, {}, {}, {}}), 1);
}

void SociOrders::update(const domain::Order& o) {
  // An order's state counts in its provider's record and its day's tally.
  follow(o.id, [&] { kOrders.update(sql_, o); });
}

// Runs `change` on one stored order and moves what the order counts in the provider's record
// and in its day's tally to what it counts afterwards.
template <class Change>
void SociOrders::follow(const std::string& order_id, Change&& change) {
  const auto before = order_facts::of_order(sql_, order_id);
  change();
  const auto after = order_facts::of_order(sql_, order_id);
  const auto move = [&](auto of, auto count) {
    if (before && after && of(*before) == of(*after)) return;
    if (before) count(sql_, of(*before), -1);
    if (after) count(sql_, of(*after), 1);
  };
  using domain::OrderFacts;
  move([](const OrderFacts& f) { return provider_records::of(f); }, provider_records::count);
  move([](const OrderFacts& f) { return order_tallies::of(f); }, order_tallies::count);
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

std::vector<domain::Order> SociOrders::list(const domain::OrderQuery& q) {
  std::vector<domain::Order> out;
  order_facts::each_order(
      sql_, "SELECT " + kOrders.columns("o") + " FROM orders o", q, {},
      [&](domain::Order o, const std::vector<Cell>&) { out.push_back(std::move(o)); });
  return out;
}

std::vector<domain::OrderFacts> SociOrders::facts(const domain::OrderQuery& q) {
  std::vector<domain::OrderFacts> out;
  order_facts::each_fact(sql_, q, [&](domain::OrderFacts f) { out.push_back(std::move(f)); });
  return out;
}

std::vector<domain::OrderTally> SociOrders::tallies(const domain::TallyQuery& q) {
  return order_tallies::read(sql_, q);
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

void SociOrders::add_outcome(const domain::OutcomeRecord& x) {
  const auto insert = [&] { kOutcomes.insert(sql_, x); };
  // A confirmed outcome may be the order's latest, which its tally counts; a proposal is not.
  if (x.confirmed)
    follow(x.order_id, insert);
  else
    insert();
}

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
  // Either source's latest score counts in the order's tally; the customer's also in the
  // provider's record.
  follow(f.order_id, [&] { kFeedback.insert(sql_, f); });
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
