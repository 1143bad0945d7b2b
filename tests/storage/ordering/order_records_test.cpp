// What is kept of an order against real storage: its closing report, outcomes, feedback tokens
// and feedback.
#include <gtest/gtest.h>

#include "tests/storage/ordering/ordering_world.hpp"

namespace tarjotin::testing {
namespace {

TEST_F(Ordering, ClosingReportIsReplacedByTheLatest) {
  add_basics();
  write([&](Transaction& tx) {
    tx.orders().add(order("o1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
    tx.orders().put_closing_report({"o1", "Draft", "", "", false, "", "seller-a", at(200)});
  });
  const ClosingReport final_report{"o1", "CV and interviews", "Two interviews", "Keep applying",
                                   true, "Language course",   "seller-a",       at(300)};
  write([&](Transaction& tx) { tx.orders().put_closing_report(final_report); });
  write([&](Transaction& tx) {
    const auto found = tx.orders().closing_report("o1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, final_report);
    EXPECT_FALSE(tx.orders().closing_report("nope"));
  });
}

TEST_F(Ordering, OutcomesRoundTripOldestFirst) {
  add_basics();
  const OutcomeRecord proposal{"x2",       "o1",   OutcomeType::work_trial, day(60), false, "Note",
                               "seller-a", at(300)};
  const OutcomeRecord confirmed{
      "x1", "o1", OutcomeType::subsidised_employment, day(55), true, "", "coach-a", at(200)};
  write([&](Transaction& tx) {
    tx.orders().add(order("o1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
    tx.orders().add_outcome(proposal);
    tx.orders().add_outcome(confirmed);
  });
  write([&](Transaction& tx) {
    EXPECT_EQ(tx.orders().outcomes("o1"), (std::vector<OutcomeRecord>{confirmed, proposal}));
  });
}

TEST_F(Ordering, FeedbackTokenCanBeUsedOnlyOnce) {
  add_basics();
  write([&](Transaction& tx) {
    tx.orders().add(order("o1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
    tx.orders().add_feedback_token({"hash-1", "o1", at(200), at(900), std::nullopt});
  });
  write([&](Transaction& tx) {
    EXPECT_EQ(tx.orders().find_feedback_token("hash-1"),
              (FeedbackToken{"hash-1", "o1", at(200), at(900), std::nullopt}));
    EXPECT_FALSE(tx.orders().find_feedback_token("hash-2"));
  });
  write([&](Transaction& tx) { EXPECT_TRUE(tx.orders().use_feedback_token("hash-1", at(300))); });
  write([&](Transaction& tx) {
    EXPECT_FALSE(tx.orders().use_feedback_token("hash-1", at(400)));
    EXPECT_FALSE(tx.orders().use_feedback_token("hash-2", at(400)));
    EXPECT_EQ(tx.orders().find_feedback_token("hash-1"),
              (FeedbackToken{"hash-1", "o1", at(200), at(900), at(300)}));
  });
}

TEST_F(Ordering, FeedbackForProviderIsNewestFirstAndLimited) {
  add_basics();
  const Feedback customers{"f1", "o1",   "provider-a", "cat-1", FeedbackSource::customer,
                           10,   "Hyvä", "fi",         at(200)};
  const Feedback coachs{"f2", "o1", "provider-a", "cat-1", FeedbackSource::coach,
                        6,    "Ok", "en",         at(400)};
  write([&](Transaction& tx) {
    tx.orders().add(order("o1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
    tx.orders().add(order("o2", "off-b", "provider-b", "cat-2", "cust-b", "unit-b", at(100)));
    tx.orders().add_feedback(customers);
    tx.orders().add_feedback(coachs);
    tx.orders().add_feedback(
        {"f3", "o2", "provider-b", "cat-2", FeedbackSource::customer, 3, "", "sv", at(500)});
  });
  write([&](Transaction& tx) {
    EXPECT_EQ(tx.orders().feedback_for_provider("provider-a", 1), std::vector<Feedback>{coachs});
    EXPECT_EQ(tx.orders().feedback_for_provider("provider-a", 10),
              (std::vector<Feedback>{coachs, customers}));
    // Oldest first for one order.
    EXPECT_EQ(tx.orders().feedback_for_order("o1"), (std::vector<Feedback>{customers, coachs}));
  });
}

TEST_F(Ordering, FeedbackScoreOutsideZeroToTenIsRefused) {
  add_basics();
  write([&](Transaction& tx) {
    tx.orders().add(order("o1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
  });
  EXPECT_ANY_THROW(write([&](Transaction& tx) {
    tx.orders().add_feedback(
        {"f1", "o1", "provider-a", "cat-1", FeedbackSource::customer, 11, "", "fi", at(200)});
  }));
}

}  // namespace
}  // namespace tarjotin::testing
