// Scoring, award and standstill: the rules an officer's evaluation is held to.
#include <gtest/gtest.h>

#include "domain/competition/rules.hpp"

namespace tarjotin::domain {
namespace {

const std::vector<AwardCriterion> kCriteria{
    {"price", "Hinta", CriterionBasis::price, 60, 0},
    {"method", "Menetelmä", CriterionBasis::quality, 40, 10}};

RankedTender ranked(const std::string& id, int rank, bool complete = true) {
  RankedTender r;
  r.tender_id = id;
  r.provider_id = "p-" + id;
  r.rank = rank;
  r.complete = complete;
  return r;
}

TEST(QualityPoints, AreGivenOnAQualityCriterionWithinItsScale) {
  EXPECT_TRUE(check_quality_points(kCriteria, "method", 0).ok());
  EXPECT_TRUE(check_quality_points(kCriteria, "method", 10).ok());
  for (int points : {-1, 11}) {
    const auto refused = check_quality_points(kCriteria, "method", points);
    ASSERT_FALSE(refused) << points;
    EXPECT_EQ(refused.error().fields.at(0).pointer, "/points");
    EXPECT_EQ(refused.error().detail, "points are 0 to 10");
  }
  // Price is scored by the published formula, never by hand.
  for (const std::string key : {"price", "staff"}) {
    const auto refused = check_quality_points(kCriteria, key, 5);
    ASSERT_FALSE(refused) << key;
    EXPECT_EQ(refused.error().fields.at(0).pointer, "/criterion_key");
  }
}

TEST(Award, GoesToTheTenderRankedFirstOnceEveryTenderIsScored) {
  const std::vector<RankedTender> order{ranked("b", 1), ranked("a", 2)};
  EXPECT_TRUE(check_award(order, "b").ok());
  const auto second = check_award(order, "a");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().fields.at(0).pointer, "/tender_id");
  EXPECT_EQ(second.error().fields.at(0).rule, "ranked-first");
  EXPECT_EQ(check_award({}, "a").error().code, "no-tenders");
  const std::vector<RankedTender> unscored{ranked("b", 1), ranked("a", 2, false)};
  EXPECT_EQ(check_award(unscored, "b").error().code, "unscored");
}

TEST(Standstill, RunsItsDaysFromTheAwardAndEndsToTheMicrosecond) {
  Competition c;
  c.state = CompetitionState::awarded;
  c.standstill_days = 14;
  c.awarded_at = Timestamp{std::chrono::seconds{1'000}};
  const auto until = *c.awarded_at + std::chrono::days(14);
  EXPECT_EQ(standstill_until(c), until);
  EXPECT_EQ(standstill_over(c, until - std::chrono::microseconds(1)).error().code, "standstill");
  EXPECT_TRUE(standstill_over(c, until).ok());
  c.standstill_days = 0;
  EXPECT_TRUE(standstill_over(c, *c.awarded_at).ok());
}

}  // namespace
}  // namespace tarjotin::domain
