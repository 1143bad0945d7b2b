#pragma once
// OIDC ID and access tokens (JWS, RS256 or ES256) verified against each configured issuer's
// JSON Web Key Set with cjose: the signature, then `iss`, `aud`, `exp` and `nbf` with a clock
// skew. Which user a token names is the domain's business (domain/accounts/federated_identity.hpp).

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/federated_identity.hpp"

namespace tarjotin::crypto {

struct OidcIssuer {
  std::string issuer;    // exactly as tokens carry it in `iss`
  std::string audience;  // what `aud` must hold: the client id Tarjotin has at the issuer
  std::string jwks;      // the issuer's JSON Web Key Set, {"keys": [...]}
  std::string subject_claim = "email";         // the claim matched to a user's e-mail
  std::string organisation_id;                 // whom the issuer signs people in for
  std::optional<domain::Role> provision_role;  // make unknown users with this role
  std::chrono::seconds clock_skew{60};
};

class OidcTokenVerifier final : public domain::IdentityTokenVerifier {
 public:
  // Throws std::invalid_argument naming the issuer whose key set cannot be read.
  explicit OidcTokenVerifier(std::vector<OidcIssuer> issuers);
  ~OidcTokenVerifier() override;
  domain::Result<domain::FederatedIdentity> verify(std::string_view token,
                                                   domain::Timestamp now) const override;

 private:
  struct Keys;
  std::vector<std::unique_ptr<Keys>> issuers_;
};

}  // namespace tarjotin::crypto
