// The connection layer, with raw bytes over real TLS: request smuggling guards, limits,
// keep-alive, protocol versions, plain mode and graceful stop.
#include <gtest/gtest.h>
#include <openssl/ssl.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>

#include <thread>

#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;

// A request that would create a provider if it ever ran: the smuggling tests hide it behind an
// ambiguous first request and then check that no such provider exists.
std::string smuggled_registration() {
  const std::string body =
      R"({"organisation":{"name":"Smuggled Oy","business_id":"0737546-2"},)"
      R"("user":{"email":"smuggled@example.fi","display_name":"S","password":"correct horse battery"}})";
  return "POST /v1/provider-registrations HTTP/1.1\r\nHost: localhost\r\n"
         "Content-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

class Transport : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();

  void expect_refused_and_nothing_smuggled(const std::string& head_and_body) {
    const std::string reply = api.raw(head_and_body + smuggled_registration());
    EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
    EXPECT_EQ(count(reply, "HTTP/1.1 "), 1) << "the connection must close after the refusal";
    EXPECT_NE(reply.find("application/problem+json"), std::string::npos) << reply;
    const auto signin = api.post(
        "/v1/sessions", R"({"email":"smuggled@example.fi","password":"correct horse battery"})");
    EXPECT_EQ(signin.status, 401u) << "the smuggled request ran";
    EXPECT_EQ(server.runtime().db().verify_audit_chain().events, 0);
  }
};

TEST_F(Transport, GzipTransferEncodingWithContentLengthIsRefused) {
  expect_refused_and_nothing_smuggled(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n"
      "Content-Length: 2\r\nContent-Type: application/json\r\n\r\n{}");
}

TEST_F(Transport, ChunkedThenGzipIsRefused) {
  expect_refused_and_nothing_smuggled(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked, gzip\r\n"
      "Content-Type: application/json\r\n\r\n");
}

TEST_F(Transport, ChunkedWithContentLengthIsRefused) {
  expect_refused_and_nothing_smuggled(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
      "Content-Length: 5\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n");
}

TEST_F(Transport, DuplicateContentLengthIsRefused) {
  const std::string reply = api.raw(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
      "Content-Length: 2\r\nContent-Type: application/json\r\n\r\n{}" +
      smuggled_registration());
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_EQ(count(reply, "HTTP/1.1 "), 1);
  EXPECT_EQ(api.post("/v1/sessions",
                     R"({"email":"smuggled@example.fi","password":"correct horse battery"})")
                .status,
            401u);
}

TEST_F(Transport, SignedContentLengthIsRefused) {
  const std::string reply = api.raw(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Length: +2\r\n"
      "Content-Type: application/json\r\n\r\n{}" +
      smuggled_registration());
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_EQ(count(reply, "HTTP/1.1 "), 1);
}

TEST_F(Transport, PlainChunkedBodyIsAccepted) {
  const std::string body = R"({"email":"a@b.fi","password":"wrong password!"})";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size());
  const std::string reply = api.raw(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
      "Content-Type: application/json\r\nConnection: close\r\n\r\n" +
      std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 401", 0), 0u) << reply;
}

TEST_F(Transport, KeepAliveAnswersPipelinedRequestsInOrder) {
  const std::string reply = api.raw(
      "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
      "GET /v1/nothing HTTP/1.1\r\nHost: localhost\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  ASSERT_EQ(count(reply, "HTTP/1.1 "), 3) << reply;
  const auto first = reply.find("HTTP/1.1 200");
  const auto second = reply.find("HTTP/1.1 404");
  EXPECT_LT(first, second);
  EXPECT_NE(reply.find("HTTP/1.1 200", second), std::string::npos);
}

TEST_F(Transport, OversizedHeaderIs431) {
  const std::string reply =
      api.raw("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + std::string(9000, 'x') +
              "\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 431", 0), 0u) << reply.substr(0, 200);
}

TEST_F(Transport, GarbageIsAnswered400AndClosed) {
  const std::string reply = api.raw("HELLO THERE\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
}

bool handshake_succeeds(unsigned short port, int max_version) {
  net::io_context ioc;
  net::ssl::context ctx(net::ssl::context::tls_client);
  ctx.set_verify_mode(net::ssl::verify_none);
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_VERSION);
  SSL_CTX_set_max_proto_version(ctx.native_handle(), max_version);
  // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level on the client too.
  SSL_CTX_set_security_level(ctx.native_handle(), 0);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(5));
  beast::get_lowest_layer(stream).connect({net::ip::make_address("127.0.0.1"), port});
  beast::error_code ec;
  stream.handshake(net::ssl::stream_base::client, ec);
  return !ec;
}

TEST_F(Transport, TlsBelow12IsRefusedAnd12And13Work) {
  EXPECT_FALSE(handshake_succeeds(server.port(), TLS1_1_VERSION));
  EXPECT_FALSE(handshake_succeeds(server.port(), TLS1_VERSION));
  EXPECT_TRUE(handshake_succeeds(server.port(), TLS1_2_VERSION));
  EXPECT_TRUE(handshake_succeeds(server.port(), TLS1_3_VERSION));
}

TEST_F(Transport, ClientSendingAWholeOversizedBodyReadsThe413) {
  // Most clients write the whole body before they read: the answer must survive that, not be
  // lost to a reset because the server closed with the body unread.
  const std::string body(1024 * 1024, 'x');
  const std::string reply = api.raw(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 200);
  EXPECT_NE(reply.find("urn:tarjotin:problem:body-too-large"), std::string::npos);
  EXPECT_EQ(count(reply, "HTTP/1.1 "), 1) << "the connection closes after the refusal";
}

TEST_F(Transport, AnswersCarryHsts) {
  EXPECT_EQ(api.get("/healthz").header("Strict-Transport-Security"), "max-age=63072000");
}

TEST(PlainTransport, PlainHttpServesWhenAskedAndSendsNoHsts) {
  TestServer plain(ServerTweaks{.plain_http = true});
  const auto r = plain.client().get("/healthz");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.header("Strict-Transport-Security"), "");
}

TEST(GracefulStop, IdleKeepAliveConnectionDoesNotHoldTheStopBack) {
  TestServer s(ServerTweaks{.idle_timeout_seconds = 300});
  net::io_context ioc;
  net::ssl::context ctx(net::ssl::context::tls_client);
  ctx.set_verify_mode(net::ssl::verify_none);
  beast::ssl_stream<beast::tcp_stream> idle(ioc, ctx);
  beast::get_lowest_layer(idle).connect({net::ip::make_address("127.0.0.1"), s.port()});
  idle.handshake(net::ssl::stream_base::client);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto started = std::chrono::steady_clock::now();
  s.server().stop();
  s.server().wait();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST(ConnectionLimit, ConnectionsBeyondTheLimitAreClosedAtOnce) {
  TestServer s(ServerTweaks{.max_connections = 2});
  net::io_context ioc;
  std::vector<std::unique_ptr<beast::tcp_stream>> held;
  for (int i = 0; i < 2; ++i) {
    held.push_back(std::make_unique<beast::tcp_stream>(ioc));
    held.back()->connect({net::ip::make_address("127.0.0.1"), s.port()});
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  beast::tcp_stream extra(ioc);
  extra.connect({net::ip::make_address("127.0.0.1"), s.port()});
  extra.expires_after(std::chrono::seconds(3));
  char byte;
  beast::error_code ec;
  extra.read_some(net::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec == net::error::eof || ec == net::error::connection_reset) << ec.message();
  held.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(s.client().get("/healthz").status, 200u);
}

TEST(SlowClients, ManyHalfOpenConnectionsDoNotStopOthersBeingServed) {
  TestServer s;
  net::io_context ioc;
  // 300 clients that connect and then stall: half say nothing, half send the first bytes of a
  // TLS record and stop. Every one holds a connection; none may hold a worker.
  std::vector<std::unique_ptr<beast::tcp_stream>> stalled;
  const char partial_hello[] = {0x16, 0x03, 0x01, 0x02};
  for (int i = 0; i < 300; ++i) {
    stalled.push_back(std::make_unique<beast::tcp_stream>(ioc));
    stalled.back()->connect({net::ip::make_address("127.0.0.1"), s.port()});
    if (i % 2) net::write(stalled.back()->socket(), net::buffer(partial_hello));
  }
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(s.client().get("/healthz").status, 200u);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

}  // namespace
}  // namespace tarjotin::testing
