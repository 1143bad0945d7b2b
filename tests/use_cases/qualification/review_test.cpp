// The authority's review within the legal time limit: its queue, clarification, one extension
// with a reason, and the decision. The use cases over real storage, without a server.
#include <gtest/gtest.h>

#include "domain/qualification/admissions.hpp"
#include "domain/qualification/messages.hpp"
#include "domain/qualification/review.hpp"
#include "tests/use_cases/qualification/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::QualificationWorld;

class Review : public QualificationWorld {};

std::vector<std::string> ids_of(const std::vector<ApplicationView>& views) {
  std::vector<std::string> out;
  for (const auto& v : views) out.push_back(v.application.id);
  return out;
}

TEST_F(Review, TheQueueHoldsWhatAwaitsADecisionSoonestDueFirstForThoseWhoOverseeTheDps) {
  const std::string first = submitted_application();
  ASSERT_TRUE(change_admission(qualification, officer, kCategory, "provider-a",
                               {AdmissionAct::exclude, "Verovelka"}));
  clock.advance(std::chrono::days{1});
  auto second = start_application(qualification, provider_a, kCategory, answers());
  ASSERT_TRUE(second);
  ASSERT_TRUE(submit_application(qualification, provider_a, second->application.id));
  const std::vector<std::string> both = {first, second->application.id};
  EXPECT_EQ(ids_of(*review_queue(qualification, officer, "dps")), both);
  EXPECT_EQ(ids_of(*review_queue(qualification, auditor, "dps")), both);
  EXPECT_EQ(ids_of(*review_queue(qualification, admin, "dps")), both);
  ASSERT_TRUE(decide_application(qualification, officer, first, {true, ""}));
  EXPECT_EQ(ids_of(*review_queue(qualification, officer, "dps")),
            std::vector<std::string>{second->application.id});
  for (const Actor* who : {&other_officer, &provider_a}) {
    auto hidden = review_queue(qualification, *who, "dps");
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().kind, ErrorKind::not_found);
  }
}

TEST_F(Review, AClarificationIsAskedAndAnsweredInMessagesWhileTheClockRuns) {
  const std::string id = submitted_application();
  const auto due = read_application(qualification, officer, id)->application.decision_due;
  auto blank = request_clarification(qualification, officer, id, " ");
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().fields.at(0).pointer, "/message");
  auto by_applicant = request_clarification(qualification, provider_c, id, "Kysymys");
  ASSERT_FALSE(by_applicant);
  EXPECT_EQ(by_applicant.error().kind, ErrorKind::forbidden);

  const long long before = audit_head();
  auto asked = request_clarification(qualification, officer, id, "Lähettäkää todistus.");
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->application.state, ApplicationState::clarification_requested);
  EXPECT_EQ(asked->application.decision_due, due);
  auto by_officer = answer_clarification(qualification, officer, id, {"Vastaus", std::nullopt});
  ASSERT_FALSE(by_officer);
  EXPECT_EQ(by_officer.error().kind, ErrorKind::forbidden);

  auto changed = answers();
  changed[1].number = 4;
  clock.advance(std::chrono::hours{1});
  auto answered =
      answer_clarification(qualification, provider_c, id, {"Todistus liitteenä.", changed});
  ASSERT_TRUE(answered) << answered.error().detail;
  EXPECT_EQ(answered->application.state, ApplicationState::submitted);
  EXPECT_EQ(answered->application.answers, changed);
  EXPECT_EQ(answered->application.decision_due, due);
  const auto messages = list_messages(qualification, auditor, id);
  ASSERT_TRUE(messages);
  ASSERT_EQ(messages->size(), 2u);
  EXPECT_EQ((*messages)[0].body, "Lähettäkää todistus.");
  EXPECT_EQ((*messages)[0].author_organisation_id, "authority");
  EXPECT_EQ((*messages)[1].body, "Todistus liitteenä.");
  EXPECT_EQ((*messages)[1].author_user_id, "seller-c");
  EXPECT_EQ(actions_since(before),
            (std::vector<std::string>{"application.clarification-requested",
                                      "application.clarification-answered"}));
  // Without answers the answers stay as they were.
  ASSERT_TRUE(request_clarification(qualification, officer, id, "Vielä yksi asia."));
  auto kept = answer_clarification(qualification, provider_c, id, {"Selvä.", std::nullopt});
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->application.answers, changed);
}

TEST_F(Review, TheDeadlineIsExtendedOnceToFifteenWorkingDaysWithAReason) {
  const std::string id = submitted_application();
  const auto received = *read_application(qualification, officer, id)->application.received_at;
  auto no_reason = extend_decision_deadline(qualification, officer, id, "");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().fields.at(0).pointer, "/reason");
  clock.advance(std::chrono::days{3});
  const long long before = audit_head();
  auto extended = extend_decision_deadline(qualification, officer, id, "Lausunto pyydetty");
  ASSERT_TRUE(extended) << extended.error().detail;
  const Date fifteen = calendar.add_working_days(helsinki_date(received), 15);
  EXPECT_EQ(extended->application.decision_due, fifteen);
  EXPECT_EQ(extended->application.extension_reason, "Lausunto pyydetty");
  EXPECT_EQ(extended->application.state, ApplicationState::submitted);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "application.deadline-extended");
  EXPECT_EQ(
      events[0].event.before,
      "due " +
          std::to_string(
              calendar.add_working_days(helsinki_date(received), 10).time_since_epoch().count()));
  EXPECT_EQ(events[0].event.after, "due " + std::to_string(fifteen.time_since_epoch().count()));
  auto again = extend_decision_deadline(qualification, officer, id, "Toinen syy");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "already-extended");
  EXPECT_EQ(read_application(qualification, officer, id)->application.decision_due, fifteen);
}

TEST_F(Review, AnOverdueDecisionIsCountedAndShownAsOverdue) {
  const std::string id = submitted_application();
  EXPECT_EQ(decision_deadline_counts(qualification).overdue, 0);
  clock.advance(std::chrono::days{30});
  auto late = read_application(qualification, officer, id);
  ASSERT_TRUE(late);
  EXPECT_TRUE(late->overdue);
  EXPECT_LT(*late->working_days_left, 0);
  EXPECT_EQ(decision_deadline_counts(qualification).overdue, 1);
  ASSERT_TRUE(decide_application(qualification, officer, id, {false, "Myöhässä, mutta hylätty."}));
  EXPECT_EQ(decision_deadline_counts(qualification).overdue, 0);
}

TEST_F(Review, AdmittingStoresTheAdmissionInTheSameActAndThePublicSeesTheProvider) {
  const std::string id = submitted_application();
  clock.advance(std::chrono::hours{5});
  const long long before = audit_head();
  auto admitted = decide_application(qualification, officer, id, {true, ""});
  ASSERT_TRUE(admitted) << admitted.error().detail;
  EXPECT_EQ(admitted->application.state, ApplicationState::admitted);
  EXPECT_EQ(admitted->application.decided_at, clock.now());
  const Admission expected{"provider-c", kCategory,     id,         AdmissionState::admitted,
                           clock.now(),  std::string(), clock.now()};
  EXPECT_EQ(admission_of("provider-c"), expected);
  EXPECT_EQ(admitted->admission, expected);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "application.admitted");
  EXPECT_EQ(events[0].event.before, "submitted");
  EXPECT_EQ(events[0].event.after, "admitted");
  const auto listed = admitted_providers(qualification, kCategory);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ(listed->back().provider_id, "provider-c");
  EXPECT_EQ(listed->back().name, "provider-c name");
  EXPECT_EQ(listed->back().admitted_at, clock.now());
}

TEST_F(Review, ARejectionNeedsAReasonAndAdmitsNoOne) {
  const std::string id = submitted_application();
  auto silent = decide_application(qualification, officer, id, {false, ""});
  ASSERT_FALSE(silent);
  EXPECT_EQ(silent.error().fields.at(0).pointer, "/reason");
  auto by_auditor = decide_application(qualification, auditor, id, {false, "Ei."});
  ASSERT_FALSE(by_auditor);
  EXPECT_EQ(by_auditor.error().kind, ErrorKind::forbidden);
  auto rejected = decide_application(qualification, officer, id, {false, "Vakuutus puuttuu."});
  ASSERT_TRUE(rejected);
  EXPECT_EQ(rejected->application.state, ApplicationState::rejected);
  EXPECT_EQ(rejected->application.decision_reason, "Vakuutus puuttuu.");
  EXPECT_FALSE(rejected->admission);
  EXPECT_FALSE(admission_of("provider-c"));
  auto twice = decide_application(qualification, officer, id, {true, ""});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "invalid-transition");
}

}  // namespace
}  // namespace tarjotin
