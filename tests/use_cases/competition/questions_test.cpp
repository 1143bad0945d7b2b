// Questions over real storage, without a server: invited providers ask until the questions
// deadline, the authority's officer answers, and the answer reaches every invitee without who
// asked.
#include <gtest/gtest.h>

#include "tests/use_cases/competition/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::CompetitionWorld;
using testing::must;
using Vec = std::vector<std::string>;

class CompetitionQuestions : public CompetitionWorld {};

TEST_F(CompetitionQuestions, AnInvitedProviderAsksUntilTheQuestionsDeadline) {
  const auto id = published();
  const auto asked = ask_question(competitions, provider_a, id, "Saako alihankkia?");
  ASSERT_TRUE(asked) << asked.error().detail;
  EXPECT_EQ(asked->provider_id, "provider-a");
  EXPECT_EQ(asked->asked_at, clock.now());
  EXPECT_EQ(ask_question(competitions, provider_c, id, "Entä me?").error().kind,
            ErrorKind::not_found);
  clock.set(stored(id).questions_deadline);
  const auto late = ask_question(competitions, provider_b, id, "Myöhässä?");
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, "questions-closed");
  EXPECT_EQ(must(list_questions(competitions, officer, id), "list"), std::vector{*asked});
}

TEST_F(CompetitionQuestions, AnAnswerIsPublishedToEveryInviteeWithoutTheAsker) {
  const auto id = published();
  const auto a = must(ask_question(competitions, provider_a, id, "Saako alihankkia?"), "ask");
  clock.advance(std::chrono::seconds(1));
  const auto b = must(ask_question(competitions, provider_b, id, "Montako ryhmää?"), "ask");
  const auto answered = answer_question(competitions, officer, a.id, "Enintään 30 %.");
  ASSERT_TRUE(answered) << answered.error().detail;
  EXPECT_EQ(answered->answer, "Enintään 30 %.");
  EXPECT_EQ(answered->answered_at, clock.now());
  for (const auto* invitee : {&provider_a, &provider_b})
    EXPECT_EQ(told(*invitee, id), (Vec{"competition.invited", "competition.answer_published"}));

  auto anonymous = *answered;
  anonymous.provider_id.clear();
  EXPECT_EQ(must(list_questions(competitions, provider_b, id), "list"),
            (std::vector{anonymous, b}));
  EXPECT_EQ(must(list_questions(competitions, provider_a, id), "list"), std::vector{*answered});
  for (const auto* staff : {&officer, &admin, &auditor})
    EXPECT_EQ(must(list_questions(competitions, *staff, id), "list"), (std::vector{*answered, b}));
}

TEST_F(CompetitionQuestions, OnlyTheAuthoritysOfficerAnswers) {
  const auto id = published();
  const auto q = must(ask_question(competitions, provider_a, id, "Saako alihankkia?"), "ask");
  EXPECT_EQ(answer_question(competitions, auditor, q.id, "Kyllä").error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(answer_question(competitions, other_officer, q.id, "Kyllä").error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(must(list_questions(competitions, officer, id), "list"), std::vector{q});
  EXPECT_EQ(told(provider_b, id), Vec{"competition.invited"});
}

}  // namespace
}  // namespace tarjotin
