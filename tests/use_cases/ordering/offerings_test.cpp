// Offerings as providers keep them current: the use cases over real storage, without a server.
#include <gtest/gtest.h>

#include "tests/use_cases/ordering/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;

class Offerings : public testing::OrderingWorld {};

TEST_F(Offerings, AnAdmittedProvidersOfferingIsStoredAsMadeAndAudited) {
  const long long before = audit_head();
  auto made = create_offering(ordering, provider_a, kCategory, offering_input());
  ASSERT_TRUE(made) << made.error().detail;
  EXPECT_EQ(made->provider_id, "provider-a");
  EXPECT_EQ(made->free_places, 5);
  auto read = read_offering(ordering, provider_a, made->id);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, *made);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "offering.created");
  EXPECT_EQ(events[0].event.object_id, made->id);
}

TEST_F(Offerings, AProviderNotAdmittedToTheCategoryCannotOffer) {
  write([&](Transaction& tx) {
    organisation(tx, "provider-c", OrganisationKind::provider);
    user(tx, "seller-c", "provider-c", Role::provider);
  });
  const Actor outsider{"seller-c", "provider-c", Role::provider, "", false};
  const long long before = audit_head();
  auto made = create_offering(ordering, outsider, kCategory, offering_input());
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().code, "not-admitted");
  EXPECT_TRUE(audit_since(before).empty());
}

TEST_F(Offerings, APriceModelBonusTheCategoryDoesNotPayIsRefusedNamingTheField) {
  auto in = offering_input();
  in.outcome_bonus_cents = {{"studies", 1}};
  auto made = create_offering(ordering, provider_a, kCategory, in);
  ASSERT_FALSE(made);
  ASSERT_EQ(made.error().fields.size(), 1u);
  EXPECT_EQ(made.error().fields[0].pointer, "/outcome_bonus_cents/studies");
  EXPECT_EQ(made.error().fields[0].rule, "price-model");
  auto listed = list_offerings(ordering, officer, kCategory);
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
}

TEST_F(Offerings, ARegionOutsideTheCategoryIsRefused) {
  auto in = offering_input();
  in.regions = {"297", "049"};
  auto made = create_offering(ordering, provider_a, kCategory, in);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().fields.at(0).pointer, "/regions/1");
}

TEST_F(Offerings, AProviderListsAndReadsOnlyItsOwnWhileACoachSeesEvery) {
  auto a = create_offering(ordering, provider_a, kCategory, offering_input());
  auto b = create_offering(ordering, provider_b, kCategory, offering_input());
  ASSERT_TRUE(a && b);
  auto own = list_offerings(ordering, provider_a, kCategory);
  ASSERT_TRUE(own);
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ(own->front().id, a->id);
  auto others = read_offering(ordering, provider_a, b->id);
  ASSERT_FALSE(others);
  EXPECT_EQ(others.error().kind, ErrorKind::not_found);
  auto all = list_offerings(ordering, coach, kCategory);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(Offerings, AnotherProviderCannotEditAnOffering) {
  auto a = create_offering(ordering, provider_a, kCategory, offering_input());
  ASSERT_TRUE(a);
  auto in = offering_input(50);
  auto edited = edit_offering(ordering, provider_b, a->id, in);
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().kind, ErrorKind::not_found);
  EXPECT_EQ(read_offering(ordering, provider_a, a->id)->free_places, 5);
}

TEST_F(Offerings, InAClosedCategoryAnOfferingCanOnlyBeMadeInactive) {
  auto a = create_offering(ordering, provider_a, kCategory, offering_input());
  ASSERT_TRUE(a);
  write([&](Transaction& tx) {
    auto c = *tx.categories().find(kCategory);
    c.state = CategoryState::closed;
    tx.categories().update(c);
  });
  auto in = offering_input();
  auto refused = edit_offering(ordering, provider_a, a->id, in);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "category-closed");
  in.active = false;
  auto withdrawn = edit_offering(ordering, provider_a, a->id, in);
  ASSERT_TRUE(withdrawn);
  EXPECT_FALSE(withdrawn->active);
}

}  // namespace
}  // namespace tarjotin
