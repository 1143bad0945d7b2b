#include "tests/api/support/api_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/ssl.hpp>

#include "server/json.hpp"

namespace tarjotin::testing {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

tcp::endpoint loopback(unsigned short port) { return {net::ip::make_address("127.0.0.1"), port}; }

template <class Stream>
HttpResult exchange(Stream& stream, http::request<http::string_body>& req) {
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(stream, buffer, parser);
  auto res = parser.release();
  HttpResult out;
  out.status = res.result_int();
  out.body = res.body();
  for (const auto& f : res) out.headers.insert(f.name_string(), f.value());
  return out;
}

template <class Stream>
std::string read_all(Stream& stream, beast::tcp_stream& lowest, std::chrono::milliseconds wait) {
  std::string received;
  char chunk[4096];
  lowest.expires_after(wait);
  for (;;) {
    beast::error_code ec;
    const std::size_t n = stream.read_some(net::buffer(chunk), ec);
    received.append(chunk, n);
    if (ec) break;
  }
  return received;
}

}  // namespace

void ApiClient::connect(beast::tcp_stream& stream) const {
  if (source_.empty()) return stream.connect(loopback(port_));
  auto& socket = stream.socket();
  socket.open(tcp::v4());
  socket.bind({net::ip::make_address(source_), 0});
  stream.connect(loopback(port_));
}

std::string HttpResult::header(const std::string& name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? "" : std::string(it->value());
}

rapidjson::Document HttpResult::json() const {
  rapidjson::Document doc;
  if (server::parse_json(body, doc)) doc.SetNull();
  return doc;
}

std::string HttpResult::problem_type() const {
  const auto doc = json();
  const auto type = server::string_member(doc, "type");
  const std::string prefix = "urn:tarjotin:problem:";
  if (!type || type->rfind(prefix, 0) != 0) return "";
  return type->substr(prefix.size());
}

HttpResult ApiClient::request(http::verb method, const std::string& target, const std::string& body,
                              const std::string& token,
                              std::vector<std::pair<std::string, std::string>> headers) const {
  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, "localhost");
  if (!body.empty()) req.set(http::field::content_type, "application/json");
  if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = body;
  req.prepare_payload();
  req.keep_alive(false);

  net::io_context ioc;
  if (!tls_) {
    beast::tcp_stream stream(ioc);
    stream.expires_after(std::chrono::seconds(30));
    connect(stream);
    return exchange(stream, req);
  }
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_verify_mode(ssl::verify_none);  // the test certificate is self-signed
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
  connect(beast::get_lowest_layer(stream));
  stream.handshake(ssl::stream_base::client);
  HttpResult result = exchange(stream, req);
  beast::error_code ignored;
  stream.shutdown(ignored);
  return result;
}

std::string ApiClient::raw(const std::string& bytes, std::chrono::milliseconds wait) const {
  net::io_context ioc;
  if (!tls_) {
    beast::tcp_stream stream(ioc);
    stream.expires_after(std::chrono::seconds(10));
    connect(stream);
    net::write(stream, net::buffer(bytes));
    return read_all(stream, stream, wait);
  }
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_verify_mode(ssl::verify_none);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(10));
  connect(beast::get_lowest_layer(stream));
  stream.handshake(ssl::stream_base::client);
  net::write(stream, net::buffer(bytes));
  return read_all(stream, beast::get_lowest_layer(stream), wait);
}

std::string ApiClient::sign_in(const std::string& email, const std::string& password) const {
  const auto r =
      post("/v1/sessions", R"({"email":")" + email + R"(","password":")" + password + R"("})");
  EXPECT_EQ(r.status, 201u) << r.body;
  return server::string_member(r.json(), "token").value_or("");
}

}  // namespace tarjotin::testing
