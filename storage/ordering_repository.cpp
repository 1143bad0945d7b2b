#include "storage/ordering_repository.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <stdexcept>

#include "storage/one_time_statements.hpp"
#include "storage/provider_records.hpp"
#include "storage/row_values.hpp"
#include "storage/text_lists.hpp"

namespace tarjotin::storage {
namespace {

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

// ---- Offerings ----

constexpr const char* kOfferingColumns =
    "SELECT id, provider_id, category_id, description_fi, description_sv, description_en, "
    "unit_price_cents, outcome_bonus_cents, free_places, regions, languages, earliest_start, "
    "typical_duration_days, active, created_at, updated_at FROM offerings ";

domain::Offering offering_from(const soci::row& r) {
  domain::Offering o;
  o.id = r.get<std::string>(0);
  o.provider_id = r.get<std::string>(1);
  o.category_id = r.get<std::string>(2);
  o.description = {r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5)};
  o.unit_price_cents = int64_at(r, 6);
  o.outcome_bonus_cents = split_amounts(r.get<std::string>(7));
  o.free_places = static_cast<int>(int64_at(r, 8));
  o.regions = split_lines(r.get<std::string>(9));
  o.languages = split_lines(r.get<std::string>(10));
  o.earliest_start = date_from(int64_at(r, 11));
  o.typical_duration_days = static_cast<int>(int64_at(r, 12));
  o.active = int64_at(r, 13) != 0;
  o.created_at = from_micros(int64_at(r, 14));
  o.updated_at = from_micros(int64_at(r, 15));
  return o;
}

// An offering's columns in the form SOCI binds, shared by insert and update.
struct OfferingRow {
  std::string bonuses, regions, languages;
  long long earliest_start;
  int active;
  long long created, updated;

  explicit OfferingRow(const domain::Offering& o)
      : bonuses(join_amounts(o.outcome_bonus_cents)),
        regions(join_lines(o.regions)),
        languages(join_lines(o.languages)),
        earliest_start(day_number(o.earliest_start)),
        active(o.active ? 1 : 0),
        created(to_micros(o.created_at)),
        updated(to_micros(o.updated_at)) {}
};

// ---- Customers and consents ----

constexpr const char* kCustomerColumns =
    "SELECT id, coaching_unit_id, reference, region, languages, unemployment, age, created_by, "
    "created_at, updated_at FROM customers ";

domain::Customer customer_from(const soci::row& r) {
  domain::Customer c;
  c.id = r.get<std::string>(0);
  c.coaching_unit_id = r.get<std::string>(1);
  c.reference = r.get<std::string>(2);
  c.region = r.get<std::string>(3);
  c.languages = split_lines(r.get<std::string>(4));
  c.unemployment =
      enum_named<domain::UnemploymentBand, domain::kUnemploymentBandCount>(r.get<std::string>(5));
  c.age = enum_named<domain::AgeBand, domain::kAgeBandCount>(r.get<std::string>(6));
  c.created_by = r.get<std::string>(7);
  c.created_at = from_micros(int64_at(r, 8));
  c.updated_at = from_micros(int64_at(r, 9));
  return c;
}

struct CustomerRow {
  std::string languages, unemployment, age;
  long long created, updated;

  explicit CustomerRow(const domain::Customer& c)
      : languages(join_lines(c.languages)),
        unemployment(domain::to_string(c.unemployment)),
        age(domain::to_string(c.age)),
        created(to_micros(c.created_at)),
        updated(to_micros(c.updated_at)) {}
};

struct ConsentRow {
  std::string scope;
  long long given;
  Nullable withdrawn;

  explicit ConsentRow(const domain::Consent& c)
      : scope(domain::to_string(c.scope)),
        given(to_micros(c.given_at)),
        withdrawn(micros_or_null(c.withdrawn_at)) {}
};

// ---- Orders ----

constexpr const char* kOrderFields =
    "o.id, o.choice_set_id, o.offering_id, o.provider_id, o.category_id, o.customer_id, "
    "o.coaching_unit_id, o.ordered_by, o.unit_price_cents, o.outcome_bonus_cents, "
    "o.chosen_by_customer, o.choice_reason, o.state, o.reason, o.placed_at, o.accepted_at, "
    "o.started_at, o.ended_at, o.updated_at, o.idempotency_key, o.request_fingerprint, "
    "o.customer_unemployment, o.customer_age";
constexpr std::size_t kOrderFieldCount = 23;

domain::Order order_from(const soci::row& r) {
  domain::Order o;
  o.id = r.get<std::string>(0);
  o.choice_set_id = text_at(r, 1);
  o.offering_id = r.get<std::string>(2);
  o.provider_id = r.get<std::string>(3);
  o.category_id = r.get<std::string>(4);
  o.customer_id = r.get<std::string>(5);
  o.coaching_unit_id = r.get<std::string>(6);
  o.ordered_by = r.get<std::string>(7);
  o.unit_price_cents = int64_at(r, 8);
  o.outcome_bonus_cents = split_amounts(r.get<std::string>(9));
  o.chosen_by_customer = int64_at(r, 10) != 0;
  o.choice_reason = r.get<std::string>(11);
  o.state = enum_named<domain::OrderState, domain::kOrderStateCount>(r.get<std::string>(12));
  o.reason = r.get<std::string>(13);
  o.placed_at = from_micros(int64_at(r, 14));
  o.accepted_at = optional_micros_at(r, 15);
  o.started_at = optional_micros_at(r, 16);
  o.ended_at = optional_micros_at(r, 17);
  o.updated_at = from_micros(int64_at(r, 18));
  o.idempotency_key = text_at(r, 19);
  o.request_fingerprint = r.get<std::string>(20);
  o.customer_unemployment =
      enum_named<domain::UnemploymentBand, domain::kUnemploymentBandCount>(r.get<std::string>(21));
  o.customer_age = enum_named<domain::AgeBand, domain::kAgeBandCount>(r.get<std::string>(22));
  return o;
}

// An order's columns in the form SOCI binds, shared by insert and update. An empty choice set
// id or idempotency key is stored as NULL: the one is a foreign key, the other is unique per
// coaching unit and must not collide between orders that have none.
struct OrderRow {
  soci::indicator choice_set_ind, key_ind;
  std::string bonuses, state, unemployment, age;
  int chosen;
  long long placed;
  Nullable accepted, started, ended;
  long long updated;

  explicit OrderRow(const domain::Order& o)
      : choice_set_ind(null_if_empty(o.choice_set_id)),
        key_ind(null_if_empty(o.idempotency_key)),
        bonuses(join_amounts(o.outcome_bonus_cents)),
        state(domain::to_string(o.state)),
        unemployment(domain::to_string(o.customer_unemployment)),
        age(domain::to_string(o.customer_age)),
        chosen(o.chosen_by_customer ? 1 : 0),
        placed(to_micros(o.placed_at)),
        accepted(micros_or_null(o.accepted_at)),
        started(micros_or_null(o.started_at)),
        ended(micros_or_null(o.ended_at)),
        updated(to_micros(o.updated_at)) {}
};

constexpr const char* kFeedbackColumns =
    "SELECT id, order_id, provider_id, category_id, source, score, comment, language, given_at "
    "FROM feedback ";

domain::Feedback feedback_from(const soci::row& r) {
  domain::Feedback f;
  f.id = r.get<std::string>(0);
  f.order_id = r.get<std::string>(1);
  f.provider_id = r.get<std::string>(2);
  f.category_id = r.get<std::string>(3);
  f.source =
      enum_named<domain::FeedbackSource, domain::kFeedbackSourceCount>(r.get<std::string>(4));
  f.score = static_cast<int>(int64_at(r, 5));
  f.comment = r.get<std::string>(6);
  f.language = r.get<std::string>(7);
  f.given_at = from_micros(int64_at(r, 8));
  return f;
}

}  // namespace

// ---- Offerings ----

void SociOfferings::add(const domain::Offering& o) {
  OfferingRow row(o);
  sql_ << "INSERT INTO offerings (id, provider_id, category_id, description_fi, description_sv, "
          "description_en, unit_price_cents, outcome_bonus_cents, free_places, regions, "
          "languages, earliest_start, typical_duration_days, active, created_at, updated_at) "
          "VALUES (:id, :provider, :category, :fi, :sv, :en, :price, :bonuses, :places, "
          ":regions, :langs, :start, :duration, :active, :created, :updated)",
      soci::use(o.id), soci::use(o.provider_id), soci::use(o.category_id),
      soci::use(o.description.fi), soci::use(o.description.sv), soci::use(o.description.en),
      soci::use(o.unit_price_cents), soci::use(row.bonuses), soci::use(o.free_places),
      soci::use(row.regions), soci::use(row.languages), soci::use(row.earliest_start),
      soci::use(o.typical_duration_days), soci::use(row.active), soci::use(row.created),
      soci::use(row.updated);
}

void SociOfferings::update(const domain::Offering& o) {
  OfferingRow row(o);
  sql_ << "UPDATE offerings SET provider_id = :provider, category_id = :category, "
          "description_fi = :fi, description_sv = :sv, description_en = :en, unit_price_cents = "
          ":price, outcome_bonus_cents = :bonuses, regions = :regions, languages = :langs, "
          "earliest_start = :start, typical_duration_days = :duration, active = :active, "
          "created_at = :created, updated_at = :updated WHERE id = :id",
      soci::use(o.provider_id), soci::use(o.category_id), soci::use(o.description.fi),
      soci::use(o.description.sv), soci::use(o.description.en), soci::use(o.unit_price_cents),
      soci::use(row.bonuses), soci::use(row.regions), soci::use(row.languages),
      soci::use(row.earliest_start), soci::use(o.typical_duration_days), soci::use(row.active),
      soci::use(row.created), soci::use(row.updated), soci::use(o.id);
}

std::vector<domain::Offering> SociOfferings::select(const std::string& where,
                                                    const std::string& value) {
  std::vector<domain::Offering> out;
  for_each_row(
      sql_, std::string(kOfferingColumns) + where + " ORDER BY created_at, id",
      [&](const soci::row& r) { out.push_back(offering_from(r)); }, value);
  return out;
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

void SociCustomers::add(const domain::Customer& c) {
  CustomerRow row(c);
  sql_ << "INSERT INTO customers (id, coaching_unit_id, reference, region, languages, "
          "unemployment, age, created_by, created_at, updated_at) VALUES (:id, :unit, :ref, "
          ":region, :langs, :unemployment, :age, :by, :created, :updated)",
      soci::use(c.id), soci::use(c.coaching_unit_id), soci::use(c.reference), soci::use(c.region),
      soci::use(row.languages), soci::use(row.unemployment), soci::use(row.age),
      soci::use(c.created_by), soci::use(row.created), soci::use(row.updated);
}

void SociCustomers::update(const domain::Customer& c) {
  CustomerRow row(c);
  sql_ << "UPDATE customers SET coaching_unit_id = :unit, reference = :ref, region = :region, "
          "languages = :langs, unemployment = :unemployment, age = :age, created_by = :by, "
          "created_at = :created, updated_at = :updated WHERE id = :id",
      soci::use(c.coaching_unit_id), soci::use(c.reference), soci::use(c.region),
      soci::use(row.languages), soci::use(row.unemployment), soci::use(row.age),
      soci::use(c.created_by), soci::use(row.created), soci::use(row.updated), soci::use(c.id);
}

std::optional<domain::Customer> SociCustomers::find(const std::string& id) {
  soci::row r;
  sql_ << std::string(kCustomerColumns) + "WHERE id = :id", soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return customer_from(r);
}

std::optional<domain::Customer> SociCustomers::find_by_reference(
    const std::string& coaching_unit_id, const std::string& reference) {
  soci::row r;
  sql_ << std::string(kCustomerColumns) + "WHERE coaching_unit_id = :unit AND reference = :ref",
      soci::use(coaching_unit_id), soci::use(reference), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return customer_from(r);
}

void SociCustomers::add_consent(const domain::Consent& c) {
  ConsentRow row(c);
  sql_ << "INSERT INTO consents (id, customer_id, provider_id, scope, given_at, withdrawn_at, "
          "recorded_by) VALUES (:id, :customer, :provider, :scope, :given, :withdrawn, :by)",
      soci::use(c.id), soci::use(c.customer_id), soci::use(c.provider_id), soci::use(row.scope),
      soci::use(row.given), soci::use(row.withdrawn.value, row.withdrawn.ind),
      soci::use(c.recorded_by);
}

void SociCustomers::update_consent(const domain::Consent& c) {
  ConsentRow row(c);
  sql_ << "UPDATE consents SET customer_id = :customer, provider_id = :provider, scope = :scope, "
          "given_at = :given, withdrawn_at = :withdrawn, recorded_by = :by WHERE id = :id",
      soci::use(c.customer_id), soci::use(c.provider_id), soci::use(row.scope),
      soci::use(row.given), soci::use(row.withdrawn.value, row.withdrawn.ind),
      soci::use(c.recorded_by), soci::use(c.id);
}

std::vector<domain::Consent> SociCustomers::consents(const std::string& customer_id) {
  std::vector<domain::Consent> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, customer_id, provider_id, scope, given_at, withdrawn_at, "
                       "recorded_by FROM consents WHERE customer_id = :c ORDER BY given_at, id",
       soci::use(customer_id));
  for (const auto& r : rows) {
    domain::Consent c;
    c.id = r.get<std::string>(0);
    c.customer_id = r.get<std::string>(1);
    c.provider_id = r.get<std::string>(2);
    c.scope = enum_named<domain::ConsentScope, domain::kConsentScopeCount>(r.get<std::string>(3));
    c.given_at = from_micros(int64_at(r, 4));
    c.withdrawn_at = optional_micros_at(r, 5);
    c.recorded_by = r.get<std::string>(6);
    out.push_back(std::move(c));
  }
  return out;
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
  OrderRow row(o);
  sql_ << "INSERT INTO orders (id, choice_set_id, offering_id, provider_id, category_id, "
          "customer_id, coaching_unit_id, ordered_by, unit_price_cents, outcome_bonus_cents, "
          "chosen_by_customer, choice_reason, state, reason, placed_at, accepted_at, started_at, "
          "ended_at, updated_at, idempotency_key, request_fingerprint, customer_unemployment, "
          "customer_age) VALUES (:id, :set, :offering, :provider, :category, :customer, :unit, "
          ":by, :price, :bonuses, :chosen, :choice_reason, :state, :reason, :placed, :accepted, "
          ":started, :ended, :updated, :key, :fingerprint, :unemployment, :age)",
      soci::use(o.id), soci::use(o.choice_set_id, row.choice_set_ind), soci::use(o.offering_id),
      soci::use(o.provider_id), soci::use(o.category_id), soci::use(o.customer_id),
      soci::use(o.coaching_unit_id), soci::use(o.ordered_by), soci::use(o.unit_price_cents),
      soci::use(row.bonuses), soci::use(row.chosen), soci::use(o.choice_reason),
      soci::use(row.state), soci::use(o.reason), soci::use(row.placed),
      soci::use(row.accepted.value, row.accepted.ind),
      soci::use(row.started.value, row.started.ind), soci::use(row.ended.value, row.ended.ind),
      soci::use(row.updated), soci::use(o.idempotency_key, row.key_ind),
      soci::use(o.request_fingerprint), soci::use(row.unemployment), soci::use(row.age);
  provider_records::count(sql_, provider_records::of(o), 1);
}

void SociOrders::update(const domain::Order& o) {
  OrderRow row(o);
  // An order's state counts in its provider's record (ended, completed).
  provider_records::follow(sql_, o.id, [&] {
    sql_
        << "UPDATE orders SET choice_set_id = :set, offering_id = :offering, provider_id = "
           ":provider, category_id = :category, customer_id = :customer, coaching_unit_id = :unit, "
           "ordered_by = :by, unit_price_cents = :price, outcome_bonus_cents = :bonuses, "
           "chosen_by_customer = :chosen, choice_reason = :choice_reason, state = :state, reason = "
           ":reason, placed_at = :placed, accepted_at = :accepted, started_at = :started, "
           "ended_at = :ended, updated_at = :updated, idempotency_key = :key, request_fingerprint "
           "= :fingerprint, customer_unemployment = :unemployment, customer_age = :age "
           "WHERE id = :id",
        soci::use(o.choice_set_id, row.choice_set_ind), soci::use(o.offering_id),
        soci::use(o.provider_id), soci::use(o.category_id), soci::use(o.customer_id),
        soci::use(o.coaching_unit_id), soci::use(o.ordered_by), soci::use(o.unit_price_cents),
        soci::use(row.bonuses), soci::use(row.chosen), soci::use(o.choice_reason),
        soci::use(row.state), soci::use(o.reason), soci::use(row.placed),
        soci::use(row.accepted.value, row.accepted.ind),
        soci::use(row.started.value, row.started.ind), soci::use(row.ended.value, row.ended.ind),
        soci::use(row.updated), soci::use(o.idempotency_key, row.key_ind),
        soci::use(o.request_fingerprint), soci::use(row.unemployment), soci::use(row.age),
        soci::use(o.id);
  });
}

std::optional<domain::Order> SociOrders::find(const std::string& id) {
  soci::row r;
  sql_ << "SELECT " + std::string(kOrderFields) + " FROM orders o WHERE o.id = :id", soci::use(id),
      soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return order_from(r);
}

std::optional<domain::Order> SociOrders::find_by_idempotency_key(
    const std::string& coaching_unit_id, const std::string& key) {
  if (key.empty()) return std::nullopt;  // stored as NULL, never matches
  soci::row r;
  sql_ << "SELECT " + std::string(kOrderFields) +
              " FROM orders o WHERE o.coaching_unit_id = :unit AND o.idempotency_key = :key",
      soci::use(coaching_unit_id), soci::use(key), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return order_from(r);
}

void SociOrders::for_each_matching(const std::string& head, const domain::OrderQuery& q,
                                   const std::function<void(const soci::row&)>& each) {
  // Only the filters given become conditions, so the planner can use the index of the one that
  // narrows (an "(:x = '' OR col = :x)" condition for every filter makes both databases scan).
  const long long from = q.placed_from ? to_micros(*q.placed_from) : 0;
  const long long until = q.placed_until ? to_micros(*q.placed_until) : 0;
  const std::string state = q.state ? std::string(domain::to_string(*q.state)) : "";
  const long long since = q.updated_since ? to_micros(*q.updated_since) : 0;
  const long long after_at = q.after ? to_micros(q.after->placed_at) : 0;
  const std::string after_id = q.after ? q.after->id : "";
  const long long limit = static_cast<long long>(q.limit);
  std::string text = head + " JOIN categories c ON c.id = o.category_id WHERE 1 = 1";
  std::vector<std::function<void(soci::details::prepare_temp_type&)>> binds;
  const auto text_filter = [&](const std::string& value, const char* condition) {
    if (value.empty()) return;
    text += condition;
    binds.push_back([&value](auto& st) { st, soci::use(value); });
  };
  const auto number_filter = [&](bool given, const long long& value, const char* condition) {
    if (!given) return;
    text += condition;
    binds.push_back([&value](auto& st) { st, soci::use(value); });
  };
  text_filter(q.provider_id, " AND o.provider_id = :provider");
  text_filter(q.coaching_unit_id, " AND o.coaching_unit_id = :unit");
  text_filter(q.category_id, " AND o.category_id = :category");
  text_filter(q.dps_id, " AND c.dps_id = :dps");
  text_filter(q.customer_id, " AND o.customer_id = :customer");
  number_filter(q.placed_from.has_value(), from, " AND o.placed_at >= :from");
  number_filter(q.placed_until.has_value(), until, " AND o.placed_at < :until");
  text_filter(state, " AND o.state = :state");
  number_filter(q.updated_since.has_value(), since, " AND o.updated_at >= :since");
  if (q.after) {  // newest first, ties by id: what comes after the cursor's order
    text += " AND (o.placed_at < :after_at OR (o.placed_at = :after_at2 AND o.id > :after_id))";
    binds.push_back(
        [&](auto& st) { st, soci::use(after_at), soci::use(after_at), soci::use(after_id); });
  }
  text += " ORDER BY o.placed_at DESC, o.id";
  number_filter(limit > 0, limit, " LIMIT :limit");
  soci::details::prepare_temp_type statement = sql_.prepare << text;
  for (const auto& bind : binds) bind(statement);
  soci::rowset<soci::row> rows(statement);
  for (const auto& r : rows) each(r);
}

std::vector<domain::Order> SociOrders::list(const domain::OrderQuery& q) {
  std::vector<domain::Order> out;
  for_each_matching("SELECT " + std::string(kOrderFields) + " FROM orders o", q,
                    [&](const soci::row& r) { out.push_back(order_from(r)); });
  return out;
}

std::vector<domain::OrderFacts> SociOrders::facts(const domain::OrderQuery& q) {
  // Proposals (confirmed = 0) never count; of several confirmed outcomes the latest does.
  const std::string head =
      "SELECT " + std::string(kOrderFields) +
      ", (SELECT x.outcome_type FROM outcomes x WHERE x.order_id = o.id "
      "AND x.confirmed = 1 ORDER BY x.recorded_at DESC, x.id DESC LIMIT 1), " +
      provider_records::latest_score_sql(domain::FeedbackSource::customer) + ", " +
      provider_records::latest_score_sql(domain::FeedbackSource::coach) + " FROM orders o";
  std::vector<domain::OrderFacts> out;
  for_each_matching(head, q, [&](const soci::row& r) {
    constexpr std::size_t n = kOrderFieldCount;
    domain::OrderFacts f;
    f.order = order_from(r);
    if (!is_null(r, n))
      f.outcome = enum_named<domain::OutcomeType, domain::kOutcomeTypeCount>(r.get<std::string>(n));
    if (!is_null(r, n + 1)) f.customer_score = static_cast<int>(int64_at(r, n + 1));
    if (!is_null(r, n + 2)) f.coach_score = static_cast<int>(int64_at(r, n + 2));
    out.push_back(std::move(f));
  });
  return out;
}

std::vector<domain::ChoiceRecordCounts> SociOrders::choice_record_counts(
    const std::string& category_id, domain::Timestamp placed_from) {
  return provider_records::sum(sql_, category_id, placed_from);
}

void SociOrders::put_closing_report(const domain::ClosingReport& c) {
  const int needed = c.further_support_needed ? 1 : 0;
  const long long written = to_micros(c.written_at);
  sql_ << "DELETE FROM closing_reports WHERE order_id = :id", soci::use(c.order_id);
  sql_ << "INSERT INTO closing_reports (order_id, work_done, results, next_steps, "
          "further_support_needed, further_support, written_by, written_at) VALUES (:id, :work, "
          ":results, :next, :needed, :support, :by, :at)",
      soci::use(c.order_id), soci::use(c.work_done), soci::use(c.results), soci::use(c.next_steps),
      soci::use(needed), soci::use(c.further_support), soci::use(c.written_by), soci::use(written);
}

std::optional<domain::ClosingReport> SociOrders::closing_report(const std::string& order_id) {
  soci::row r;
  sql_ << "SELECT order_id, work_done, results, next_steps, further_support_needed, "
          "further_support, written_by, written_at FROM closing_reports WHERE order_id = :id",
      soci::use(order_id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  domain::ClosingReport c;
  c.order_id = r.get<std::string>(0);
  c.work_done = r.get<std::string>(1);
  c.results = r.get<std::string>(2);
  c.next_steps = r.get<std::string>(3);
  c.further_support_needed = int64_at(r, 4) != 0;
  c.further_support = r.get<std::string>(5);
  c.written_by = r.get<std::string>(6);
  c.written_at = from_micros(int64_at(r, 7));
  return c;
}

void SociOrders::add_outcome(const domain::OutcomeRecord& x) {
  const std::string type(domain::to_string(x.type));
  const long long date = day_number(x.date), recorded = to_micros(x.recorded_at);
  const int confirmed = x.confirmed ? 1 : 0;
  sql_ << "INSERT INTO outcomes (id, order_id, outcome_type, outcome_date, confirmed, note, "
          "recorded_by, recorded_at) VALUES (:id, :order, :type, :date, :confirmed, :note, :by, "
          ":at)",
      soci::use(x.id), soci::use(x.order_id), soci::use(type), soci::use(date),
      soci::use(confirmed), soci::use(x.note), soci::use(x.recorded_by), soci::use(recorded);
}

std::vector<domain::OutcomeRecord> SociOrders::outcomes(const std::string& order_id) {
  std::vector<domain::OutcomeRecord> out;
  for_each_row(
      sql_,
      "SELECT id, order_id, outcome_type, outcome_date, confirmed, note, recorded_by, "
      "recorded_at FROM outcomes WHERE order_id = :id ORDER BY recorded_at, id",
      [&](const soci::row& r) {
        domain::OutcomeRecord x;
        x.id = r.get<std::string>(0);
        x.order_id = r.get<std::string>(1);
        x.type = enum_named<domain::OutcomeType, domain::kOutcomeTypeCount>(r.get<std::string>(2));
        x.date = date_from(int64_at(r, 3));
        x.confirmed = int64_at(r, 4) != 0;
        x.note = r.get<std::string>(5);
        x.recorded_by = r.get<std::string>(6);
        x.recorded_at = from_micros(int64_at(r, 7));
        out.push_back(std::move(x));
      },
      order_id);
  return out;
}

void SociOrders::add_feedback_token(const domain::FeedbackToken& t) {
  const long long issued = to_micros(t.issued_at), expires = to_micros(t.expires_at);
  Nullable used = micros_or_null(t.used_at);
  sql_ << "INSERT INTO feedback_tokens (token_hash, order_id, issued_at, expires_at, used_at) "
          "VALUES (:hash, :order, :issued, :expires, :used)",
      soci::use(t.token_hash), soci::use(t.order_id), soci::use(issued), soci::use(expires),
      soci::use(used.value, used.ind);
}

std::optional<domain::FeedbackToken> SociOrders::find_feedback_token(
    const std::string& token_hash) {
  soci::row r;
  sql_ << "SELECT token_hash, order_id, issued_at, expires_at, used_at FROM feedback_tokens "
          "WHERE token_hash = :hash",
      soci::use(token_hash), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  domain::FeedbackToken t;
  t.token_hash = r.get<std::string>(0);
  t.order_id = r.get<std::string>(1);
  t.issued_at = from_micros(int64_at(r, 2));
  t.expires_at = from_micros(int64_at(r, 3));
  t.used_at = optional_micros_at(r, 4);
  return t;
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
  const std::string source(domain::to_string(f.source));
  const long long given = to_micros(f.given_at);
  const auto insert = [&] {
    sql_ << "INSERT INTO feedback (id, order_id, provider_id, category_id, source, score, comment, "
            "language, given_at) VALUES (:id, :order, :provider, :category, :source, :score, "
            ":comment, :language, :given)",
        soci::use(f.id), soci::use(f.order_id), soci::use(f.provider_id), soci::use(f.category_id),
        soci::use(source), soci::use(f.score), soci::use(f.comment), soci::use(f.language),
        soci::use(given);
  };
  // A customer's latest score counts in the provider's record; the coach's does not.
  if (f.source == domain::FeedbackSource::customer)
    provider_records::follow(sql_, f.order_id, insert);
  else
    insert();
}

std::vector<domain::Feedback> SociOrders::feedback_for_order(const std::string& order_id) {
  std::vector<domain::Feedback> out;
  for_each_row(
      sql_, std::string(kFeedbackColumns) + "WHERE order_id = :id ORDER BY given_at, id",
      [&](const soci::row& r) { out.push_back(feedback_from(r)); }, order_id);
  return out;
}

std::vector<domain::Feedback> SociOrders::feedback_for_provider(const std::string& provider_id,
                                                                std::size_t limit) {
  std::vector<domain::Feedback> out;
  const long long max =
      static_cast<long long>(std::min<std::size_t>(limit, std::numeric_limits<long long>::max()));
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kFeedbackColumns) +
                           "WHERE provider_id = :id ORDER BY given_at DESC, id DESC LIMIT :n",
       soci::use(provider_id), soci::use(max));
  for (const auto& r : rows) out.push_back(feedback_from(r));
  return out;
}

}  // namespace tarjotin::storage
