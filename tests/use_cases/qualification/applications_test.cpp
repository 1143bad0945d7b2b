// Providers' applications: judged by the category's criteria, submitted with the exact time of
// receipt and the legal decision date, and kept from everyone but the parties. The use cases
// over real storage, without a server.
#include <gtest/gtest.h>

#include "domain/qualification/admissions.hpp"
#include "domain/qualification/documents.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/review.hpp"
#include "tests/use_cases/qualification/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::QualificationWorld;

class Applications : public QualificationWorld {};

TEST_F(Applications, AnswersAreJudgedByTheCriteriaWhileTheDecisionStaysTheOfficers) {
  const long long before = audit_head();
  auto in = answers();
  in[1].number = 1;
  auto started = start_application(qualification, provider_c, kCategory, in);
  ASSERT_TRUE(started) << started.error().detail;
  EXPECT_EQ(started->application.state, ApplicationState::draft);
  EXPECT_EQ(started->application.provider_id, "provider-c");
  EXPECT_EQ(started->application.answers, in);
  EXPECT_EQ(
      started->evaluations,
      (std::vector<Evaluation>{{"insured", Verdict::meets, "answered yes"},
                               {"staff", Verdict::fails, "1 is below the threshold 2"},
                               {"tax-certificate", Verdict::missing, "attachment required"}}));
  EXPECT_FALSE(started->working_days_left);  // no decision is owed for a draft
  EXPECT_EQ(actions_since(before), (std::vector<std::string>{"application.created"}));
  EXPECT_EQ(read_application(qualification, provider_c, started->application.id)->application,
            started->application);
}

TEST_F(Applications, SubmissionKeepsTheExactTimeOfReceiptAndTheTenWorkingDayDecisionDate) {
  auto started = start_application(qualification, provider_c, kCategory, answers());
  ASSERT_TRUE(started);
  // Criteria change while the application is drafted: it is judged by those in force at receipt.
  auto next = criteria();
  next[1].threshold = 5;
  ASSERT_TRUE(set_criteria(qualification, officer, kCategory, next));
  clock.advance(std::chrono::microseconds{1'234'567});
  const Timestamp received = clock.now();
  const long long before = audit_head();
  auto submitted = submit_application(qualification, provider_c, started->application.id);
  ASSERT_TRUE(submitted) << submitted.error().detail;
  const auto& app = submitted->application;
  EXPECT_EQ(app.state, ApplicationState::submitted);
  EXPECT_EQ(app.received_at, received);
  EXPECT_EQ(app.decision_due, calendar.add_working_days(helsinki_date(received), 10));
  EXPECT_EQ(submitted->working_days_left, 10);
  EXPECT_FALSE(submitted->overdue);
  EXPECT_EQ(app.criteria_version, 2);
  EXPECT_EQ(submitted->evaluations.at(1).verdict, Verdict::fails);  // 3 coaches, 5 required now
  EXPECT_EQ(read_application(qualification, officer, app.id)->application, app);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "application.submitted");
  EXPECT_EQ(events[0].event.at, received);
}

TEST_F(Applications, OneOpenApplicationAtATimeAndNoneFromAnAdmittedProvider) {
  submitted_application();
  auto again = start_application(qualification, provider_c, kCategory, answers());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "application-pending");
  auto admitted = start_application(qualification, provider_a, kCategory, answers());
  ASSERT_FALSE(admitted);
  EXPECT_EQ(admitted.error().code, "already-admitted");
  // An excluded provider may qualify again.
  ASSERT_TRUE(change_admission(qualification, officer, kCategory, "provider-a",
                               {AdmissionAct::exclude, "Verovelka"}));
  EXPECT_TRUE(start_application(qualification, provider_a, kCategory, answers()));
  auto by_officer = start_application(qualification, officer, kCategory, answers());
  ASSERT_FALSE(by_officer);
  EXPECT_EQ(by_officer.error().kind, ErrorKind::forbidden);
}

TEST_F(Applications, AnswersThatBreakARuleAreRefusedNamingTheFieldAndNothingIsWritten) {
  const long long before = audit_head();
  auto twice = answers();
  twice[2].key = "insured";
  auto refused = start_application(qualification, provider_c, kCategory, twice);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).pointer, "/answers/2/key");
  EXPECT_TRUE(audit_since(before).empty());
}

TEST_F(Applications, ADocumentOfAnotherApplicationIsNoEvidence) {
  auto first = start_application(qualification, provider_c, kCategory, answers());
  ASSERT_TRUE(first);
  auto document = attach_document(qualification, provider_c, first->application.id,
                                  {"todistus.pdf", "application/pdf", "%PDF-1.7 todistus"});
  ASSERT_TRUE(document) << document.error().detail;
  ASSERT_TRUE(withdraw_application(qualification, provider_c, first->application.id));
  auto borrowed = answers();
  borrowed[2].attachment_id = document->id;
  const long long before = audit_head();
  auto second = start_application(qualification, provider_c, kCategory, borrowed);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().fields.at(0).pointer, "/answers/2/attachment_id");
  EXPECT_EQ(second.error().fields.at(0).rule, "exists");
  EXPECT_TRUE(audit_since(before).empty());
  EXPECT_EQ(list_own_applications(qualification, provider_c)->size(), 1u);
}

TEST_F(Applications, ApplicationsAreTakenOnlyWhileTheDpsIsInForceAndTheCategoryOpen) {
  auto started = start_application(qualification, provider_c, kCategory, answers());
  ASSERT_TRUE(started);
  ASSERT_TRUE(change_dps_state(qualification, officer, "dps", DpsAct::suspend));
  auto submitted = submit_application(qualification, provider_c, started->application.id);
  ASSERT_FALSE(submitted);
  EXPECT_EQ(submitted.error().code, "dps-not-accepting");
  ASSERT_TRUE(change_dps_state(qualification, officer, "dps", DpsAct::resume));
  ASSERT_TRUE(change_category_state(qualification, officer, kCategory, CategoryAct::close));
  submitted = submit_application(qualification, provider_c, started->application.id);
  ASSERT_FALSE(submitted);
  EXPECT_EQ(submitted.error().code, "category-not-open");
  EXPECT_EQ(read_application(qualification, provider_c, started->application.id)->application.state,
            ApplicationState::draft);
}

TEST_F(Applications, AWithdrawnApplicationIsOverAndAuditedFromTheStateItLeft) {
  const std::string id = submitted_application();
  const long long before = audit_head();
  auto withdrawn = withdraw_application(qualification, provider_c, id);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->application.state, ApplicationState::withdrawn);
  EXPECT_FALSE(withdrawn->working_days_left);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.before, "submitted");
  EXPECT_EQ(events[0].event.after, "withdrawn");
  for (auto result : {submit_application(qualification, provider_c, id),
                      save_answers(qualification, provider_c, id, answers())}) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, "invalid-transition");
  }
}

TEST_F(Applications, AnotherProviderFindsNothingWhateverItTries) {
  const std::string id = submitted_application();
  for (auto result : {read_application(qualification, provider_a, id),
                      save_answers(qualification, provider_a, id, answers()),
                      submit_application(qualification, provider_a, id),
                      withdraw_application(qualification, provider_a, id),
                      read_application(qualification, other_officer, id)}) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, ErrorKind::not_found);
  }
  auto own = list_own_applications(qualification, provider_a);
  ASSERT_TRUE(own);
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ(own->front().application.id, "application-provider-a");
  // The authority's officer reads it, but only the applicant acts on it.
  EXPECT_TRUE(read_application(qualification, officer, id));
  auto by_officer = withdraw_application(qualification, officer, id);
  ASSERT_FALSE(by_officer);
  EXPECT_EQ(by_officer.error().kind, ErrorKind::forbidden);
}

}  // namespace
}  // namespace tarjotin
