// Webhooks over HTTPS: delivered signed, retried, never repeated, refused early when the sender
// would refuse them, and given up on when the receiver never answers.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <thread>

#include "crypto/tender_seal.hpp"
#include "domain/competition/notifications.hpp"
#include "server/webhook_delivery.hpp"
#include "tests/api/competition/competition_world.hpp"
#include "tests/api/support/webhook_receiver.hpp"

namespace tarjotin::testing {
namespace {

TEST_F(Competitions, WebhooksArriveSignedAreRetriedAndNeverRepeated) {
  Receiver receiver({500});  // fails once, then accepts
  const auto hook = api.request(http::verb::put, "/v1/webhook",
                                R"({"url":")" + receiver.url() + R"("})", providers[0].token);
  ASSERT_EQ(hook.status, 200u) << hook.body;
  const auto secret = field(hook, "secret");
  // Kept sealed at rest: the database never holds the secret in the clear.
  std::string stored;
  server.database().db().with_session(
      [&](soci::session& sql) { sql << "SELECT secret FROM webhooks", soci::into(stored); });
  EXPECT_TRUE(stored.starts_with(domain::kSealedSecretPrefix)) << stored;
  EXPECT_EQ(stored.find(secret), std::string::npos);
  publish();

  // A sender with the default rule refuses loopback URLs; the test receiver lives there.
  server::HttpWebhookSender guarded;
  EXPECT_EQ(guarded.post(receiver.url(), {}, "{}").error, "refusing to post to a private address");
  EXPECT_TRUE(receiver.received().empty());
  auto& sender = server.runtime().webhooks();
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(), sender), 0);
  ASSERT_EQ(receiver.received().size(), 1u);
  // Not due again until the backoff has passed.
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(), sender), 0);
  EXPECT_EQ(receiver.received().size(), 1u);
  // The provider sees the failed attempt and when it is tried again, never the secret.
  const auto status = api.get("/v1/webhook", providers[0].token);
  ASSERT_EQ(status.status, 200u) << status.body;
  EXPECT_EQ(schema_violation("webhook-status", status.body), "");
  EXPECT_EQ(status.body.find(secret), std::string::npos);
  EXPECT_EQ(field(status, "url"), receiver.url());
  const auto status_json = status.json();
  const auto& deliveries = status_json["deliveries"];
  ASSERT_EQ(deliveries.Size(), 1u);
  EXPECT_STREQ(deliveries[0]["state"].GetString(), "retrying");
  EXPECT_EQ(deliveries[0]["attempts"].GetInt(), 1);
  EXPECT_STREQ(deliveries[0]["last_error"].GetString(), "HTTP 500");
  EXPECT_TRUE(deliveries[0]["next_attempt_at"].IsString());
  server.clock().advance(std::chrono::seconds(31));
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(), sender), 1);
  const auto delivered = api.get("/v1/webhook", providers[0].token).json();
  EXPECT_STREQ(delivered["deliveries"][0]["state"].GetString(), "delivered");
  EXPECT_TRUE(delivered["deliveries"][0]["next_attempt_at"].IsNull());

  const auto got = receiver.received();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].event, got[1].event);
  EXPECT_EQ(got[1].signature, "sha256=" + crypto::hmac_sha256_hex(secret, got[1].body));
  EXPECT_NE(got[1].body.find("competition.invited"), std::string::npos);

  // A restarted server (a new process on the same database) has nothing left to send.
  server::Log quiet(server::LogLevel::error);
  server::Config config;
  config.database_url = server.database().url();
  config.scrypt_log2_n = 10;
  config.documents_dir = "/tmp";
  config.tender_key_file = "/tmp/tarjotin-test-replica.key";
  server::Runtime restarted(config, quiet, &server.clock());
  server.clock().advance(std::chrono::hours(24));
  EXPECT_EQ(server::deliver_due_webhooks(restarted.competitions(), sender), 0);
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(), sender), 0);
  EXPECT_EQ(receiver.received().size(), 2u);
}

TEST_F(Competitions, AWebhookWhoseAttemptsAreUsedUpShowsAsFailed) {
  Receiver receiver({503, 503});
  ASSERT_EQ(api.request(http::verb::put, "/v1/webhook", R"({"url":")" + receiver.url() + R"("})",
                        providers[0].token)
                .status,
            200u);
  publish();
  server::DeliveryPolicy twice;
  twice.max_attempts = 2;
  server::deliver_due_webhooks(server.runtime().competitions(), server.runtime().webhooks(), twice);
  server.clock().advance(std::chrono::hours(1));
  server::deliver_due_webhooks(server.runtime().competitions(), server.runtime().webhooks(), twice);
  const auto status = api.get("/v1/webhook", providers[0].token).json();
  EXPECT_STREQ(status["deliveries"][0]["state"].GetString(), "failed");
  EXPECT_EQ(status["deliveries"][0]["attempts"].GetInt(), 2);
  EXPECT_TRUE(status["deliveries"][0]["next_attempt_at"].IsNull());
  server.clock().advance(std::chrono::hours(24 * 365));
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(),
                                         server.runtime().webhooks(), twice),
            0);
  EXPECT_EQ(receiver.received().size(), 2u);
}

// An installation with the default rule: a URL the sender would refuse is refused when set.
TEST(Webhooks, AUrlTheSenderWouldRefuseIsRefusedWhenSetAndNothingChanges) {
  TestServer server;
  auto api = server.client();
  const auto provider =
      server.add_member(OrganisationKind::provider, Role::provider, finnish_business_id(901));
  const auto before = api.get("/v1/webhook", provider.token);
  ASSERT_EQ(before.status, 200u) << before.body;
  EXPECT_TRUE(before.json()["url"].IsNull());
  EXPECT_EQ(schema_violation("webhook-status", before.body), "");

  for (const std::string url :
       {"https://127.0.0.1/hook", "http://localhost:8080/hook", "https://[::1]/hook",
        "https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://172.16.5.5/hook",
        "http://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook",
        "https://192.0.2.10/hook", "https://[fd00::1]/hook", "https://[::ffff:10.0.0.1]/hook",
        "https://0.0.0.0/hook", "https://host.invalid/hook"}) {
    const auto refused =
        api.request(http::verb::put, "/v1/webhook", R"({"url":")" + url + R"("})", provider.token);
    EXPECT_EQ(refused.status, 422u) << url << ": " << refused.body;
    EXPECT_NE(refused.body.find(R"("pointer":"/url")"), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find(R"("rule":"deliverable")"), std::string::npos) << refused.body;
  }
  EXPECT_TRUE(api.get("/v1/webhook", provider.token).json()["url"].IsNull());

  const auto set = api.request(http::verb::put, "/v1/webhook",
                               R"({"url":"https://93.184.215.14/tarjotin"})", provider.token);
  EXPECT_EQ(set.status, 200u) << set.body;
  EXPECT_STREQ(api.get("/v1/webhook", provider.token).json()["url"].GetString(),
               "https://93.184.215.14/tarjotin");
}

TEST(WebhookSender, GivesUpOnAReceiverThatNeverAnswers) {
  // A listening socket that is never accepted: the kernel completes the TCP handshake and then
  // nothing more happens, as with a receiver that hangs.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  server::HttpWebhookSender sender(/*allow_private_addresses=*/true, std::chrono::seconds(1));
  const auto started = std::chrono::steady_clock::now();
  const auto answer = sender.post(
      "http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()) + "/", {}, "{}");
  EXPECT_EQ(answer.status, 0u);
  EXPECT_NE(answer.error.find("no answer"), std::string::npos) << answer.error;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

}  // namespace
}  // namespace tarjotin::testing
