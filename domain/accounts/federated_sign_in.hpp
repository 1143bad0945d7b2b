#pragma once
// Signing in through the organisation's identity provider: a bearer token the provider issued
// names a user (authenticate() in sessions.hpp), and the browser's authorization-code flow with
// PKCE ends in a session of ours. Either way the user is the one the verified identity names in
// the issuer's organisation, made on first sign-in when the issuer is configured to.

#include <string>
#include <vector>

#include "domain/accounts/federated_identity.hpp"
#include "domain/accounts/pending_sign_ins.hpp"
#include "domain/accounts/sessions.hpp"

namespace tarjotin::domain {

struct IdentityProviderListing {
  std::string id;
  std::string display_name;
  bool operator==(const IdentityProviderListing&) const = default;
};

// Where the browser is sent: the provider's authorization endpoint, asked for a code for us.
struct AuthorizationRequest {
  std::string identity_provider_id;
  std::string state;
  std::string nonce;
  std::string code_verifier;  // the provider gets only its S256 challenge
  std::string redirect_uri;
};

// The code the browser brought back, to be exchanged for tokens with what the sign-in began with.
struct CodeRedemption {
  std::string identity_provider_id;
  std::string code;
  std::string code_verifier;
  std::string redirect_uri;
  std::string nonce;
};

// The identity providers a browser can sign in through, and their endpoints.
class IdentityProviders {
 public:
  virtual ~IdentityProviders() = default;
  // Those with an authorization endpoint and a client of ours.
  virtual std::vector<IdentityProviderListing> for_browsers() const = 0;
  // The authorization endpoint's URL with the request in its query; not_found for a provider the
  // browser cannot sign in through, a conflict while its endpoints cannot be fetched.
  virtual Result<std::string> authorization_url(const AuthorizationRequest& request) const = 0;
  // The code exchanged at the token endpoint, and the ID token it answers verified as a bearer
  // token is, nonce included; unauthenticated when either fails.
  virtual Result<FederatedIdentity> redeem(const CodeRedemption& redemption,
                                           Timestamp now) const = 0;
};

// The user a verified identity names: found by e-mail in the issuer's organisation, or made on
// first sign-in when the issuer is configured to (with one audit event).
Result<Actor> federated_actor(AccountServices& s, const FederatedIdentity& who);

std::vector<IdentityProviderListing> list_identity_providers(const AccountServices& s);

struct FederatedSignInStart {
  std::string location;  // where to send the browser
  std::string state;     // what it must bring back, bound to it by a cookie
};

// A new pending sign-in (state, nonce and code verifier fresh and random) and where to send the
// browser for it. `language` is fi, sv or en (anything else: fi).
Result<FederatedSignInStart> start_federated_sign_in(AccountServices& s,
                                                     const std::string& identity_provider_id,
                                                     const std::string& redirect_uri,
                                                     const std::string& language);

// The pending sign-in `state` names, taken so it serves once: unauthenticated with the code
// "sign-in-unknown" when there is none (never made, or already used) and "sign-in-expired" when
// it is too old.
Result<PendingSignIn> take_pending_sign_in(AccountServices& s, const std::string& state);

// The code redeemed for the pending sign-in and a session of ours started for the user it names,
// as a password sign-in starts one.
Result<SignedIn> finish_federated_sign_in(AccountServices& s, const PendingSignIn& pending,
                                          const std::string& code);

}  // namespace tarjotin::domain
