#include "server/runtime.hpp"

#include "domain/qualification/review.hpp"
#include "server/identity_providers.hpp"

#include <fstream>
#include <stdexcept>

namespace tarjotin::server {
namespace {

// The token is kept only as its hash, like every other bearer token.
std::string metrics_token_hash(const std::string& file) {
  if (file.empty()) return "";
  std::ifstream in(file);
  std::string token;
  if (!in || !std::getline(in, token))
    throw std::invalid_argument("cannot read the metrics token file " + file);
  while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
  if (token.size() < 16)
    throw std::invalid_argument("the metrics token in " + file + " is shorter than 16 characters");
  return crypto::sha256_hex(token);
}

}  // namespace

domain::Timestamp SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

Runtime::Runtime(const Config& config, Log& log, const domain::Clock* clock)
    : log_(log),
      db_(config.database_url, config.request_threads + 2),
      clock_(clock ? *clock : system_clock_),
      hasher_(crypto::ScryptCost{1ull << config.scrypt_log2_n, 8, 1}),
      identity_providers_(
          config.oidc_issuers_file.empty()
              ? nullptr
              : std::make_unique<TrustedIdentityProviders>(
                    load_identity_providers(config.oidc_issuers_file), clock_, log_,
                    DiscoverySettings{std::chrono::seconds{config.oidc_cache_seconds},
                                      std::chrono::seconds{config.oidc_refresh_min_seconds}})),
      accounts_{db_,
                clock_,
                hasher_,
                secrets_,
                std::chrono::minutes{config.session_lifetime_minutes},
                identity_providers_ ? &identity_providers_->tokens() : nullptr,
                identity_providers_.get()},
      calendar_(domain::WorkingDayCalendar::finnish()),
      qualification_{db_, clock_, secrets_, calendar_, config.max_upload_bytes},
      ordering_{db_,
                clock_,
                secrets_,
                std::chrono::days{60},
                std::chrono::days{365},
                std::chrono::days{config.choice_set_days}},
      tender_seal_(crypto::load_or_create_key_file(config.tender_key_file)),
      webhooks_(config.webhook_allow_private_addresses),
      competitions_{db_, clock_, secrets_, tender_seal_, webhooks_, tender_seal_},
      audit_signer_(
          config.audit_signing_key_file.empty()
              ? nullptr
              : std::make_unique<crypto::Ed25519TreeHeadSigner>(config.audit_signing_key_file)),
      audit_{db_, clock_, audit_signer_.get()},
      web_(config.web_root.empty() ? default_web_root() : config.web_root) {
  if (const int applied = db_.migrate(); applied > 0)
    log_.info("migrated", {{"applied", std::to_string(applied), true}});
  if (const auto imported = storage::import_documents_directory(db_, config.documents_dir))
    log_.info("documents imported into the database",
              {{"count", std::to_string(imported), true}, {"from", config.documents_dir}});
  if (audit_signer_)
    log_.info("audit checkpoints signed", {{"key_id", audit_signer_->public_key().key_id}});
  else
    log_.warn(
        "no audit signing key: the audit log makes no signed checkpoints (set "
        "--audit-signing-key-file)");
  if (web_.empty())
    log_.warn("no web client to serve: build it (deploy/demo.sh does) or set --web-root");
  else
    log_.info("serving the web client", {{"files", std::to_string(web_.file_count()), true}});
  metrics_.add_gauge("tarjotin_db_connections_in_use", "Database connections lent out now.",
                     [this] { return static_cast<double>(db_.connections_in_use()); });
  metrics_.add_gauge("tarjotin_db_connections", "Size of the database connection pool.",
                     [this] { return static_cast<double>(db_.pool_size()); });
  // Their ratio is how many write transactions one commit (one fsync) carries.
  metrics_.add_gauge("tarjotin_db_write_transactions", "Write transactions committed.",
                     [this] { return static_cast<double>(db_.writes_committed()); });
  metrics_.add_gauge("tarjotin_db_commits", "Database commits of write transactions.",
                     [this] { return static_cast<double>(db_.commits()); });
  metrics_.add_gauge(
      "tarjotin_applications_overdue",
      "Applications awaiting a decision after their legal deadline.", [this] {
        return static_cast<double>(domain::decision_deadline_counts(qualification_).overdue);
      });
  metrics_.add_gauge(
      "tarjotin_applications_due_soon",
      "Applications whose decision is due within two working days.", [this] {
        return static_cast<double>(domain::decision_deadline_counts(qualification_).due_soon);
      });
  if (identity_providers_)
    metrics_.add_gauge(
        "tarjotin_identity_provider_fetch_failures",
        "Failed fetches of identity providers' metadata or keys since start; the "
        "last good keys stay in use.",
        [this] { return static_cast<double>(identity_providers_->fetch_failures()); });
  api_ = std::make_unique<Api>(Services{db_,
                                        clock_,
                                        accounts_,
                                        qualification_,
                                        ordering_,
                                        competitions_,
                                        schemas_,
                                        metrics_,
                                        log_,
                                        metrics_token_hash(config.metrics_token_file),
                                        web_,
                                        stopping_,
                                        audit_,
                                        {config.ocid_prefix},
                                        config.public_url},
                               !config.plain_http);
}

}  // namespace tarjotin::server
