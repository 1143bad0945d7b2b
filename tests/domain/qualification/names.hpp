#pragma once
// Every enumerator of qualification with the name it must have on the wire. These lists are
// the tests' own statement of the names, written independently of the implementation's tables.

#include <cstddef>
#include <string>

#include "domain/qualification/entities.hpp"

namespace tarjotin::domain::test_names {

template <class E>
struct Named {
  E value;
  const char* name;
};

const Named<DpsState> kDpsStates[] = {
    {DpsState::draft, "draft"},
    {DpsState::open, "open"},
    {DpsState::suspended, "suspended"},
    {DpsState::closed, "closed"},
};
const Named<DpsAct> kDpsActs[] = {
    {DpsAct::edit, "edit"},     {DpsAct::publish, "publish"}, {DpsAct::suspend, "suspend"},
    {DpsAct::resume, "resume"}, {DpsAct::close, "close"},
};
const Named<CategoryState> kCategoryStates[] = {
    {CategoryState::draft, "draft"},
    {CategoryState::open, "open"},
    {CategoryState::closed, "closed"},
};
const Named<CategoryAct> kCategoryActs[] = {
    {CategoryAct::edit, "edit"},
    {CategoryAct::open, "open"},
    {CategoryAct::close, "close"},
};
const Named<AwardMethod> kAwardMethods[] = {
    {AwardMethod::customer_choice, "customer_choice"},
    {AwardMethod::mini_competition, "mini_competition"},
};
const Named<CriterionType> kCriterionTypes[] = {
    {CriterionType::yes_no, "yes_no"},
    {CriterionType::number_at_least, "number_at_least"},
    {CriterionType::date_within_days, "date_within_days"},
    {CriterionType::text, "text"},
    {CriterionType::attachment, "attachment"},
};
const Named<CriterionKind> kCriterionKinds[] = {
    {CriterionKind::exclusion_ground, "exclusion_ground"},
    {CriterionKind::selection, "selection"},
};
const Named<Verdict> kVerdicts[] = {
    {Verdict::meets, "meets"},
    {Verdict::fails, "fails"},
    {Verdict::missing, "missing"},
    {Verdict::officer_judges, "officer_judges"},
};
const Named<ApplicationState> kApplicationStates[] = {
    {ApplicationState::draft, "draft"},
    {ApplicationState::submitted, "submitted"},
    {ApplicationState::clarification_requested, "clarification_requested"},
    {ApplicationState::admitted, "admitted"},
    {ApplicationState::rejected, "rejected"},
    {ApplicationState::withdrawn, "withdrawn"},
};
const Named<ApplicationAct> kApplicationActs[] = {
    {ApplicationAct::edit, "edit"},
    {ApplicationAct::submit, "submit"},
    {ApplicationAct::request_clarification, "request_clarification"},
    {ApplicationAct::answer_clarification, "answer_clarification"},
    {ApplicationAct::admit, "admit"},
    {ApplicationAct::reject, "reject"},
    {ApplicationAct::withdraw, "withdraw"},
    {ApplicationAct::extend_deadline, "extend_deadline"},
};
const Named<AdmissionState> kAdmissionStates[] = {
    {AdmissionState::admitted, "admitted"},
    {AdmissionState::suspended, "suspended"},
    {AdmissionState::excluded, "excluded"},
};
const Named<MediaType> kMediaTypes[] = {
    {MediaType::pdf, "application/pdf"},
    {MediaType::png, "image/png"},
    {MediaType::jpeg, "image/jpeg"},
};
const Named<ReconfirmationState> kReconfirmationStates[] = {
    {ReconfirmationState::pending, "pending"},
    {ReconfirmationState::confirmed, "confirmed"},
    {ReconfirmationState::lapsed, "lapsed"},
};
const Named<AdmissionAct> kAdmissionActs[] = {
    {AdmissionAct::suspend, "suspend"},
    {AdmissionAct::reinstate, "reinstate"},
    {AdmissionAct::exclude, "exclude"},
};

template <class E, std::size_t N>
std::string name_of(const Named<E> (&list)[N], E value) {
  for (const auto& n : list)
    if (n.value == value) return n.name;
  return "<not in the test's list>";
}

}  // namespace tarjotin::domain::test_names
