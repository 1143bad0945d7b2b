#pragma once
// OIDC ID and access tokens (JWS, RS256 or ES256) verified against each configured issuer's
// JSON Web Key Set with cjose: the signature, then `iss`, `aud`, `exp` and `nbf` with a clock
// skew; for the ID token of a browser's sign-in also the issuer it was sent to, our client id
// and the sign-in's nonce. Which user a token names is the domain's business
// (domain/accounts/federated_identity.hpp); where keys are fetched from is the server's
// (server/oidc/issuer_discovery.hpp).

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts/federated_identity.hpp"

namespace tarjotin::crypto {

// One issuer's signing keys as its JSON Web Key Set lists them. Immutable: a request keeps
// verifying with the set it took while a newer one replaces it.
class OidcKeySet {
 public:
  // Throws std::invalid_argument saying what is wrong when `jwks` is not {"keys": [...]} with
  // at least one RSA or EC key for signatures.
  static std::shared_ptr<const OidcKeySet> read(std::string_view jwks);
  ~OidcKeySet();
  OidcKeySet(const OidcKeySet&) = delete;
  OidcKeySet& operator=(const OidcKeySet&) = delete;

  bool holds(std::string_view kid) const;

 private:
  OidcKeySet();
  struct Key;
  std::vector<Key> keys_;
  friend class OidcTokenVerifier;
};

// Where an issuer's keys come from when they are not a fixed file: its published metadata,
// fetched and kept up to date by the server.
class OidcKeySource {
 public:
  virtual ~OidcKeySource() = default;
  // The keys known now; null while none have been fetched.
  virtual std::shared_ptr<const OidcKeySet> keys() const = 0;
  // A token names a key that keys() lacks: the issuer may have rotated. May fetch again, bounded
  // in time and in how often, and answers the keys known then.
  virtual std::shared_ptr<const OidcKeySet> keys_after_unknown(std::string_view kid) const = 0;
};

struct OidcIssuer {
  std::string issuer;    // exactly as tokens carry it in `iss`
  std::string audience;  // what `aud` must hold: the client id Tarjotin has at the issuer
  std::string jwks;      // the issuer's JSON Web Key Set, {"keys": [...]}, when it is a file
  std::shared_ptr<const OidcKeySource> key_source;  // else where the keys come from
  std::string subject_claim = "email";              // the claim matched to a user's e-mail
  std::string organisation_id;                      // whom the issuer signs people in for
  std::optional<domain::Role> provision_role;       // make unknown users with this role
  std::chrono::seconds clock_skew{60};
};

// What the ID token answered to a browser's sign-in must hold besides what every token holds:
// the issuer the browser was sent to, our client id as its audience, and that sign-in's nonce.
struct IdTokenExpectation {
  std::string issuer;
  std::string client_id;
  std::string nonce;
};

class OidcTokenVerifier final : public domain::IdentityTokenVerifier {
 public:
  // Throws std::invalid_argument naming the issuer whose key set cannot be read.
  explicit OidcTokenVerifier(std::vector<OidcIssuer> issuers);
  ~OidcTokenVerifier() override;
  domain::Result<domain::FederatedIdentity> verify(std::string_view token,
                                                   domain::Timestamp now) const override;
  domain::Result<domain::FederatedIdentity> verify_id_token(
      std::string_view token, domain::Timestamp now, const IdTokenExpectation& expected) const;

 private:
  struct Issuer;
  domain::Result<domain::FederatedIdentity> check(std::string_view token, domain::Timestamp now,
                                                  const IdTokenExpectation* expected) const;
  std::vector<std::unique_ptr<Issuer>> issuers_;
};

// RFC 7636's S256 code challenge of a PKCE code verifier: BASE64URL(SHA-256(verifier)).
std::string pkce_challenge(std::string_view code_verifier);

}  // namespace tarjotin::crypto
