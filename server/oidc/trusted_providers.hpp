#pragma once
// The installation's identity providers at run time, built from the issuers file
// (server/identity_providers.hpp): each one's keys (a fixed file, or discovered and kept fresh),
// the verifier of their tokens, and the browser's authorization-code flow with PKCE through
// them (domain/accounts/federated_sign_in.hpp).

#include <memory>
#include <string>
#include <vector>

#include "crypto/oidc_tokens.hpp"
#include "domain/accounts/federated_sign_in.hpp"
#include "server/identity_providers.hpp"
#include "server/log.hpp"
#include "server/https_fetch.hpp"
#include "server/oidc/issuer_discovery.hpp"

namespace tarjotin::server {

class TrustedIdentityProviders final : public domain::IdentityProviders {
 public:
  // Starts fetching the discovered issuers' metadata at once, on a thread of its own. Throws
  // std::invalid_argument for a key set file or CA file that cannot be read.
  TrustedIdentityProviders(std::vector<IdentityProviderConfig> configs, const domain::Clock& clock,
                           Log& log, const DiscoverySettings& settings);
  ~TrustedIdentityProviders() override;

  // Bearer tokens, each refusal logged with what failed (never the token).
  const domain::IdentityTokenVerifier& tokens() const { return logged_; }
  // Failed fetches of metadata or keys since start.
  long long fetch_failures() const { return discoveries_.failures(); }

  std::vector<domain::IdentityProviderListing> for_browsers() const override;
  domain::Result<std::string> authorization_url(
      const domain::AuthorizationRequest& request) const override;
  domain::Result<domain::FederatedIdentity> redeem(const domain::CodeRedemption& redemption,
                                                   domain::Timestamp now) const override;

 private:
  struct Provider {
    IdentityProviderConfig config;
    HttpsFetcher fetcher;
    std::shared_ptr<IssuerDiscovery> discovery;  // null in an offline installation
  };
  class LoggedVerifier final : public domain::IdentityTokenVerifier {
   public:
    LoggedVerifier(const TrustedIdentityProviders& owner) : owner_(owner) {}
    domain::Result<domain::FederatedIdentity> verify(std::string_view token,
                                                     domain::Timestamp now) const override;

   private:
    const TrustedIdentityProviders& owner_;
  };
  struct Endpoints {
    std::string authorization, token;
  };

  const Provider* browser_provider(const std::string& id) const;
  // The provider's endpoints: configured, or from its metadata (a conflict while that cannot be
  // fetched).
  domain::Result<Endpoints> endpoints(const Provider& p) const;

  Log& log_;
  IssuerDiscoveries discoveries_;
  std::vector<Provider> providers_;
  std::unique_ptr<crypto::OidcTokenVerifier> verifier_;
  LoggedVerifier logged_{*this};
};

}  // namespace tarjotin::server
