#include "domain/qualification/entities.hpp"

#include "domain/name_table.hpp"

namespace tarjotin::domain {
namespace {

constexpr NameTable<DpsState, kDpsStateCount> kDpsStates{{
    {DpsState::draft, "draft"},
    {DpsState::open, "open"},
    {DpsState::suspended, "suspended"},
    {DpsState::closed, "closed"},
}};

constexpr NameTable<DpsAct, 5> kDpsActs{{
    {DpsAct::edit, "edit"},
    {DpsAct::publish, "publish"},
    {DpsAct::suspend, "suspend"},
    {DpsAct::resume, "resume"},
    {DpsAct::close, "close"},
}};

constexpr NameTable<AwardMethod, kAwardMethodCount> kAwardMethods{{
    {AwardMethod::customer_choice, "customer_choice"},
    {AwardMethod::mini_competition, "mini_competition"},
}};

constexpr NameTable<CategoryState, kCategoryStateCount> kCategoryStates{{
    {CategoryState::draft, "draft"},
    {CategoryState::open, "open"},
    {CategoryState::closed, "closed"},
}};

constexpr NameTable<CategoryAct, 3> kCategoryActs{{
    {CategoryAct::edit, "edit"},
    {CategoryAct::open, "open"},
    {CategoryAct::close, "close"},
}};

constexpr NameTable<CriterionType, kCriterionTypeCount> kCriterionTypes{{
    {CriterionType::yes_no, "yes_no"},
    {CriterionType::number_at_least, "number_at_least"},
    {CriterionType::date_within_days, "date_within_days"},
    {CriterionType::text, "text"},
    {CriterionType::attachment, "attachment"},
}};

constexpr NameTable<CriterionKind, kCriterionKindCount> kCriterionKinds{{
    {CriterionKind::exclusion_ground, "exclusion_ground"},
    {CriterionKind::selection, "selection"},
}};

constexpr NameTable<Verdict, 4> kVerdicts{{
    {Verdict::meets, "meets"},
    {Verdict::fails, "fails"},
    {Verdict::missing, "missing"},
    {Verdict::officer_judges, "officer_judges"},
}};

constexpr NameTable<ApplicationState, kApplicationStateCount> kApplicationStates{{
    {ApplicationState::draft, "draft"},
    {ApplicationState::submitted, "submitted"},
    {ApplicationState::clarification_requested, "clarification_requested"},
    {ApplicationState::admitted, "admitted"},
    {ApplicationState::rejected, "rejected"},
    {ApplicationState::withdrawn, "withdrawn"},
}};

constexpr NameTable<ApplicationAct, 8> kApplicationActs{{
    {ApplicationAct::edit, "edit"},
    {ApplicationAct::submit, "submit"},
    {ApplicationAct::request_clarification, "request_clarification"},
    {ApplicationAct::answer_clarification, "answer_clarification"},
    {ApplicationAct::admit, "admit"},
    {ApplicationAct::reject, "reject"},
    {ApplicationAct::withdraw, "withdraw"},
    {ApplicationAct::extend_deadline, "extend_deadline"},
}};

constexpr NameTable<MediaType, 3> kMediaTypes{{
    {MediaType::pdf, "application/pdf"},
    {MediaType::png, "image/png"},
    {MediaType::jpeg, "image/jpeg"},
}};

constexpr NameTable<AdmissionState, kAdmissionStateCount> kAdmissionStates{{
    {AdmissionState::admitted, "admitted"},
    {AdmissionState::suspended, "suspended"},
    {AdmissionState::excluded, "excluded"},
}};

constexpr NameTable<AdmissionAct, 3> kAdmissionActs{{
    {AdmissionAct::suspend, "suspend"},
    {AdmissionAct::reinstate, "reinstate"},
    {AdmissionAct::exclude, "exclude"},
}};

constexpr NameTable<ReconfirmationState, kReconfirmationStateCount> kReconfirmationStates{{
    {ReconfirmationState::pending, "pending"},
    {ReconfirmationState::confirmed, "confirmed"},
    {ReconfirmationState::lapsed, "lapsed"},
}};

}  // namespace

std::string_view to_string(DpsState s) { return name_in(kDpsStates, s); }
std::string_view to_string(DpsAct a) { return name_in(kDpsActs, a); }
std::optional<DpsAct> parse_dps_act(std::string_view text) {
  return key_in<DpsAct>(kDpsActs, text);
}

std::string_view to_string(CategoryState s) { return name_in(kCategoryStates, s); }
std::string_view to_string(CategoryAct a) { return name_in(kCategoryActs, a); }
std::string_view to_string(AwardMethod m) { return name_in(kAwardMethods, m); }
std::optional<AwardMethod> parse_award_method(std::string_view text) {
  return key_in<AwardMethod>(kAwardMethods, text);
}
std::optional<CategoryAct> parse_category_act(std::string_view text) {
  return key_in<CategoryAct>(kCategoryActs, text);
}

std::string_view to_string(CriterionType t) { return name_in(kCriterionTypes, t); }
std::string_view to_string(CriterionKind k) { return name_in(kCriterionKinds, k); }
std::string_view to_string(Verdict v) { return name_in(kVerdicts, v); }
std::optional<CriterionType> parse_criterion_type(std::string_view text) {
  return key_in<CriterionType>(kCriterionTypes, text);
}
std::optional<CriterionKind> parse_criterion_kind(std::string_view text) {
  return key_in<CriterionKind>(kCriterionKinds, text);
}

std::string_view to_string(ApplicationState s) { return name_in(kApplicationStates, s); }
std::string_view to_string(ApplicationAct a) { return name_in(kApplicationActs, a); }

std::string_view to_string(MediaType t) { return name_in(kMediaTypes, t); }
std::optional<MediaType> parse_media_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string lower(type);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return key_in<MediaType>(kMediaTypes, lower);
}

std::string_view to_string(AdmissionState s) { return name_in(kAdmissionStates, s); }
std::string_view to_string(AdmissionAct a) { return name_in(kAdmissionActs, a); }
std::optional<AdmissionAct> parse_admission_act(std::string_view text) {
  return key_in<AdmissionAct>(kAdmissionActs, text);
}
std::optional<AdmissionState> parse_admission_state(std::string_view text) {
  return key_in<AdmissionState>(kAdmissionStates, text);
}

std::string_view to_string(ReconfirmationState s) { return name_in(kReconfirmationStates, s); }

}  // namespace tarjotin::domain
