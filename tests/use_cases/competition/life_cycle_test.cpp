// A competition's life over real storage, without a server: drafted and seen by the authority
// alone, published to every provider admitted at that moment, its deadline moved only later,
// cancelled with a reason, concluded after the standstill.
#include <gtest/gtest.h>

#include "tests/use_cases/competition/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::CompetitionWorld;
using testing::must;
using Vec = std::vector<std::string>;

class CompetitionLifeCycle : public CompetitionWorld {};

TEST_F(CompetitionLifeCycle, ADraftIsTheAuthoritysAloneAndItsTermsMayChange) {
  const auto id = drafted();
  for (const auto* reader : {&officer, &admin, &auditor})
    EXPECT_TRUE(read_competition(competitions, *reader, id)) << reader->user_id;
  for (const auto* stranger : {&provider_a, &other_officer, &coach}) {
    const auto refused = read_competition(competitions, *stranger, id);
    ASSERT_FALSE(refused) << stranger->user_id;
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
    EXPECT_TRUE(must(list_competitions(competitions, *stranger, kMiniCategory), "list").empty());
  }
  auto in = terms();
  in.title = "Ryhmävalmennus 2";
  const auto edited = edit_competition(competitions, officer, id, in);
  ASSERT_TRUE(edited) << edited.error().detail;
  EXPECT_EQ(edited->competition.title, "Ryhmävalmennus 2");
  EXPECT_EQ(stored(id), edited->competition);
  EXPECT_EQ(must(list_competitions(competitions, officer, kMiniCategory), "list"),
            std::vector<Competition>{stored(id)});
}

TEST_F(CompetitionLifeCycle, ACustomerChoiceCategoryHasNoCompetitions) {
  const auto refused = create_competition(competitions, officer, kCategory, terms());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "not-mini-competition");
}

TEST_F(CompetitionLifeCycle, PublishingInvitesEveryProviderAdmittedThenAndTellsEach) {
  admit("provider-c", AdmissionState::suspended);
  const auto id = drafted();
  const auto published = publish_competition(competitions, officer, id);
  ASSERT_TRUE(published) << published.error().detail;
  EXPECT_EQ(published->competition.state, CompetitionState::published);
  EXPECT_EQ(published->competition.published_at, clock.now());
  EXPECT_EQ(published->invited, 2);
  for (const auto* invitee : {&provider_a, &provider_b}) {
    EXPECT_EQ(told(*invitee, id), Vec{"competition.invited"}) << invitee->user_id;
    EXPECT_EQ(must(list_competitions(competitions, *invitee, kMiniCategory), "list").size(), 1u);
  }
  EXPECT_TRUE(told(provider_c, id).empty());
  EXPECT_EQ(read_competition(competitions, provider_c, id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(edit_competition(competitions, officer, id, terms()).error().code, "published");
}

TEST_F(CompetitionLifeCycle, AProviderAdmittedWhileTendersAreTakenIsInvitedOnce) {
  const auto id = published();
  admit("provider-c");
  for (int twice = 0; twice < 2; ++twice)
    write([&](Transaction& tx) {
      invite_to_running_competitions(tx, clock, secrets, kMiniCategory, "provider-c");
    });
  EXPECT_EQ(must(read_competition(competitions, officer, id), "read").invited, 3);
  EXPECT_EQ(told(provider_c, id), Vec{"competition.invited"});
  EXPECT_TRUE(read_competition(competitions, provider_c, id));
}

TEST_F(CompetitionLifeCycle, NoOneIsInvitedOnceTheTenderDeadlineHasPassed) {
  const auto id = published();
  past_tender_deadline(id);
  admit("provider-c");
  write([&](Transaction& tx) {
    invite_to_running_competitions(tx, clock, secrets, kMiniCategory, "provider-c");
  });
  EXPECT_EQ(must(read_competition(competitions, officer, id), "read").invited, 2);
  EXPECT_TRUE(told(provider_c, id).empty());
}

TEST_F(CompetitionLifeCycle, PublishingNeedsTheQuestionsDeadlineAhead) {
  const auto id = drafted();
  clock.set(stored(id).questions_deadline);
  const auto refused = publish_competition(competitions, officer, id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).rule, "future");
  EXPECT_EQ(stored(id).state, CompetitionState::draft);
}

TEST_F(CompetitionLifeCycle, TheTenderDeadlineMovesOnlyLaterAndEveryInviteeIsTold) {
  const auto id = published();
  const auto deadline = stored(id).tender_deadline;
  const auto earlier = extend_tender_deadline(competitions, officer, id, deadline);
  ASSERT_FALSE(earlier);
  EXPECT_EQ(earlier.error().fields.at(0).rule, "later");
  const auto later =
      extend_tender_deadline(competitions, officer, id, deadline + std::chrono::days(2));
  ASSERT_TRUE(later);
  EXPECT_EQ(later->competition.tender_deadline, deadline + std::chrono::days(2));
  for (const auto* invitee : {&provider_a, &provider_b})
    EXPECT_EQ(told(*invitee, id), (Vec{"competition.invited", "competition.deadline_moved"}));
}

TEST_F(CompetitionLifeCycle, ACancellationNeedsAReasonAndTellsEveryInvitee) {
  const auto id = published();
  const auto blank =
      change_competition_state(competitions, officer, id, {CompetitionAct::cancel, " "});
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().fields.at(0).pointer, "/reason");
  const auto cancelled =
      change_competition_state(competitions, officer, id, {CompetitionAct::cancel, "No budget"});
  ASSERT_TRUE(cancelled) << cancelled.error().detail;
  EXPECT_EQ(cancelled->competition.state, CompetitionState::cancelled);
  EXPECT_EQ(cancelled->competition.reason, "No budget");
  for (const auto* invitee : {&provider_a, &provider_b})
    EXPECT_EQ(told(*invitee, id), (Vec{"competition.invited", "competition.cancelled"}));
  const auto again =
      change_competition_state(competitions, officer, id, {CompetitionAct::publish, ""});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "invalid-transition");
}

TEST_F(CompetitionLifeCycle, OnlyTheAuthoritysOfficerMovesItOn) {
  const auto id = drafted();
  for (const auto* staff : {&admin, &auditor})
    EXPECT_EQ(publish_competition(competitions, *staff, id).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(publish_competition(competitions, other_officer, id).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(stored(id).state, CompetitionState::draft);
  const auto published =
      change_competition_state(competitions, officer, id, {CompetitionAct::publish, ""});
  ASSERT_TRUE(published);
  EXPECT_EQ(published->competition.state, CompetitionState::published);
  EXPECT_EQ(change_competition_state(competitions, provider_a, id, {CompetitionAct::cancel, "Mine"})
                .error()
                .kind,
            ErrorKind::forbidden);
}

}  // namespace
}  // namespace tarjotin
