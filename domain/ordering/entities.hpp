#pragma once
// Ordering with customer choice: providers' offerings, pseudonymous customers and their consents,
// stored choice sets, orders and their life, closing reports, outcomes and feedback.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/interval.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/result.hpp"
#include "domain/state_machine.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

// ---- Outcomes and profile bands -------------------------------------------------------------

enum class OutcomeType {
  employed_permanent_full_time,
  employed_permanent_part_time,
  employed_fixed_term_full_time,
  employed_fixed_term_part_time,
  subsidised_employment,
  studies,
  work_trial,
  another_service,
  no_change,
  unknown,
};
constexpr int kOutcomeTypeCount = 10;
std::string_view to_string(OutcomeType t);
std::optional<OutcomeType> parse_outcome_type(std::string_view text);
// What counts as a good result when providers are compared: any employment, or studies.
bool is_positive(OutcomeType t);
// The key a price model's outcome bonuses use: the four open-market employment types share
// "employment_open_market"; the others are their own names; `unknown` earns no bonus ("").
std::string_view bonus_class(OutcomeType t);

// Profile facts coarse enough not to identify anyone, fine enough to compare providers fairly:
// a provider serving long-term unemployed customers should not look worse for it.
enum class UnemploymentBand {
  under_3_months,
  from_3_to_12_months,
  from_12_to_24_months,
  over_24_months
};
enum class AgeBand { under_25, from_25_to_29, from_30_to_54, over_54 };
constexpr int kUnemploymentBandCount = 4;
constexpr int kAgeBandCount = 4;
std::string_view to_string(UnemploymentBand b);
std::string_view to_string(AgeBand b);
std::optional<UnemploymentBand> parse_unemployment_band(std::string_view text);
std::optional<AgeBand> parse_age_band(std::string_view text);

// ---- Offering -------------------------------------------------------------------------------

struct Offering {
  std::string id;
  std::string provider_id;
  std::string category_id;
  LocalisedText description;
  long long unit_price_cents = 0;
  std::map<std::string, long long> outcome_bonus_cents;  // bonus_class -> bonus
  int free_places = 0;
  std::vector<std::string> regions;    // municipality codes served
  std::vector<std::string> languages;  // ISO 639-1
  Date earliest_start{};
  int typical_duration_days = 0;
  bool active = true;
  Timestamp created_at{};
  Timestamp updated_at{};
  bool operator==(const Offering&) const = default;
};

// ---- Customer and consent -------------------------------------------------------------------

struct Customer {
  std::string id;
  std::string coaching_unit_id;
  std::string reference;  // the unit's own case reference; unique within the unit
  std::string region;     // municipality code
  std::vector<std::string> languages;
  UnemploymentBand unemployment = UnemploymentBand::under_3_months;
  AgeBand age = AgeBand::from_30_to_54;
  std::string created_by;
  Timestamp created_at{};
  Timestamp updated_at{};
  bool operator==(const Customer&) const = default;
};

constexpr int kConsentScopeCount = 2;
enum class ConsentScope {
  closing_reports,  // earlier services' closing reports may be shown to the provider
  outcomes,         // earlier services' outcomes may be shown to the provider
};
std::string_view to_string(ConsentScope s);
std::optional<ConsentScope> parse_consent_scope(std::string_view text);

struct Consent {
  std::string id;
  std::string customer_id;
  std::string provider_id;
  ConsentScope scope = ConsentScope::closing_reports;
  Timestamp given_at{};
  std::optional<Timestamp> withdrawn_at;
  std::string recorded_by;
  bool operator==(const Consent&) const = default;
};

// ---- Choice set -----------------------------------------------------------------------------

// What the customer saw of one offering, kept as shown: the price and the provider's scorecard
// summary at the time, each figure with the sample it rests on and its uncertainty.
struct ChoiceEntry {
  int position = 0;  // 0-based, in the order shown
  std::string offering_id;
  std::string provider_id;
  long long unit_price_cents = 0;
  int orders = 0;                         // scorecard summary at the time
  int ended = 0;                          // completed or interrupted: completion's sample
  std::optional<double> completion_rate;  // 0..1
  std::optional<Interval> completion_interval;
  std::optional<double> net_promoter_score;  // -100..100
  std::optional<Interval> nps_interval;
  int nps_responses = 0;
  bool operator==(const ChoiceEntry&) const = default;
};

struct ChoiceSet {
  std::string id;
  std::string category_id;
  std::string customer_id;
  std::string coaching_unit_id;
  std::string requested_by;
  std::uint64_t seed = 0;  // the shuffle is replayable from it
  Date start_by{};         // the latest acceptable start
  Timestamp created_at{};
  // No order from it at or after this moment: the customer chose from the offerings, prices and
  // records of one day, not of whatever the set has become months later.
  Timestamp expires_at{};
  // The one order the set backs; empty until ordered. A customer's choice is made once: another
  // order, after a decline say, comes from a new set that shows the offerings as they are then.
  std::string order_id;
  std::vector<ChoiceEntry> entries;
  bool operator==(const ChoiceSet&) const = default;
};

// Why an offering is not on a customer's choice list now. Shown to the coach only: the
// customer sees the list, the coach can explain why a provider they know is missing.
enum class Ineligibility { not_admitted, inactive, no_free_places, region, language, start };
constexpr int kIneligibilityCount = 6;
std::string_view to_string(Ineligibility r);

// Every reason the offering is not eligible for the customer's choice now (empty: it is): the
// provider admitted to the category, the offering active with a free place, serving the
// customer's region and a language of theirs, and able to start by `start_by`.
std::vector<Ineligibility> ineligibility(const Offering& o, const Customer& customer,
                                         std::optional<Date> start_by, const Admission* admission);

// The order offerings are shown in: a Fisher–Yates shuffle driven by mt19937_64(seed), with
// unbiased bounded draws, so the same seed gives the same order on every platform and the
// position on the list favours no provider.
std::vector<std::size_t> shuffled_positions(std::size_t count, std::uint64_t seed);

// ---- Order ----------------------------------------------------------------------------------

enum class OrderState { placed, accepted, declined, started, completed, interrupted, cancelled };
enum class OrderAct { accept, decline, start, complete, interrupt, cancel };
constexpr int kOrderStateCount = 7;

std::span<const Transition<OrderState, OrderAct>> order_transitions();
std::string_view to_string(OrderState s);
std::string_view to_string(OrderAct a);
std::optional<OrderAct> parse_order_act(std::string_view text);
std::optional<OrderState> parse_order_state(std::string_view text);
// Which side does an act: the provider accepts, declines, starts, completes and interrupts; the
// coach cancels.
bool provider_acts(OrderAct a);
// Acts that must say why.
bool needs_reason(OrderAct a);

struct Order {
  std::string id;
  std::string choice_set_id;
  std::string offering_id;
  std::string provider_id;
  std::string category_id;
  std::string customer_id;
  std::string coaching_unit_id;
  std::string ordered_by;
  // The customer's bands when ordered: scorecards compare providers on the customers as they
  // were when the provider took them, whatever the coach records of the customer later.
  UnemploymentBand customer_unemployment = UnemploymentBand::under_3_months;
  AgeBand customer_age = AgeBand::from_30_to_54;
  long long unit_price_cents = 0;                        // fixed when ordered
  std::map<std::string, long long> outcome_bonus_cents;  // fixed when ordered
  bool chosen_by_customer = true;
  std::string choice_reason;
  OrderState state = OrderState::placed;
  std::string reason;  // of the latest decline, interruption or cancellation
  Timestamp placed_at{};
  std::optional<Timestamp> accepted_at;
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> ended_at;  // completed, interrupted, declined or cancelled
  Timestamp updated_at{};
  std::string idempotency_key;  // empty when the client sent none
  std::string request_fingerprint;
  bool operator==(const Order&) const = default;
};

// What the provider is owed for an order: the base price once the service was delivered
// (completed, or interrupted after starting), plus the bonus for the outcome when the order's
// price fixed one for it. Nothing for orders that never started.
long long payable_cents(const Order& order, std::optional<OutcomeType> outcome);

struct ClosingReport {
  std::string order_id;
  std::string work_done;
  std::string results;
  std::string next_steps;
  bool further_support_needed = false;
  std::string further_support;
  std::string written_by;
  Timestamp written_at{};
  bool operator==(const ClosingReport&) const = default;
};

struct OutcomeRecord {
  std::string id;
  std::string order_id;
  OutcomeType type = OutcomeType::unknown;
  Date date{};
  bool confirmed = false;  // recorded by the coach; a provider's record is a proposal
  std::string note;
  std::string recorded_by;
  Timestamp recorded_at{};
  bool operator==(const OutcomeRecord&) const = default;
};

enum class FeedbackSource { customer, coach };
constexpr int kFeedbackSourceCount = 2;
std::string_view to_string(FeedbackSource s);

struct FeedbackToken {
  std::string token_hash;
  std::string order_id;
  Timestamp issued_at{};
  Timestamp expires_at{};
  std::optional<Timestamp> used_at;
  bool operator==(const FeedbackToken&) const = default;
};

struct Feedback {
  std::string id;
  std::string order_id;
  std::string provider_id;
  std::string category_id;
  FeedbackSource source = FeedbackSource::customer;
  int score = 0;  // 0..10
  std::string comment;
  std::string language;
  Timestamp given_at{};
  bool operator==(const Feedback&) const = default;
};

// ---- Ports ----------------------------------------------------------------------------------

class OfferingRepository {
 public:
  virtual ~OfferingRepository() = default;
  virtual void add(const Offering& offering) = 0;
  virtual void update(const Offering& offering) = 0;  // every field but free_places
  virtual std::optional<Offering> find(const std::string& id) = 0;
  virtual std::vector<Offering> list_for_category(const std::string& category_id) = 0;
  virtual std::vector<Offering> list_for_provider(const std::string& provider_id) = 0;
  // Takes one free place if there is one, atomically; false when none was left.
  virtual bool take_place(const std::string& offering_id) = 0;
  virtual void return_place(const std::string& offering_id) = 0;
  virtual void set_free_places(const std::string& offering_id, int free_places) = 0;
};

class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
  virtual void add(const Customer& customer) = 0;
  virtual void update(const Customer& customer) = 0;
  virtual std::optional<Customer> find(const std::string& id) = 0;
  virtual std::optional<Customer> find_by_reference(const std::string& coaching_unit_id,
                                                    const std::string& reference) = 0;
  virtual void add_consent(const Consent& consent) = 0;
  virtual void update_consent(const Consent& consent) = 0;
  virtual std::vector<Consent> consents(const std::string& customer_id) = 0;
};

class ChoiceSetRepository {
 public:
  virtual ~ChoiceSetRepository() = default;
  virtual void add(const ChoiceSet& set) = 0;  // with its entries
  virtual std::optional<ChoiceSet> find(const std::string& id) = 0;
  // Records that the set backs `order_id`, unless it already backs an order: false then. One
  // conditional update, so two concurrent orders from one set cannot both claim it.
  virtual bool claim(const std::string& set_id, const std::string& order_id) = 0;
};

// Where a list of orders (newest first, ties by id) goes on: after this order.
struct OrderCursor {
  Timestamp placed_at;
  std::string id;
  bool operator==(const OrderCursor&) const = default;
};

struct OrderQuery {
  std::string provider_id;                 // empty: any
  std::string coaching_unit_id;            // empty: any
  std::string category_id;                 // empty: any
  std::string dps_id;                      // empty: any
  std::string customer_id;                 // empty: any
  std::optional<Timestamp> placed_from;    // inclusive
  std::optional<Timestamp> placed_until;   // exclusive
  std::optional<OrderState> state;         // none: any
  std::optional<Timestamp> updated_since;  // inclusive: what changed since a client last looked
  std::optional<OrderCursor> after;        // none: from the newest
  std::size_t limit = 0;                   // 0: all
};

// A provider's record in one category as a choice set shows it, in counts the database sums, so
// making a set reads one row per provider however many orders the year holds.
struct ChoiceRecordCounts {
  std::string provider_id;
  int orders = 0;
  int ended = 0;  // completed or interrupted
  int completed = 0;
  // Each order's latest customer score, by NPS group.
  int promoters = 0;   // 9–10
  int passives = 0;    // 7–8
  int detractors = 0;  // 0–6
  bool operator==(const ChoiceRecordCounts&) const = default;
};

// One order with what a scorecard or report needs from around it, read in one query.
struct OrderFacts {
  Order order;
  std::optional<OutcomeType> outcome;  // the latest confirmed one
  std::optional<int> customer_score;
  std::optional<int> coach_score;
};

class OrderRepository {
 public:
  virtual ~OrderRepository() = default;
  virtual void add(const Order& order) = 0;
  virtual void update(const Order& order) = 0;
  virtual std::optional<Order> find(const std::string& id) = 0;
  virtual std::optional<Order> find_by_idempotency_key(const std::string& coaching_unit_id,
                                                       const std::string& key) = 0;
  virtual std::vector<Order> list(const OrderQuery& query) = 0;  // newest first
  virtual std::vector<OrderFacts> facts(const OrderQuery& query) = 0;
  // Per provider with orders in the category placed at or after `placed_from`, by provider id.
  virtual std::vector<ChoiceRecordCounts> choice_record_counts(const std::string& category_id,
                                                               Timestamp placed_from) = 0;

  virtual void put_closing_report(const ClosingReport& report) = 0;  // insert or replace
  virtual std::optional<ClosingReport> closing_report(const std::string& order_id) = 0;

  virtual void add_outcome(const OutcomeRecord& outcome) = 0;
  virtual std::vector<OutcomeRecord> outcomes(const std::string& order_id) = 0;  // oldest first

  virtual void add_feedback_token(const FeedbackToken& token) = 0;
  virtual std::optional<FeedbackToken> find_feedback_token(const std::string& token_hash) = 0;
  // Marks an unused token used; false when it had been used already.
  virtual bool use_feedback_token(const std::string& token_hash, Timestamp at) = 0;
  virtual void add_feedback(const Feedback& feedback) = 0;
  virtual std::vector<Feedback> feedback_for_order(const std::string& order_id) = 0;
  // Newest first, at most `limit`.
  virtual std::vector<Feedback> feedback_for_provider(const std::string& provider_id,
                                                      std::size_t limit) = 0;
};

}  // namespace tarjotin::domain
