// Orders against real storage: every field, idempotency keys, lists and the facts reports read.
#include <gtest/gtest.h>

#include "domain/ordering/scorecard.hpp"
#include "tests/storage/ordering/ordering_world.hpp"

namespace tarjotin::testing {
namespace {

TEST_F(Ordering, OrderRoundTripsEveryFieldAndItsUpdate) {
  add_basics();
  auto set = choice_set("set-1");
  auto placed = order("ord-1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100));
  placed.choice_set_id = "set-1";
  placed.customer_unemployment = UnemploymentBand::over_24_months;
  placed.customer_age = AgeBand::under_25;
  placed.outcome_bonus_cents = {{"studies", 20'000}, {"employed_permanent_full_time", 50'000}};
  placed.chosen_by_customer = false;
  placed.choice_reason = "Customer asked the coach to choose";
  placed.idempotency_key = "key-1";
  const auto bare = order("ord-2", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(101));
  write([&](Transaction& tx) {
    tx.choice_sets().add(set);
    tx.orders().add(placed);
    tx.orders().add(bare);
  });
  write([&](Transaction& tx) {
    auto found = tx.orders().find("ord-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, placed);
    found = tx.orders().find("ord-2");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, bare);
    EXPECT_FALSE(tx.orders().find("nope"));
  });
  auto ended = placed;
  ended.state = OrderState::interrupted;
  ended.reason = "Moved away";
  ended.accepted_at = at(110);
  ended.started_at = at(120);
  ended.ended_at = at(130);
  ended.updated_at = at(130);
  write([&](Transaction& tx) { tx.orders().update(ended); });
  write([&](Transaction& tx) {
    const auto found = tx.orders().find("ord-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, ended);
  });
}

TEST_F(Ordering, IdempotencyKeyIsLookedUpPerCoachingUnit) {
  add_basics();
  auto mine = order("ord-a", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100));
  mine.idempotency_key = "same-key";
  auto theirs = order("ord-b", "off-a", "provider-a", "cat-1", "cust-b", "unit-b", at(100));
  theirs.idempotency_key = "same-key";
  write([&](Transaction& tx) {
    tx.orders().add(mine);
    tx.orders().add(theirs);
  });
  write([&](Transaction& tx) {
    EXPECT_EQ(tx.orders().find_by_idempotency_key("unit-a", "same-key")->id, "ord-a");
    EXPECT_EQ(tx.orders().find_by_idempotency_key("unit-b", "same-key")->id, "ord-b");
    EXPECT_FALSE(tx.orders().find_by_idempotency_key("unit-a", "other-key"));
  });
}

TEST_F(Ordering, SameIdempotencyKeyTwiceInOneUnitIsRefused) {
  add_basics();
  auto first = order("ord-1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100));
  first.idempotency_key = "k";
  write([&](Transaction& tx) { tx.orders().add(first); });
  auto second = order("ord-2", "off-a", "provider-a", "cat-1", "cust-c", "unit-a", at(101));
  second.idempotency_key = "k";
  EXPECT_ANY_THROW(write([&](Transaction& tx) { tx.orders().add(second); }));
  write([&](Transaction& tx) { EXPECT_FALSE(tx.orders().find("ord-2")); });
}

TEST_F(Ordering, OrdersWithoutAKeyNeverCollideNorMatchAnEmptyKey) {
  add_basics();
  write([&](Transaction& tx) {
    tx.orders().add(order("ord-1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
    tx.orders().add(order("ord-2", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(101)));
  });
  write([&](Transaction& tx) {
    EXPECT_EQ(tx.orders().find("ord-2")->idempotency_key, "");
    EXPECT_FALSE(tx.orders().find_by_idempotency_key("unit-a", ""));
  });
}

TEST_F(Ordering, ListFiltersByEveryFieldNewestFirst) {
  add_basics();
  write([&](Transaction& tx) {
    tx.orders().add(order("o1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
    tx.orders().add(order("o2", "off-b", "provider-b", "cat-2", "cust-b", "unit-b", at(200)));
    tx.orders().add(order("o3", "off-a", "provider-a", "cat-1", "cust-c", "unit-a", at(300)));
    // Same time as o3: the id breaks the tie.
    tx.orders().add(order("o0", "off-b", "provider-b", "cat-2", "cust-a", "unit-a", at(300)));
  });
  using Ids = std::vector<std::string>;
  EXPECT_EQ(list_ids(Query()), (Ids{"o0", "o3", "o2", "o1"}));
  EXPECT_EQ(list_ids(Query().provider("provider-a")), (Ids{"o3", "o1"}));
  EXPECT_EQ(list_ids(Query().unit("unit-b")), (Ids{"o2"}));
  EXPECT_EQ(list_ids(Query().category("cat-2")), (Ids{"o0", "o2"}));
  EXPECT_EQ(list_ids(Query().dps("dps-1")), (Ids{"o3", "o1"}));
  EXPECT_EQ(list_ids(Query().customer("cust-a")), (Ids{"o0", "o1"}));
  EXPECT_EQ(list_ids(Query().provider("provider-b").unit("unit-a")), (Ids{"o0"}));
  EXPECT_EQ(list_ids(Query().provider("nobody")), Ids{});
}

TEST_F(Ordering, ListIncludesPlacedFromAndExcludesPlacedUntil) {
  add_basics();
  write([&](Transaction& tx) {
    tx.orders().add(order("o1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
    tx.orders().add(order("o2", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(200)));
    tx.orders().add(order("o3", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(300)));
  });
  using Ids = std::vector<std::string>;
  EXPECT_EQ(list_ids(Query().from(at(200))), (Ids{"o3", "o2"}));
  EXPECT_EQ(list_ids(Query().until(at(200))), (Ids{"o1"}));
  EXPECT_EQ(list_ids(Query().from(at(100)).until(at(300))), (Ids{"o2", "o1"}));
  EXPECT_EQ(list_ids(Query().from(at(200)).until(at(200))), Ids{});
  const auto just_after = at(200) + std::chrono::microseconds{1};
  EXPECT_EQ(list_ids(Query().from(just_after)), (Ids{"o3"}));
  EXPECT_EQ(list_ids(Query().until(just_after)), (Ids{"o2", "o1"}));
}

TEST_F(Ordering, FactsPickTheLatestConfirmedOutcomeAndIgnoreProposals) {
  add_basics();
  write([&](Transaction& tx) {
    tx.orders().add(order("o1", "off-a", "provider-a", "cat-1", "cust-a", "unit-a", at(100)));
    auto o2 = order("o2", "off-a", "provider-a", "cat-1", "cust-c", "unit-a", at(200));
    o2.customer_unemployment = UnemploymentBand::over_24_months;
    o2.customer_age = AgeBand::over_54;
    tx.orders().add(o2);
    auto o3 = order("o3", "off-b", "provider-b", "cat-2", "cust-b", "unit-b", at(300));
    o3.customer_unemployment = UnemploymentBand::from_12_to_24_months;
    o3.customer_age = AgeBand::under_25;
    tx.orders().add(o3);
    const auto outcome = [&](const std::string& id, const std::string& order_id, OutcomeType type,
                             bool confirmed, Timestamp when) {
      tx.orders().add_outcome({id, order_id, type, day(50), confirmed, "", "coach-a", when});
    };
    outcome("x1", "o1", OutcomeType::studies, true, at(400));
    outcome("x2", "o1", OutcomeType::employed_permanent_full_time, true, at(500));
    outcome("x3", "o1", OutcomeType::no_change, false, at(600));   // a later proposal
    outcome("x4", "o2", OutcomeType::work_trial, false, at(400));  // only a proposal
    // Recorded at the same moment: the larger id is taken as the later.
    outcome("x5", "o3", OutcomeType::studies, true, at(400));
    outcome("x6", "o3", OutcomeType::another_service, true, at(400));
    const auto feedback = [&](const std::string& id, const std::string& order_id,
                              FeedbackSource source, int score, Timestamp when) {
      tx.orders().add_feedback(
          {id, order_id, "provider-a", "cat-1", source, score, "", "fi", when});
    };
    feedback("f1", "o1", FeedbackSource::customer, 7, at(400));
    feedback("f2", "o1", FeedbackSource::customer, 9, at(500));
    feedback("f3", "o1", FeedbackSource::coach, 5, at(450));
    feedback("f4", "o2", FeedbackSource::coach, 0, at(450));
  });
  std::vector<OrderFacts> facts;
  write([&](Transaction& tx) { facts = tx.orders().facts(Query()); });
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_EQ(facts[0].order.id, "o3");
  EXPECT_EQ(facts[0].outcome, OutcomeType::another_service);
  EXPECT_EQ(facts[0].order.customer_unemployment, UnemploymentBand::from_12_to_24_months);
  EXPECT_EQ(facts[0].order.customer_age, AgeBand::under_25);
  EXPECT_FALSE(facts[0].customer_score);
  EXPECT_FALSE(facts[0].coach_score);

  EXPECT_EQ(facts[1].order.id, "o2");
  EXPECT_FALSE(facts[1].outcome);
  EXPECT_EQ(facts[1].order.customer_unemployment, UnemploymentBand::over_24_months);
  EXPECT_EQ(facts[1].order.customer_age, AgeBand::over_54);
  EXPECT_FALSE(facts[1].customer_score);
  EXPECT_EQ(facts[1].coach_score, 0);

  EXPECT_EQ(facts[2].order.id, "o1");
  EXPECT_EQ(facts[2].order.request_fingerprint, "fp-o1");
  EXPECT_EQ(facts[2].outcome, OutcomeType::employed_permanent_full_time);
  EXPECT_EQ(facts[2].customer_score, 9);
  EXPECT_EQ(facts[2].coach_score, 5);

  write([&](Transaction& tx) { facts = tx.orders().facts(Query().dps("dps-2")); });
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].order.id, "o3");
  write([&](Transaction& tx) {
    facts = tx.orders().facts(Query().provider("provider-a").until(at(200)));
  });
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].order.id, "o1");
}

TEST_F(Ordering, ChoiceRecordCountsAreWhatTheFullScorecardsCount) {
  add_basics();
  const OrderState states[] = {OrderState::placed,   OrderState::accepted,  OrderState::declined,
                               OrderState::started,  OrderState::completed, OrderState::interrupted,
                               OrderState::cancelled};
  constexpr long long kDay = 86'400;
  write([&](Transaction& tx) {
    for (int i = 0; i < 60; ++i) {
      const std::string id = "o" + std::to_string(i);
      // Two providers in cat-1, and orders of another category that must not count; placed
      // two days apart over some seventeen weeks, so the window starts inside a week.
      const bool other_category = i % 10 == 9;
      auto o =
          order(id, other_category ? "off-b" : "off-a", i % 3 == 0 ? "provider-b" : "provider-a",
                other_category ? "cat-2" : "cat-1", "cust-a", "unit-a", at(i * 2 * kDay + 3600));
      tx.orders().add(o);
      // The state reached later, as the provider's transitions store it.
      o.state = states[i % 7];
      tx.orders().update(o);
      if (i % 8 == 4) {  // completed, then corrected: only the last state counts
        o.state = states[(i + 3) % 7];
        tx.orders().update(o);
      }
      // Some answered twice (the latest counts, also when it arrives stored second with an
      // earlier time), some never; every score 0..10 occurs.
      if (i % 4 != 3)
        tx.orders().add_feedback({"f" + id, id, o.provider_id, o.category_id,
                                  FeedbackSource::customer, (i * 7) % 11, "", "fi",
                                  at(200 * kDay + i)});
      if (i % 5 == 0)
        tx.orders().add_feedback({"g" + id, id, o.provider_id, o.category_id,
                                  FeedbackSource::customer, (i * 3) % 11, "", "fi",
                                  at(200 * kDay + (i % 10 == 0 ? -1 : 100))});
      if (i % 6 == 0)  // the coach's rating is not the customer's
        tx.orders().add_feedback({"h" + id, id, o.provider_id, o.category_id, FeedbackSource::coach,
                                  10, "", "fi", at(300 * kDay)});
    }
  });
  std::vector<ChoiceRecordCounts> counts;
  std::vector<OrderFacts> facts;
  write([&](Transaction& tx) {
    counts = tx.orders().choice_record_counts("cat-1", at(31 * kDay));
    facts = tx.orders().facts(Query().category("cat-1").from(at(31 * kDay)));
  });
  const auto cards = compute_scorecards(facts);
  ASSERT_EQ(counts.size(), cards.size());
  ASSERT_EQ(counts.size(), 2u);
  for (std::size_t i = 0; i < cards.size(); ++i) {
    const auto& c = cards[i];
    EXPECT_EQ(counts[i], (ChoiceRecordCounts{c.provider_id, c.orders, c.ended, c.completed,
                                             c.customer_nps.promoters, c.customer_nps.passives,
                                             c.customer_nps.detractors}));
    // And the entry a choice set shows is the scorecard's own figures.
    ChoiceEntry e;
    summarise(e, counts[i]);
    EXPECT_EQ(e.completion_rate, c.completion_rate);
    EXPECT_EQ(e.completion_interval, c.completion_interval);
    EXPECT_EQ(e.net_promoter_score, c.customer_nps.score);
    EXPECT_EQ(e.nps_interval, c.customer_nps.interval);
    EXPECT_EQ(e.nps_responses, c.customer_nps.responses);
  }
  write([&](Transaction& tx) {
    EXPECT_TRUE(tx.orders().choice_record_counts("cat-9", at(0)).empty());
  });
}

TEST_F(Ordering, TalliesOfDaysAndMonthsAreWhatTheOrdersCountOneByOne) {
  add_basics();
  const OrderState states[] = {OrderState::placed,   OrderState::accepted,  OrderState::declined,
                               OrderState::started,  OrderState::completed, OrderState::interrupted,
                               OrderState::cancelled};
  const OutcomeType outcomes[] = {OutcomeType::employed_permanent_full_time, OutcomeType::studies,
                                  OutcomeType::no_change, OutcomeType::unknown};
  constexpr long long kHour = 3'600;
  write([&](Transaction& tx) {
    for (int i = 0; i < 90; ++i) {
      const std::string id = "o" + std::to_string(i);
      // Fifteen hours apart over some eight weeks, across Helsinki midnights and a whole month;
      // a tenth of them in another category, of another DPS.
      const bool other_category = i % 10 == 9;
      auto o = order(id, other_category ? "off-b" : "off-a",
                     i % 3 == 0 ? "provider-b" : "provider-a", other_category ? "cat-2" : "cat-1",
                     "cust-a", "unit-a", at(25 * 86'400 + i * 15 * kHour));
      o.customer_unemployment = static_cast<UnemploymentBand>(i % kUnemploymentBandCount);
      o.customer_age = static_cast<AgeBand>((i / 4) % kAgeBandCount);
      o.outcome_bonus_cents = {{"employment_open_market", 40'000}, {"studies", 10'000}};
      tx.orders().add(o);
      // The state reached later, as the provider's transitions store it.
      o.state = states[i % 7];
      if (o.state != OrderState::placed && o.state != OrderState::declined)
        o.accepted_at = o.placed_at + std::chrono::hours(2);
      if (o.state == OrderState::started || o.state == OrderState::completed ||
          o.state == OrderState::interrupted)
        o.started_at = o.placed_at + std::chrono::hours(30 + i);
      tx.orders().update(o);
      if (i % 8 == 4) {  // corrected: only the last state counts
        o.state = OrderState::completed;
        tx.orders().update(o);
      }
      // Outcomes: confirmed ones (the latest counts), a later proposal that must not.
      if (i % 3 != 2)
        tx.orders().add_outcome(
            {"x" + id, id, outcomes[i % 4], day(50), true, "", "coach-a", at(40 * 86'400 + i)});
      if (i % 5 == 0)
        tx.orders().add_outcome({"y" + id, id, outcomes[(i + 1) % 4], day(50), true, "", "coach-a",
                                 at(41 * 86'400 + i)});
      if (i % 7 == 0)
        tx.orders().add_outcome({"z" + id, id, OutcomeType::work_trial, day(50), false, "",
                                 "coach-a", at(42 * 86'400 + i)});
      if (i % 4 != 3)
        tx.orders().add_feedback({"f" + id, id, o.provider_id, o.category_id,
                                  FeedbackSource::customer, (i * 7) % 11, "", "fi",
                                  at(50 * 86'400 + i)});
      if (i % 6 == 0)  // the coach's rating, and a later one that replaces it
        tx.orders().add_feedback({"h" + id, id, o.provider_id, o.category_id, FeedbackSource::coach,
                                  i % 11, "", "fi", at(50 * 86'400 + i)});
      if (i % 12 == 0)
        tx.orders().add_feedback({"k" + id, id, o.provider_id, o.category_id, FeedbackSource::coach,
                                  10, "", "fi", at(51 * 86'400 + i)});
    }
  });
  // Whole Helsinki days from the first order's next day to some days before the last: days of
  // October, the whole of November, days of December.
  const Date first = helsinki_date(at(25 * 86'400)) + std::chrono::days{1};
  const Date end = first + std::chrono::days{50};
  ASSERT_EQ(first, Date{std::chrono::sys_days{std::chrono::year{2026} / 10 / 17}});
  const auto days = [&](std::string category, std::string dps) {
    TallyQuery q;
    q.category_id = std::move(category);
    q.dps_id = std::move(dps);
    q.first_day = first;
    q.end_day = end;
    return q;
  };
  const auto window = Query().from(helsinki_midnight(first)).until(helsinki_midnight(end));
  write([&](Transaction& tx) {
    const auto kept = grouped(tx.orders().tallies(days("cat-1", "")));
    const auto counted = grouped(tx.orders().facts(Query(window).category("cat-1")));
    EXPECT_EQ(kept, counted);
    // What the comparison rests on: every kind of count occurs.
    OrderTally all;
    for (const auto& [key, t] : counted) add_counts(all, t);
    EXPECT_GT(all.orders, 40);
    EXPECT_GT(all.declined, 0);
    EXPECT_GT(all.completed, 0);
    EXPECT_GT(all.outcomes[static_cast<std::size_t>(OutcomeType::studies)], 0);
    EXPECT_EQ(all.outcomes[static_cast<std::size_t>(OutcomeType::work_trial)], 0);
    EXPECT_GT(all.detractors, 0);
    EXPECT_GT(all.coach_ratings, 0);
    EXPECT_GT(all.micros_to_start, 0);
    EXPECT_GT(all.payable_cents, 0);
    EXPECT_GT(kept.size(), 10u);

    EXPECT_EQ(grouped(tx.orders().tallies(days("", "dps-2"))),
              grouped(tx.orders().facts(Query(window).dps("dps-2"))));
    EXPECT_TRUE(tx.orders().tallies(days("cat-9", "")).empty());
  });
}

}  // namespace
}  // namespace tarjotin::testing
