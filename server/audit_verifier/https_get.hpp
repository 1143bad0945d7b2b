#pragma once
// The verifier's view of the log: GET requests over TLS to the log's URL, the server's
// certificate checked against a CA file (or the system's store) and its name.

#include <chrono>
#include <memory>
#include <string>

namespace boost::asio::ssl {
class context;
}

namespace tarjotin::server {

struct HttpsAnswer {
  unsigned status = 0;
  std::string body;
};

class HttpsGetter {
 public:
  // `base_url`: https://host[:port][/prefix]. Throws std::invalid_argument for anything else
  // and when `ca_file` cannot be read.
  HttpsGetter(const std::string& base_url, const std::string& ca_file,
              std::chrono::seconds timeout = std::chrono::seconds(30));
  ~HttpsGetter();
  HttpsGetter(const HttpsGetter&) = delete;
  HttpsGetter& operator=(const HttpsGetter&) = delete;

  // `target` below the base URL ("/v1/audit/checkpoint"), on a connection of its own. Throws
  // std::runtime_error with a sentence when no answer comes within the timeout.
  HttpsAnswer get(const std::string& target) const;

 private:
  std::string host_, port_, prefix_;
  std::chrono::seconds timeout_;
  std::unique_ptr<boost::asio::ssl::context> tls_;
};

}  // namespace tarjotin::server
