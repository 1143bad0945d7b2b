// Orders: placement from a stored choice set, a retried request answered with its first order,
// places never overbooked, and each act on an order done only by the side whose act it is.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "tests/use_cases/ordering/world.hpp"

namespace tarjotin::testing {
namespace {

using namespace domain;

class Orders : public OrderingWorld {};

TEST_F(Orders, AnOrderFixesThePriceAndTheCustomersBandsTakesAPlaceAndIsAudited) {
  const auto o = offering(provider_a, 2);
  const auto id = customer("ASIAKAS-1");
  const auto set = choice_set(id);
  const long long before = audit_head();
  auto placed = place(set.set.id, o.id);
  ASSERT_TRUE(placed) << placed.error().detail;
  EXPECT_FALSE(placed->replayed);
  const Order& order = placed->view.order;
  EXPECT_EQ(order.state, OrderState::placed);
  EXPECT_EQ(order.provider_id, "provider-a");
  EXPECT_EQ(order.customer_id, id);
  EXPECT_EQ(order.unit_price_cents, 120'000);
  EXPECT_EQ(order.customer_unemployment, UnemploymentBand::from_3_to_12_months);
  EXPECT_EQ(order.customer_age, AgeBand::from_30_to_54);
  EXPECT_EQ(placed->view.names.customer_reference, "ASIAKAS-1");
  EXPECT_EQ(stored_orders(), std::vector<Order>{order});
  EXPECT_EQ(stored_offering(o.id).free_places, 1);
  EXPECT_EQ(read_choice_set(ordering, coach, set.set.id)->set.order_id, order.id);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "order.placed");
  EXPECT_EQ(events[0].event.after, "offering " + o.id + " at 120000 cents, position " +
                                       std::to_string(set.set.entries.at(0).position));
  // A later edit of the customer does not move the order to another band.
  auto older = customer_input("ASIAKAS-1");
  older.unemployment = UnemploymentBand::over_24_months;
  made(edit_customer(ordering, coach, id, older));
  EXPECT_EQ(made(read_order(ordering, coach, order.id)).order, order);
}

// Placing builds its answer from what it read to place the order; the answer must be what
// reading the order back shows, names and all.
TEST_F(Orders, ThePlacedOrdersAnswerIsWhatReadingItBackShows) {
  const auto o = offering(provider_a, 2);
  const auto set = choice_set(customer("ASIAKAS-1"));
  const auto placed = made(place(set.set.id, o.id)).view;
  const auto read = made(read_order(ordering, coach, placed.order.id));
  EXPECT_EQ(placed.order, read.order);
  EXPECT_EQ(placed.names, read.names);
  EXPECT_FALSE(placed.names.provider_name.empty());
  EXPECT_FALSE(placed.names.coaching_unit_name.empty());
  EXPECT_FALSE(placed.names.category_name.fi.empty());
  EXPECT_EQ(placed.payable_cents, read.payable_cents);
  EXPECT_EQ(placed.closing_report, read.closing_report);
  EXPECT_EQ(placed.outcomes, read.outcomes);
  EXPECT_EQ(placed.outcome, read.outcome);
  EXPECT_EQ(placed.feedback, read.feedback);
}

TEST_F(Orders, ARetryWithTheSameKeyAnswersTheFirstOrderAndChangesNothing) {
  const auto o = offering(provider_a, 5);
  const auto set = choice_set(customer("ASIAKAS-1"));
  const auto first = made(place(set.set.id, o.id, "retry-1"));
  const long long before = audit_head();
  auto again = place(set.set.id, o.id, "retry-1");
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->view.order, first.view.order);
  EXPECT_EQ(stored_orders().size(), 1u);
  EXPECT_EQ(stored_offering(o.id).free_places, 4);
  EXPECT_TRUE(audit_since(before).empty());
  // The same key for another order of the unit is a mistake the coach must hear of.
  auto other = domain::place_order(ordering, coach, {set.set.id, o.id, false, "", "retry-1"});
  ASSERT_FALSE(other);
  EXPECT_EQ(refusal(other.error()), "/Idempotency-Key idempotency-key-reused");
  // Keys are per unit: another unit's coach with the same key is not answered this order.
  const auto theirs = choice_set(customer("ASIAKAS-1", other_coach), other_coach);
  auto elsewhere = domain::place_order(ordering, other_coach,
                                       {theirs.set.id, o.id, true, "lähellä kotia", "retry-1"});
  ASSERT_TRUE(elsewhere);
  EXPECT_FALSE(elsewhere->replayed);
  EXPECT_NE(elsewhere->view.order.id, first.view.order.id);
}

TEST_F(Orders, AKeyThatIsNotVisibleAsciiIsRefusedBeforeAnythingIsStored) {
  const auto o = offering(provider_a, 5);
  const auto set = choice_set(customer("ASIAKAS-1"));
  const long long before = audit_head();
  for (const std::string& key :
       std::vector<std::string>{"with space", "ä", std::string(201, 'k')}) {
    auto refused = place(set.set.id, o.id, key);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).pointer, "/Idempotency-Key") << key;
  }
  EXPECT_EQ(refusal(place(set.set.id, o.id, "with space").error()), "/Idempotency-Key pattern");
  EXPECT_TRUE(stored_orders().empty());
  EXPECT_EQ(stored_offering(o.id).free_places, 5);
  EXPECT_TRUE(audit_since(before).empty());
  EXPECT_TRUE(place(set.set.id, o.id, "visible-ascii~key"));
}

TEST_F(Orders, AChoiceSetBacksOneOrderAndOnlyWhatItShowed) {
  const auto a = offering(provider_a, 5);
  const auto set = choice_set(customer("ASIAKAS-1"));
  const auto later = offering(provider_b, 5);  // not in the set
  auto not_shown = place(set.set.id, later.id);
  ASSERT_FALSE(not_shown);
  EXPECT_EQ(refusal(not_shown.error()), "/offering_id in-choice-set");
  made(place(set.set.id, a.id));
  auto second = place(set.set.id, a.id);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, "choice-set-used");
  auto theirs = domain::place_order(ordering, other_coach, {set.set.id, a.id, true, "", ""});
  ASSERT_FALSE(theirs);
  EXPECT_EQ(refusal(theirs.error()), "/choice_set_id choice-set");
  EXPECT_EQ(stored_orders().size(), 1u);
}

TEST_F(Orders, AnExpiredSetOrAChangedPriceSendsTheCoachBackToTheCustomer) {
  const auto o = offering(provider_a, 5);
  const auto expiring = choice_set(customer("ASIAKAS-1"));
  const auto repriced = choice_set(customer("ASIAKAS-2"));
  auto in = offering_input(5);
  in.unit_price_cents = 110'000;
  made(edit_offering(ordering, provider_a, o.id, in));
  auto changed = place(repriced.set.id, o.id);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, "price-changed");
  clock.advance(std::chrono::days(14));
  auto expired = place(expiring.set.id, o.id);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, "choice-set-expired");
  EXPECT_EQ(stored_offering(o.id).free_places, 5);
}

TEST_F(Orders, AnOfferingIsNeverOverbookedAndADeclineGivesThePlaceBack) {
  const auto o = offering(provider_a, 2);
  std::vector<std::string> sets;
  for (int i = 0; i < 3; ++i) sets.push_back(choice_set(customer("A-" + std::to_string(i))).set.id);
  const auto first = made(place(sets[0], o.id)).view.order;
  made(place(sets[1], o.id));
  auto third = place(sets[2], o.id);
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, "no-free-places");
  EXPECT_EQ(stored_offering(o.id).free_places, 0);
  EXPECT_EQ(stored_orders().size(), 2u);
  made(act(provider_a, first.id, OrderAct::decline, "Ei valmentajaa vapaana"));
  EXPECT_EQ(stored_offering(o.id).free_places, 1);
  EXPECT_TRUE(place(sets[2], o.id));
  EXPECT_EQ(stored_offering(o.id).free_places, 0);
}

TEST_F(Orders, CoachesRacingForTheLastPlacesGetExactlyThatMany) {
  const int places = 3, coaches = 8;
  const auto o = offering(provider_a, places);
  std::vector<std::string> sets;
  for (int i = 0; i < coaches; ++i)
    sets.push_back(choice_set(customer("A-" + std::to_string(i))).set.id);
  std::atomic<int> placed{0}, full{0};
  std::vector<std::thread> racing;
  for (const auto& set : sets)
    racing.emplace_back([&, set] {
      auto r = place(set, o.id);
      if (r)
        ++placed;
      else if (r.error().code == "no-free-places")
        ++full;
    });
  for (auto& t : racing) t.join();
  EXPECT_EQ(placed.load(), places);
  EXPECT_EQ(full.load(), coaches - places);
  EXPECT_EQ(stored_orders().size(), static_cast<std::size_t>(places));
  EXPECT_EQ(stored_offering(o.id).free_places, 0);
}

TEST_F(Orders, EachActIsDoneOnlyByTheSideWhoseActItIs) {
  const auto o = offering(provider_a, 5);
  const auto order = this->order(o, "ASIAKAS-1");
  auto by_coach = act(coach, order.id, OrderAct::accept);
  ASSERT_FALSE(by_coach);
  EXPECT_EQ(by_coach.error().kind, ErrorKind::forbidden);
  auto by_other_provider = act(provider_b, order.id, OrderAct::accept);
  ASSERT_FALSE(by_other_provider);
  EXPECT_EQ(by_other_provider.error().kind, ErrorKind::not_found);
  auto cancelled_by_provider = act(provider_a, order.id, OrderAct::cancel, "Ei käy");
  ASSERT_FALSE(cancelled_by_provider);
  EXPECT_EQ(cancelled_by_provider.error().kind, ErrorKind::forbidden);
  auto by_officer = act(officer, order.id, OrderAct::accept);
  ASSERT_FALSE(by_officer);
  EXPECT_EQ(by_officer.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(made(read_order(ordering, coach, order.id)).order.state, OrderState::placed);
}

TEST_F(Orders, AnOrderGoesFromPlacedToCompletedAndEachStepIsAudited) {
  const auto o = offering(provider_a, 5);
  const auto order = this->order(o, "ASIAKAS-1");
  const long long before = audit_head();
  clock.advance(std::chrono::hours(2));
  made(act(provider_a, order.id, OrderAct::accept));
  clock.advance(std::chrono::days(3));
  const auto started = clock.now();
  made(act(provider_a, order.id, OrderAct::start));
  auto cancel = act(coach, order.id, OrderAct::cancel, "Asiakas muutti");
  ASSERT_FALSE(cancel);
  EXPECT_EQ(cancel.error().code, "invalid-transition");
  clock.advance(std::chrono::days(40));
  const auto done = made(act(provider_a, order.id, OrderAct::complete));
  EXPECT_EQ(done.order.state, OrderState::completed);
  EXPECT_EQ(done.order.started_at, started);
  EXPECT_EQ(done.order.ended_at, clock.now());
  EXPECT_EQ(done.payable_cents, 120'000);
  EXPECT_EQ(made(read_order(ordering, officer, order.id)).order, done.order);
  EXPECT_EQ(actions_since(before),
            (std::vector<std::string>{"order.accepted", "order.started", "order.completed"}));
  EXPECT_EQ(audit_since(before).at(0).event.before, "placed");
}

TEST_F(Orders, ADeclineOrCancellationMustSayWhy) {
  const auto o = offering(provider_a, 5);
  const auto order = this->order(o, "ASIAKAS-1");
  auto declined = act(provider_a, order.id, OrderAct::decline, " ");
  ASSERT_FALSE(declined);
  EXPECT_EQ(refusal(declined.error()), "/reason required");
  auto cancelled = act(coach, order.id, OrderAct::cancel);
  ASSERT_FALSE(cancelled);
  EXPECT_EQ(refusal(cancelled.error()), "/reason required");
  const auto done = made(act(coach, order.id, OrderAct::cancel, "Asiakas sai töitä"));
  EXPECT_EQ(done.order.state, OrderState::cancelled);
  EXPECT_EQ(done.order.reason, "Asiakas sai töitä");
  EXPECT_EQ(stored_offering(o.id).free_places, 5);
}

// A page's customers are read together; each line still names its own order's customer, and
// only to those who may see them.
TEST_F(Orders, AListNamesEachOrdersOwnCustomer) {
  const auto a = offering(provider_a, 5);
  const auto first = order(a, "ASIAKAS-1");
  const auto second = order(a, "ASIAKAS-2");
  const auto third = order(a, "ASIAKAS-3");
  std::map<std::string, std::optional<std::string>> references;
  for (const auto& line : made(list_orders(ordering, coach, {})).items)
    references[line.order.id] = line.names.customer_reference;
  EXPECT_EQ(references,
            (std::map<std::string, std::optional<std::string>>{
                {first.id, "ASIAKAS-1"}, {second.id, "ASIAKAS-2"}, {third.id, "ASIAKAS-3"}}));
  const auto lines = made(list_orders(ordering, provider_a, {})).items;
  ASSERT_EQ(lines.size(), 3u);
  for (const auto& line : lines) {
    EXPECT_FALSE(line.names.customer_reference);  // the provider is not told who
    ASSERT_TRUE(line.names.customer_languages);   // but what the service must fit
    EXPECT_FALSE(line.names.customer_languages->empty());
  }
}

TEST_F(Orders, EachPartyListsOnlyTheOrdersItMaySee) {
  const auto a = offering(provider_a, 5);
  const auto b = offering(provider_b, 5);
  const auto to_a = order(a, "ASIAKAS-1");
  const auto to_b = order(b, "ASIAKAS-2");
  const auto ids = [&](const Actor& who, OrderQuery q = {}) {
    std::vector<std::string> out;
    for (const auto& line : made(list_orders(ordering, who, q)).items) out.push_back(line.order.id);
    std::sort(out.begin(), out.end());
    return out;
  };
  auto both = std::vector<std::string>{to_a.id, to_b.id};
  std::sort(both.begin(), both.end());
  EXPECT_EQ(ids(coach), both);
  EXPECT_TRUE(ids(other_coach).empty());
  EXPECT_EQ(ids(provider_a), std::vector<std::string>{to_a.id});
  // Even when a provider asks for another's orders.
  OrderQuery others;
  others.provider_id = "provider-b";
  EXPECT_EQ(ids(provider_a, others), std::vector<std::string>{to_a.id});
  auto per_dps = list_orders(ordering, officer, {});
  ASSERT_FALSE(per_dps);
  EXPECT_EQ(refusal(per_dps.error()), "/dps_id required");
  OrderQuery dps;
  dps.dps_id = "dps";
  EXPECT_EQ(ids(officer, dps), both);
  // The officer is not shown who the customer is.
  for (const auto& line : made(list_orders(ordering, officer, dps)).items) {
    EXPECT_FALSE(line.names.customer_reference);
    EXPECT_FALSE(line.names.customer_region);
  }
}

}  // namespace
}  // namespace tarjotin::testing
