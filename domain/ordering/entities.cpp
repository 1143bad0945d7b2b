// The names ordering's kinds and states are stored and shown by: one table per enumeration, read
// both ways.
#include "domain/ordering/entities.hpp"

#include "domain/name_table.hpp"

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

}  // namespace

std::string_view to_string(OutcomeType t) { return name_in(kOutcomeTypes, t); }
std::optional<OutcomeType> parse_outcome_type(std::string_view text) {
  return key_in<OutcomeType>(kOutcomeTypes, text);
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

std::string_view to_string(Ineligibility r) { return name_in(kIneligibilities, r); }

std::string_view to_string(OrderState s) { return name_in(kOrderStates, s); }
std::string_view to_string(OrderAct a) { return name_in(kOrderActs, a); }
std::optional<OrderAct> parse_order_act(std::string_view text) {
  return key_in<OrderAct>(kOrderActs, text);
}
std::optional<OrderState> parse_order_state(std::string_view text) {
  return key_in<OrderState>(kOrderStates, text);
}

}  // namespace tarjotin::domain
