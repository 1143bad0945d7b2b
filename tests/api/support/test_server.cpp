#include "tests/api/support/test_server.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "crypto/crypto.hpp"
#include "crypto/tree_head_signing.hpp"
#include "domain/identifiers.hpp"
#include "server/json.hpp"
#include "server/schema_registry.hpp"
#include "server/tls_context.hpp"
#include "tests/api/support/test_certificate.hpp"

namespace tarjotin::testing {

std::string finnish_business_id(int n) {
  for (int candidate = 1000000 + n * 13;; ++candidate) {
    const std::string digits = std::to_string(candidate);
    if (const auto check = domain::finnish_check_digit(digits))
      return digits + "-" + std::to_string(*check);
  }
}

std::string schema_violation(const std::string& schema, const std::string& json) {
  static const server::SchemaRegistry registry;
  rapidjson::Document doc;
  if (auto error = server::parse_json(json, doc)) return "not JSON: " + error->detail;
  if (auto v = registry.validate(schema, doc)) return v->pointer + " breaks " + v->rule;
  return "";
}

TestServer::TestServer(ServerTweaks tweaks) : tweaks_(tweaks), log_(tweaks.log_level) {
  const auto suffix = crypto::random_bytes(6);
  directory_ = (std::filesystem::temp_directory_path() /
                ("tarjotin-api-" + crypto::hex(suffix.data(), suffix.size())))
                   .string();
  std::filesystem::create_directories(directory_);
  server::Config config;
  config.database_url = tweaks.database_url.empty() ? database_.url() : tweaks.database_url;
  config.workers = 2;
  config.request_threads = 6;
  config.plain_http = tweaks.plain_http;
  config.webhook_allow_private_addresses = tweaks.webhook_allow_private_addresses;
  config.oidc_issuers_file = tweaks.oidc_issuers_file;
  config.public_url = tweaks.public_url;
  config.scrypt_log2_n = 10;
  config.documents_dir = directory_ + "/documents";
  config.tender_key_file = directory_ + "/tender.key";
  config.metrics_token_file = directory_ + "/metrics.token";
  config.web_root = tweaks.web_root.empty() ? directory_ + "/no-web-client" : tweaks.web_root;
  std::ofstream(config.metrics_token_file) << kMetricsToken << "\n";
  if (tweaks.audit_signing) {
    config.audit_signing_key_file = directory_ + "/audit-signing.key";
    std::ofstream(config.audit_signing_key_file) << crypto::new_ed25519_private_key_pem();
  }
  config.max_upload_bytes =
      tweaks.max_upload_bytes;  // the real cost is measured by the benchmarks, not paid per test
  runtime_ = std::make_unique<server::Runtime>(config, log_, &clock_);
  if (!tweaks.plain_http) {
    const auto files = make_test_certificate(directory_);
    tls_ = std::make_unique<boost::asio::ssl::context>(
        server::make_tls_context(files.certificate, files.private_key));
  }
  server::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.request_threads = config.request_threads;
  options.max_connections = tweaks.max_connections;
  options.max_connections_per_address = tweaks.max_connections_per_address;
  for (const auto& address : tweaks.proxy_protocol_from)
    options.proxy_protocol_from.push_back(boost::asio::ip::make_address(address));
  options.limits.head_timeout = std::chrono::seconds(tweaks.head_timeout_seconds);
  options.limits.min_body_bytes_per_second = tweaks.min_body_bytes_per_second;
  options.limits.max_concurrent_uploads = tweaks.max_concurrent_uploads;
  options.shutdown_grace = std::chrono::seconds(5);
  options.drain_before_stop = std::chrono::seconds(tweaks.drain_seconds);
  options.stopping = &runtime_->stopping();
  options.limits.max_body_bytes = tweaks.max_body_bytes;
  options.limits.max_upload_bytes = tweaks.max_upload_bytes;
  options.limits.max_header_bytes = tweaks.max_header_bytes;
  options.limits.idle_timeout = std::chrono::seconds(tweaks.idle_timeout_seconds);
  options.limits.request_timeout = std::chrono::seconds(tweaks.request_timeout_seconds);
  server_ = std::make_unique<server::Server>(options, runtime_->api(), runtime_->metrics(), log_,
                                             tls_.get());
  server_->start();
}

TestServer::~TestServer() {
  server_->stop();
  server_->wait();
  server_.reset();
  runtime_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

TestServer::Member TestServer::add_member(domain::OrganisationKind kind, domain::Role role,
                                          const std::string& business_id) {
  const std::string n = std::to_string(++members_);
  Member m;
  m.email = "member" + n + "@example.fi";
  auto reg = domain::bootstrap_organisation(runtime_->accounts(),
                                            {kind, "Organisation " + n, "FI", business_id},
                                            {m.email, "Member " + n, role, kPassword});
  EXPECT_TRUE(reg.ok()) << (reg.ok() ? "" : reg.error().detail);
  m.organisation_id = reg->organisation.id;
  m.user_id = reg->user.id;
  m.token = client().sign_in(m.email, kPassword);
  return m;
}

}  // namespace tarjotin::testing
