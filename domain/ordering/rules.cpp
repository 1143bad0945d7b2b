#include <algorithm>
#include <array>
#include <random>

#include "domain/name_table.hpp"
#include "domain/ordering/entities.hpp"

namespace tarjotin::domain {
namespace {

constexpr NameTable<OutcomeType, kOutcomeTypeCount> kOutcomeTypes{{
    {OutcomeType::employed_permanent_full_time, "employed_permanent_full_time"},
    {OutcomeType::employed_permanent_part_time, "employed_permanent_part_time"},
    {OutcomeType::employed_fixed_term_full_time, "employed_fixed_term_full_time"},
    {OutcomeType::employed_fixed_term_part_time, "employed_fixed_term_part_time"},
    {OutcomeType::subsidised_employment, "subsidised_employment"},
    {OutcomeType::studies, "studies"},
    {OutcomeType::work_trial, "work_trial"},
    {OutcomeType::another_service, "another_service"},
    {OutcomeType::no_change, "no_change"},
    {OutcomeType::unknown, "unknown"},
}};

constexpr NameTable<UnemploymentBand, kUnemploymentBandCount> kUnemploymentBands{{
    {UnemploymentBand::under_3_months, "under_3_months"},
    {UnemploymentBand::from_3_to_12_months, "from_3_to_12_months"},
    {UnemploymentBand::from_12_to_24_months, "from_12_to_24_months"},
    {UnemploymentBand::over_24_months, "over_24_months"},
}};

constexpr NameTable<AgeBand, kAgeBandCount> kAgeBands{{
    {AgeBand::under_25, "under_25"},
    {AgeBand::from_25_to_29, "from_25_to_29"},
    {AgeBand::from_30_to_54, "from_30_to_54"},
    {AgeBand::over_54, "over_54"},
}};

constexpr NameTable<ConsentScope, kConsentScopeCount> kConsentScopes{{
    {ConsentScope::closing_reports, "closing_reports"},
    {ConsentScope::outcomes, "outcomes"},
}};

constexpr NameTable<FeedbackSource, kFeedbackSourceCount> kFeedbackSources{{
    {FeedbackSource::customer, "customer"},
    {FeedbackSource::coach, "coach"},
}};

constexpr NameTable<Ineligibility, kIneligibilityCount> kIneligibilities{{
    {Ineligibility::not_admitted, "not_admitted"},
    {Ineligibility::inactive, "inactive"},
    {Ineligibility::no_free_places, "no_free_places"},
    {Ineligibility::region, "region"},
    {Ineligibility::language, "language"},
    {Ineligibility::start, "start"},
}};

bool listed(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

constexpr NameTable<OrderState, kOrderStateCount> kOrderStates{{
    {OrderState::placed, "placed"},
    {OrderState::accepted, "accepted"},
    {OrderState::declined, "declined"},
    {OrderState::started, "started"},
    {OrderState::completed, "completed"},
    {OrderState::interrupted, "interrupted"},
    {OrderState::cancelled, "cancelled"},
}};

constexpr NameTable<OrderAct, 6> kOrderActs{{
    {OrderAct::accept, "accept"},
    {OrderAct::decline, "decline"},
    {OrderAct::start, "start"},
    {OrderAct::complete, "complete"},
    {OrderAct::interrupt, "interrupt"},
    {OrderAct::cancel, "cancel"},
}};

using S = OrderState;
using A = OrderAct;
constexpr std::array<Transition<S, A>, 7> kOrderTransitions{{
    {S::placed, A::accept, S::accepted},
    {S::placed, A::decline, S::declined},
    {S::placed, A::cancel, S::cancelled},
    {S::accepted, A::start, S::started},
    {S::accepted, A::cancel, S::cancelled},
    {S::started, A::complete, S::completed},
    {S::started, A::interrupt, S::interrupted},
}};

}  // namespace

std::string_view to_string(OutcomeType t) { return name_in(kOutcomeTypes, t); }
std::optional<OutcomeType> parse_outcome_type(std::string_view text) {
  return key_in<OutcomeType>(kOutcomeTypes, text);
}

bool is_positive(OutcomeType t) {
  switch (t) {
    case OutcomeType::employed_permanent_full_time:
    case OutcomeType::employed_permanent_part_time:
    case OutcomeType::employed_fixed_term_full_time:
    case OutcomeType::employed_fixed_term_part_time:
    case OutcomeType::subsidised_employment:
    case OutcomeType::studies:
      return true;
    default:
      return false;
  }
}

std::string_view bonus_class(OutcomeType t) {
  switch (t) {
    case OutcomeType::employed_permanent_full_time:
    case OutcomeType::employed_permanent_part_time:
    case OutcomeType::employed_fixed_term_full_time:
    case OutcomeType::employed_fixed_term_part_time:
      return "employment_open_market";
    case OutcomeType::unknown:
      return "";
    default:
      return to_string(t);
  }
}

std::string_view to_string(UnemploymentBand b) { return name_in(kUnemploymentBands, b); }
std::string_view to_string(AgeBand b) { return name_in(kAgeBands, b); }
std::optional<UnemploymentBand> parse_unemployment_band(std::string_view text) {
  return key_in<UnemploymentBand>(kUnemploymentBands, text);
}
std::optional<AgeBand> parse_age_band(std::string_view text) {
  return key_in<AgeBand>(kAgeBands, text);
}

std::string_view to_string(ConsentScope s) { return name_in(kConsentScopes, s); }
std::optional<ConsentScope> parse_consent_scope(std::string_view text) {
  return key_in<ConsentScope>(kConsentScopes, text);
}
std::string_view to_string(FeedbackSource s) { return name_in(kFeedbackSources, s); }

std::span<const Transition<OrderState, OrderAct>> order_transitions() { return kOrderTransitions; }
std::string_view to_string(OrderState s) { return name_in(kOrderStates, s); }
std::string_view to_string(OrderAct a) { return name_in(kOrderActs, a); }
std::optional<OrderAct> parse_order_act(std::string_view text) {
  return key_in<OrderAct>(kOrderActs, text);
}
std::optional<OrderState> parse_order_state(std::string_view text) {
  return key_in<OrderState>(kOrderStates, text);
}

bool provider_acts(OrderAct a) { return a != OrderAct::cancel; }

bool needs_reason(OrderAct a) {
  return a == OrderAct::decline || a == OrderAct::interrupt || a == OrderAct::cancel;
}

std::string_view to_string(Ineligibility r) { return name_in(kIneligibilities, r); }

std::vector<Ineligibility> ineligibility(const Offering& o, const Customer& customer,
                                         std::optional<Date> start_by, const Admission* admission) {
  std::vector<Ineligibility> why;
  if (!admission || admission->state != AdmissionState::admitted)
    why.push_back(Ineligibility::not_admitted);
  if (!o.active) why.push_back(Ineligibility::inactive);
  if (o.free_places <= 0) why.push_back(Ineligibility::no_free_places);
  if (!o.regions.empty() && !listed(o.regions, customer.region))
    why.push_back(Ineligibility::region);
  if (!customer.languages.empty() &&
      std::none_of(customer.languages.begin(), customer.languages.end(),
                   [&](const std::string& l) { return listed(o.languages, l); }))
    why.push_back(Ineligibility::language);
  if (start_by && o.earliest_start > *start_by) why.push_back(Ineligibility::start);
  return why;
}

std::vector<std::size_t> shuffled_positions(std::size_t count, std::uint64_t seed) {
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  // std::shuffle and std::uniform_int_distribution are implementation-defined; mt19937_64's
  // output is not, so the draws below replay identically everywhere.
  std::mt19937_64 engine(seed);
  for (std::size_t i = count; i > 1; --i) {
    const std::uint64_t bound = i;
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);  // reject the biased tail
    std::uint64_t draw = engine();
    while (draw >= limit) draw = engine();
    std::swap(order[i - 1], order[static_cast<std::size_t>(draw % bound)]);
  }
  return order;
}

long long payable_cents(const Order& order, std::optional<OutcomeType> outcome) {
  // An interruption comes only after the start, so the service was at least partly delivered;
  // pro-rata terms would be a contract's matter, not the system's.
  if (order.state != OrderState::completed && order.state != OrderState::interrupted) return 0;
  long long total = order.unit_price_cents;
  if (outcome) {
    const auto bonus = order.outcome_bonus_cents.find(std::string(bonus_class(*outcome)));
    if (bonus != order.outcome_bonus_cents.end()) total += bonus->second;
  }
  return total;
}

}  // namespace tarjotin::domain
