#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

#include "domain/ordering/rules.hpp"

namespace tarjotin::domain {
namespace {

TEST(ShuffledPositions, IsAPermutation) {
  for (std::size_t n : {0u, 1u, 2u, 7u, 50u}) {
    auto p = shuffled_positions(n, 12345);
    std::sort(p.begin(), p.end());
    std::vector<std::size_t> identity(n);
    std::iota(identity.begin(), identity.end(), 0u);
    EXPECT_EQ(p, identity) << n;
  }
}

TEST(ShuffledPositions, ReplaysFromTheStoredSeed) {
  EXPECT_EQ(shuffled_positions(20, 0xdeadbeefcafef00dULL),
            shuffled_positions(20, 0xdeadbeefcafef00dULL));
  EXPECT_NE(shuffled_positions(20, 1), shuffled_positions(20, 2));
}

TEST(ShuffledPositions, PinsTheAlgorithmSoStoredSetsReplayAfterAnUpgrade) {
  // Fisher–Yates from the end with mt19937_64(seed=42) and rejection-sampled draws. If this
  // changes, every stored choice set would replay in a different order than the customer saw.
  std::mt19937_64 engine(42);
  std::vector<std::size_t> expected{0, 1, 2, 3, 4};
  for (std::size_t i = 5; i > 1; --i) {
    std::uint64_t draw = engine();  // the biased tail is ~2^-61 likely: not hit for seed 42
    std::swap(expected[i - 1], expected[draw % i]);
  }
  EXPECT_EQ(shuffled_positions(5, 42), expected);
}

TEST(ShuffledPositions, GivesEveryOfferingTheFirstPlaceEquallyOften) {
  // Four offerings over 40,000 seeds: each should lead about 10,000 times. Five standard
  // deviations (sqrt(40000 * 0.25 * 0.75) ≈ 87) is far outside chance for a fair shuffle.
  std::map<std::size_t, int> first;
  for (std::uint64_t seed = 0; seed < 40'000; ++seed) ++first[shuffled_positions(4, seed)[0]];
  for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(first[i], 10'000, 5 * 87) << i;
}

TEST(OrderTransitions, FollowTheServiceFromPlacementToItsEnd) {
  const auto t = order_transitions();
  EXPECT_EQ(next_state(t, OrderState::placed, OrderAct::accept), OrderState::accepted);
  EXPECT_EQ(next_state(t, OrderState::placed, OrderAct::decline), OrderState::declined);
  EXPECT_EQ(next_state(t, OrderState::accepted, OrderAct::start), OrderState::started);
  EXPECT_EQ(next_state(t, OrderState::started, OrderAct::complete), OrderState::completed);
  EXPECT_EQ(next_state(t, OrderState::started, OrderAct::interrupt), OrderState::interrupted);
}

TEST(OrderTransitions, AllowCancellingOnlyBeforeTheStart) {
  const auto t = order_transitions();
  EXPECT_EQ(next_state(t, OrderState::placed, OrderAct::cancel), OrderState::cancelled);
  EXPECT_EQ(next_state(t, OrderState::accepted, OrderAct::cancel), OrderState::cancelled);
  EXPECT_FALSE(next_state(t, OrderState::started, OrderAct::cancel));
  EXPECT_FALSE(next_state(t, OrderState::completed, OrderAct::cancel));
}

TEST(OrderTransitions, LeaveEndedOrdersAlone) {
  for (auto end : {OrderState::declined, OrderState::completed, OrderState::interrupted,
                   OrderState::cancelled})
    for (auto act : {OrderAct::accept, OrderAct::decline, OrderAct::start, OrderAct::complete,
                     OrderAct::interrupt, OrderAct::cancel})
      EXPECT_FALSE(next_state(order_transitions(), end, act))
          << to_string(end) << " " << to_string(act);
}

TEST(OrderActs, SplitBetweenProviderAndCoach) {
  EXPECT_TRUE(provider_acts(OrderAct::accept));
  EXPECT_TRUE(provider_acts(OrderAct::complete));
  EXPECT_FALSE(provider_acts(OrderAct::cancel));
  EXPECT_TRUE(needs_reason(OrderAct::decline));
  EXPECT_TRUE(needs_reason(OrderAct::interrupt));
  EXPECT_FALSE(needs_reason(OrderAct::start));
}

Order order_in(OrderState state) {
  Order o;
  o.state = state;
  o.unit_price_cents = 150'000;
  o.outcome_bonus_cents = {{"employment_open_market", 50'000}, {"studies", 20'000}};
  return o;
}

TEST(PayableCents, IsTheBasePricePlusTheBonusOfTheOutcomeClass) {
  // 1,500.00 € + 500.00 € for any open-market job, 200.00 € for studies, nothing for a trial.
  EXPECT_EQ(
      payable_cents(order_in(OrderState::completed), OutcomeType::employed_fixed_term_part_time),
      200'000);
  EXPECT_EQ(payable_cents(order_in(OrderState::completed), OutcomeType::studies), 170'000);
  EXPECT_EQ(payable_cents(order_in(OrderState::completed), OutcomeType::work_trial), 150'000);
  EXPECT_EQ(payable_cents(order_in(OrderState::completed), std::nullopt), 150'000);
  EXPECT_EQ(payable_cents(order_in(OrderState::interrupted), OutcomeType::studies), 170'000);
}

TEST(PayableCents, IsNothingForServicesThatNeverStarted) {
  for (auto s : {OrderState::placed, OrderState::accepted, OrderState::declined,
                 OrderState::started, OrderState::cancelled})
    EXPECT_EQ(payable_cents(order_in(s), OutcomeType::studies), 0) << to_string(s);
}

TEST(Outcomes, NameTheirBonusClassAndPositiveness) {
  EXPECT_EQ(bonus_class(OutcomeType::employed_permanent_full_time), "employment_open_market");
  EXPECT_EQ(bonus_class(OutcomeType::subsidised_employment), "subsidised_employment");
  EXPECT_EQ(bonus_class(OutcomeType::unknown), "");
  EXPECT_TRUE(is_positive(OutcomeType::studies));
  EXPECT_FALSE(is_positive(OutcomeType::work_trial));
  EXPECT_FALSE(is_positive(OutcomeType::no_change));
  for (int i = 0; i < kOutcomeTypeCount; ++i)
    EXPECT_EQ(parse_outcome_type(to_string(static_cast<OutcomeType>(i))),
              static_cast<OutcomeType>(i));
}

}  // namespace
}  // namespace tarjotin::domain

namespace tarjotin::domain {
namespace {

// An offering and a customer that fit each other, and an admission that lets it be ordered.
struct Fit {
  Offering offering;
  Customer customer;
  Admission admission;
  Fit() {
    offering.active = true;
    offering.free_places = 2;
    offering.regions = {"297", "091"};
    offering.languages = {"fi", "sv"};
    offering.earliest_start = Date{std::chrono::days{100}};
    customer.region = "297";
    customer.languages = {"sv"};
    admission.state = AdmissionState::admitted;
  }
  std::vector<Ineligibility> why(std::optional<Date> start_by = std::nullopt) const {
    return ineligibility(offering, customer, start_by, &admission);
  }
};

TEST(Ineligibility, NoneWhenTheOfferingFitsTheCustomer) {
  const Fit f;
  EXPECT_TRUE(f.why().empty());
  EXPECT_TRUE(f.why(Date{std::chrono::days{100}}).empty());
  Fit anywhere;
  anywhere.offering.regions.clear();  // serves every region of the category
  anywhere.customer.languages.clear();
  EXPECT_TRUE(anywhere.why().empty());
}

TEST(Ineligibility, NamesEveryReasonAtOnce) {
  Fit f;
  f.admission.state = AdmissionState::suspended;
  f.offering.active = false;
  f.offering.free_places = 0;
  f.customer.region = "999";
  f.customer.languages = {"en"};
  EXPECT_EQ(f.why(Date{std::chrono::days{99}}),
            (std::vector{Ineligibility::not_admitted, Ineligibility::inactive,
                         Ineligibility::no_free_places, Ineligibility::region,
                         Ineligibility::language, Ineligibility::start}));
  EXPECT_EQ(ineligibility(f.offering, f.customer, std::nullopt, nullptr).front(),
            Ineligibility::not_admitted);
}

TEST(Ineligibility, NamesAreStable) {
  EXPECT_EQ(to_string(Ineligibility::no_free_places), "no_free_places");
  EXPECT_EQ(to_string(Ineligibility::start), "start");
}

}  // namespace
}  // namespace tarjotin::domain

namespace tarjotin::domain {
namespace {

Offering offered(const std::string& id, const std::string& provider, long long price) {
  Offering o;
  o.id = id;
  o.provider_id = provider;
  o.unit_price_cents = price;
  return o;
}

TEST(ChoiceEntries, ShowTheOfferingsInTheSeedsOrderWhateverOrderTheyCameIn) {
  const std::vector<Offering> by_id{offered("a", "p1", 100), offered("b", "p2", 200),
                                    offered("c", "p3", 300), offered("d", "p1", 400)};
  const auto reversed = std::vector<Offering>(by_id.rbegin(), by_id.rend());
  const auto entries = choice_entries(reversed, {}, 42);
  ASSERT_EQ(entries.size(), 4u);
  const auto positions = shuffled_positions(4, 42);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].position, static_cast<int>(i));
    EXPECT_EQ(entries[i].offering_id, by_id[positions[i]].id) << i;
    EXPECT_EQ(entries[i].provider_id, by_id[positions[i]].provider_id) << i;
    EXPECT_EQ(entries[i].unit_price_cents, by_id[positions[i]].unit_price_cents) << i;
  }
  EXPECT_EQ(choice_entries(by_id, {}, 42), entries);
}

TEST(ChoiceEntries, SummariseEachProvidersRecordAndShowNoneWithoutOrders) {
  const ChoiceRecordCounts p1{"p1", 12, 9, 6, 4, 2, 1};
  const auto entries = choice_entries({offered("a", "p1", 100), offered("b", "p2", 200)}, {p1}, 7);
  ASSERT_EQ(entries.size(), 2u);
  for (const auto& e : entries) {
    ChoiceEntry expected = e;
    if (e.provider_id == "p1") {
      summarise(expected, p1);
      EXPECT_EQ(e.orders, 12);
      EXPECT_EQ(e.ended, 9);
      EXPECT_TRUE(e.completion_rate);
      EXPECT_EQ(e.nps_responses, 7);
    } else {
      EXPECT_EQ(e.orders, 0);
      EXPECT_FALSE(e.completion_rate);
      EXPECT_FALSE(e.net_promoter_score);
    }
    EXPECT_EQ(e, expected);
  }
}

Order placed_order() {
  Order o;
  o.placed_at = o.updated_at = Timestamp{std::chrono::microseconds{1}};
  return o;
}

Timestamp t(long long micros) { return Timestamp{std::chrono::microseconds{micros}}; }

TEST(ActOn, RecordsWhenTheServiceWasAcceptedStartedAndEnded) {
  Order o = placed_order();
  ASSERT_TRUE(act_on(o, OrderAct::accept, "", t(10)));
  EXPECT_EQ(o.state, OrderState::accepted);
  EXPECT_EQ(o.accepted_at, t(10));
  EXPECT_FALSE(o.ended_at);
  ASSERT_TRUE(act_on(o, OrderAct::start, "", t(20)));
  EXPECT_EQ(o.started_at, t(20));
  EXPECT_FALSE(o.ended_at);
  ASSERT_TRUE(act_on(o, OrderAct::interrupt, "Moved away", t(30)));
  EXPECT_EQ(o.state, OrderState::interrupted);
  EXPECT_EQ(o.ended_at, t(30));
  EXPECT_EQ(o.updated_at, t(30));
  EXPECT_EQ(o.reason, "Moved away");
  EXPECT_EQ(o.accepted_at, t(10));
  EXPECT_EQ(o.started_at, t(20));
}

TEST(ActOn, KeepsAReasonOnlyForTheActsThatNeedOne) {
  Order o = placed_order();
  o.reason = "earlier";
  ASSERT_TRUE(act_on(o, OrderAct::accept, "ignored", t(10)));
  EXPECT_EQ(o.reason, "earlier");
  ASSERT_TRUE(act_on(o, OrderAct::cancel, "Customer found work", t(11)));
  EXPECT_EQ(o.state, OrderState::cancelled);
  EXPECT_EQ(o.reason, "Customer found work");
  EXPECT_EQ(o.ended_at, t(11));
}

TEST(ActOn, RefusesWhatTheTableDoesNotAllowAndChangesNothing) {
  Order o = placed_order();
  const Order before = o;
  const auto refused = act_on(o, OrderAct::complete, "", t(10));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "invalid-transition");
  EXPECT_EQ(refused.error().detail, "'complete' is not possible for an order that is placed");
  EXPECT_EQ(o, before);
}

TEST(ReturnsPlace, OnlyForOrdersThatNeverStart) {
  EXPECT_TRUE(returns_place(OrderAct::decline));
  EXPECT_TRUE(returns_place(OrderAct::cancel));
  for (auto act : {OrderAct::accept, OrderAct::start, OrderAct::complete, OrderAct::interrupt})
    EXPECT_FALSE(returns_place(act)) << to_string(act);
}

TEST(Delivered, IsCompletedOrInterrupted) {
  for (int i = 0; i < kOrderStateCount; ++i) {
    const auto s = static_cast<OrderState>(i);
    EXPECT_EQ(delivered(s), s == OrderState::completed || s == OrderState::interrupted)
        << to_string(s);
  }
}

TEST(LatestConfirmed, IgnoresProposalsAndTakesTheLastConfirmed) {
  OutcomeRecord studies, job, proposal;
  studies.type = OutcomeType::studies;
  studies.confirmed = true;
  job.type = OutcomeType::employed_permanent_full_time;
  job.confirmed = true;
  proposal.type = OutcomeType::no_change;
  EXPECT_EQ(latest_confirmed({}), std::nullopt);
  EXPECT_EQ(latest_confirmed({proposal}), std::nullopt);
  EXPECT_EQ(latest_confirmed({studies, job, proposal}), OutcomeType::employed_permanent_full_time);
  EXPECT_EQ(latest_confirmed({job, studies}), OutcomeType::studies);
}

TEST(ConsentStands, ForTheProviderAndScopeUntilWithdrawn) {
  Consent given;
  given.provider_id = "p1";
  given.scope = ConsentScope::outcomes;
  EXPECT_TRUE(consent_stands({given}, "p1", ConsentScope::outcomes));
  EXPECT_FALSE(consent_stands({given}, "p2", ConsentScope::outcomes));
  EXPECT_FALSE(consent_stands({given}, "p1", ConsentScope::closing_reports));
  Consent withdrawn = given;
  withdrawn.withdrawn_at = t(5);
  EXPECT_FALSE(consent_stands({withdrawn}, "p1", ConsentScope::outcomes));
  EXPECT_TRUE(consent_stands({withdrawn, given}, "p1", ConsentScope::outcomes));
}

TEST(WithoutOrder, LeavesNoOrderAndOnlyTheHelsinkiMonth) {
  Feedback f;
  f.id = "f";
  f.order_id = "o";
  f.score = 9;
  // 2026-03-31 22:30 UTC is already 1 April in Helsinki (UTC+3 in summer time).
  f.given_at = std::chrono::time_point_cast<std::chrono::microseconds>(
      std::chrono::sys_days{std::chrono::year{2026} / 3 / 31} + std::chrono::hours(22) +
      std::chrono::minutes(30));
  const auto shown = without_order(f);
  EXPECT_EQ(shown.order_id, "");
  EXPECT_EQ(shown.given_at,
            helsinki_midnight(std::chrono::sys_days{std::chrono::year{2026} / 4 / 1}));
  Feedback expected = f;
  expected.order_id.clear();
  expected.given_at = shown.given_at;
  EXPECT_EQ(shown, expected);
}

TEST(FreePlacesAfterEdit, OnlyAnEditFromTheCurrentVersionRaisesThem) {
  EXPECT_EQ(free_places_after_edit(4, 9, true), 9);
  EXPECT_EQ(free_places_after_edit(4, 2, true), 2);
  EXPECT_EQ(free_places_after_edit(4, 5, false), 4);  // the place an order took stays taken
  EXPECT_EQ(free_places_after_edit(4, 2, false), 2);
}

TEST(AsSeenByProvider, WithholdsScoresBelowFiveAnswers) {
  Scorecard card;
  card.provider_id = "p";
  card.orders = 9;
  card.customer_nps = net_promoter_score(4, 0, 0);
  card.coach_ratings = 4;
  card.coach_average = 8.5;
  auto seen = as_seen_by_provider(card);
  EXPECT_EQ(seen.customer_nps.responses, 0);
  EXPECT_FALSE(seen.customer_nps.score);
  EXPECT_EQ(seen.coach_ratings, 0);
  EXPECT_FALSE(seen.coach_average);
  EXPECT_EQ(seen.orders, 9);
  card.customer_nps = net_promoter_score(3, 1, 1);
  card.coach_ratings = 5;
  seen = as_seen_by_provider(card);
  EXPECT_EQ(seen.customer_nps.responses, 5);
  EXPECT_EQ(seen.customer_nps.score, card.customer_nps.score);
  EXPECT_EQ(seen.coach_ratings, 5);
  EXPECT_EQ(seen.coach_average, 8.5);
}

}  // namespace
}  // namespace tarjotin::domain
