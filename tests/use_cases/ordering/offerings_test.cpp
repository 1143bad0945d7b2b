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

// The input a provider sends back after reading `o` with its price changed: every other field,
// free places included, as it read them.
OfferingInput repriced(const Offering& o, long long price) {
  return {o.description, price,       o.outcome_bonus_cents, o.free_places,
          o.regions,     o.languages, o.earliest_start,      o.typical_duration_days,
          o.active};
}

class OfferingVersions : public testing::OrderingWorld {
 protected:
  // An offering of five places read by its provider, and then an order that takes one of them.
  Offering read_before_an_order() {
    const auto o = offering(provider_a, 5);
    auto read = testing::made(read_offering(ordering, provider_a, o.id));
    order(o, "ASIAKAS-1");
    return read;
  }
};

TEST_F(OfferingVersions, AnEditFromAReadBeforeAnOrderIsRefusedAsStaleAndChangesNothing) {
  const auto read = read_before_an_order();
  const auto stored = stored_offering(read.id);
  EXPECT_GT(stored.version, read.version);
  const long long before = audit_head();
  auto edited = edit_offering(ordering, provider_a, read.id, repriced(read, 110'000),
                              MadeFrom{{read.version}});
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().kind, ErrorKind::stale);
  EXPECT_EQ(stored_offering(read.id), stored);
  EXPECT_TRUE(audit_since(before).empty());
}

TEST_F(OfferingVersions, AnEditNamingNoVersionKeepsThePlacesOrdersTookSinceItsRead) {
  const auto read = read_before_an_order();
  EXPECT_EQ(read.free_places, 5);
  auto edited = edit_offering(ordering, provider_a, read.id, repriced(read, 110'000));
  ASSERT_TRUE(edited) << edited.error().detail;
  EXPECT_EQ(edited->unit_price_cents, 110'000);
  EXPECT_EQ(edited->free_places, 4);
  EXPECT_EQ(stored_offering(read.id), *edited);
  // It may still take places away.
  auto in = repriced(read, 110'000);
  in.free_places = 2;
  EXPECT_EQ(testing::made(edit_offering(ordering, provider_a, read.id, in)).free_places, 2);
}

TEST_F(OfferingVersions, AnEditFromTheCurrentVersionSetsFreePlacesAndMovesTheVersionOn) {
  const auto read = read_before_an_order();
  const auto current = testing::made(read_offering(ordering, provider_a, read.id));
  EXPECT_EQ(current.free_places, 4);
  const long long before = audit_head();
  auto in = repriced(current, current.unit_price_cents);
  in.free_places = 9;
  auto edited =
      edit_offering(ordering, provider_a, read.id, in, MadeFrom{{read.version, current.version}});
  ASSERT_TRUE(edited) << edited.error().detail;
  EXPECT_EQ(edited->free_places, 9);
  EXPECT_GT(edited->version, current.version);
  EXPECT_EQ(stored_offering(read.id), *edited);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.before, "price 120000, places 4");
  EXPECT_EQ(events[0].event.after, "price 120000, places 9");
  // The version it was made from is now an older one.
  auto again = edit_offering(ordering, provider_a, read.id, in, MadeFrom{{current.version}});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::stale);
}

}  // namespace
}  // namespace tarjotin
