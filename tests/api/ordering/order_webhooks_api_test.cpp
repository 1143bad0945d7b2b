// A provider's webhook told of its orders over the same signed, retried delivery as the
// competition's notifications, and no other provider's webhook told of them.
#include <gtest/gtest.h>

#include "crypto/tender_seal.hpp"
#include "server/webhook_delivery.hpp"
#include "tests/api/ordering/ordering_world.hpp"
#include "tests/api/support/webhook_receiver.hpp"

namespace tarjotin::testing {
namespace {

class OrderWebhooks : public Ordering {
 protected:
  // The test receivers listen on loopback.
  OrderWebhooks() : Ordering(ServerTweaks{.webhook_allow_private_addresses = true}) {}

  // The provider's webhook set to `receiver`; its signing secret.
  std::string hook(const TestServer::Member& provider, const Receiver& receiver) {
    const auto r = api.request(http::verb::put, "/v1/webhook",
                               R"({"url":")" + receiver.url() + R"("})", provider.token);
    EXPECT_EQ(r.status, 200u) << r.body;
    return field(r, "secret");
  }
  int deliver() {
    return server::deliver_due_webhooks(server.runtime().competitions(),
                                        server.runtime().webhooks());
  }
};

TEST_F(OrderWebhooks, TheProviderReceivesASignedEventForAnOrderPlacedAndNoOtherProviderDoes) {
  Receiver ours({}), theirs({});
  const auto secret = hook(providers[0], ours);
  hook(providers[1], theirs);
  const auto offering = offer(providers[0], 5);
  const auto placed = order(choice_set(customer("ASIAKAS-8001", coach.token)), offering);
  ASSERT_EQ(placed.status, 201u) << placed.body;
  EXPECT_EQ(deliver(), 1);
  const auto got = ours.received();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].signature, "sha256=" + crypto::hmac_sha256_hex(secret, got[0].body));
  EXPECT_EQ(schema_violation("order-event", got[0].body), "") << got[0].body;
  const HttpResult event{200, got[0].body, {}};
  EXPECT_EQ(field(event, "id"), got[0].event);
  EXPECT_EQ(field(event, "kind"), "order.placed");
  EXPECT_EQ(field(event, "order_id"), field(placed, "id"));
  EXPECT_EQ(field(event, "offering_id"), offering);
  EXPECT_EQ(field(event, "state"), "placed");
  EXPECT_EQ(got[0].body.find("ASIAKAS"), std::string::npos);
  EXPECT_TRUE(theirs.received().empty());
  // Delivered once: the next round has nothing to send.
  EXPECT_EQ(deliver(), 0);
  EXPECT_EQ(ours.received().size(), 1u);
  // The provider's own act is told too, to its own webhook only.
  ASSERT_EQ(act(field(placed, "id"), "accept", providers[0].token).status, 200u);
  EXPECT_EQ(deliver(), 1);
  ASSERT_EQ(ours.received().size(), 2u);
  EXPECT_EQ(field(HttpResult{200, ours.received()[1].body, {}}, "kind"), "order.accepted");
  EXPECT_TRUE(theirs.received().empty());
}

}  // namespace
}  // namespace tarjotin::testing
