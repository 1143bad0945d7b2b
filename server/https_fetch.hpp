#pragma once
// HTTPS requests the server and its tools make as a client: to an identity provider (its
// discovery document, its key set, its token endpoint) and to an audit log being verified from
// outside. The certificate is verified against the system's store, or against the CA file the
// issuer is configured with, and must name the host; each request runs within a time limit and
// reads at most a bounded answer. Requests are made one at a time on the caller's thread, which
// is never one that serves connections.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tarjotin::server {

struct HttpsAnswer {
  unsigned status = 0;  // 0: no HTTP answer at all; `error` says why
  std::string body;
  std::string error;
};

struct HttpsUrl {
  std::string host, port, target;
};

// An https:// URL's parts; none for anything else (plain http included).
std::optional<HttpsUrl> parse_https_url(std::string_view url);

// application/x-www-form-urlencoded, as token endpoints and authorization queries take it.
std::string form_encoded(const std::vector<std::pair<std::string, std::string>>& fields);

class HttpsFetcher {
 public:
  // Throws std::invalid_argument when `ca_file` is named but holds no certificate.
  explicit HttpsFetcher(std::string ca_file = "",
                        std::chrono::milliseconds timeout = std::chrono::seconds(5),
                        std::size_t max_answer_bytes = 256 * 1024);

  HttpsAnswer get(const std::string& url) const;
  // A form posted with an Authorization header when `authorization` is not empty.
  HttpsAnswer post_form(const std::string& url,
                        const std::vector<std::pair<std::string, std::string>>& fields,
                        const std::string& authorization = "") const;

 private:
  HttpsAnswer send(const std::string& url, bool post, const std::string& body,
                   const std::string& authorization) const;

  std::string ca_file_;
  std::chrono::milliseconds timeout_;
  std::size_t max_answer_bytes_;
};

}  // namespace tarjotin::server
