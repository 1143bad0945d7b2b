#include "domain/ordering/scorecard.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tarjotin::domain {
namespace {

using namespace std::chrono;

constexpr double kTolerance = 1e-4;
const Timestamp kPlaced{sys_days{year{2025} / March / 3}};

// One order's facts, built up in a line: Fact("a", OrderState::completed).outcome(...).
class Fact {
 public:
  Fact(std::string provider_id, OrderState state) {
    facts_.order.provider_id = std::move(provider_id);
    facts_.order.state = state;
    facts_.order.placed_at = kPlaced;
    // The states an order can only reach through acceptance, as the state machine has them.
    const bool accepted = state == OrderState::accepted || state == OrderState::started ||
                          state == OrderState::completed || state == OrderState::interrupted;
    const bool started = state == OrderState::started || state == OrderState::completed ||
                         state == OrderState::interrupted;
    if (accepted) facts_.order.accepted_at = kPlaced + hours{4};
    if (started) facts_.order.started_at = kPlaced + days{1};
  }

  // A cancelled order may or may not have been accepted first.
  Fact& accepted_first() {
    facts_.order.accepted_at = kPlaced + hours{4};
    return *this;
  }
  Fact& started_after(microseconds wait) {
    facts_.order.started_at = kPlaced + wait;
    return *this;
  }
  Fact& customer(UnemploymentBand unemployment, AgeBand age) {
    facts_.order.customer_unemployment = unemployment;
    facts_.order.customer_age = age;
    return *this;
  }
  Fact& outcome(OutcomeType type) {
    facts_.outcome = type;
    return *this;
  }
  Fact& customer_score(int score) {
    facts_.customer_score = score;
    return *this;
  }
  Fact& coach_score(int score) {
    facts_.coach_score = score;
    return *this;
  }

  operator OrderFacts() const { return facts_; }

 private:
  OrderFacts facts_;
};

Scorecard only_card(const std::vector<OrderFacts>& facts) {
  auto cards = compute_scorecards(facts);
  EXPECT_EQ(cards.size(), 1u);
  return cards.empty() ? Scorecard{} : cards.front();
}

void expect_interval(const std::optional<Interval>& actual, double low, double high) {
  ASSERT_TRUE(actual.has_value());
  EXPECT_NEAR(actual->low, low, kTolerance);
  EXPECT_NEAR(actual->high, high, kTolerance);
}

void expect_row(const RateByBand& row, const std::string& band, int decided, int declined,
                std::optional<double> rate) {
  SCOPED_TRACE(band);
  EXPECT_EQ(row.band, band);
  EXPECT_EQ(row.decided, decided);
  EXPECT_EQ(row.declined, declined);
  ASSERT_EQ(row.decline_rate.has_value(), rate.has_value());
  if (rate) {
    EXPECT_NEAR(*row.decline_rate, *rate, kTolerance);
  }
}

// ---- Wilson interval ------------------------------------------------------------------------

// With z = 1.96: z² = 3.8416. For n = 10, z²/n = 0.38416, so 1 + z²/n = 1.38416 and
// z²/4n² = 3.8416 / 400 = 0.009604.

TEST(WilsonInterval, IsUndefinedWithoutObservations) {
  EXPECT_FALSE(wilson_interval(0, 0).has_value());
  EXPECT_FALSE(wilson_interval(0, -1).has_value());
}

TEST(WilsonInterval, MatchesHandComputedValueForEightOfTen) {
  // p = 0.8. centre = (0.8 + 0.19208) / 1.38416 = 0.716738.
  // half = 1.96 / 1.38416 × √(0.8 × 0.2 / 10 + 0.009604) = 1.416021 × √0.025604
  //      = 1.416021 × 0.160012 = 0.226581.
  // → [0.490157, 0.943319]
  expect_interval(wilson_interval(8, 10), 0.490157, 0.943319);
}

TEST(WilsonInterval, KeepsSomeWidthWhenNothingSucceeded) {
  // p = 0. centre = 0.19208 / 1.38416 = 0.138770; half = 1.416021 × √0.009604
  // = 1.416021 × 0.098 = 0.138770. → [0, 0.277540] where Wald would give [0, 0].
  expect_interval(wilson_interval(0, 10), 0.0, 0.277540);
}

TEST(WilsonInterval, KeepsSomeWidthWhenEverythingSucceeded) {
  // p = 1. centre = 1.19208 / 1.38416 = 0.861230; half = 0.138770 as above.
  // → [0.722460, 1]
  expect_interval(wilson_interval(10, 10), 0.722460, 1.0);
}

TEST(WilsonInterval, CollapsesToTheProportionWhenZIsZero) {
  // z = 0: centre = p = 0.8, half = 0.
  expect_interval(wilson_interval(8, 10, 0.0), 0.8, 0.8);
}

// ---- Net promoter score ---------------------------------------------------------------------

TEST(NetPromoterScore, CountsNineAndTenAsPromotersAndSixAndBelowAsDetractors) {
  const std::vector<int> scores{10, 10, 9, 9, 9, 8, 7, 6, 2, 0};
  const auto nps = net_promoter_score(scores);
  EXPECT_EQ(nps.responses, 10);
  EXPECT_EQ(nps.promoters, 5);
  EXPECT_EQ(nps.passives, 2);
  EXPECT_EQ(nps.detractors, 3);
  // 100 × (5 − 3) / 10 = 20
  ASSERT_TRUE(nps.score.has_value());
  EXPECT_NEAR(*nps.score, 20.0, kTolerance);
}

TEST(NetPromoterScore, IgnoresScoresOutsideZeroToTen) {
  const std::vector<int> scores{-1, 11, 9};
  const auto nps = net_promoter_score(scores);
  EXPECT_EQ(nps.responses, 1);
  EXPECT_EQ(nps.promoters, 1);
  EXPECT_EQ(nps.detractors, 0);
  ASSERT_TRUE(nps.score.has_value());
  EXPECT_NEAR(*nps.score, 100.0, kTolerance);
}

TEST(NetPromoterScore, GivesAnAdjustedWaldIntervalCentredOnTheAdjustedScore) {
  const std::vector<int> scores{10, 10, 9, 9, 9, 8, 7, 6, 2, 0};
  // P = 5, D = 3, n = 10. n' = 13, p' = 5.75 / 13 = 0.442308, d' = 3.75 / 13 = 0.288462,
  // nps' = 0.153846. var = (0.442308 + 0.288462 − 0.153846²) / 13 = 0.707101 / 13 = 0.054392,
  // √var = 0.233222, × 1.96 = 0.457114.
  // → 100 × (0.153846 ± 0.457114) = [−30.3268, 61.0961], centred on 15.38, not on 20.
  expect_interval(net_promoter_score(scores).interval, -30.3268, 61.0961);
}

TEST(NetPromoterScore, ClampsTheIntervalAtPlusOneHundred) {
  const std::vector<int> scores{10, 10, 10, 10, 10};
  // P = 5, D = 0, n = 5. n' = 8, p' = 5.75 / 8 = 0.71875, d' = 0.75 / 8 = 0.09375,
  // nps' = 0.625. var = (0.8125 − 0.390625) / 8 = 0.052734, √var = 0.229640, × 1.96 = 0.450094.
  // → [17.4906, 107.5094], clamped to [17.4906, 100].
  expect_interval(net_promoter_score(scores).interval, 17.4906, 100.0);
}

TEST(NetPromoterScore, ClampsTheIntervalAtMinusOneHundred) {
  const std::vector<int> scores{0, 1, 2, 3, 6};
  // The mirror image of five promoters: [−107.5094, −17.4906] clamped to [−100, −17.4906].
  const auto nps = net_promoter_score(scores);
  ASSERT_TRUE(nps.score.has_value());
  EXPECT_NEAR(*nps.score, -100.0, kTolerance);
  expect_interval(nps.interval, -100.0, -17.4906);
}

TEST(NetPromoterScore, IsUndefinedWithoutResponses) {
  const auto nps = net_promoter_score({});
  EXPECT_EQ(nps.responses, 0);
  EXPECT_FALSE(nps.score.has_value());
  EXPECT_FALSE(nps.interval.has_value());
}

// ---- Scorecards -----------------------------------------------------------------------------

TEST(ComputeScorecards, ReturnsNoCardsForNoOrders) { EXPECT_TRUE(compute_scorecards({}).empty()); }

TEST(ComputeScorecards, GivesOneCardPerProviderSortedById) {
  const std::vector<OrderFacts> facts{
      Fact("c", OrderState::placed),   Fact("a", OrderState::placed), Fact("b", OrderState::placed),
      Fact("a", OrderState::declined), Fact("c", OrderState::placed),
  };
  const auto cards = compute_scorecards(facts);
  ASSERT_EQ(cards.size(), 3u);
  EXPECT_EQ(cards[0].provider_id, "a");
  EXPECT_EQ(cards[0].orders, 2);
  EXPECT_EQ(cards[1].provider_id, "b");
  EXPECT_EQ(cards[1].orders, 1);
  EXPECT_EQ(cards[2].provider_id, "c");
  EXPECT_EQ(cards[2].orders, 2);
}

// Every state once, completed three times.
std::vector<OrderFacts> orders_in_every_state() {
  return {
      Fact("a", OrderState::placed),
      Fact("a", OrderState::accepted),
      Fact("a", OrderState::declined),
      Fact("a", OrderState::started),
      Fact("a", OrderState::completed),
      Fact("a", OrderState::completed),
      Fact("a", OrderState::completed),
      Fact("a", OrderState::interrupted),
      Fact("a", OrderState::cancelled).accepted_first(),
      Fact("a", OrderState::cancelled),
  };
}

TEST(ComputeScorecards, CountsOrdersCancelledAfterAcceptanceAsAccepted) {
  const auto card = only_card(orders_in_every_state());
  EXPECT_EQ(card.orders, 10);
  // accepted, started, 3 × completed, interrupted, cancelled after acceptance = 7;
  // placed and cancelled before acceptance are undecided.
  EXPECT_EQ(card.accepted, 7);
  EXPECT_EQ(card.declined, 1);
  // 7 / (7 + 1) = 0.875
  ASSERT_TRUE(card.acceptance_rate.has_value());
  EXPECT_NEAR(*card.acceptance_rate, 0.875, kTolerance);
  // Wilson 7/8: z²/n = 0.4802, 1 + z²/n = 1.4802. centre = (0.875 + 0.2401) / 1.4802 = 0.753344.
  // half = 1.96 / 1.4802 × √(0.875 × 0.125 / 8 + 3.8416 / 256) = 1.324145 × √0.028679
  //      = 1.324145 × 0.169349 = 0.224239. → [0.529105, 0.977583]
  expect_interval(card.acceptance_interval, 0.529105, 0.977583);
}

TEST(ComputeScorecards, RatesCompletionAmongEndedServicesOnly) {
  const auto card = only_card(orders_in_every_state());
  // Ended = 3 × completed + interrupted; started and cancelled orders have not ended a service.
  EXPECT_EQ(card.ended, 4);
  EXPECT_EQ(card.completed, 3);
  ASSERT_TRUE(card.completion_rate.has_value());
  EXPECT_NEAR(*card.completion_rate, 0.75, kTolerance);
  // Wilson 3/4: z²/n = 0.9604, 1 + z²/n = 1.9604. centre = (0.75 + 0.4802) / 1.9604 = 0.627525.
  // half = 1.96 / 1.9604 × √(0.75 × 0.25 / 4 + 3.8416 / 64) = 0.999796 × √0.106900
  //      = 0.999796 × 0.326956 = 0.326889. → [0.300636, 0.954414]
  expect_interval(card.completion_interval, 0.300636, 0.954414);
}

TEST(ComputeScorecards, LeavesRatesUndefinedWhenNothingHasHappenedYet) {
  const auto card = only_card({Fact("a", OrderState::placed), Fact("a", OrderState::placed)});
  EXPECT_EQ(card.orders, 2);
  EXPECT_FALSE(card.acceptance_rate.has_value());
  EXPECT_FALSE(card.acceptance_interval.has_value());
  EXPECT_FALSE(card.completion_rate.has_value());
  EXPECT_FALSE(card.completion_interval.has_value());
  EXPECT_TRUE(card.outcomes.empty());
  EXPECT_FALSE(card.positive_rate.has_value());
  EXPECT_FALSE(card.expected_positive_rate.has_value());
  EXPECT_FALSE(card.observed_to_expected.has_value());
  EXPECT_FALSE(card.customer_nps.score.has_value());
  EXPECT_EQ(card.coach_ratings, 0);
  EXPECT_FALSE(card.coach_average.has_value());
  EXPECT_FALSE(card.average_days_to_start.has_value());
}

TEST(ComputeScorecards, CountsEveryOutcomeButRatesOnlyKnownOnes) {
  const auto done = OrderState::completed;
  const auto card = only_card({
      Fact("a", done).outcome(OutcomeType::employed_permanent_full_time),
      Fact("a", done).outcome(OutcomeType::employed_permanent_full_time),
      Fact("a", done).outcome(OutcomeType::studies),
      Fact("a", done).outcome(OutcomeType::work_trial),
      Fact("a", done).outcome(OutcomeType::no_change),
      Fact("a", done).outcome(OutcomeType::unknown),
      Fact("a", done),
  });
  const std::map<OutcomeType, int> expected{
      {OutcomeType::employed_permanent_full_time, 2},
      {OutcomeType::studies, 1},
      {OutcomeType::work_trial, 1},
      {OutcomeType::no_change, 1},
      {OutcomeType::unknown, 1},
  };
  EXPECT_EQ(card.outcomes, expected);
  // Known: all but `unknown` and the order without an outcome = 5. Positive: 2 employed +
  // studies = 3; a work trial is not a job. 3 / 5 = 0.6.
  EXPECT_EQ(card.with_outcome, 5);
  EXPECT_EQ(card.positive, 3);
  ASSERT_TRUE(card.positive_rate.has_value());
  EXPECT_NEAR(*card.positive_rate, 0.6, kTolerance);
}

TEST(ComputeScorecards, ComparesOutcomesWithWhatTheCustomersProfilesPredict) {
  const auto done = OrderState::completed;
  const auto easy = [](Fact f) -> OrderFacts {
    return f.customer(UnemploymentBand::under_3_months, AgeBand::from_30_to_54);
  };
  const auto hard = [](Fact f) -> OrderFacts {
    return f.customer(UnemploymentBand::over_24_months, AgeBand::over_54);
  };
  const auto job = OutcomeType::employed_permanent_full_time;
  const auto nothing = OutcomeType::no_change;
  // "a" serves mostly easy customers, "b" mostly hard ones; both get 3 of 5 into work.
  const std::vector<OrderFacts> facts{
      easy(Fact("a", done).outcome(job)),
      easy(Fact("a", done).outcome(job)),
      easy(Fact("a", done).outcome(job)),
      easy(Fact("a", done).outcome(nothing)),
      hard(Fact("a", done).outcome(nothing)),
      easy(Fact("b", done).outcome(OutcomeType::studies)),
      hard(Fact("b", done).outcome(OutcomeType::subsidised_employment)),
      hard(Fact("b", done).outcome(OutcomeType::subsidised_employment)),
      hard(Fact("b", done).outcome(nothing)),
      hard(Fact("b", done).outcome(nothing)),
      hard(Fact("b", done).outcome(OutcomeType::unknown)),  // left out of the baseline
      hard(Fact("b", done)),                                // so is this
  };
  // Pooled cells: easy 4 positive of 5 known = 0.8; hard 2 of 5 = 0.4.
  const auto cards = compute_scorecards(facts);
  ASSERT_EQ(cards.size(), 2u);
  const auto& a = cards[0];
  const auto& b = cards[1];

  // a: observed 3/5 = 0.6; expected (4 × 0.8 + 1 × 0.4) / 5 = 3.6 / 5 = 0.72;
  // observed / expected = 0.6 / 0.72 = 0.833333.
  ASSERT_TRUE(a.positive_rate && a.expected_positive_rate && a.observed_to_expected);
  EXPECT_NEAR(*a.positive_rate, 0.6, kTolerance);
  EXPECT_NEAR(*a.expected_positive_rate, 0.72, kTolerance);
  EXPECT_NEAR(*a.observed_to_expected, 0.833333, kTolerance);

  // b: observed 3/5 = 0.6 (unknown and missing outcomes excluded); expected
  // (1 × 0.8 + 4 × 0.4) / 5 = 2.4 / 5 = 0.48; observed / expected = 0.6 / 0.48 = 1.25.
  EXPECT_EQ(b.with_outcome, 5);
  EXPECT_EQ(b.outcomes.at(OutcomeType::unknown), 1);
  ASSERT_TRUE(b.positive_rate && b.expected_positive_rate && b.observed_to_expected);
  EXPECT_NEAR(*b.positive_rate, 0.6, kTolerance);
  EXPECT_NEAR(*b.expected_positive_rate, 0.48, kTolerance);
  EXPECT_NEAR(*b.observed_to_expected, 1.25, kTolerance);
}

TEST(ComputeScorecards, LeavesObservedToExpectedUndefinedWhenNoSimilarCustomerSucceeded) {
  const auto done = OrderState::completed;
  const auto cards = compute_scorecards(std::vector<OrderFacts>{
      Fact("a", done).outcome(OutcomeType::no_change),
      Fact("a", done).outcome(OutcomeType::work_trial),
      Fact("b", done)
          .customer(UnemploymentBand::over_24_months, AgeBand::under_25)
          .outcome(OutcomeType::studies),
  });
  ASSERT_EQ(cards.size(), 2u);
  // a's cell has 0 positives of 2, so expected = 0 and no ratio can be formed.
  ASSERT_TRUE(cards[0].expected_positive_rate.has_value());
  EXPECT_NEAR(*cards[0].expected_positive_rate, 0.0, kTolerance);
  EXPECT_FALSE(cards[0].observed_to_expected.has_value());
  // b's cell is its own: 1 of 1, so expected 1 and observed / expected = 1 / 1.
  ASSERT_TRUE(cards[1].observed_to_expected.has_value());
  EXPECT_NEAR(*cards[1].observed_to_expected, 1.0, kTolerance);
}

TEST(ComputeScorecards, SummarisesCustomerAndCoachScores) {
  const auto done = OrderState::completed;
  const auto card = only_card({
      Fact("a", done).customer_score(10).coach_score(7),
      Fact("a", done).customer_score(9).coach_score(8),
      Fact("a", done).customer_score(6).coach_score(10),
      Fact("a", done).customer_score(8),
      Fact("a", done),
  });
  // Customers: promoters 10, 9; passive 8; detractor 6. 100 × (2 − 1) / 4 = 25.
  EXPECT_EQ(card.customer_nps.responses, 4);
  EXPECT_EQ(card.customer_nps.promoters, 2);
  EXPECT_EQ(card.customer_nps.passives, 1);
  EXPECT_EQ(card.customer_nps.detractors, 1);
  ASSERT_TRUE(card.customer_nps.score.has_value());
  EXPECT_NEAR(*card.customer_nps.score, 25.0, kTolerance);
  // n' = 7, p' = 2.75 / 7 = 0.392857, d' = 1.75 / 7 = 0.25, nps' = 0.142857.
  // var = (0.642857 − 0.020408) / 7 = 0.088921, √var = 0.298197, × 1.96 = 0.584466.
  // → [−44.1608, 72.7323]
  expect_interval(card.customer_nps.interval, -44.1608, 72.7323);
  // Coach: (7 + 8 + 10) / 3 = 8.333333
  EXPECT_EQ(card.coach_ratings, 3);
  ASSERT_TRUE(card.coach_average.has_value());
  EXPECT_NEAR(*card.coach_average, 8.333333, kTolerance);
}

TEST(ComputeScorecards, AveragesDaysFromPlacementToStartOverStartedOrders) {
  const auto card = only_card({
      Fact("a", OrderState::started).started_after(hours{36}),
      Fact("a", OrderState::completed).started_after(days{3}),
      Fact("a", OrderState::accepted),  // not started: no wait to measure yet
  });
  // (1.5 + 3) / 2 = 2.25 days
  ASSERT_TRUE(card.average_days_to_start.has_value());
  EXPECT_NEAR(*card.average_days_to_start, 2.25, kTolerance);
}

// Declines fall on long-term unemployed 25–29-year-olds; an undecided order in the easy cell
// and a cancellation before acceptance in another band count as no decision.
std::vector<OrderFacts> declines_on_hard_customers() {
  const auto hard = [](OrderState s) -> OrderFacts {
    return Fact("a", s).customer(UnemploymentBand::over_24_months, AgeBand::from_25_to_29);
  };
  const auto easy = [](OrderState s) -> OrderFacts {
    return Fact("a", s).customer(UnemploymentBand::under_3_months, AgeBand::from_30_to_54);
  };
  return {
      hard(OrderState::declined),
      hard(OrderState::declined),
      hard(OrderState::completed),
      easy(OrderState::completed),
      easy(OrderState::accepted),
      easy(OrderState::placed),
      Fact("a", OrderState::cancelled)
          .customer(UnemploymentBand::from_3_to_12_months, AgeBand::from_30_to_54),
  };
}

TEST(ComputeScorecards, ReportsDeclinesForEveryUnemploymentBandInEnumOrder) {
  const auto rows = only_card(declines_on_hard_customers()).decline_by_unemployment;
  ASSERT_EQ(rows.size(), 4u);
  expect_row(rows[0], "under_3_months", 2, 0, 0.0);
  expect_row(rows[1], "from_3_to_12_months", 0, 0, std::nullopt);
  expect_row(rows[2], "from_12_to_24_months", 0, 0, std::nullopt);
  expect_row(rows[3], "over_24_months", 3, 2, 2.0 / 3.0);  // 0.666667
}

TEST(ComputeScorecards, ReportsDeclinesForEveryAgeBandInEnumOrder) {
  const auto rows = only_card(declines_on_hard_customers()).decline_by_age;
  ASSERT_EQ(rows.size(), 4u);
  expect_row(rows[0], "under_25", 0, 0, std::nullopt);
  expect_row(rows[1], "from_25_to_29", 3, 2, 2.0 / 3.0);
  expect_row(rows[2], "from_30_to_54", 2, 0, 0.0);
  expect_row(rows[3], "over_54", 0, 0, std::nullopt);
}

}  // namespace
}  // namespace tarjotin::domain
