// Customers and their consents against real storage.
#include <gtest/gtest.h>

#include "tests/storage/ordering/ordering_world.hpp"

namespace tarjotin::testing {
namespace {

TEST_F(Ordering, CustomerRoundTripsAndIsFoundByReferenceOnlyInItsUnit) {
  const auto original = customer("cust-1", "unit-a", "CASE-42");
  write([&](Transaction& tx) { tx.customers().add(original); });
  write([&](Transaction& tx) {
    for (const auto& found :
         {tx.customers().find("cust-1"), tx.customers().find_by_reference("unit-a", "CASE-42")}) {
      ASSERT_TRUE(found);
      EXPECT_EQ(*found, original);
    }
    EXPECT_FALSE(tx.customers().find_by_reference("unit-b", "CASE-42"));
    EXPECT_FALSE(tx.customers().find("nope"));
  });
}

TEST_F(Ordering, CustomerUpdateIsStored) {
  write([&](Transaction& tx) { tx.customers().add(customer("cust-1", "unit-a", "CASE-42")); });
  auto changed = customer("cust-1", "unit-a", "CASE-43");
  changed.region = "091";
  changed.languages = {"sv"};
  changed.unemployment = UnemploymentBand::under_3_months;
  changed.age = AgeBand::from_25_to_29;
  changed.updated_at = at(50);
  write([&](Transaction& tx) { tx.customers().update(changed); });
  write([&](Transaction& tx) {
    const auto found = tx.customers().find("cust-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, changed);
    EXPECT_EQ(found->reference, "CASE-43");
    EXPECT_FALSE(tx.customers().find_by_reference("unit-a", "CASE-42"));
  });
}

TEST_F(Ordering, CustomerReferenceIsUniqueWithinAUnitOnly) {
  write([&](Transaction& tx) { tx.customers().add(customer("cust-1", "unit-a", "CASE-42")); });
  EXPECT_ANY_THROW(
      write([&](Transaction& tx) { tx.customers().add(customer("cust-2", "unit-a", "CASE-42")); }));
  write([&](Transaction& tx) { tx.customers().add(customer("cust-3", "unit-b", "CASE-42")); });
  write([&](Transaction& tx) {
    EXPECT_FALSE(tx.customers().find("cust-2"));
    EXPECT_EQ(tx.customers().find_by_reference("unit-b", "CASE-42")->id, "cust-3");
  });
}

TEST_F(Ordering, ConsentRoundTripsAndItsWithdrawalIsStored) {
  add_basics();
  const Consent reports{"con-1", "cust-a", "provider-a", ConsentScope::closing_reports,
                        at(10),  {},       "coach-a"};
  Consent outcomes{"con-2", "cust-a", "provider-b", ConsentScope::outcomes, at(5), {}, "coach-a"};
  write([&](Transaction& tx) {
    tx.customers().add_consent(reports);
    tx.customers().add_consent(outcomes);
  });
  outcomes.withdrawn_at = at(20);
  write([&](Transaction& tx) { tx.customers().update_consent(outcomes); });
  write([&](Transaction& tx) {
    // Oldest first, the withdrawal stored.
    EXPECT_EQ(tx.customers().consents("cust-a"), (std::vector<Consent>{outcomes, reports}));
    EXPECT_TRUE(tx.customers().consents("cust-b").empty());
  });
}

}  // namespace
}  // namespace tarjotin::testing
