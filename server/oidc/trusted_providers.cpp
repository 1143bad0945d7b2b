#include "server/oidc/trusted_providers.hpp"

namespace tarjotin::server {

TrustedIdentityProviders::TrustedIdentityProviders(std::vector<IdentityProviderConfig> configs,
                                                   const domain::Clock& clock, Log& log,
                                                   const DiscoverySettings& settings)
    : log_(log), discoveries_(clock, log, settings) {
  std::vector<crypto::OidcIssuer> issuers;
  for (auto& config : configs) {
    HttpsFetcher fetcher(config.ca_file);
    Provider p{std::move(config), std::move(fetcher), nullptr};
    if (!p.config.discovery.empty()) {
      p.discovery = discoveries_.add(p.config.tokens.issuer, p.config.discovery, p.fetcher);
      p.config.tokens.key_source = p.discovery;
    }
    issuers.push_back(p.config.tokens);
    providers_.push_back(std::move(p));
  }
  verifier_ = std::make_unique<crypto::OidcTokenVerifier>(std::move(issuers));
  discoveries_.start();
}

TrustedIdentityProviders::~TrustedIdentityProviders() = default;

domain::Result<domain::FederatedIdentity> TrustedIdentityProviders::LoggedVerifier::verify(
    std::string_view token, domain::Timestamp now) const {
  auto who = owner_.verifier_->verify(token, now);
  if (!who) owner_.log_.warn("identity token refused", {{"reason", who.error().detail}});
  return who;
}

const TrustedIdentityProviders::Provider* TrustedIdentityProviders::browser_provider(
    const std::string& id) const {
  for (const auto& p : providers_)
    if (p.config.id == id && !p.config.client_id.empty()) return &p;
  return nullptr;
}

std::vector<domain::IdentityProviderListing> TrustedIdentityProviders::for_browsers() const {
  std::vector<domain::IdentityProviderListing> out;
  for (const auto& p : providers_) {
    if (p.config.client_id.empty()) continue;
    // A discovered issuer is listed before its metadata has arrived; one whose metadata turns
    // out to have no authorization endpoint is not.
    if (p.discovery) {
      if (const auto m = p.discovery->last_metadata(); m && m->authorization_endpoint.empty())
        continue;
    } else if (p.config.authorization_endpoint.empty()) {
      continue;
    }
    out.push_back({p.config.id, p.config.display_name});
  }
  return out;
}

domain::Result<TrustedIdentityProviders::Endpoints> TrustedIdentityProviders::endpoints(
    const Provider& p) const {
  if (!p.discovery) return Endpoints{p.config.authorization_endpoint, p.config.token_endpoint};
  const auto metadata = p.discovery->metadata();
  if (!metadata)
    return domain::Error::conflict("identity-provider-unreachable",
                                   "the identity provider's metadata cannot be fetched now; try "
                                   "again in a minute");
  return Endpoints{metadata->authorization_endpoint, metadata->token_endpoint};
}

}  // namespace tarjotin::server
