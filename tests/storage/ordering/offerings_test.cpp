// Offerings against real storage: every field round-trips, free places move only by their own
// statements and never below zero, and every change moves the version on.
#include <gtest/gtest.h>

#include "tests/storage/ordering/ordering_world.hpp"

namespace tarjotin::testing {
namespace {

TEST_F(Ordering, OfferingRoundTripsEveryField) {
  const auto original = offering("off-1", "provider-a", "cat-1", 3);
  auto inactive = offering("off-2", "provider-a", "cat-1", 0);
  inactive.active = false;
  inactive.outcome_bonus_cents.clear();
  inactive.regions.clear();
  write([&](Transaction& tx) {
    tx.offerings().add(original);
    tx.offerings().add(inactive);
  });
  write([&](Transaction& tx) {
    auto found = tx.offerings().find("off-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, original);
    found = tx.offerings().find("off-2");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, inactive);
    EXPECT_FALSE(tx.offerings().find("nope"));
  });
}

TEST_F(Ordering, OfferingUpdateChangesEverythingButFreePlaces) {
  write([&](Transaction& tx) { tx.offerings().add(offering("off-1", "provider-a", "cat-1", 3)); });
  auto changed = offering("off-1", "provider-a", "cat-1", 99);
  changed.description = {"Uusi", "Ny", "New"};
  changed.unit_price_cents = 175'050;
  changed.outcome_bonus_cents = {{"work_trial", 7}};
  changed.regions = {"049"};
  changed.languages = {"en"};
  changed.earliest_start = day(30);
  changed.typical_duration_days = 45;
  changed.active = false;
  changed.updated_at = at(100);
  write([&](Transaction& tx) { EXPECT_TRUE(tx.offerings().update(changed, 1)); });
  write([&](Transaction& tx) {
    auto found = tx.offerings().find("off-1");
    ASSERT_TRUE(found);
    changed.free_places = 3;
    EXPECT_EQ(*found, changed);
  });
}

TEST_F(Ordering, OfferingsAreListedByCategoryAndByProvider) {
  write([&](Transaction& tx) {
    tx.offerings().add(offering("off-1", "provider-a", "cat-1", 1));
    tx.offerings().add(offering("off-2", "provider-b", "cat-1", 1));
    tx.offerings().add(offering("off-3", "provider-a", "cat-2", 1));
  });
  write([&](Transaction& tx) {
    const auto ids = [](const std::vector<Offering>& list) {
      std::vector<std::string> out;
      for (const auto& o : list) out.push_back(o.id);
      return out;
    };
    EXPECT_EQ(ids(tx.offerings().list_for_category("cat-1")),
              (std::vector<std::string>{"off-1", "off-2"}));
    EXPECT_EQ(ids(tx.offerings().list_for_provider("provider-a")),
              (std::vector<std::string>{"off-1", "off-3"}));
    EXPECT_TRUE(tx.offerings().list_for_category("nope").empty());
  });
}

TEST_F(Ordering, TakePlaceStopsAtZeroAndNeverGoesNegative) {
  write([&](Transaction& tx) { tx.offerings().add(offering("off-1", "provider-a", "cat-1", 2)); });
  write([&](Transaction& tx) {
    EXPECT_TRUE(tx.offerings().take_place("off-1"));
    EXPECT_TRUE(tx.offerings().take_place("off-1"));
    EXPECT_FALSE(tx.offerings().take_place("off-1"));
    EXPECT_FALSE(tx.offerings().take_place("off-1"));
    EXPECT_FALSE(tx.offerings().take_place("nope"));
  });
  write([&](Transaction& tx) { EXPECT_EQ(tx.offerings().find("off-1")->free_places, 0); });
}

TEST_F(Ordering, ReturnedPlaceCanBeTakenAgain) {
  write([&](Transaction& tx) { tx.offerings().add(offering("off-1", "provider-a", "cat-1", 1)); });
  write([&](Transaction& tx) {
    EXPECT_TRUE(tx.offerings().take_place("off-1"));
    EXPECT_FALSE(tx.offerings().take_place("off-1"));
    tx.offerings().return_place("off-1");
    EXPECT_EQ(tx.offerings().find("off-1")->free_places, 1);
    EXPECT_TRUE(tx.offerings().take_place("off-1"));
  });
}

TEST_F(Ordering, FreePlacesCanBeSetButNotBelowZero) {
  write([&](Transaction& tx) { tx.offerings().add(offering("off-1", "provider-a", "cat-1", 1)); });
  write([&](Transaction& tx) { tx.offerings().set_free_places("off-1", 7); });
  EXPECT_ANY_THROW(write([&](Transaction& tx) { tx.offerings().set_free_places("off-1", -1); }));
  write([&](Transaction& tx) { EXPECT_EQ(tx.offerings().find("off-1")->free_places, 7); });
}

TEST_F(Ordering, EveryChangeToAnOfferingMovesItsVersionOn) {
  write([&](Transaction& tx) { tx.offerings().add(offering("off-1", "provider-a", "cat-1", 2)); });
  std::vector<long long> versions;
  write([&](Transaction& tx) {
    const auto version = [&] { versions.push_back(tx.offerings().find("off-1")->version); };
    version();
    ASSERT_TRUE(tx.offerings().take_place("off-1"));
    version();
    tx.offerings().return_place("off-1");
    version();
    tx.offerings().set_free_places("off-1", 4);
    version();
    auto edited = *tx.offerings().find("off-1");
    edited.unit_price_cents = 99'000;
    edited.version = 7;
    ASSERT_TRUE(tx.offerings().update(edited, 4));
    version();
  });
  EXPECT_EQ(versions, (std::vector<long long>{1, 2, 3, 4, 7}));
}

TEST_F(Ordering, AnOfferingUpdateFromAnOlderVersionWritesNothing) {
  write([&](Transaction& tx) {
    tx.offerings().add(offering("off-1", "provider-a", "cat-1", 3));
    ASSERT_TRUE(tx.offerings().take_place("off-1"));
  });
  auto stale = offering("off-1", "provider-a", "cat-1", 3);
  stale.unit_price_cents = 99'000;
  stale.version = 2;
  write([&](Transaction& tx) { EXPECT_FALSE(tx.offerings().update(stale, 1)); });
  write([&](Transaction& tx) {
    auto kept = offering("off-1", "provider-a", "cat-1", 2);
    kept.version = 2;
    EXPECT_EQ(tx.offerings().find("off-1"), kept);
  });
}

}  // namespace
}  // namespace tarjotin::testing
