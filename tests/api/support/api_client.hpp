#pragma once
// A real HTTPS client for the API tests: Beast over OpenSSL, one connection per request unless
// told otherwise, plus a raw mode that sends bytes exactly as given.

#include <rapidjson/document.h>

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace tarjotin::testing {

namespace http = boost::beast::http;

struct HttpResult {
  unsigned status = 0;
  std::string body;
  http::fields headers;
  std::string header(const std::string& name) const;
  // The body parsed as JSON; an empty document when it is not JSON.
  rapidjson::Document json() const;
  // The problem's "type" slug ("invalid-input"), empty when the body is not a problem.
  std::string problem_type() const;
};

class ApiClient {
 public:
  explicit ApiClient(unsigned short port, bool tls = true) : port_(port), tls_(tls) {}

  // The same client connecting from another loopback address (127.0.0.2): another client, as
  // far as per-address limits and throttling are concerned.
  ApiClient from(std::string source_address) const {
    ApiClient other = *this;
    other.source_ = std::move(source_address);
    return other;
  }

  HttpResult request(http::verb method, const std::string& target, const std::string& body = "",
                     const std::string& token = "",
                     std::vector<std::pair<std::string, std::string>> headers = {}) const;
  HttpResult get(const std::string& target, const std::string& token = "") const {
    return request(http::verb::get, target, "", token);
  }
  HttpResult post(const std::string& target, const std::string& body,
                  const std::string& token = "") const {
    return request(http::verb::post, target, body, token);
  }

  // Sends `bytes` as they are on a fresh connection, then reads until the server closes it or
  // `wait` passes; returns everything the server sent.
  std::string raw(const std::string& bytes,
                  std::chrono::milliseconds wait = std::chrono::milliseconds(2000)) const;

  // Signs in and returns the bearer token (fails the test when sign-in fails).
  std::string sign_in(const std::string& email, const std::string& password) const;

 private:
  void connect(boost::beast::tcp_stream& stream) const;

  unsigned short port_;
  bool tls_;
  std::string source_;  // empty: any
};

}  // namespace tarjotin::testing
