#include <gtest/gtest.h>

#include "domain/competition/entities.hpp"

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

}  // namespace
}  // namespace tarjotin::domain
