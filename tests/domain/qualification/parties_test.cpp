// Who reads and writes what about an application, what it takes and when, how it moves, and
// what a provider is told when its admission changes.
#include "domain/qualification/rules.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/domain/dates.hpp"
#include "tests/domain/qualification/names.hpp"

namespace tarjotin::domain {
namespace {

using namespace test_names;
using testing::date;
using testing::utc;

const Actor kOwnOfficer{"u1", "kuopio", Role::officer, ""};
const Actor kOtherOfficer{"u2", "oulu", Role::officer, ""};
const Actor kAdmin{"u3", "oulu", Role::admin, ""};
const Actor kAuditor{"u4", "oulu", Role::auditor, ""};
const Actor kApplicant{"u5", "company", Role::provider, ""};
const Actor kOtherProvider{"u6", "rival", Role::provider, ""};
const Actor kCoach{"u7", "unit", Role::coach, ""};

Dps kuopio_dps() {
  Dps d;
  d.authority_id = "kuopio";
  d.state = DpsState::open;
  d.valid_from = date(2026, 1, 1);
  d.valid_until = date(2026, 12, 31);
  return d;
}

Application applicants_draft() {
  Application a;
  a.provider_id = "company";
  return a;
}

void expect_invalid(const Status& status, const std::string& pointer, const std::string& rule) {
  ASSERT_FALSE(status.ok()) << "expected " << pointer << " " << rule;
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].pointer, pointer);
  EXPECT_EQ(status.error().fields[0].rule, rule);
}

TEST(ReadsApplication, TheApplicantTheAuthoritysOfficersAdminsAndAuditors) {
  const auto dps = kuopio_dps();
  const auto app = applicants_draft();
  for (const Actor* a : {&kApplicant, &kOwnOfficer, &kAdmin, &kAuditor})
    EXPECT_TRUE(reads_application(*a, app, dps)) << a->user_id;
  for (const Actor* a : {&kOtherProvider, &kOtherOfficer, &kCoach})
    EXPECT_FALSE(reads_application(*a, app, dps)) << a->user_id;
}

TEST(WritesMessages, OnlyThePartiesNotThoseWhoOnlyRead) {
  const auto dps = kuopio_dps();
  EXPECT_TRUE(writes_messages(kApplicant, dps));
  EXPECT_TRUE(writes_messages(kOwnOfficer, dps));
  for (const Actor* a : {&kAdmin, &kAuditor, &kOtherOfficer, &kCoach})
    EXPECT_FALSE(writes_messages(*a, dps)) << a->user_id;
}

TEST(TakesApplications, WhileTheDpsIsInForceAndTheCategoryOpen) {
  Category category;
  category.state = CategoryState::open;
  EXPECT_TRUE(takes_applications(category, kuopio_dps(), date(2026, 6, 1)).ok());
  auto refused = takes_applications(category, kuopio_dps(), date(2027, 1, 1));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "dps-not-accepting");
  auto suspended = kuopio_dps();
  suspended.state = DpsState::suspended;
  refused = takes_applications(category, suspended, date(2026, 6, 1));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "dps-not-accepting");
  for (const auto state : {CategoryState::draft, CategoryState::closed}) {
    category.state = state;
    refused = takes_applications(category, kuopio_dps(), date(2026, 6, 1));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "category-not-open");
  }
}

TEST(CheckAnswers, EachAnswerNamesItsCriterionOnceWithATextThatIsNotTooLong) {
  Answer insured{"insured", true, {}, {}, "", ""};
  Answer staff{"staff", {}, 3.0, {}, "", ""};
  EXPECT_TRUE(check_answers(std::vector{insured, staff}).ok());
  EXPECT_TRUE(check_answers(std::vector<Answer>{}).ok());
  Answer nameless = staff;
  nameless.key.clear();
  expect_invalid(check_answers(std::vector{insured, nameless}), "/answers/1/key", "required");
  expect_invalid(check_answers(std::vector{insured, staff, insured}), "/answers/2/key", "unique");
  Answer essay = staff;
  essay.text = std::string(10'001, 'x');
  expect_invalid(check_answers(std::vector{essay}), "/answers/0/text", "maxLength");
  essay.text.pop_back();
  EXPECT_TRUE(check_answers(std::vector{essay}).ok());
}

TEST(Moved, TakesTheTransitionAndItsTimeOrNamesWhatWasRefused) {
  const Timestamp at = utc(2026, 3, 2, 10, 0, 0);
  auto submitted = moved(applicants_draft(), ApplicationAct::submit, at);
  ASSERT_TRUE(submitted.ok());
  EXPECT_EQ(submitted->state, ApplicationState::submitted);
  EXPECT_EQ(submitted->updated_at, at);
  auto again = moved(*submitted, ApplicationAct::edit, at);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "invalid-transition");
  EXPECT_EQ(again.error().detail, "an application in state 'submitted' cannot edit");
}

TEST(ApplicantEdits, WhileDraftingAndWhileAskedForClarification) {
  for (const auto& s : kApplicationStates)
    EXPECT_EQ(applicant_edits(s.value), s.value == ApplicationState::draft ||
                                            s.value == ApplicationState::clarification_requested)
        << s.name;
}

TEST(DecisionReason, ARejectionGivesOneAndNoneIsTooLong) {
  EXPECT_TRUE(check_decision_reason(true, "").ok());
  EXPECT_TRUE(check_decision_reason(false, "Vakuutus puuttuu.").ok());
  expect_invalid(check_decision_reason(false, " \n"), "/reason", "required");
  expect_invalid(check_decision_reason(true, std::string(10'001, 'x')), "/reason", "maxLength");
  expect_invalid(check_decision_reason(false, std::string(10'001, 'x')), "/reason", "maxLength");
}

TEST(AdmissionActs, SuspendingAndExcludingNeedAReasonReinstatingDoesNot) {
  EXPECT_TRUE(needs_reason(AdmissionAct::suspend));
  EXPECT_TRUE(needs_reason(AdmissionAct::exclude));
  EXPECT_FALSE(needs_reason(AdmissionAct::reinstate));
}

Admission admission_in(AdmissionState state, std::string reason) {
  Admission a;
  a.state = state;
  a.reason = std::move(reason);
  return a;
}

TEST(AdmissionNotice, TellsTheProviderWhatHappenedWhereAndWhy) {
  auto notice = admission_notice(AdmissionState::admitted,
                                 admission_in(AdmissionState::suspended, "vakuutus päättyi"),
                                 "Työhönvalmennus");
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->kind, "admission.suspended");
  EXPECT_EQ(notice->text, "Admission suspended: Työhönvalmennus (vakuutus päättyi)");
  notice = admission_notice(AdmissionState::suspended,
                            admission_in(AdmissionState::excluded, "verovelka"), "Valmennus");
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->kind, "admission.excluded");
  EXPECT_EQ(notice->text, "Excluded: Valmennus (verovelka)");
  notice = admission_notice(AdmissionState::suspended, admission_in(AdmissionState::suspended, ""),
                            "Valmennus");
  EXPECT_FALSE(notice);
}

TEST(AdmissionNotice, AReinstatementCarriesNoReasonAndStayingAdmittedNoNotice) {
  auto notice =
      admission_notice(AdmissionState::suspended,
                       admission_in(AdmissionState::admitted, "vahvistettu"), "Valmennus");
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->kind, "admission.reinstated");
  EXPECT_EQ(notice->text, "Admission reinstated: Valmennus");
  EXPECT_FALSE(
      admission_notice(AdmissionState::admitted, admission_in(AdmissionState::admitted, ""), "V"));
  notice = admission_notice(AdmissionState::admitted, admission_in(AdmissionState::suspended, ""),
                            "Valmennus");
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->text, "Admission suspended: Valmennus");
}

}  // namespace
}  // namespace tarjotin::domain
