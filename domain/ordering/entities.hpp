#pragma once
// What ordering with customer choice is: providers' offerings, pseudonymous customers and their
// consents, stored choice sets, orders and their life, closing reports, outcomes and feedback,
// and the names their kinds and states are stored and shown by (entities.cpp). What ordering
// decides about them is in rules.hpp, what it needs from storage in ports.hpp.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/interval.hpp"
#include "domain/qualification/entities.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

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
  // Moves on with every change to the offering: an edit, and each place an order takes or gives
  // back. An edit made from an older version would write back what it read (HTTP ETag/If-Match).
  long long version = 1;
  bool operator==(const Offering&) const = default;
};

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

enum class OrderState { placed, accepted, declined, started, completed, interrupted, cancelled };
enum class OrderAct { accept, decline, start, complete, interrupt, cancel };
constexpr int kOrderStateCount = 7;

std::string_view to_string(OrderState s);
std::string_view to_string(OrderAct a);
std::optional<OrderAct> parse_order_act(std::string_view text);
std::optional<OrderState> parse_order_state(std::string_view text);

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

}  // namespace tarjotin::domain
