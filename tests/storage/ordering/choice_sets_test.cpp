// Choice sets against real storage: entries kept as shown, the seed bit for bit, one order each.
#include <gtest/gtest.h>

#include "tests/storage/ordering/ordering_world.hpp"

namespace tarjotin::testing {
namespace {

TEST_F(Ordering, ChoiceSetKeepsEntriesInOrderAndAllSixtyFourBitsOfTheSeed) {
  add_basics();
  auto set = choice_set("set-1");
  set.seed = 0xF123'4567'89AB'CDEFull;
  set.start_by = day(40);
  set.created_at = at(30);
  set.entries.push_back({1, "off-b", "provider-b", 99'900, 0, 0, std::nullopt, std::nullopt,
                         std::nullopt, std::nullopt, 0});
  set.entries.push_back({0, "off-a", "provider-a", 150'000, 12, 9, 0.75, Interval{0.4375, 0.9375},
                         -12.5, Interval{-50.25, 31.5}, 8});
  set.expires_at = at(44);
  write([&](Transaction& tx) { tx.choice_sets().add(set); });
  write([&](Transaction& tx) {
    const auto found = tx.choice_sets().find("set-1");
    ASSERT_TRUE(found);
    // Read back whole, entries in the order shown: a field the mapping forgets fails here.
    ChoiceSet expected = set;
    std::swap(expected.entries[0], expected.entries[1]);
    EXPECT_EQ(*found, expected);
    EXPECT_EQ(found->seed, 0xF123'4567'89AB'CDEFull);
    EXPECT_FALSE(tx.choice_sets().find("nope"));
  });
}

TEST_F(Ordering, AChoiceSetIsReadWithTheOneEntryAnOrderNeeds) {
  add_basics();
  auto set = choice_set("set-1");
  set.entries.push_back({0, "off-a", "provider-a", 150'000, 12, 9, 0.75, Interval{0.4375, 0.9375},
                         -12.5, Interval{-50.25, 31.5}, 8});
  set.entries.push_back({1, "off-b", "provider-b", 99'900, 0, 0, std::nullopt, std::nullopt,
                         std::nullopt, std::nullopt, 0});
  write([&](Transaction& tx) { tx.choice_sets().add(set); });
  write([&](Transaction& tx) {
    const auto chosen = tx.choice_sets().find_with_entry("set-1", "off-b");
    ASSERT_TRUE(chosen);
    ChoiceSet expected = set;
    expected.entries = {set.entries[1]};
    EXPECT_EQ(*chosen, expected);
    const auto not_shown = tx.choice_sets().find_with_entry("set-1", "off-c");
    ASSERT_TRUE(not_shown);
    EXPECT_TRUE(not_shown->entries.empty());
    EXPECT_FALSE(tx.choice_sets().find_with_entry("nope", "off-a"));
  });
}

// A set of a few thousand offerings is stored in several multi-row statements (a few hundred
// rows each, to stay inside every build's placeholder limit). Every entry comes back, in order,
// whatever statement carried it: none lost or doubled at a statement's edge.
TEST_F(Ordering, AChoiceSetOfThousandsOfEntriesIsStoredWhole) {
  add_basics();
  auto set = choice_set("set-big");
  for (int i = 0; i < 3'500; ++i)
    set.entries.push_back({i, i % 2 ? "off-b" : "off-a", i % 2 ? "provider-b" : "provider-a",
                           100'000 + i, i, i / 2,
                           i % 3 ? std::optional<double>(i / 3500.0) : std::nullopt, std::nullopt,
                           std::nullopt, std::nullopt, i % 7});
  write([&](Transaction& tx) { tx.choice_sets().add(set); });
  write([&](Transaction& tx) {
    const auto found = tx.choice_sets().find("set-big");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, set);
  });
}

TEST_F(Ordering, AChoiceSetIsClaimedByOneOrderOnly) {
  add_basics();
  auto set = choice_set("set-claimed");
  set.created_at = at(30);
  set.expires_at = at(44);
  write([&](Transaction& tx) { tx.choice_sets().add(set); });
  write([&](Transaction& tx) {
    EXPECT_TRUE(tx.choice_sets().claim("set-claimed", "order-1"));
    EXPECT_FALSE(tx.choice_sets().claim("set-claimed", "order-2"));
    EXPECT_FALSE(tx.choice_sets().claim("no-such-set", "order-3"));
  });
  write([&](Transaction& tx) {
    auto claimed = set;
    claimed.order_id = "order-1";
    EXPECT_EQ(tx.choice_sets().find("set-claimed"), claimed);
    EXPECT_FALSE(tx.choice_sets().claim("set-claimed", "order-4"));
  });
}

TEST_F(Ordering, ChoiceSetSeedsAtTheEdgesSurvive) {
  add_basics();
  const std::uint64_t seeds[] = {0, 1, 0x7FFF'FFFF'FFFF'FFFFull, 0x8000'0000'0000'0000ull,
                                 0xFFFF'FFFF'FFFF'FFFFull};
  std::vector<ChoiceSet> stored;
  for (const auto seed : seeds) {
    auto& set = stored.emplace_back(choice_set("set-" + std::to_string(stored.size())));
    set.seed = seed;
  }
  write([&](Transaction& tx) {
    for (const auto& set : stored) tx.choice_sets().add(set);
  });
  write([&](Transaction& tx) {
    for (std::size_t i = 0; i < stored.size(); ++i) {
      EXPECT_EQ(tx.choice_sets().find(stored[i].id)->seed, seeds[i]);
      EXPECT_EQ(tx.choice_sets().find(stored[i].id), stored[i]);
    }
  });
}

TEST_F(Ordering, AnEntrysIntervalsAreKeptApartAndEachWhole) {
  add_basics();
  auto set = choice_set("set-1");
  // A completion rate with its interval but no answers yet, and the other way round.
  set.entries.push_back({0, "off-a", "provider-a", 150'000, 3, 2, 0.5, Interval{0.09375, 0.90625},
                         std::nullopt, std::nullopt, 0});
  set.entries.push_back({1, "off-b", "provider-b", 99'900, 1, 0, std::nullopt, std::nullopt, 100.0,
                         Interval{-21.5, 100.0}, 1});
  write([&](Transaction& tx) { tx.choice_sets().add(set); });
  write([&](Transaction& tx) { EXPECT_EQ(tx.choice_sets().find("set-1"), set); });
}

}  // namespace
}  // namespace tarjotin::testing
