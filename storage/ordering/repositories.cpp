#include "storage/ordering/repositories.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <stdexcept>

#include "storage/one_time_statements.hpp"
#include "storage/ordering/provider_records.hpp"
#include "storage/ordering/tables.hpp"
#include "storage/row_values.hpp"

namespace tarjotin::storage {
namespace {

using namespace ordering_tables;

using domain::Date;
using domain::from_micros;
using domain::to_micros;

// An optional double bound with an indicator.
struct NullableDouble {
  double value = 0;
  soci::indicator ind = soci::i_null;
  explicit NullableDouble(std::optional<double> v)
      : value(v.value_or(0)), ind(v ? soci::i_ok : soci::i_null) {}
};

}  // namespace

// ---- Offerings ----

void SociOfferings::add(const domain::Offering& o) { kOfferings.insert(sql_, o); }

void SociOfferings::update(const domain::Offering& o) { kOfferings.update(sql_, o); }

std::vector<domain::Offering> SociOfferings::select(const std::string& where,
                                                    const std::string& value) {
  return kOfferings.find_all(sql_, where + " ORDER BY created_at, id", value);
}

std::optional<domain::Offering> SociOfferings::find(const std::string& id) {
  auto found = select("WHERE id = :v", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<domain::Offering> SociOfferings::list_for_category(const std::string& category_id) {
  return select("WHERE category_id = :v", category_id);
}

std::vector<domain::Offering> SociOfferings::list_for_provider(const std::string& provider_id) {
  return select("WHERE provider_id = :v", provider_id);
}

bool SociOfferings::take_place(const std::string& offering_id) {
  // One conditional statement, so two transactions can never both take the last place.
  return rows_changed(sql_,
                      "UPDATE offerings SET free_places = free_places - 1 "
                      "WHERE id = :id AND free_places > 0",
                      offering_id) == 1;
}

void SociOfferings::return_place(const std::string& offering_id) {
  sql_ << "UPDATE offerings SET free_places = free_places + 1 WHERE id = :id",
      soci::use(offering_id);
}

void SociOfferings::set_free_places(const std::string& offering_id, int free_places) {
  sql_ << "UPDATE offerings SET free_places = :n WHERE id = :id", soci::use(free_places),
      soci::use(offering_id);
}

// ---- Customers ----

void SociCustomers::add(const domain::Customer& c) { kCustomers.insert(sql_, c); }

void SociCustomers::update(const domain::Customer& c) { kCustomers.update(sql_, c); }

std::optional<domain::Customer> SociCustomers::find(const std::string& id) {
  return kCustomers.find_one(sql_, "WHERE id = :id", id);
}

std::optional<domain::Customer> SociCustomers::find_by_reference(
    const std::string& coaching_unit_id, const std::string& reference) {
  return kCustomers.find_one(sql_, "WHERE coaching_unit_id = :unit AND reference = :ref",
                             coaching_unit_id, reference);
}

void SociCustomers::add_consent(const domain::Consent& c) { kConsents.insert(sql_, c); }

void SociCustomers::update_consent(const domain::Consent& c) { kConsents.update(sql_, c); }

std::vector<domain::Consent> SociCustomers::consents(const std::string& customer_id) {
  return kConsents.find_all(sql_, "WHERE customer_id = :c ORDER BY given_at, id", customer_id);
}

// ---- Choice sets ----

void SociChoiceSets::add(const domain::ChoiceSet& s) {
  // All 64 bits of the seed, kept in a signed BIGINT.
  const long long seed = std::bit_cast<long long>(s.seed);
  const long long start_by = day_number(s.start_by), created = to_micros(s.created_at),
                  expires = to_micros(s.expires_at);
  soci::indicator order = null_if_empty(s.order_id);
  sql_ << "INSERT INTO choice_sets (id, category_id, customer_id, coaching_unit_id, "
          "requested_by, seed, start_by, created_at, expires_at, order_id) VALUES (:id, "
          ":category, :customer, :unit, :by, :seed, :start_by, :created, :expires, :order_id)",
      soci::use(s.id), soci::use(s.category_id), soci::use(s.customer_id),
      soci::use(s.coaching_unit_id), soci::use(s.requested_by), soci::use(seed),
      soci::use(start_by), soci::use(created), soci::use(expires), soci::use(s.order_id, order);
  for (const auto& e : s.entries) {
    NullableDouble completion(e.completion_rate), nps(e.net_promoter_score);
    const auto low = [](const std::optional<domain::Interval>& b) {
      return b ? std::optional<double>(b->low) : std::nullopt;
    };
    const auto high = [](const std::optional<domain::Interval>& b) {
      return b ? std::optional<double>(b->high) : std::nullopt;
    };
    NullableDouble completion_low(low(e.completion_interval)),
        completion_high(high(e.completion_interval)), nps_low(low(e.nps_interval)),
        nps_high(high(e.nps_interval));
    sql_ << "INSERT INTO choice_set_entries (choice_set_id, position, offering_id, provider_id, "
            "unit_price_cents, order_count, completion_rate, net_promoter_score, nps_responses, "
            "ended_count, completion_low, completion_high, nps_low, nps_high) "
            "VALUES (:set, :pos, :offering, :provider, :price, :orders, :completion, :nps, "
            ":responses, :ended, :completion_low, :completion_high, :nps_low, :nps_high)",
        soci::use(s.id), soci::use(e.position), soci::use(e.offering_id), soci::use(e.provider_id),
        soci::use(e.unit_price_cents), soci::use(e.orders),
        soci::use(completion.value, completion.ind), soci::use(nps.value, nps.ind),
        soci::use(e.nps_responses), soci::use(e.ended),
        soci::use(completion_low.value, completion_low.ind),
        soci::use(completion_high.value, completion_high.ind),
        soci::use(nps_low.value, nps_low.ind), soci::use(nps_high.value, nps_high.ind);
  }
}

bool SociChoiceSets::claim(const std::string& set_id, const std::string& order_id) {
  return rows_changed(sql_,
                      "UPDATE choice_sets SET order_id = :order WHERE id = :id "
                      "AND order_id IS NULL",
                      order_id, set_id) == 1;
}

std::optional<domain::ChoiceSet> SociChoiceSets::find(const std::string& id) {
  soci::row r;
  sql_ << "SELECT id, category_id, customer_id, coaching_unit_id, requested_by, seed, start_by, "
          "created_at, expires_at, order_id FROM choice_sets WHERE id = :id",
      soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  domain::ChoiceSet s;
  s.id = r.get<std::string>(0);
  s.category_id = r.get<std::string>(1);
  s.customer_id = r.get<std::string>(2);
  s.coaching_unit_id = r.get<std::string>(3);
  s.requested_by = r.get<std::string>(4);
  s.seed = std::bit_cast<std::uint64_t>(int64_at(r, 5));
  s.start_by = date_from(int64_at(r, 6));
  s.created_at = from_micros(int64_at(r, 7));
  s.expires_at = from_micros(int64_at(r, 8));
  s.order_id = text_at(r, 9);
  for_each_row(
      sql_,
      "SELECT position, offering_id, provider_id, unit_price_cents, order_count, "
      "completion_rate, net_promoter_score, nps_responses, ended_count, completion_low, "
      "completion_high, nps_low, nps_high FROM choice_set_entries WHERE choice_set_id = :id "
      "ORDER BY position",
      [&](const soci::row& e) {
        domain::ChoiceEntry entry;
        entry.position = static_cast<int>(int64_at(e, 0));
        entry.offering_id = e.get<std::string>(1);
        entry.provider_id = e.get<std::string>(2);
        entry.unit_price_cents = int64_at(e, 3);
        entry.orders = static_cast<int>(int64_at(e, 4));
        if (!is_null(e, 5)) entry.completion_rate = double_at(e, 5);
        if (!is_null(e, 6)) entry.net_promoter_score = double_at(e, 6);
        entry.nps_responses = static_cast<int>(int64_at(e, 7));
        entry.ended = static_cast<int>(int64_at(e, 8));
        if (!is_null(e, 9) && !is_null(e, 10))
          entry.completion_interval = domain::Interval{double_at(e, 9), double_at(e, 10)};
        if (!is_null(e, 11) && !is_null(e, 12))
          entry.nps_interval = domain::Interval{double_at(e, 11), double_at(e, 12)};
        s.entries.push_back(std::move(entry));
      },
      id);
  return s;
}

// ---- Orders ----

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
  const long long used = to_micros(at);
  soci::statement st = (sql_.prepare << "UPDATE feedback_tokens SET used_at = :at WHERE "
                                        "token_hash = :hash AND used_at IS NULL",
                        soci::use(used), soci::use(token_hash));
  st.execute(true);
  return st.get_affected_rows() == 1;
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
