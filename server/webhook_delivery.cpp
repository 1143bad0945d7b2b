#include "server/webhook_delivery.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <variant>

#include "crypto/tender_seal.hpp"
#include "domain/competition/notifications.hpp"
#include "server/within_time.hpp"

namespace tarjotin::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Url {
  bool tls = false;
  std::string host, port, target;
};

std::optional<Url> parse_url(const std::string& url) {
  Url u;
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    u.tls = true;
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  u.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  const auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    u.host = authority.substr(0, colon);
    u.port = authority.substr(colon + 1);
  } else {
    u.host = authority;
    u.port = u.tls ? "443" : "80";
  }
  if (u.host.empty()) return std::nullopt;
  return u;
}

bool is_private(const net::ip::address& a) {
  if (a.is_loopback() || a.is_unspecified() || a.is_multicast()) return true;
  if (a.is_v6()) {
    const auto v6 = a.to_v6();
    if (v6.is_v4_mapped()) return is_private(net::ip::make_address_v4(net::ip::v4_mapped, v6));
    const auto b = v6.to_bytes();
    const bool nat64 =
        b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b;  // 64:ff9b::/96
    const bool six_to_four = b[0] == 0x20 && b[1] == 0x02;             // 2002::/16
    const bool documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8;
    return v6.is_link_local() || v6.is_site_local() || (b[0] & 0xfe) == 0xfc ||  // fc00::/7
           nat64 || six_to_four || documentation;                                // 2001:db8::/32
  }
  const auto b = a.to_v4().to_bytes();
  return b[0] == 10 || b[0] == 127 || (b[0] == 172 && (b[1] & 0xf0) == 16) ||
         (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) ||
         (b[0] == 100 && (b[1] & 0xc0) == 64) ||                              // CGNAT 100.64/10
         (b[0] == 192 && b[1] == 0 && b[2] == 0) ||                           // 192.0.0.0/24
         (b[0] == 198 && (b[1] & 0xfe) == 18) || b[0] >= 240 || b[0] == 0 ||  // 198.18/15, 240/4
         (b[0] == 192 && b[1] == 0 && b[2] == 2) ||                           // documentation:
         (b[0] == 198 && b[1] == 51 && b[2] == 100) ||                        // 192.0.2/24,
         (b[0] == 203 && b[1] == 0 && b[2] == 113);                           // 198.51.100/24,
                                                                              // 203.0.113/24
}

constexpr const char* kPrivateRefusal = "refusing to post to a private address";

bool any_private(const tcp::resolver::results_type& endpoints) {
  for (const auto& e : endpoints)
    if (is_private(e.endpoint().address())) return true;
  return false;
}

template <class Stream>
net::awaitable<WebhookAnswer> exchange(
    Stream& stream, const Url& u, const std::vector<std::pair<std::string, std::string>>& headers,
    const std::string& body) {
  http::request<http::string_body> request{http::verb::post, u.target, 11};
  request.set(http::field::host, u.host);
  request.set(http::field::user_agent, "tarjotin-webhook/1");
  request.set(http::field::content_type, "application/json");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  co_await http::async_write(stream, request, net::use_awaitable);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024);  // the answer is not used; do not let a receiver flood us
  co_await http::async_read(stream, buffer, parser, net::use_awaitable);
  co_return WebhookAnswer{parser.get().result_int(), ""};
}

}  // namespace

WebhookAnswer HttpWebhookSender::post(
    const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
    const std::string& body) {
  const auto u = parse_url(url);
  if (!u) return {0, "not an http(s) URL"};
  // Every step is asynchronous and the whole attempt runs for at most `timeout_`: a receiver
  // that accepts and never answers (or a resolver that hangs) costs one timeout, not a worker.
  net::io_context io;
  net::ssl::context tls(net::ssl::context::tls_client);
  tls.set_default_verify_paths();
  tls.set_verify_mode(net::ssl::verify_peer);
  auto outcome = run_within(io, timeout_, [&]() -> net::awaitable<WebhookAnswer> {
    tcp::resolver resolver(io);
    const auto endpoints = co_await resolver.async_resolve(u->host, u->port, net::use_awaitable);
    if (!allow_private_ && any_private(endpoints)) co_return WebhookAnswer{0, kPrivateRefusal};
    if (!u->tls) {
      beast::tcp_stream stream(io);
      co_await stream.async_connect(endpoints, net::use_awaitable);
      auto result = co_await exchange(stream, *u, headers, body);
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      co_return result;
    }
    beast::ssl_stream<beast::tcp_stream> stream(io, tls);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), u->host.c_str()))
      co_return WebhookAnswer{0, "cannot set the TLS server name"};
    stream.set_verify_callback(net::ssl::host_name_verification(u->host));
    co_await beast::get_lowest_layer(stream).async_connect(endpoints, net::use_awaitable);
    co_await stream.async_handshake(net::ssl::stream_base::client, net::use_awaitable);
    co_return co_await exchange(stream, *u, headers, body);
  }());
  if (auto* error = std::get_if<std::string>(&outcome)) return {0, std::move(*error)};
  return std::get<WebhookAnswer>(std::move(outcome));
}

std::string HttpWebhookSender::refusal(const std::string& url) const {
  const auto u = parse_url(url);
  if (!u) return "not an http(s) URL";
  net::io_context io;
  tcp::resolver resolver(io);
  std::string refusal =
      "the host name did not resolve within " + std::to_string(timeout_.count()) + " s";
  resolver.async_resolve(
      u->host, u->port,
      [&](const boost::system::error_code& ec, const tcp::resolver::results_type& endpoints) {
        if (ec)
          refusal = "the host name does not resolve";
        else if (endpoints.empty())
          refusal = "the host name has no address";
        else if (!allow_private_ && any_private(endpoints))
          refusal = "the host is on loopback, a private network or a reserved range";
        else
          refusal.clear();
      });
  io.run_for(timeout_);
  return refusal;
}

std::chrono::seconds retry_delay(const DeliveryPolicy& policy, int attempts) {
  auto delay = policy.first_retry;
  for (int i = 1; i < attempts && delay < policy.longest_retry; ++i) delay *= 2;
  return std::min(delay, policy.longest_retry);
}

int deliver_due_webhooks(domain::CompetitionServices& services, WebhookSender& sender,
                         const DeliveryPolicy& policy) {
  domain::Database& db = services.db;
  const domain::Clock& clock = services.clock;
  std::vector<domain::OutboxEvent> claimed;
  db.run(domain::Access::write, [&](domain::Transaction& tx) {
    claimed = tx.notifications().claim_due(clock.now(), clock.now() + policy.claim, policy.batch);
    return true;
  });
  int delivered = 0;
  for (const auto& event : claimed) {
    std::optional<domain::Webhook> hook;
    db.run(domain::Access::read, [&](domain::Transaction& tx) {
      hook = tx.notifications().webhook(event.organisation_id);
      return false;
    });
    WebhookAnswer answer{0, "the organisation has no webhook any more"};
    const auto secret = hook ? domain::signing_secret(services.webhook_seal, *hook) : std::nullopt;
    if (hook && !secret)
      answer = {0,
                "the webhook's secret does not open under this installation's key: set the "
                "webhook again"};
    else if (hook)
      answer = sender.post(
          hook->url,
          {{"X-Tarjotin-Event", event.id},
           {"X-Tarjotin-Signature", "sha256=" + crypto::hmac_sha256_hex(*secret, event.body)}},
          event.body);
    const bool ok = answer.status >= 200 && answer.status < 300;
    db.run(domain::Access::write, [&](domain::Transaction& tx) {
      auto e = tx.notifications().find_event(event.id);
      if (!e || e->delivered_at) return false;
      ++e->attempts;
      e->claimed_until.reset();
      if (ok) {
        e->delivered_at = clock.now();
        e->last_error.clear();
      } else {
        e->last_error = answer.status ? "HTTP " + std::to_string(answer.status) : answer.error;
        // After the last attempt the event stays undelivered with its error, out of the way.
        e->next_attempt_at = e->attempts >= policy.max_attempts
                                 ? domain::kNoMoreAttempts
                                 : clock.now() + retry_delay(policy, e->attempts);
      }
      tx.notifications().update_event(*e);
      return true;
    });
    if (ok) ++delivered;
  }
  return delivered;
}

}  // namespace tarjotin::server
