// Re-confirmation of the criteria by the admitted providers, and the job that suspends those who
// do not confirm in time. The use cases over real storage, without a server.
#include <gtest/gtest.h>

#include "domain/qualification/admissions.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/reconfirmation.hpp"
#include "tests/use_cases/qualification/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::QualificationWorld;

class Reconfirmations : public QualificationWorld {
 protected:
  ReconfirmationView requested(int due_in_days = 14) {
    auto view = request_reconfirmation(
        qualification, officer, kCategory,
        {today() + std::chrono::days{due_in_days}, "Vahvistakaa vakuutuksen voimassaolo."});
    EXPECT_TRUE(view) << view.error().detail;
    return *view;
  }
};

TEST_F(Reconfirmations, EveryProviderAdmittedNowIsAskedAndTheRequestIsAudited) {
  ASSERT_TRUE(change_admission(qualification, officer, kCategory, "provider-b",
                               {AdmissionAct::suspend, "Tarkastus"}));
  const long long before = audit_head();
  const auto view = requested();
  EXPECT_EQ(view.request.category_id, kCategory);
  EXPECT_EQ(view.request.criteria_version, 1);
  EXPECT_EQ(view.request.requested_by, "officer");
  EXPECT_EQ(view.providers,
            (std::vector<Reconfirmation>{
                {view.request.id, "provider-a", ReconfirmationState::pending, std::nullopt}}));
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "reconfirmation.requested");
  EXPECT_EQ(events[0].event.after, "request " + view.request.id + " for 1 providers");
  EXPECT_EQ(*read_reconfirmation(qualification, officer, view.request.id), view);
  EXPECT_EQ(*pending_reconfirmations(qualification, provider_a),
            std::vector<ReconfirmationRequest>{view.request});
  EXPECT_TRUE(pending_reconfirmations(qualification, provider_b)->empty());
}

TEST_F(Reconfirmations, ARequestNamesWhatToConfirmByADayAfterTodayInAnOpenCategory) {
  auto blank = request_reconfirmation(qualification, officer, kCategory,
                                      {today() + std::chrono::days{1}, " "});
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().fields.at(0).pointer, "/message");
  auto today_due =
      request_reconfirmation(qualification, officer, kCategory, {today(), "Vahvistakaa."});
  ASSERT_FALSE(today_due);
  EXPECT_EQ(today_due.error().fields.at(0).pointer, "/due");
  auto by_stranger = request_reconfirmation(qualification, other_officer, kCategory,
                                            {today() + std::chrono::days{1}, "Vahvistakaa."});
  ASSERT_FALSE(by_stranger);
  EXPECT_EQ(by_stranger.error().kind, ErrorKind::not_found);
  ASSERT_TRUE(change_category_state(qualification, officer, kCategory, CategoryAct::close));
  auto closed = request_reconfirmation(qualification, officer, kCategory,
                                       {today() + std::chrono::days{1}, "Vahvistakaa."});
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, "category-not-open");
}

TEST_F(Reconfirmations, AProviderConfirmsOnceAndSeesOnlyItsOwnAnswer) {
  const auto view = requested();
  clock.advance(std::chrono::hours{2});
  const long long before = audit_head();
  auto confirmed = confirm_criteria(qualification, provider_a, view.request.id);
  ASSERT_TRUE(confirmed);
  const Reconfirmation expected{view.request.id, "provider-a", ReconfirmationState::confirmed,
                                clock.now()};
  EXPECT_EQ(*confirmed, expected);
  clock.advance(std::chrono::hours{1});
  EXPECT_EQ(*confirm_criteria(qualification, provider_a, view.request.id), expected);
  EXPECT_EQ(actions_since(before), std::vector<std::string>{"reconfirmation.confirmed"});
  EXPECT_EQ(read_reconfirmation(qualification, provider_a, view.request.id)->providers,
            std::vector<Reconfirmation>{expected});
  auto not_asked = confirm_criteria(qualification, provider_c, view.request.id);
  ASSERT_FALSE(not_asked);
  EXPECT_EQ(not_asked.error().kind, ErrorKind::not_found);
  EXPECT_FALSE(read_reconfirmation(qualification, provider_c, view.request.id));
  EXPECT_FALSE(read_reconfirmation(qualification, other_officer, view.request.id));
  EXPECT_EQ(read_reconfirmation(qualification, admin, view.request.id)->providers.size(), 2u);
}

TEST_F(Reconfirmations, TheJobSuspendsOnlyThoseWhoDidNotConfirmByTheDueDayAndOnlyOnce) {
  const auto view = requested(3);
  ASSERT_TRUE(confirm_criteria(qualification, provider_a, view.request.id));
  clock.advance(std::chrono::days{3});
  EXPECT_EQ(lapse_overdue_reconfirmations(qualification), 0);  // the due day is still in time
  clock.advance(std::chrono::days{1});
  const long long before = audit_head();
  EXPECT_EQ(lapse_overdue_reconfirmations(qualification), 1);
  EXPECT_EQ(lapse_overdue_reconfirmations(qualification), 0);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event.action, "admission.suspended");
  EXPECT_EQ(events[0].event.object_id, "provider-b/coaching");
  EXPECT_EQ(events[0].event.actor_user_id, "");
  EXPECT_EQ(events[1].event.action, "reconfirmation.lapsed");
  EXPECT_EQ(admission_of("provider-a")->state, AdmissionState::admitted);
  const auto b = admission_of("provider-b");
  EXPECT_EQ(b->state, AdmissionState::suspended);
  EXPECT_EQ(b->reason, "criteria were not re-confirmed by the due date");
  EXPECT_EQ(notifications_of("provider-b").at(0).text,
            "Admission suspended: Valmennus coaching (criteria were not re-confirmed by the due "
            "date)");
  auto too_late = confirm_criteria(qualification, provider_b, view.request.id);
  ASSERT_FALSE(too_late);
  EXPECT_EQ(too_late.error().code, "reconfirmation-lapsed");
}

TEST_F(Reconfirmations, AfterTheDueDayNoOneConfirmsEvenBeforeTheJobRuns) {
  const auto view = requested(1);
  clock.advance(std::chrono::days{2});
  auto late = confirm_criteria(qualification, provider_a, view.request.id);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, "reconfirmation-lapsed");
  auto by_officer = confirm_criteria(qualification, officer, view.request.id);
  ASSERT_FALSE(by_officer);
  EXPECT_EQ(by_officer.error().kind, ErrorKind::forbidden);
}

}  // namespace
}  // namespace tarjotin
