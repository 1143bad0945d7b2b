#include "server/https_fetch.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <stdexcept>
#include <variant>

#include "server/within_time.hpp"

namespace tarjotin::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

bool is_ip_address(const std::string& host) {
  boost::system::error_code ec;
  net::ip::make_address(host, ec);
  return !ec;
}

}  // namespace

std::optional<HttpsUrl> parse_https_url(std::string_view url) {
  if (!url.starts_with("https://")) return std::nullopt;
  // URLs from an issuer's metadata end up in our Location headers: nothing that could end a
  // header line, or any other control character, anywhere in them.
  for (const char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return std::nullopt;
  url.remove_prefix(8);
  const auto slash = url.find_first_of("/?#");
  const std::string_view authority = url.substr(0, slash);
  std::string_view target = slash == std::string_view::npos ? "/" : url.substr(slash);
  target = target.substr(0, target.find('#'));
  HttpsUrl u;
  u.target = target.empty() || target.front() != '/' ? "/" + std::string(target) : target;
  if (authority.find('@') != std::string_view::npos || authority.empty()) return std::nullopt;
  if (authority.front() == '[') {  // an IPv6 literal
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    u.host = authority.substr(1, close - 1);
    const auto rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return std::nullopt;
    u.port = rest.empty() ? "443" : rest.substr(1);
  } else {
    const auto colon = authority.rfind(':');
    u.host = authority.substr(0, colon);
    u.port = colon == std::string_view::npos ? "443" : authority.substr(colon + 1);
  }
  if (u.host.empty() || u.port.empty() ||
      u.port.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return u;
}

std::string form_encoded(const std::vector<std::pair<std::string, std::string>>& fields) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto encode = [](std::string& out, std::string_view text) {
    for (const unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        out.push_back(static_cast<char>(c));
      } else {
        out.push_back('%');
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
      }
    }
  };
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out.push_back('&');
    encode(out, name);
    out.push_back('=');
    encode(out, value);
  }
  return out;
}

HttpsFetcher::HttpsFetcher(std::string ca_file, std::chrono::milliseconds timeout,
                           std::size_t max_answer_bytes)
    : ca_file_(std::move(ca_file)), timeout_(timeout), max_answer_bytes_(max_answer_bytes) {
  if (ca_file_.empty()) return;
  net::ssl::context probe(net::ssl::context::tls_client);
  boost::system::error_code ec;
  probe.load_verify_file(ca_file_, ec);
  if (ec) throw std::invalid_argument("cannot read the CA certificates in " + ca_file_);
}

HttpsAnswer HttpsFetcher::get(const std::string& url) const { return send(url, false, "", ""); }

HttpsAnswer HttpsFetcher::post_form(const std::string& url,
                                    const std::vector<std::pair<std::string, std::string>>& fields,
                                    const std::string& authorization) const {
  return send(url, true, form_encoded(fields), authorization);
}

HttpsAnswer HttpsFetcher::send(const std::string& url, bool post, const std::string& body,
                               const std::string& authorization) const {
  const auto u = parse_https_url(url);
  if (!u) return {0, "", "not an https URL"};
  net::ssl::context tls(net::ssl::context::tls_client);
  tls.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                  net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                  net::ssl::context::no_tlsv1_1);
  if (ca_file_.empty())
    tls.set_default_verify_paths();
  else
    tls.load_verify_file(ca_file_);
  tls.set_verify_mode(net::ssl::verify_peer);
  // Made after the context: a request cut off by the time limit is torn down with the
  // io_context while what it refers to still exists.
  net::io_context io;
  auto outcome = run_within(io, timeout_, [&]() -> net::awaitable<HttpsAnswer> {
    tcp::resolver resolver(io);
    const auto endpoints = co_await resolver.async_resolve(u->host, u->port, net::use_awaitable);
    beast::ssl_stream<beast::tcp_stream> stream(io, tls);
    if (!is_ip_address(u->host) &&
        !SSL_set_tlsext_host_name(stream.native_handle(), u->host.c_str()))
      co_return HttpsAnswer{0, "", "cannot set the TLS server name"};
    stream.set_verify_callback(net::ssl::host_name_verification(u->host));
    co_await beast::get_lowest_layer(stream).async_connect(endpoints, net::use_awaitable);
    co_await stream.async_handshake(net::ssl::stream_base::client, net::use_awaitable);
    http::request<http::string_body> request{post ? http::verb::post : http::verb::get, u->target,
                                             11};
    request.set(http::field::host, u->port == "443" ? u->host : u->host + ":" + u->port);
    request.set(http::field::user_agent, "tarjotin/1");
    request.set(http::field::accept, "application/json");
    if (post) request.set(http::field::content_type, "application/x-www-form-urlencoded");
    if (!authorization.empty()) request.set(http::field::authorization, authorization);
    request.body() = body;
    request.prepare_payload();
    co_await http::async_write(stream, request, net::use_awaitable);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(max_answer_bytes_);
    co_await http::async_read(stream, buffer, parser, net::use_awaitable);
    co_return HttpsAnswer{parser.get().result_int(), std::move(parser.get().body()), ""};
  }());
  if (auto* error = std::get_if<std::string>(&outcome)) return {0, "", std::move(*error)};
  return std::get<HttpsAnswer>(std::move(outcome));
}

}  // namespace tarjotin::server
