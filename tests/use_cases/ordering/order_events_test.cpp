// What a provider's webhook is told of its orders: one event per change, queued with the change,
// to the order's provider alone, carrying nothing of the customer.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/competition/ports.hpp"
#include "domain/ordering/events.hpp"
#include "tests/use_cases/ordering/world.hpp"

namespace tarjotin::testing {
namespace {

using namespace domain;

class OrderEvents : public OrderingWorld {
 protected:
  void SetUp() override {
    OrderingWorld::SetUp();
    write([&](Transaction& tx) {
      for (const char* p : {"provider-a", "provider-b"})
        tx.notifications().put_webhook({p, "https://example.org/hook", "secret", at(0)});
    });
  }
  // The kinds queued for `provider`, sorted: the clock stands still, so their times tie.
  std::vector<std::string> kinds(const std::string& provider) {
    std::vector<std::string> out;
    for (const auto& e : events(provider)) out.push_back(e.kind);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<OutboxEvent> events(const std::string& provider) {
    std::vector<OutboxEvent> out;
    t.db().run(Access::read, [&](Transaction& tx) {
      out = tx.notifications().recent_events(provider, 100);
      return true;
    });
    return out;
  }
  OutcomeInput outcome() const {
    return {OutcomeType::studies, helsinki_date(clock.now()), "aloitti opinnot"};
  }
};

TEST_F(OrderEvents, EachChangeOfAnOrderQueuesOneEventForItsProviderAlone) {
  const auto o = offering(provider_a, 5);
  const auto order = this->order(o, "ASIAKAS-1");
  EXPECT_EQ(kinds("provider-a"), std::vector<std::string>{"order.placed"});
  deliver(provider_a, order.id);
  made(write_closing_report(ordering, provider_a, order.id,
                            {"Valmennusta", "Työpaikka", "Seuranta", false, ""}));
  made(write_closing_report(ordering, provider_a, order.id,
                            {"Valmennusta", "Työpaikka", "Seuranta", true, "Lisää tukea"}));
  made(record_outcome(ordering, provider_a, order.id, outcome()));  // a proposal: no event
  made(record_outcome(ordering, coach, order.id, outcome()));
  const auto declined = this->order(o, "ASIAKAS-2");
  made(act(provider_a, declined.id, OrderAct::decline, "ei tilaa"));
  EXPECT_EQ(
      kinds("provider-a"),
      (std::vector<std::string>{
          "closing_report.revised", "closing_report.written", "order.accepted", "order.completed",
          "order.declined", "order.placed", "order.placed", "order.started", "outcome.recorded"}));
  EXPECT_TRUE(events("provider-b").empty());
  for (const auto& e : events("provider-a")) {
    EXPECT_EQ(e.organisation_id, "provider-a");
    EXPECT_EQ(e.attempts, 0);
    EXPECT_EQ(e.next_attempt_at, e.created_at);  // due at once
    // The municipality code as a JSON string: the event's random ids may hold its digits.
    for (const std::string& about_the_customer :
         {order.customer_id, declined.customer_id, std::string("ASIAKAS"), std::string("\"297\""),
          std::string("ei tilaa"), std::string("lähellä kotia"), std::string("opinnot"),
          std::string("Työpaikka")})
      EXPECT_EQ(e.body.find(about_the_customer), std::string::npos) << e.body;
  }
}

TEST_F(OrderEvents, AnEventCarriesIdsKindTimesAndTheState) {
  const auto o = offering(provider_a, 5);
  const auto order = this->order(o, "ASIAKAS-1");
  const auto queued = events("provider-a");
  ASSERT_EQ(queued.size(), 1u);
  const std::string placed = std::to_string(to_micros(order.placed_at));
  EXPECT_EQ(queued[0].body, "{\"id\":\"" + queued[0].id +
                                "\",\"kind\":\"order.placed\",\"order_id\":\"" + order.id +
                                "\",\"offering_id\":\"" + o.id +
                                "\",\"category_id\":\"coaching\",\"state\":\"placed\","
                                "\"placed_at_us\":" +
                                placed + ",\"created_at_us\":" + placed + "}");
}

TEST_F(OrderEvents, ARefusedActQueuesNothing) {
  const auto o = offering(provider_a, 5);
  const auto order = this->order(o, "ASIAKAS-1");
  ASSERT_FALSE(act(provider_b, order.id, OrderAct::accept));
  ASSERT_FALSE(act(provider_a, order.id, OrderAct::complete));  // not started
  EXPECT_EQ(kinds("provider-a"), std::vector<std::string>{"order.placed"});
  EXPECT_TRUE(events("provider-b").empty());
}

class OrderEventsWithoutWebhook : public OrderEvents {
 protected:
  void SetUp() override { OrderingWorld::SetUp(); }
};

TEST_F(OrderEventsWithoutWebhook, AProviderWithoutAWebhookHasNothingQueued) {
  const auto order = this->order(offering(provider_a, 5), "ASIAKAS-1");
  made(act(provider_a, order.id, OrderAct::accept));
  EXPECT_TRUE(events("provider-a").empty());
}

}  // namespace
}  // namespace tarjotin::testing
