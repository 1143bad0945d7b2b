#pragma once
// Ordering's tables, each column declared once (storage/table.hpp): the repositories derive
// their SELECT lists, INSERTs and UPDATEs from these.

#include <string>
#include <utility>

#include "domain/ordering/entities.hpp"
#include "domain/ordering/ports.hpp"
#include "storage/table.hpp"

namespace tarjotin::storage::ordering_tables {

using namespace domain;

// An offering's free places change only through orders and explicit adjustments, never by
// writing back an edited offering; its version only by a compare-and-set (offerings.cpp).
inline const Table<Offering> kOfferings =
    Table<Offering>(
        "offerings", 1,  //
        column("id", &Offering::id), column("provider_id", &Offering::provider_id),
        column("category_id", &Offering::category_id),
        column(
            "description_fi", [](auto& o) -> auto& { return o.description.fi; }),
        column(
            "description_sv", [](auto& o) -> auto& { return o.description.sv; }),
        column(
            "description_en", [](auto& o) -> auto& { return o.description.en; }),
        column("unit_price_cents", &Offering::unit_price_cents),
        column("outcome_bonus_cents", &Offering::outcome_bonus_cents),
        column("free_places", &Offering::free_places), column("regions", &Offering::regions),
        column("languages", &Offering::languages),
        column("earliest_start", &Offering::earliest_start),
        column("typical_duration_days", &Offering::typical_duration_days),
        column("active", &Offering::active), column("created_at", &Offering::created_at),
        column("updated_at", &Offering::updated_at), column("version", &Offering::version))
        .leave_on_update({"free_places", "version"});

inline const Table<Customer> kCustomers{
    "customers",
    1,
    column("id", &Customer::id),
    column("coaching_unit_id", &Customer::coaching_unit_id),
    column("reference", &Customer::reference),
    column("region", &Customer::region),
    column("languages", &Customer::languages),
    column<Named<UnemploymentBand, kUnemploymentBandCount>>("unemployment",
                                                            &Customer::unemployment),
    column<Named<AgeBand, kAgeBandCount>>("age", &Customer::age),
    column("created_by", &Customer::created_by),
    column("created_at", &Customer::created_at),
    column("updated_at", &Customer::updated_at)};

inline const Table<Consent> kConsents{
    "consents",
    1,
    column("id", &Consent::id),
    column("customer_id", &Consent::customer_id),
    column("provider_id", &Consent::provider_id),
    column<Named<ConsentScope, kConsentScopeCount>>("scope", &Consent::scope),
    column("given_at", &Consent::given_at),
    column("withdrawn_at", &Consent::withdrawn_at),
    column("recorded_by", &Consent::recorded_by)};

// A choice set's order is NULL until it backs one (a foreign key). The seed's 64 bits are kept
// in a signed BIGINT as they are: the integer codec converts between the two modulo 2^64.
inline const Table<ChoiceSet> kChoiceSets{"choice_sets",
                                          1,
                                          column("id", &ChoiceSet::id),
                                          column("category_id", &ChoiceSet::category_id),
                                          column("customer_id", &ChoiceSet::customer_id),
                                          column("coaching_unit_id", &ChoiceSet::coaching_unit_id),
                                          column("requested_by", &ChoiceSet::requested_by),
                                          column("seed", &ChoiceSet::seed),
                                          column("start_by", &ChoiceSet::start_by),
                                          column("created_at", &ChoiceSet::created_at),
                                          column("expires_at", &ChoiceSet::expires_at),
                                          column<NullIfEmpty>("order_id", &ChoiceSet::order_id)};

// A choice set's entry as stored: the entry and the set it belongs to, which the entry itself
// does not name.
struct StoredChoiceEntry {
  std::string choice_set_id;
  ChoiceEntry entry;
};

// An interval in two columns that are NULL together: its low end makes it, its high end
// completes it, so the low column comes first.
struct IntervalLow {
  static constexpr Cell::Kind kind = Cell::Kind::real;
  static Cell put(const std::optional<Interval>& i) {
    return i ? Cell::of_real(i->low) : Cell::null_of(kind);
  }
  static void get(const Cell& c, std::optional<Interval>& i) {
    if (c.null())
      i.reset();
    else
      i = Interval{c.real, 0};
  }
};
struct IntervalHigh {
  static constexpr Cell::Kind kind = Cell::Kind::real;
  static Cell put(const std::optional<Interval>& i) {
    return i ? Cell::of_real(i->high) : Cell::null_of(kind);
  }
  static void get(const Cell& c, std::optional<Interval>& i) {
    if (c.null())
      i.reset();
    else if (i)
      i->high = c.real;
  }
};

inline const Table<StoredChoiceEntry> kChoiceSetEntries{
    "choice_set_entries",
    2,
    column("choice_set_id", &StoredChoiceEntry::choice_set_id),
    column(
        "position", [](auto& s) -> auto& { return s.entry.position; }),
    column(
        "offering_id", [](auto& s) -> auto& { return s.entry.offering_id; }),
    column(
        "provider_id", [](auto& s) -> auto& { return s.entry.provider_id; }),
    column(
        "unit_price_cents", [](auto& s) -> auto& { return s.entry.unit_price_cents; }),
    column(
        "order_count", [](auto& s) -> auto& { return s.entry.orders; }),
    column(
        "ended_count", [](auto& s) -> auto& { return s.entry.ended; }),
    column(
        "completion_rate", [](auto& s) -> auto& { return s.entry.completion_rate; }),
    column<IntervalLow>(
        "completion_low", [](auto& s) -> auto& { return s.entry.completion_interval; }),
    column<IntervalHigh>(
        "completion_high", [](auto& s) -> auto& { return s.entry.completion_interval; }),
    column(
        "net_promoter_score", [](auto& s) -> auto& { return s.entry.net_promoter_score; }),
    column<IntervalLow>(
        "nps_low", [](auto& s) -> auto& { return s.entry.nps_interval; }),
    column<IntervalHigh>(
        "nps_high", [](auto& s) -> auto& { return s.entry.nps_interval; }),
    column(
        "nps_responses", [](auto& s) -> auto& { return s.entry.nps_responses; })};

// An empty choice set id or idempotency key is stored as NULL: the one is a foreign key, the
// other is unique per coaching unit and must not collide between orders that have none.
inline const Table<Order> kOrders{
    "orders",
    1,
    column("id", &Order::id),
    column<NullIfEmpty>("choice_set_id", &Order::choice_set_id),
    column("offering_id", &Order::offering_id),
    column("provider_id", &Order::provider_id),
    column("category_id", &Order::category_id),
    column("customer_id", &Order::customer_id),
    column("coaching_unit_id", &Order::coaching_unit_id),
    column("ordered_by", &Order::ordered_by),
    column("unit_price_cents", &Order::unit_price_cents),
    column("outcome_bonus_cents", &Order::outcome_bonus_cents),
    column("chosen_by_customer", &Order::chosen_by_customer),
    column("choice_reason", &Order::choice_reason),
    column<Named<OrderState, kOrderStateCount>>("state", &Order::state),
    column("reason", &Order::reason),
    column("placed_at", &Order::placed_at),
    column("accepted_at", &Order::accepted_at),
    column("started_at", &Order::started_at),
    column("ended_at", &Order::ended_at),
    column("updated_at", &Order::updated_at),
    column<NullIfEmpty>("idempotency_key", &Order::idempotency_key),
    column("request_fingerprint", &Order::request_fingerprint),
    column<Named<UnemploymentBand, kUnemploymentBandCount>>("customer_unemployment",
                                                            &Order::customer_unemployment),
    column<Named<AgeBand, kAgeBandCount>>("customer_age", &Order::customer_age)};

inline const Table<ClosingReport> kClosingReports{
    "closing_reports",
    1,
    column("order_id", &ClosingReport::order_id),
    column("work_done", &ClosingReport::work_done),
    column("results", &ClosingReport::results),
    column("next_steps", &ClosingReport::next_steps),
    column("further_support_needed", &ClosingReport::further_support_needed),
    column("further_support", &ClosingReport::further_support),
    column("written_by", &ClosingReport::written_by),
    column("written_at", &ClosingReport::written_at)};

inline const Table<OutcomeRecord> kOutcomes{
    "outcomes",
    1,
    column("id", &OutcomeRecord::id),
    column("order_id", &OutcomeRecord::order_id),
    column<Named<OutcomeType, kOutcomeTypeCount>>("outcome_type", &OutcomeRecord::type),
    column("outcome_date", &OutcomeRecord::date),
    column("confirmed", &OutcomeRecord::confirmed),
    column("note", &OutcomeRecord::note),
    column("recorded_by", &OutcomeRecord::recorded_by),
    column("recorded_at", &OutcomeRecord::recorded_at)};

inline const Table<FeedbackToken> kFeedbackTokens{"feedback_tokens",
                                                  1,
                                                  column("token_hash", &FeedbackToken::token_hash),
                                                  column("order_id", &FeedbackToken::order_id),
                                                  column("issued_at", &FeedbackToken::issued_at),
                                                  column("expires_at", &FeedbackToken::expires_at),
                                                  column("used_at", &FeedbackToken::used_at)};

inline const Table<Feedback> kFeedback{
    "feedback",
    1,
    column("id", &Feedback::id),
    column("order_id", &Feedback::order_id),
    column("provider_id", &Feedback::provider_id),
    column("category_id", &Feedback::category_id),
    column<Named<FeedbackSource, kFeedbackSourceCount>>("source", &Feedback::source),
    column("score", &Feedback::score),
    column("comment", &Feedback::comment),
    column("language", &Feedback::language),
    column("given_at", &Feedback::given_at)};

// One Helsinki day's tally of a provider's orders in a category for one customer cell
// (storage/ordering/order_tallies.hpp).
struct TallyRow {
  Date day{};
  OrderTally tally;
  bool operator==(const TallyRow&) const = default;
};

// A tally table's columns: the key, in the order reports group by (a category's months, then
// its providers and cells, then `day...` if the table has days), then the counts. `tally(row)` is
// the row's OrderTally.
template <class Row, class Tally, std::size_t... Outcome, class... Day>
Table<Row> tally_table(std::string name, Tally tally, std::index_sequence<Outcome...>, Day... day) {
  const auto field = [tally](std::string column_name, auto OrderTally::*member) {
    return column(
        std::move(column_name), [ tally, member ](auto& r) -> auto& { return tally(r).*member; });
  };
  return Table<Row>(
             std::move(name), 5 + sizeof...(Day), field("category_id", &OrderTally::category_id),
             field("month", &OrderTally::month), field("provider_id", &OrderTally::provider_id),
             column<Named<UnemploymentBand, kUnemploymentBandCount>>(
                 "unemployment", [tally](auto& r) -> auto& { return tally(r).unemployment; }),
             column<Named<AgeBand, kAgeBandCount>>(
                 "age", [tally](auto& r) -> auto& { return tally(r).age; }),
             day..., field("orders", &OrderTally::orders), field("accepted", &OrderTally::accepted),
             field("declined", &OrderTally::declined), field("decided", &OrderTally::decided),
             field("ended", &OrderTally::ended), field("completed", &OrderTally::completed),
             column(
                 "outcome_" + std::string(to_string(static_cast<OutcomeType>(Outcome))),
                 [tally](auto& r) -> auto& { return tally(r).outcomes[Outcome]; })...,
             field("promoters", &OrderTally::promoters), field("passives", &OrderTally::passives),
             field("detractors", &OrderTally::detractors),
             field("coach_ratings", &OrderTally::coach_ratings),
             field("coach_total", &OrderTally::coach_total), field("started", &OrderTally::started),
             field("micros_to_start", &OrderTally::micros_to_start),
             field("payable_cents", &OrderTally::payable_cents))
      .counts_default_to_zero();
}
inline const Table<TallyRow> kDayTallies = tally_table<TallyRow>(
    "order_tallies", [](auto& r) -> auto& { return r.tally; },
    std::make_index_sequence<kOutcomeTypeCount>{}, column("day", &TallyRow::day));
inline const Table<OrderTally> kMonthTallies = tally_table<OrderTally>(
    "order_tallies_by_month", [](auto& t) -> auto& { return t; },
    std::make_index_sequence<kOutcomeTypeCount>{});

}  // namespace tarjotin::storage::ordering_tables
