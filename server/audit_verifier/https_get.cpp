#include "server/audit_verifier/https_get.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <optional>
#include <stdexcept>

namespace tarjotin::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// A page of a thousand events is about a megabyte; anything far larger is not the log talking.
constexpr std::size_t kBodyLimit = 32 * 1024 * 1024;

bool is_address(const std::string& host) {
  boost::system::error_code ec;
  net::ip::make_address(host, ec);
  return !ec;
}

}  // namespace

HttpsGetter::HttpsGetter(const std::string& base_url, const std::string& ca_file,
                         std::chrono::seconds timeout)
    : timeout_(timeout), tls_(std::make_unique<net::ssl::context>(net::ssl::context::tls_client)) {
  std::string_view rest = base_url;
  if (!rest.starts_with("https://"))
    throw std::invalid_argument("the log's URL must start with https:// (got '" + base_url + "')");
  rest.remove_prefix(8);
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  prefix_ = slash == std::string_view::npos ? "" : std::string(rest.substr(slash));
  while (!prefix_.empty() && prefix_.back() == '/') prefix_.pop_back();
  if (authority.starts_with('[')) {  // an IPv6 address, maybe with a port after the bracket
    const auto close = authority.find(']');
    if (close == std::string_view::npos) throw std::invalid_argument("unclosed [ in " + base_url);
    host_ = authority.substr(1, close - 1);
    const auto after = authority.substr(close + 1);
    port_ = after.starts_with(':') ? std::string(after.substr(1)) : "443";
  } else {
    const auto colon = authority.rfind(':');
    host_ = authority.substr(0, colon);
    port_ = colon == std::string_view::npos ? "443" : std::string(authority.substr(colon + 1));
  }
  if (host_.empty() || port_.empty())
    throw std::invalid_argument("no host in the log's URL '" + base_url + "'");
  tls_->set_options(net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1);
  tls_->set_verify_mode(net::ssl::verify_peer);
  boost::system::error_code ec;
  if (ca_file.empty())
    tls_->set_default_verify_paths(ec);
  else
    tls_->load_verify_file(ca_file, ec);
  if (ec)
    throw std::invalid_argument("cannot load the trusted certificates" +
                                (ca_file.empty() ? std::string() : " of " + ca_file) + ": " +
                                ec.message());
}

HttpsGetter::~HttpsGetter() = default;

HttpsAnswer HttpsGetter::get(const std::string& target) const {
  net::io_context io;
  std::optional<HttpsAnswer> answer;
  std::string failure;
  net::co_spawn(
      io,
      [&]() -> net::awaitable<HttpsAnswer> {
        tcp::resolver resolver(io);
        const auto endpoints = co_await resolver.async_resolve(host_, port_, net::use_awaitable);
        beast::ssl_stream<beast::tcp_stream> stream(io, *tls_);
        if (!is_address(host_) && !SSL_set_tlsext_host_name(stream.native_handle(), host_.c_str()))
          throw std::runtime_error("cannot set the TLS server name");
        stream.set_verify_callback(net::ssl::host_name_verification(host_));
        co_await beast::get_lowest_layer(stream).async_connect(endpoints, net::use_awaitable);
        co_await stream.async_handshake(net::ssl::stream_base::client, net::use_awaitable);
        http::request<http::empty_body> request{http::verb::get, prefix_ + target, 11};
        request.set(http::field::host, host_);
        request.set(http::field::user_agent, "tarjotin-audit-verifier/1");
        request.set(http::field::accept, "application/json");
        co_await http::async_write(stream, request, net::use_awaitable);
        beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(kBodyLimit);
        co_await http::async_read(stream, buffer, parser, net::use_awaitable);
        co_return HttpsAnswer{parser.get().result_int(), std::move(parser.get().body())};
      },
      [&](std::exception_ptr error, HttpsAnswer result) {
        if (!error) {
          answer = std::move(result);
          return;
        }
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          failure = e.what();
        }
      });
  io.run_for(timeout_);
  if (answer) return *answer;
  throw std::runtime_error(
      "GET " + prefix_ + target + " on " + host_ + ": " +
      (failure.empty() ? "no answer within " + std::to_string(timeout_.count()) + " s" : failure));
}

}  // namespace tarjotin::server
