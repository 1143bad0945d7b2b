#pragma once
// A real Tarjotin server for one test: a fresh database on the backend under test, a fresh TLS
// certificate, listening on a free loopback port, with a clock the test can move.

#include <memory>
#include <string>

#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "server/config.hpp"
#include "server/log.hpp"
#include "server/runtime.hpp"
#include "server/server.hpp"
#include "tests/api/support/api_client.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin::testing {

inline constexpr const char* kPassword = "correct horse battery";
// The operator's token that every test server's /metrics answers to.
inline constexpr const char* kMetricsToken = "operator-scrapes-metrics-0123456789";

// The n-th valid Finnish business ID (check digit computed), for tests that need many.
std::string finnish_business_id(int n);

// Validates `json` against schemas/<schema>.json; empty when it conforms, else the violation.
std::string schema_violation(const std::string& schema, const std::string& json);

struct ServerTweaks {
  bool plain_http = false;
  std::string oidc_issuers_file{};  // identity providers whose tokens sign in; empty: none
  std::string public_url{};         // where identity providers send browsers back; empty: Host
  server::LogLevel log_level = server::LogLevel::error;  // what the server writes to stdout
  std::size_t max_body_bytes = 64 * 1024;
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_connections = 4096;
  std::size_t max_connections_per_address = 0;  // tests open many connections from 127.0.0.1
  unsigned idle_timeout_seconds = 60;
  unsigned head_timeout_seconds = 10;
  unsigned drain_seconds = 0;
  unsigned request_timeout_seconds = 10;
  std::size_t min_body_bytes_per_second = 1024;
  std::size_t max_concurrent_uploads = 32;
  std::vector<std::string> proxy_protocol_from{};
  std::size_t max_upload_bytes = 256 * 1024;
  std::string web_root{};                        // the web client's files; empty: none
  bool webhook_allow_private_addresses = false;  // test receivers listen on loopback
  std::string database_url{};  // another test server's, shared as replicas share one; empty: fresh
  bool audit_signing = true;  // a fresh Ed25519 key signs the audit log's checkpoints
};

class TestServer {
 public:
  explicit TestServer(ServerTweaks tweaks = {});
  ~TestServer();

  unsigned short port() const { return server_->port(); }
  ApiClient client() const { return ApiClient(port(), !tweaks_.plain_http); }
  TestClock& clock() { return clock_; }
  server::Runtime& runtime() { return *runtime_; }
  TestDatabase& database() { return database_; }
  server::Server& server() { return *server_; }
  // The server's self-signed certificate (PEM), which a client outside the test trusts by it.
  std::string certificate_file() const { return directory_ + "/server.crt"; }

  // Creates an organisation with a first user directly through the domain (as an operator's
  // bootstrap would) and returns the user's bearer token.
  struct Member {
    std::string organisation_id;
    std::string user_id;
    std::string email;
    std::string token;
  };
  Member add_member(domain::OrganisationKind kind, domain::Role role,
                    const std::string& business_id = "");

 private:
  ServerTweaks tweaks_;
  TestDatabase database_;
  TestClock clock_;
  server::Log log_;
  std::string directory_;
  std::unique_ptr<server::Runtime> runtime_;
  std::unique_ptr<boost::asio::ssl::context> tls_;
  std::unique_ptr<server::Server> server_;
  int members_ = 0;
};

}  // namespace tarjotin::testing
