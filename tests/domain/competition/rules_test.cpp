#include <gtest/gtest.h>

#include "domain/competition/rules.hpp"

namespace tarjotin::domain {
namespace {

std::vector<AwardCriterion> price_and_quality() {
  return {{"price", "Hinta", CriterionBasis::price, 60, 0},
          {"method", "Menetelmä", CriterionBasis::quality, 40, 10}};
}

OpenedTender tender(const std::string& id, long long price, int receipt_second) {
  OpenedTender t;
  t.tender.id = id;
  t.tender.provider_id = "p-" + id;
  t.tender.state = TenderState::submitted;
  t.tender.submitted_at = Timestamp{std::chrono::seconds{receipt_second}};
  t.content.price_cents = price;
  return t;
}

QualityScore score(const std::string& tender_id, int points) {
  return {tender_id, "method", points, "perustelu", "officer", Timestamp{}};
}

TEST(AwardCriteria, MustWeighOneHundredInAll) {
  EXPECT_TRUE(validate_award_criteria(price_and_quality()).ok());
  auto c = price_and_quality();
  c[1].weight = 30;
  const auto r = validate_award_criteria(c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).rule, "weights-sum");
}

TEST(AwardCriteria, ScorePriceOnceAndNeedUniqueKeysAndAScale) {
  auto two_prices = price_and_quality();
  two_prices[1].basis = CriterionBasis::price;
  EXPECT_EQ(validate_award_criteria(two_prices).error().fields.at(0).rule, "one-price-criterion");
  auto same_key = price_and_quality();
  same_key[1].key = "price";
  EXPECT_EQ(validate_award_criteria(same_key).error().fields.at(0).pointer, "/criteria/1/key");
  auto no_scale = price_and_quality();
  no_scale[1].max_points = 0;
  EXPECT_EQ(validate_award_criteria(no_scale).error().fields.at(0).pointer,
            "/criteria/1/max_points");
  EXPECT_FALSE(validate_award_criteria({}).ok());
}

TEST(RankTenders, ScoresPriceByLowestOverOwnAndQualityByPointsOverScale) {
  // a: 100,000 c, 5/10 points → price 60 × 1 = 60, quality 40 × 0.5 = 20 → 80
  // b: 125,000 c, 10/10 points → price 60 × 0.8 = 48, quality 40 × 1 = 40 → 88
  const std::vector<OpenedTender> tenders{tender("a", 100'000, 1), tender("b", 125'000, 2)};
  const std::vector<QualityScore> scores{score("a", 5), score("b", 10)};
  const auto ranked = rank_tenders(price_and_quality(), tenders, scores);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].tender_id, "b");
  EXPECT_NEAR(ranked[0].total, 88.0, 1e-9);
  EXPECT_NEAR(ranked[0].scores.at("price"), 48.0, 1e-9);
  EXPECT_EQ(ranked[0].rank, 1);
  EXPECT_EQ(ranked[1].tender_id, "a");
  EXPECT_NEAR(ranked[1].total, 80.0, 1e-9);
  EXPECT_TRUE(ranked[0].complete);
}

TEST(RankTenders, BreaksTiesByLowerPriceThenEarlierReceipt) {
  // a: 60 × 1 + 40 × 0.2 = 68; b: 60 × 0.8 + 40 × 0.5 = 68 → the cheaper a wins.
  const std::vector<OpenedTender> priced{tender("a", 100'000, 2), tender("b", 125'000, 1)};
  const auto by_price =
      rank_tenders(price_and_quality(), priced, std::vector{score("a", 2), score("b", 5)});
  EXPECT_EQ(by_price[0].tender_id, "a");
  // Same price and points: the earlier receipt (c at second 1) wins.
  const std::vector<OpenedTender> same{tender("d", 90'000, 5), tender("c", 90'000, 1)};
  const auto by_time =
      rank_tenders(price_and_quality(), same, std::vector{score("c", 7), score("d", 7)});
  EXPECT_EQ(by_time[0].tender_id, "c");
  EXPECT_EQ(by_time[1].rank, 2);
}

TEST(RankTenders, MarksTendersWithUnscoredCriteriaIncomplete) {
  const std::vector<OpenedTender> tenders{tender("a", 100'000, 1)};
  const auto ranked = rank_tenders(price_and_quality(), tenders, {});
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_FALSE(ranked[0].complete);
  EXPECT_NEAR(ranked[0].total, 60.0, 1e-9);
}

TEST(CompetitionTransitions, OpenOnlyAfterPublishingAndAwardOnlyAfterOpening) {
  const auto t = competition_transitions();
  EXPECT_EQ(next_state(t, CompetitionState::draft, CompetitionAct::publish),
            CompetitionState::published);
  EXPECT_FALSE(next_state(t, CompetitionState::draft, CompetitionAct::open));
  EXPECT_FALSE(next_state(t, CompetitionState::published, CompetitionAct::award));
  EXPECT_EQ(next_state(t, CompetitionState::opened, CompetitionAct::award),
            CompetitionState::awarded);
  EXPECT_FALSE(next_state(t, CompetitionState::concluded, CompetitionAct::cancel));
  EXPECT_FALSE(next_state(t, CompetitionState::cancelled, CompetitionAct::publish));
}

TEST(CompetitionTransitions, ARefusedActNamesTheStateItWasRefusedIn) {
  Competition c;
  EXPECT_EQ(*next_competition_state(c, CompetitionAct::publish), CompetitionState::published);
  c.state = CompetitionState::published;
  const auto again = next_competition_state(c, CompetitionAct::publish);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().code, "invalid-transition");
  EXPECT_EQ(again.error().detail, "a competition that is published cannot publish");
}

CompetitionInput terms() {
  CompetitionInput in;
  in.title = "Ryhmävalmennus";
  in.description = "Kuusi kuukautta";
  in.quantity = "40 customers";
  in.criteria = price_and_quality();
  in.questions_deadline = Timestamp{std::chrono::seconds{100}};
  in.tender_deadline = Timestamp{std::chrono::seconds{200}};
  return in;
}

TEST(CompetitionInputs, NeedATitleADescriptionAndQuestionsClosingNoLaterThanTenders) {
  EXPECT_TRUE(check_competition_input(terms()).ok());
  auto blank = terms();
  blank.title = " \t";
  EXPECT_EQ(check_competition_input(blank).error().fields.at(0).pointer, "/title");
  blank = terms();
  blank.description.clear();
  EXPECT_EQ(check_competition_input(blank).error().fields.at(0).pointer, "/description");
  auto same_time = terms();
  same_time.questions_deadline = same_time.tender_deadline;
  EXPECT_TRUE(check_competition_input(same_time).ok());
  auto late_questions = terms();
  late_questions.questions_deadline = late_questions.tender_deadline + std::chrono::microseconds(1);
  EXPECT_EQ(check_competition_input(late_questions).error().fields.at(0).rule,
            "before-tender-deadline");
}

TEST(CompetitionInputs, HaveAStandstillOfZeroToSixtyDaysAndValidCriteria) {
  for (int days : {0, 60}) {
    auto in = terms();
    in.standstill_days = days;
    EXPECT_TRUE(check_competition_input(in).ok()) << days;
  }
  for (int days : {-1, 61}) {
    auto in = terms();
    in.standstill_days = days;
    EXPECT_EQ(check_competition_input(in).error().fields.at(0).pointer, "/standstill_days") << days;
  }
  auto light = terms();
  light.criteria[0].weight = 10;
  EXPECT_EQ(check_competition_input(light).error().fields.at(0).rule, "weights-sum");
}

TEST(CompetitionInputs, ApplyEveryTermAndNothingElse) {
  Competition c;
  c.id = "c-1";
  c.category_id = "cat";
  c.created_by = "officer";
  c.state = CompetitionState::draft;
  c.updated_at = Timestamp{std::chrono::seconds{5}};
  Competition expected = c;
  const auto in = terms();
  expected.title = in.title;
  expected.description = in.description;
  expected.quantity = in.quantity;
  expected.criteria = in.criteria;
  expected.questions_deadline = in.questions_deadline;
  expected.tender_deadline = in.tender_deadline;
  expected.standstill_days = 30;
  auto with_standstill = in;
  with_standstill.standstill_days = 30;
  apply_terms(c, with_standstill);
  EXPECT_EQ(c, expected);
}

Competition published_at(Timestamp questions, Timestamp tenders) {
  Competition c;
  c.state = CompetitionState::published;
  c.questions_deadline = questions;
  c.tender_deadline = tenders;
  return c;
}

TEST(Deadlines, QuestionsCloseAtTheQuestionsDeadlineToTheMicrosecond) {
  const Timestamp q{std::chrono::seconds{100}};
  const auto c = published_at(q, q + std::chrono::hours(1));
  EXPECT_TRUE(questions_open(c, q - std::chrono::microseconds(1)).ok());
  EXPECT_EQ(questions_open(c, q).error().code, "questions-closed");
  auto draft = c;
  draft.state = CompetitionState::draft;
  EXPECT_EQ(questions_open(draft, q - std::chrono::hours(1)).error().code, "questions-closed");
}

TEST(Deadlines, TendersAreTakenOnlyWhilePublishedAndBeforeTheTenderDeadline) {
  const Timestamp t{std::chrono::seconds{200}};
  const auto c = published_at(t - std::chrono::hours(1), t);
  EXPECT_TRUE(tenders_accepted(c, t - std::chrono::microseconds(1)).ok());
  EXPECT_EQ(tenders_accepted(c, t).error().code, "deadline-passed");
  for (auto state :
       {CompetitionState::draft, CompetitionState::opened, CompetitionState::cancelled}) {
    auto other = c;
    other.state = state;
    EXPECT_EQ(tenders_accepted(other, t - std::chrono::hours(2)).error().code, "not-tendering")
        << to_string(state);
  }
}

TEST(Deadlines, TendersAreOpenedOnlyByTheOpeningAct) {
  Competition c;
  for (auto state :
       {CompetitionState::draft, CompetitionState::published, CompetitionState::cancelled}) {
    c.state = state;
    EXPECT_FALSE(tenders_opened(c)) << to_string(state);
  }
  for (auto state :
       {CompetitionState::opened, CompetitionState::awarded, CompetitionState::concluded}) {
    c.state = state;
    EXPECT_TRUE(tenders_opened(c)) << to_string(state);
  }
  // Cancelled after the opening: what was opened stays readable.
  c.state = CompetitionState::cancelled;
  c.opened_at = Timestamp{std::chrono::seconds{300}};
  EXPECT_TRUE(tenders_opened(c));
}

TEST(QuestionsSeenBy, TheAuthoritySeesEveryAskerAProviderOnlyItselfAndAnsweredOnes) {
  const Timestamp t{std::chrono::seconds{10}};
  const std::vector<Question> all{
      {"q1", "c", "provider-a", "Asked by a, answered", t, "Yes", t},
      {"q2", "c", "provider-b", "Asked by b, open", t, "", std::nullopt},
      {"q3", "c", "provider-a", "Asked by a, open", t, "", std::nullopt},
      {"q4", "c", "provider-b", "Asked by b, answered", t, "No", t}};
  EXPECT_EQ(questions_seen_by(all, true, "authority"), all);
  auto anonymous = all[3];
  anonymous.provider_id.clear();
  EXPECT_EQ(questions_seen_by(all, false, "provider-a"),
            (std::vector<Question>{all[0], all[2], anonymous}));
  auto a_anonymous = all[0];
  a_anonymous.provider_id.clear();
  EXPECT_EQ(questions_seen_by(all, false, "provider-c"),
            (std::vector<Question>{a_anonymous, anonymous}));
}

TEST(TenderContents, NameAPositivePriceAndAnswerOnlyQualityCriteriaWithinTheLimit) {
  TenderContent content;
  content.price_cents = 1;
  content.answers = {{"method", "Ryhmissä"}};
  EXPECT_TRUE(check_tender_content(content).ok());
  EXPECT_TRUE(check_tender_answers(price_and_quality(), content).ok());
  auto free = content;
  free.price_cents = 0;
  EXPECT_EQ(check_tender_content(free).error().fields.at(0).pointer, "/price_cents");
  auto long_answer = content;
  long_answer.answers["method"] = std::string(10'001, 'x');
  EXPECT_EQ(check_tender_content(long_answer).error().fields.at(0).pointer, "/answers/method");
  for (const std::string key : {"price", "staff"}) {
    auto other = content;
    other.answers[key] = "x";
    const auto refused = check_tender_answers(price_and_quality(), other);
    ASSERT_FALSE(refused) << key;
    EXPECT_EQ(refused.error().fields.at(0).pointer, "/answers/" + key);
    EXPECT_EQ(refused.error().fields.at(0).rule, "criterion");
  }
}

TEST(TenderReceipts, BindTheSealedBytesToTheExactTimeOfReceipt) {
  Tender t;
  t.id = "t-1";
  t.sealed = "c2VhbGVk";
  t.submitted_at = Timestamp{std::chrono::microseconds{1'790'000'000'123'456}};
  EXPECT_EQ(receipt_text(t), "t-1|1790000000123456|c2VhbGVk");
  auto later = t;
  later.submitted_at = *t.submitted_at + std::chrono::microseconds(1);
  EXPECT_NE(receipt_text(later), receipt_text(t));
  auto other = t;
  other.sealed = "b3RoZXI";
  EXPECT_NE(receipt_text(other), receipt_text(t));
}

}  // namespace
}  // namespace tarjotin::domain
