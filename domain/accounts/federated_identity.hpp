#pragma once
// Sign-in through the organisation's own identity provider: a bearer token that is an OIDC ID
// or access token (a JWS) instead of one of our session tokens. Verifying it is crypto's job
// (crypto/oidc_tokens.hpp); which user it is, and whether one is made for it, is the domain's.

#include <optional>
#include <string>
#include <string_view>

#include "domain/identity.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

// Who a verified token says the caller is, and what the issuer's configuration says about them.
struct FederatedIdentity {
  std::string issuer;
  std::string subject;       // the configured claim's value (by default `email`): a user's e-mail
  std::string display_name;  // the `name` claim, for a user made on first sign-in
  std::string organisation_id;         // the organisation the issuer signs people in for
  std::optional<Role> provision_role;  // none: unknown subjects are refused
};

class IdentityTokenVerifier {
 public:
  virtual ~IdentityTokenVerifier() = default;
  // A token from a configured issuer, its signature, issuer, audience and times checked; the
  // refusal's detail says what failed, never the token.
  virtual Result<FederatedIdentity> verify(std::string_view token, Timestamp now) const = 0;
};

// Session tokens are base64url without dots; a JWS in compact form has exactly two.
inline bool looks_like_jws(std::string_view token) {
  int dots = 0;
  for (const char c : token) dots += c == '.';
  return dots == 2;
}

}  // namespace tarjotin::domain
