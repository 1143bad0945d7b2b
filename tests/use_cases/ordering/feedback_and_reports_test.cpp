// Feedback on delivered services and the reports made of them: who asks and who answers, what a
// provider sees of what was said of it, and what is owed for what.
#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "domain/ordering/scorecard.hpp"

#include "tests/use_cases/ordering/world.hpp"

namespace tarjotin::testing {
namespace {

using namespace domain;

class FeedbackAndReports : public OrderingWorld {
 protected:
  Period last_year() const {
    return {clock.now() - std::chrono::days(365), clock.now() + std::chrono::days(1)};
  }
};

TEST_F(FeedbackAndReports, TheCustomerAnswersOnceThroughTheLinkTheCoachWasGiven) {
  const auto o = offering(provider_a);
  const auto order = this->order(o, "ASIAKAS-1");
  auto early = issue_feedback_link(ordering, coach, order.id);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "not-ended");
  deliver(provider_a, order.id);
  auto by_provider = issue_feedback_link(ordering, provider_a, order.id);
  ASSERT_FALSE(by_provider);
  EXPECT_EQ(by_provider.error().kind, ErrorKind::forbidden);
  const auto link = made(issue_feedback_link(ordering, coach, order.id));
  EXPECT_EQ(link.expires_at, clock.now() + std::chrono::days(60));
  auto form = made(read_feedback_form(ordering, link.token));
  EXPECT_EQ(form.provider_name, "provider-a name");
  EXPECT_FALSE(form.answered);
  auto out_of_range = give_feedback(ordering, link.token, {11, "", "fi"});
  ASSERT_FALSE(out_of_range);
  EXPECT_EQ(refusal(out_of_range.error()), "/score range");
  const long long before = audit_head();
  ASSERT_TRUE(give_feedback(ordering, link.token, {9, "Hyvä valmentaja", "fi"}));
  EXPECT_TRUE(made(read_feedback_form(ordering, link.token)).answered);
  auto twice = give_feedback(ordering, link.token, {3, "", "fi"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "feedback-given");
  auto new_link = issue_feedback_link(ordering, coach, order.id);
  ASSERT_FALSE(new_link);
  EXPECT_EQ(new_link.error().code, "feedback-given");
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "feedback.given");
  EXPECT_EQ(events[0].event.actor_user_id, "");  // the customer has no account
  auto unknown = read_feedback_form(ordering, "no-such-token");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

TEST_F(FeedbackAndReports, ALinkExpires) {
  const auto o = offering(provider_a);
  const auto order = this->order(o, "ASIAKAS-1");
  deliver(provider_a, order.id);
  const auto link = made(issue_feedback_link(ordering, coach, order.id));
  clock.advance(std::chrono::days(60));
  auto late = give_feedback(ordering, link.token, {9, "", "fi"});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, "link-expired");
}

TEST_F(FeedbackAndReports, TheProviderSeesWhatWasSaidButNotWhichCustomerSaidIt) {
  const auto o = offering(provider_a);
  const auto order = this->order(o, "ASIAKAS-1");
  deliver(provider_a, order.id);
  const auto link = made(issue_feedback_link(ordering, coach, order.id));
  made(give_feedback(ordering, link.token, {4, "Liian vähän tapaamisia", "fi"}));
  const auto rating = made(rate_provider(ordering, coach, order.id, {7, "Asiallinen"}));
  auto again = rate_provider(ordering, coach, order.id, {8, ""});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "already-rated");
  // On the order, the provider sees the coach's rating and not the customer's answer.
  EXPECT_EQ(made(read_order(ordering, provider_a, order.id)).feedback,
            std::vector<Feedback>{rating});
  EXPECT_EQ(made(read_order(ordering, coach, order.id)).feedback.size(), 2u);
  // Apart from the order, both, with neither the order nor the day.
  const auto said = made(provider_feedback(ordering, provider_a, "provider-a"));
  ASSERT_EQ(said.size(), 2u);
  for (const auto& f : said) {
    EXPECT_EQ(f.order_id, "");
    EXPECT_EQ(f.given_at, without_order(f).given_at);
  }
  auto others = provider_feedback(ordering, provider_b, "provider-a");
  ASSERT_FALSE(others);
  EXPECT_EQ(others.error().kind, ErrorKind::not_found);
}

TEST_F(FeedbackAndReports, AProviderSeesOnlyItsOwnScorecardAndNoScoresOfAFewAnswers) {
  const auto a = offering(provider_a);
  const auto b = offering(provider_b);
  for (int i = 0; i < 3; ++i) {
    const auto order = this->order(i < 2 ? a : b, "ASIAKAS-" + std::to_string(i));
    deliver(i < 2 ? provider_a : provider_b, order.id);
    made(rate_provider(ordering, coach, order.id, {8, ""}));
  }
  const auto all = made(category_scorecards(ordering, officer, kCategory, last_year()));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].provider_id, "provider-a");
  EXPECT_EQ(all[0].coach_ratings, 2);
  const auto own = made(category_scorecards(ordering, provider_a, kCategory, last_year()));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].provider_id, "provider-a");
  EXPECT_EQ(own[0].orders, 2);
  EXPECT_EQ(own[0].coach_ratings, 0);
  EXPECT_FALSE(own[0].coach_average);
  const Period short_one{clock.now() - std::chrono::days(30), clock.now()};
  auto too_short = category_scorecards(ordering, provider_a, kCategory, short_one);
  ASSERT_FALSE(too_short);
  EXPECT_EQ(refusal(too_short.error()), "/from minimum-period");
  EXPECT_TRUE(category_scorecards(ordering, officer, kCategory, short_one));
}

TEST_F(FeedbackAndReports, WhatIsOwedIsThePriceOfDeliveredServicesAndTheBonusOfTheirOutcome) {
  write([&](Transaction& tx) {
    auto c = *tx.categories().find(kCategory);
    c.price.outcome_bonus_cents = {{"employment_open_market", 50'000}};
    tx.categories().update(c);
  });
  auto in = offering_input();
  in.outcome_bonus_cents = {{"employment_open_market", 50'000}};
  const auto o = made(create_offering(ordering, provider_a, kCategory, in));
  const auto delivered = this->order(o, "ASIAKAS-1");
  deliver(provider_a, delivered.id);
  made(
      record_outcome(ordering, coach, delivered.id,
                     {OutcomeType::employed_fixed_term_part_time, helsinki_date(clock.now()), ""}));
  this->order(o, "ASIAKAS-2");  // placed, not yet delivered
  this->order(offering(provider_b), "ASIAKAS-3");

  const auto rows = made(spend_report(ordering, officer, "dps", last_year()));
  ASSERT_EQ(rows.size(), 2u);
  long long total = 0;
  int orders = 0;
  for (const auto& r : rows) {
    total += r.payable_cents;
    orders += r.orders;
    EXPECT_EQ(r.month, month_of(clock.now()));
    EXPECT_EQ(r.provider_name, r.provider_id + " name");
  }
  EXPECT_EQ(orders, 3);
  EXPECT_EQ(total, 170'000);  // the one delivered, with its employment bonus

  const auto all = made(payables(ordering, officer, "dps", "", last_year()));
  EXPECT_EQ(all.size(), 3u);
  const auto own = made(payables(ordering, provider_a, "dps", "provider-b", last_year()));
  ASSERT_EQ(own.size(), 2u);
  for (const auto& p : own) {
    EXPECT_EQ(p.order.provider_id, "provider-a");
    EXPECT_EQ(p.payable_cents, p.order.id == delivered.id ? 170'000 : 0);
  }
  auto not_theirs = spend_report(ordering, provider_a, "dps", last_year());
  ASSERT_FALSE(not_theirs);
  EXPECT_EQ(not_theirs.error().kind, ErrorKind::not_found);
}

TEST_F(FeedbackAndReports, ReportsOverAnyPeriodCountWhatItsOrdersCountOneByOne) {
  // Orders seven hours apart over six days across a month's end: the reports sum stored day
  // tallies for whole Helsinki days and count the orders of a period's partial first and last
  // day one by one; wherever a period starts and ends, that is what its orders add up to.
  clock.set(helsinki_midnight(Date{std::chrono::sys_days{std::chrono::year{2026} / 10 / 29}}) +
            std::chrono::hours(5));
  const Timestamp start = clock.now();
  const auto a = offering(provider_a, 30);
  const auto b = offering(provider_b, 30);
  for (int i = 0; i < 20; ++i) {
    const auto order = this->order(i % 3 == 0 ? b : a, "ASIAKAS-" + std::to_string(i));
    const auto& provider = i % 3 == 0 ? provider_b : provider_a;
    if (i % 4 != 3) deliver(provider, order.id);
    if (i % 2 == 0)
      made(record_outcome(ordering, coach, order.id,
                          {i % 4 == 0 ? OutcomeType::studies : OutcomeType::no_change,
                           helsinki_date(clock.now()), ""}));
    if (i % 4 != 3 && i % 3 != 1) made(rate_provider(ordering, coach, order.id, {i % 11, ""}));
    clock.advance(std::chrono::hours(7));
  }
  const auto direct = [&](Period p) {
    std::vector<OrderFacts> facts;
    t.db().run(Access::read, [&](Transaction& tx) {
      OrderQuery q;
      q.category_id = kCategory;
      q.placed_from = p.from;
      q.placed_until = p.until;
      facts = tx.orders().facts(q);
      return true;
    });
    return facts;
  };
  const auto hours = [&](int h) { return start + std::chrono::hours(h); };
  const Period periods[] = {
      {hours(-5), hours(19)},    // whole days only: Helsinki midnight to midnight
      {hours(2), hours(100)},    // partial first and last days around whole ones
      {hours(3), hours(12)},     // within one day
      {hours(10), hours(30)},    // two partial days, no whole one
      {hours(-100), hours(500)}  // every order
  };
  for (const auto& p : periods) {
    const auto facts = direct(p);
    EXPECT_EQ(made(category_scorecards(ordering, officer, kCategory, p)),
              compute_scorecards(facts));
    std::map<std::pair<std::string, std::string>, std::pair<int, long long>> spend, expected;
    for (const auto& r : made(spend_report(ordering, officer, "dps", p)))
      spend[{r.month, r.provider_id}] = {r.orders, r.payable_cents};
    for (const auto& f : facts) {
      auto& e = expected[{month_of(f.order.placed_at), f.order.provider_id}];
      e.first += 1;
      e.second += payable_cents(f.order, f.outcome);
    }
    EXPECT_EQ(spend, expected);
  }
  EXPECT_EQ(direct(periods[4]).size(), 20u);
  EXPECT_EQ(made(spend_report(ordering, officer, "dps", periods[4])).size(), 4u);  // 2 months
}

}  // namespace
}  // namespace tarjotin::testing
