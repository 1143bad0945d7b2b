#pragma once
// Everything one server process is made of, wired together from a Config: the database, the
// crypto ports, the schemas, the API. main() and the API tests build it the same way.

#include <atomic>
#include <memory>
#include <optional>

#include "crypto/crypto.hpp"
#include "crypto/tender_seal.hpp"
#include "crypto/tree_head_signing.hpp"
#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "domain/audit/log.hpp"
#include "domain/ordering/services.hpp"
#include "domain/qualification/services.hpp"
#include "server/api.hpp"
#include "server/config.hpp"
#include "server/log.hpp"
#include "server/metrics.hpp"
#include "server/oidc/trusted_providers.hpp"
#include "server/schema_registry.hpp"
#include "server/webhook_delivery.hpp"
#include "storage/database.hpp"
#include "storage/qualification/document_store.hpp"

namespace tarjotin::server {

class SystemClock final : public domain::Clock {
 public:
  domain::Timestamp now() const override;
};

class Runtime {
 public:
  // Opens the database and applies pending migrations. `clock` overrides the system clock
  // (tests move time).
  Runtime(const Config& config, Log& log, const domain::Clock* clock = nullptr);
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  storage::SociDatabase& db() { return db_; }
  domain::AccountServices& accounts() { return accounts_; }
  domain::QualificationServices& qualification() { return qualification_; }
  domain::OrderingServices& ordering() { return ordering_; }
  domain::CompetitionServices& competitions() { return competitions_; }
  domain::AuditServices& audit() { return audit_; }
  // Posts webhooks under the configured address rule; the same rule checks URLs when set.
  HttpWebhookSender& webhooks() { return webhooks_; }
  Api& api() { return *api_; }
  Metrics& metrics() { return metrics_; }
  Log& log() { return log_; }
  const WebSite& web() const { return web_; }
  // Set when the server is about to stop: /readyz answers 503 so load balancers stop sending
  // new work while the server still serves what arrives meanwhile.
  std::atomic<bool>& stopping() { return stopping_; }

 private:
  Log& log_;
  storage::SociDatabase db_;
  SystemClock system_clock_;
  const domain::Clock& clock_;
  crypto::ScryptPasswordHasher hasher_;
  crypto::SystemSecrets secrets_;
  std::unique_ptr<TrustedIdentityProviders> identity_providers_;  // none configured: null
  domain::AccountServices accounts_;
  domain::WorkingDayCalendar calendar_;
  domain::QualificationServices qualification_;
  domain::OrderingServices ordering_;
  crypto::AesGcmTenderSeal tender_seal_;
  HttpWebhookSender webhooks_;
  domain::CompetitionServices competitions_;
  std::unique_ptr<crypto::Ed25519TreeHeadSigner> audit_signer_;  // none configured: null
  domain::AuditServices audit_;
  SchemaRegistry schemas_;
  Metrics metrics_;
  WebSite web_;
  std::atomic<bool> stopping_{false};
  std::unique_ptr<Api> api_;
};

}  // namespace tarjotin::server
