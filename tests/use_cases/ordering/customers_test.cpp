// Customers and their consents: the use cases over real storage, without a server.
#include <gtest/gtest.h>

#include "tests/use_cases/ordering/world.hpp"

namespace tarjotin::testing {
namespace {

using namespace domain;

class Customers : public OrderingWorld {};

TEST_F(Customers, ACoachsCustomerIsStoredPseudonymouslyAndAuditedWithoutItsReference) {
  const long long before = audit_head();
  auto created = create_customer(ordering, coach, customer_input("ASIAKAS-1"));
  ASSERT_TRUE(created) << created.error().detail;
  const Customer& c = created->customer;
  EXPECT_EQ(c.coaching_unit_id, "unit");
  EXPECT_EQ(c.created_by, "coach");
  EXPECT_TRUE(created->consents.empty());
  auto read = read_customer(ordering, coach, c.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->customer, c);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "customer.created");
  EXPECT_EQ(events[0].event.object_id, c.id);
  EXPECT_EQ(events[0].event.after.find("ASIAKAS"), std::string::npos);
}

TEST_F(Customers, AnIdentityCodeAsReferenceIsRefusedNamingTheFieldAndNothingIsStored) {
  const long long before = audit_head();
  auto refused = create_customer(ordering, coach, customer_input("Matti 010190-123A"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refusal(refused.error()), "/reference pseudonymous");
  EXPECT_FALSE(find_customer(ordering, coach, "Matti 010190-123A"));
  EXPECT_TRUE(audit_since(before).empty());
}

TEST_F(Customers, AReferenceIsUniqueInItsUnitOnly) {
  customer("ASIAKAS-1");
  auto again = create_customer(ordering, coach, customer_input("ASIAKAS-1"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "reference-taken");
  EXPECT_TRUE(create_customer(ordering, other_coach, customer_input("ASIAKAS-1")));
  // Renaming onto a reference the unit already has is refused the same way.
  const auto second = customer("ASIAKAS-2");
  auto renamed = edit_customer(ordering, coach, second, customer_input("ASIAKAS-1"));
  ASSERT_FALSE(renamed);
  EXPECT_EQ(renamed.error().code, "reference-taken");
}

TEST_F(Customers, NoOneOutsideTheUnitLearnsACustomerExists) {
  const auto id = customer("ASIAKAS-1");
  for (const Actor* outsider : {&other_coach, &provider_a, &officer, &auditor}) {
    auto read = read_customer(ordering, *outsider, id);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ErrorKind::not_found);
    auto edited = edit_customer(ordering, *outsider, id, customer_input("X-1"));
    ASSERT_FALSE(edited);
    EXPECT_EQ(edited.error().kind, ErrorKind::not_found);
  }
  EXPECT_FALSE(find_customer(ordering, other_coach, "ASIAKAS-1"));
  EXPECT_EQ(find_customer(ordering, coach, "ASIAKAS-1")->customer.id, id);
  auto by_provider = create_customer(ordering, provider_a, customer_input("X-2"));
  ASSERT_FALSE(by_provider);
  EXPECT_EQ(by_provider.error().kind, ErrorKind::forbidden);
}

TEST_F(Customers, AnEditIsStoredAndAuditedWithTheProfileBeforeAndAfter) {
  const auto id = customer("ASIAKAS-1");
  auto in = customer_input("ASIAKAS-9");
  in.region = "091";
  in.languages = {"sv"};
  in.unemployment = UnemploymentBand::over_24_months;
  in.age = AgeBand::over_54;
  clock.advance(std::chrono::hours(1));
  const long long before = audit_head();
  auto edited = edit_customer(ordering, coach, id, in);
  ASSERT_TRUE(edited);
  Customer expected = read_customer(ordering, coach, id)->customer;
  EXPECT_EQ(edited->customer, expected);
  EXPECT_EQ(expected.reference, "ASIAKAS-9");
  EXPECT_EQ(expected.region, "091");
  EXPECT_EQ(expected.languages, std::vector<std::string>{"sv"});
  EXPECT_EQ(expected.unemployment, UnemploymentBand::over_24_months);
  EXPECT_EQ(expected.age, AgeBand::over_54);
  EXPECT_EQ(expected.updated_at, clock.now());
  EXPECT_LT(expected.created_at, expected.updated_at);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "customer.edited");
  EXPECT_EQ(events[0].event.before, "from_3_to_12_months/from_30_to_54 297");
  EXPECT_EQ(events[0].event.after, "over_24_months/over_54 091");
}

TEST_F(Customers, AConsentIsGivenOnceWhileItStandsAndCanBeGivenAgainAfterWithdrawal) {
  const auto id = customer("ASIAKAS-1");
  const long long before = audit_head();
  const ConsentInput reports{"provider-a", ConsentScope::closing_reports};
  auto given = give_consent(ordering, coach, id, reports);
  ASSERT_TRUE(given);
  auto again = give_consent(ordering, coach, id, reports);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *given);
  clock.advance(std::chrono::hours(1));
  auto withdrawn = withdraw_consent(ordering, coach, id, given->id);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->withdrawn_at, clock.now());
  EXPECT_EQ(withdrawn->given_at, given->given_at);
  clock.advance(std::chrono::hours(1));
  auto renewed = give_consent(ordering, coach, id, reports);
  ASSERT_TRUE(renewed);
  EXPECT_NE(renewed->id, given->id);
  EXPECT_EQ(read_customer(ordering, coach, id)->consents,
            (std::vector<Consent>{*withdrawn, *renewed}));
  EXPECT_EQ(actions_since(before),
            (std::vector<std::string>{"consent.given", "consent.withdrawn", "consent.given"}));
}

TEST_F(Customers, AConsentNamesAProviderAndStaysInTheUnit) {
  const auto id = customer("ASIAKAS-1");
  auto to_unit = give_consent(ordering, coach, id, {"unit-2", ConsentScope::outcomes});
  ASSERT_FALSE(to_unit);
  EXPECT_EQ(refusal(to_unit.error()), "/provider_id provider");
  auto by_other = give_consent(ordering, other_coach, id, {"provider-a", ConsentScope::outcomes});
  ASSERT_FALSE(by_other);
  EXPECT_EQ(by_other.error().kind, ErrorKind::not_found);
  auto unknown = withdraw_consent(ordering, coach, id, "no-such-consent");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  EXPECT_TRUE(read_customer(ordering, coach, id)->consents.empty());
}

}  // namespace
}  // namespace tarjotin::testing
