#pragma once
// An issuer's metadata and keys fetched from its discovery document
// (/.well-known/openid-configuration, then its jwks_uri) and kept fresh by one thread of their
// own, so that requests only ever read what was last fetched:
// - keys are fetched again when older than the cache lifetime, and when a token names a key
//   that is not among them (the issuer may have rotated), but at most once per minimum interval
//   per issuer, however many such tokens arrive;
// - a request whose token names an unknown key waits for that one fetch, at most
//   `unknown_key_wait`, without holding anything another request needs;
// - a failed fetch keeps the last good metadata and keys, is logged, and counted for /metrics.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "crypto/oidc_tokens.hpp"
#include "domain/time.hpp"
#include "server/https_fetch.hpp"
#include "server/log.hpp"

namespace tarjotin::server {

struct IssuerMetadata {
  std::string issuer;
  std::string jwks_uri;
  std::string authorization_endpoint;  // empty when the issuer has none
  std::string token_endpoint;
};

// Throws std::invalid_argument saying what is wrong: not JSON, another issuer's, a missing or
// non-https jwks_uri, a non-https endpoint.
IssuerMetadata read_issuer_metadata(std::string_view document, const std::string& issuer);

struct DiscoverySettings {
  std::chrono::seconds cache_lifetime{3600};
  std::chrono::seconds min_refresh_interval{60};
  std::chrono::milliseconds unknown_key_wait{5000};
};

class IssuerDiscoveries;

class IssuerDiscovery final : public crypto::OidcKeySource {
 public:
  IssuerDiscovery(IssuerDiscoveries& owner, std::string issuer, std::string discovery_url,
                  HttpsFetcher fetcher);

  std::shared_ptr<const crypto::OidcKeySet> keys() const override;
  std::shared_ptr<const crypto::OidcKeySet> keys_after_unknown(std::string_view kid) const override;
  // The metadata last fetched; before the first fetch has succeeded, waits for one as a token
  // with an unknown key does.
  std::optional<IssuerMetadata> metadata() const;
  // The same without waiting.
  std::optional<IssuerMetadata> last_metadata() const;

 private:
  friend class IssuerDiscoveries;
  // Whether a fetch should start now (mutex_ held).
  bool due(domain::Timestamp now) const;
  bool may_fetch(domain::Timestamp now) const;
  // Asks the fetching thread for a fetch, if one may start now, and waits (bounded) until the
  // next one ends (lock held on mutex_).
  void await_fetch(std::unique_lock<std::mutex>& lock) const;
  // Fetches if due; called only by the fetching thread.
  void refresh();

  IssuerDiscoveries& owner_;
  const std::string issuer_;
  const std::string discovery_url_;
  const HttpsFetcher fetcher_;

  mutable std::mutex mutex_;
  mutable std::condition_variable fetched_;  // after every attempt
  std::shared_ptr<const crypto::OidcKeySet> keys_;
  std::optional<IssuerMetadata> metadata_;
  std::optional<domain::Timestamp> fetched_at_;    // the start of the last success
  std::optional<domain::Timestamp> attempted_at_;  // the start of the last attempt
  mutable bool wanted_ = false;
  bool fetching_ = false;
  unsigned long long attempts_ = 0;  // ended
};

// The issuers whose keys are discovered, and the thread that fetches for them all.
class IssuerDiscoveries {
 public:
  IssuerDiscoveries(const domain::Clock& clock, Log& log, DiscoverySettings settings);
  ~IssuerDiscoveries();  // stops the thread and waits for a fetch under way
  IssuerDiscoveries(const IssuerDiscoveries&) = delete;
  IssuerDiscoveries& operator=(const IssuerDiscoveries&) = delete;

  // Before start().
  std::shared_ptr<IssuerDiscovery> add(std::string issuer, std::string discovery_url,
                                       HttpsFetcher fetcher);
  void start();
  // Failed fetches since start, for /metrics.
  long long failures() const { return failures_.load(); }

 private:
  friend class IssuerDiscovery;
  void wake();
  void run();

  const domain::Clock& clock_;
  Log& log_;
  const DiscoverySettings settings_;
  std::vector<std::shared_ptr<IssuerDiscovery>> issuers_;
  std::atomic<long long> failures_{0};
  std::mutex mutex_;  // may be taken while an issuer's is held, never the other way round
  std::condition_variable woken_;
  bool wake_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tarjotin::server
