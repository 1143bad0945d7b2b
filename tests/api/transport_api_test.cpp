// The connection layer, with raw bytes over real TLS: request smuggling guards, limits,
// keep-alive, protocol versions, plain mode and graceful stop.
#include <gtest/gtest.h>
#include <openssl/ssl.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>

#include <poll.h>
#include <sys/socket.h>
#include <csignal>

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

TEST(GracefulStop, OnSigtermReadinessFailsFirstWhileRequestsAreStillServed) {
  TestServer s(ServerTweaks{.drain_seconds = 2});
  s.server().handle_signals();
  ASSERT_EQ(s.client().get("/readyz").status, 200u);
  std::raise(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto readiness = s.client().get("/readyz");
  EXPECT_EQ(readiness.status, 503u);
  EXPECT_EQ(readiness.problem_type(), "stopping");
  EXPECT_EQ(s.client().get("/healthz").status, 200u) << "new connections are still served";
  s.server().wait();  // and after the pause the server stops by itself
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

// A plain TCP connection from `source` that sends `bytes` first (a PROXY header, a partial
// request) and is then held open.
std::unique_ptr<beast::tcp_stream> hold(net::io_context& ioc, unsigned short port,
                                        const std::string& bytes = "",
                                        const std::string& source = "127.0.0.1") {
  auto stream = std::make_unique<beast::tcp_stream>(ioc);
  stream->socket().open(net::ip::tcp::v4());
  stream->socket().bind({net::ip::make_address(source), 0});
  stream->connect({net::ip::make_address("127.0.0.1"), port});
  if (!bytes.empty()) net::write(stream->socket(), net::buffer(bytes));
  return stream;
}

// How long until the server closes `stream`, waiting at most `wait`; `wait` itself when it
// stays open. (Beast's timeouts hold for asynchronous reads only, hence poll.)
std::chrono::milliseconds time_to_close(beast::tcp_stream& stream, std::chrono::seconds wait) {
  const auto started = std::chrono::steady_clock::now();
  const auto deadline = started + wait;
  char chunk[512];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return wait;
    pollfd ready{stream.socket().native_handle(), POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left.count())) == 0) return wait;
    if (::recv(ready.fd, chunk, sizeof chunk, 0) <= 0) break;
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               started);
}

// A counter's value once it reaches `expected` or a second passes: the server counts a cut-off
// client in the handler that runs after the socket closed, a moment after the client saw it.
long metric(TestServer& s, const std::string& line_start, long expected = 1) {
  long value = -1;
  for (int i = 0; i < 100 && value != expected; ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const auto text = s.runtime().metrics().render();
    const auto at = text.find("\n" + line_start + " ");
    value = at == std::string::npos ? -1 : std::stol(text.substr(at + line_start.size() + 2));
  }
  return value;
}

TEST(ConnectionLimit, OneAddressHoldsItsShareAndAnotherAddressIsStillServed) {
  TestServer s(ServerTweaks{.max_connections_per_address = 3});
  net::io_context ioc;
  std::vector<std::unique_ptr<beast::tcp_stream>> held;
  for (int i = 0; i < 3; ++i) held.push_back(hold(ioc, s.port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto extra = hold(ioc, s.port());
  EXPECT_LT(time_to_close(*extra, std::chrono::seconds(3)), std::chrono::seconds(1));
  EXPECT_EQ(s.client().from("127.0.0.2").get("/healthz").status, 200u);
  EXPECT_EQ(metric(s, R"(tarjotin_refused_connections_total{reason="address_limit"})"), 1);
  held.pop_back();  // one closed: the address may open one again
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(s.client().get("/healthz").status, 200u);
}

TEST(TransportEndings, EachEndingWithoutAnAnswerIsCountedByStageAndKind) {
  TestServer s;
  net::io_context ioc;
  // Plain HTTP to the TLS port, and a client offering only TLS 1.1: failed handshakes.
  auto plain = hold(ioc, s.port(), "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
  EXPECT_LT(time_to_close(*plain, std::chrono::seconds(5)), std::chrono::seconds(5));
  EXPECT_FALSE(handshake_succeeds(s.port(), TLS1_1_VERSION));
  EXPECT_EQ(
      metric(s, R"(tarjotin_connection_endings_total{stage="handshake",ending="protocol"})", 2), 2);
  // A TLS client that asks once and drops the connection without close_notify (as browsers
  // do): a normal ending, read "truncated".
  {
    net::ssl::context ctx(net::ssl::context::tls_client);
    ctx.set_verify_mode(net::ssl::verify_none);
    beast::ssl_stream<beast::tcp_stream> tls(ioc, ctx);
    beast::get_lowest_layer(tls).connect({net::ip::make_address("127.0.0.1"), s.port()});
    tls.handshake(net::ssl::stream_base::client);
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
    net::write(tls, net::buffer(request));
    char answer[256];
    EXPECT_GT(tls.read_some(net::buffer(answer)), 0u);
    beast::get_lowest_layer(tls).socket().close();
  }
  EXPECT_EQ(metric(s, R"(tarjotin_connection_endings_total{stage="read",ending="truncated"})"), 1);
  EXPECT_EQ(metric(s, R"(tarjotin_connection_endings_total{stage="write",ending="other"})", 0), 0);
}

TEST(SlowClients, AHeadTrickledInIsCutAtTheHeadTimeoutNotTheIdleOne) {
  TestServer s(
      ServerTweaks{.plain_http = true, .idle_timeout_seconds = 30, .head_timeout_seconds = 1});
  net::io_context ioc;
  auto idle = hold(ioc, s.port());
  auto trickling = hold(ioc, s.port(), "GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
  EXPECT_LT(time_to_close(*trickling, std::chrono::seconds(5)), std::chrono::seconds(3));
  EXPECT_EQ(time_to_close(*idle, std::chrono::seconds(2)), std::chrono::seconds(2))
      << "a keep-alive connection with nothing begun has the idle timeout";
  EXPECT_EQ(metric(s, R"(tarjotin_slow_clients_cut_total{stage="head"})"), 1);
}

TEST(SlowClients, AStalledTlsHandshakeIsCutAtTheHeadTimeout) {
  TestServer s(ServerTweaks{.head_timeout_seconds = 1});
  net::io_context ioc;
  const char partial_hello[] = {0x16, 0x03, 0x01, 0x02};
  auto stalled = hold(ioc, s.port(), std::string(partial_hello, sizeof partial_hello));
  EXPECT_LT(time_to_close(*stalled, std::chrono::seconds(5)), std::chrono::seconds(3));
  EXPECT_EQ(metric(s, R"(tarjotin_slow_clients_cut_total{stage="handshake"})"), 1);
}

TEST(SlowClients, ABodyBelowTheMinimumRateIsCutAndOneAtTheRateIsAnswered) {
  TestServer s(ServerTweaks{
      .plain_http = true, .head_timeout_seconds = 1, .min_body_bytes_per_second = 1000});
  net::io_context ioc;
  const std::string head =
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
      "Content-Length: 3000\r\n\r\n";
  auto slow = hold(ioc, s.port(), head);
  const auto started = std::chrono::steady_clock::now();
  beast::error_code ec;
  for (int i = 0; i < 30 && !ec; ++i) {  // 20 bytes every 200 ms: 100 bytes/s
    net::write(slow->socket(), net::buffer(std::string(20, ' ')), ec);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_TRUE(ec) << "a body at 100 bytes/s was still taken after 6 s";
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
  EXPECT_EQ(metric(s, R"(tarjotin_slow_clients_cut_total{stage="body"})"), 1);

  // 3,000 bytes at 2,000 bytes/s: 1.5 s, past the 1 s start but within what the rate earns.
  auto steady = hold(ioc, s.port(), head);
  for (int i = 0; i < 15; ++i) {
    net::write(steady->socket(), net::buffer(std::string(i == 14 ? 199 : 200, ' ')));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  net::write(steady->socket(), net::buffer(std::string("{")));
  std::string reply(512, '\0');
  steady->expires_after(std::chrono::seconds(5));
  reply.resize(steady->read_some(net::buffer(reply)));
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;  // answered: the JSON is cut short
}

TEST(SlowClients, UploadsBeyondTheCapAreRefusedWithRetryAfter) {
  TestServer s(
      ServerTweaks{.plain_http = true, .head_timeout_seconds = 2, .max_concurrent_uploads = 1});
  net::io_context ioc;
  const std::string head =
      "POST /v1/applications/x/attachments HTTP/1.1\r\nHost: localhost\r\n"
      "Content-Type: application/pdf\r\nContent-Length: 100000\r\n\r\n%PDF-";
  auto first = hold(ioc, s.port(), head);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const std::string reply = s.client().raw(head);
  EXPECT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
  EXPECT_NE(reply.find("Retry-After: 5"), std::string::npos) << reply;
  EXPECT_NE(reply.find("uploads-busy"), std::string::npos) << reply;
  first.reset();  // the first upload gone, its place is free again
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(s.client().raw(head).find("uploads-busy"), std::string::npos);
}

TEST(ProxyProtocol, TheClientNamedByATrustedBalancerIsTheOneCounted) {
  TestServer s(ServerTweaks{
      .plain_http = true, .max_connections_per_address = 1, .proxy_protocol_from = {"127.0.0.1"}});
  net::io_context ioc;
  const auto via = [](const std::string& client) {
    return "PROXY TCP4 " + client + " 127.0.0.1 40000 443\r\n";
  };
  auto first = hold(ioc, s.port(), via("192.0.2.9"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto same_client = hold(ioc, s.port(), via("192.0.2.9"));
  EXPECT_LT(time_to_close(*same_client, std::chrono::seconds(3)), std::chrono::seconds(1));
  auto other = hold(ioc, s.port(), via("192.0.2.10") + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string reply(512, '\0');
  other->expires_after(std::chrono::seconds(3));
  reply.resize(other->read_some(net::buffer(reply)));
  EXPECT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply;
  // The balancer's address is trusted only to name a client, never to speak without one.
  auto no_header = hold(ioc, s.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_LT(time_to_close(*no_header, std::chrono::seconds(3)), std::chrono::seconds(1));
  // An untrusted peer's PROXY header is only a malformed request.
  const auto untrusted = s.client().from("127.0.0.2").raw(via("192.0.2.11"));
  EXPECT_EQ(untrusted.rfind("HTTP/1.1 400", 0), 0u) << untrusted;
}

}  // namespace
}  // namespace tarjotin::testing
