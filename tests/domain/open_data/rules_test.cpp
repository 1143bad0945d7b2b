// Which OCDS and eForms code each of Tarjotin's states becomes, every state of every object.
#include <gtest/gtest.h>

#include "domain/open_data/rules.hpp"

namespace tarjotin::domain::open_data {
namespace {

constexpr Timestamp kSometime{std::chrono::seconds{1'790'000'000}};

CallOff call_off(OrderState state, bool accepted) {
  CallOff o;
  o.state = state;
  if (accepted) o.accepted_at = kSometime;
  return o;
}

TEST(OcdsCodes, TheDpsIsAnActiveTenderWhileItStandsEvenSuspended) {
  EXPECT_EQ(tender_status(DpsState::draft), "planning");
  EXPECT_EQ(tender_status(DpsState::open), "active");
  EXPECT_EQ(tender_status(DpsState::suspended), "active");
  EXPECT_EQ(tender_status(DpsState::closed), "complete");
  EXPECT_EQ(dps_status(DpsState::draft), "pending");
  EXPECT_EQ(dps_status(DpsState::open), "active");
  EXPECT_EQ(dps_status(DpsState::suspended), "active");
  EXPECT_EQ(dps_status(DpsState::closed), "terminated");
}

TEST(OcdsCodes, CategoriesAreLotsInTheirOwnState) {
  EXPECT_EQ(lot_status(CategoryState::draft), "planning");
  EXPECT_EQ(lot_status(CategoryState::open), "active");
  EXPECT_EQ(lot_status(CategoryState::closed), "complete");
}

TEST(OcdsCodes, AnAdmissionStaysInForceUntilTheProviderIsExcluded) {
  EXPECT_EQ(award_status(AdmissionState::admitted), "active");
  EXPECT_EQ(award_status(AdmissionState::suspended), "active");
  EXPECT_EQ(award_status(AdmissionState::excluded), "cancelled");
}

TEST(OcdsCodes, AnOrderIsAProposedAwardUntilTheProviderAcceptsIt) {
  struct Case {
    OrderState state;
    bool accepted;
    const char* award;
    const char* contract;
  };
  const Case cases[] = {
      {OrderState::placed, false, "pending", "pending"},
      {OrderState::accepted, true, "active", "active"},
      {OrderState::declined, false, "unsuccessful", "cancelled"},
      {OrderState::started, true, "active", "active"},
      {OrderState::completed, true, "active", "terminated"},
      {OrderState::interrupted, true, "active", "terminated"},
      // Cancelled before acceptance, the contract never came into force; after it, it ended early.
      {OrderState::cancelled, false, "cancelled", "cancelled"},
      {OrderState::cancelled, true, "active", "terminated"},
  };
  EXPECT_EQ(std::size(cases), static_cast<std::size_t>(kOrderStateCount) + 1);
  for (const auto& c : cases) {
    const auto o = call_off(c.state, c.accepted);
    EXPECT_EQ(award_status(o), c.award) << to_string(c.state) << " accepted " << c.accepted;
    EXPECT_EQ(contract_status(o), c.contract) << to_string(c.state) << " accepted " << c.accepted;
  }
}

TEST(OcdsCodes, OnlyADeliveredServiceHasMetItsDeliveryMilestone) {
  EXPECT_EQ(delivery_status(OrderState::completed), "met");
  EXPECT_EQ(delivery_status(OrderState::interrupted), "partiallyMet");
  for (auto s : {OrderState::placed, OrderState::accepted, OrderState::declined,
                 OrderState::started, OrderState::cancelled}) {
    EXPECT_FALSE(delivery_status(s)) << to_string(s);
    EXPECT_FALSE(is_delivered(s)) << to_string(s);
  }
  EXPECT_TRUE(is_delivered(OrderState::completed));
  EXPECT_TRUE(is_delivered(OrderState::interrupted));
}

TEST(OcdsCodes, ACompetitionIsCompleteOnceAwarded) {
  EXPECT_EQ(tender_status(CompetitionState::draft), "planning");
  EXPECT_EQ(tender_status(CompetitionState::published), "active");
  EXPECT_EQ(tender_status(CompetitionState::opened), "active");
  EXPECT_EQ(tender_status(CompetitionState::awarded), "complete");
  EXPECT_EQ(tender_status(CompetitionState::concluded), "complete");
  EXPECT_EQ(tender_status(CompetitionState::cancelled), "cancelled");
}

TEST(OcdsCodes, TheAwardIsPendingThroughTheStandstillAndActiveOnceConcluded) {
  Competition c;
  for (auto s : {CompetitionState::draft, CompetitionState::published, CompetitionState::opened,
                 CompetitionState::cancelled}) {
    c.state = s;
    EXPECT_FALSE(award_status(c)) << to_string(s) << " has no winner";
  }
  c.winner_tender_id = "t";
  c.state = CompetitionState::awarded;
  EXPECT_EQ(award_status(c), "pending");
  c.state = CompetitionState::concluded;
  EXPECT_EQ(award_status(c), "active");
  c.state = CompetitionState::cancelled;
  EXPECT_EQ(award_status(c), "cancelled");
}

TEST(OcdsCodes, AwardCriteriaSayWhetherPriceQualityOrBothDecide) {
  const AwardCriterion price{"price", "Hinta", CriterionBasis::price, 100, 0};
  const AwardCriterion quality{"method", "Menetelmä", CriterionBasis::quality, 100, 10};
  EXPECT_EQ(award_criteria(std::vector{price}), "priceOnly");
  EXPECT_EQ(award_criteria(std::vector{quality}), "qualityOnly");
  EXPECT_EQ(award_criteria(std::vector{price, quality}), "ratedCriteria");
}

TEST(EformsCodes, LanguagesCountriesAndIdentifiers) {
  EXPECT_EQ(eforms_language("fi"), "FIN");
  EXPECT_EQ(eforms_language("sv"), "SWE");
  EXPECT_EQ(eforms_language("en"), "ENG");
  EXPECT_EQ(eforms_language("se"), "");
  EXPECT_EQ(eforms_country("FI"), "FIN");
  EXPECT_EQ(eforms_country("SE"), "SWE");
  EXPECT_EQ(eforms_country("NO"), "NOR");
  EXPECT_EQ(eforms_country("US"), "");
  EXPECT_EQ(eforms_identifier("LOT", 1), "LOT-0001");
  EXPECT_EQ(eforms_identifier("ORG", 12), "ORG-0012");
}

TEST(CallOffs, KeepThePurchaseAndNothingOfTheCustomer) {
  OrderFacts f;
  f.order.id = "o";
  f.order.category_id = "c";
  f.order.provider_id = "p";
  f.order.customer_id = "customer";
  f.order.coaching_unit_id = "unit";
  f.order.ordered_by = "coach";
  f.order.choice_set_id = "set";
  f.order.state = OrderState::completed;
  f.order.unit_price_cents = 150'000;
  f.order.outcome_bonus_cents = {{"studies", 20'000}};
  f.order.placed_at = kSometime;
  f.order.accepted_at = kSometime + std::chrono::hours(1);
  f.order.started_at = kSometime + std::chrono::hours(48);
  f.order.ended_at = kSometime + std::chrono::days(40);
  f.outcome = OutcomeType::studies;
  f.customer_score = 9;
  const CallOff expected{"o",
                         "c",
                         "p",
                         OrderState::completed,
                         150'000,
                         170'000,
                         kSometime,
                         kSometime + std::chrono::hours(1),
                         kSometime + std::chrono::hours(48),
                         kSometime + std::chrono::days(40)};
  EXPECT_EQ(call_off_of(f), expected);
}

}  // namespace
}  // namespace tarjotin::domain::open_data
