#include "crypto/oidc_tokens.hpp"

#include <cjose/cjose.h>
#include <jansson.h>
#include <openssl/evp.h>

#include <stdexcept>

#include "crypto/crypto.hpp"

namespace tarjotin::crypto {
namespace {

struct JsonRelease {
  void operator()(json_t* j) const { json_decref(j); }
};
using Json = std::unique_ptr<json_t, JsonRelease>;
struct JwkRelease {
  void operator()(cjose_jwk_t* k) const { cjose_jwk_release(k); }
};
using Jwk = std::unique_ptr<cjose_jwk_t, JwkRelease>;
struct JwsRelease {
  void operator()(cjose_jws_t* j) const { cjose_jws_release(j); }
};
using Jws = std::unique_ptr<cjose_jws_t, JwsRelease>;

domain::Error refused(const std::string& why) {
  return domain::Error::unauthenticated("the identity token is not valid: " + why);
}

std::string text_of(json_t* object, const char* key) {
  const json_t* value = json_object_get(object, key);
  return json_is_string(value) ? std::string(json_string_value(value), json_string_length(value))
                               : std::string();
}

bool audience_holds(json_t* claims, const std::string& audience) {
  json_t* aud = json_object_get(claims, "aud");
  if (json_is_string(aud)) return json_string_value(aud) == audience;
  if (!json_is_array(aud)) return false;
  std::size_t i;
  json_t* one;
  json_array_foreach(aud, i, one) {
    if (json_is_string(one) && json_string_value(one) == audience) return true;
  }
  return false;
}

// The algorithm a token names goes into the refusal, which is answered and logged: only a short
// run of printable characters of it, whatever the sender put there.
std::string shown(std::string_view sent) {
  std::string out;
  for (const char c : sent.substr(0, 16)) out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  return out;
}

}  // namespace

struct OidcKeySet::Key {
  Jwk jwk;
  std::string kid;
  cjose_jwk_kty_t kty;
};

OidcKeySet::OidcKeySet() = default;
OidcKeySet::~OidcKeySet() = default;

std::shared_ptr<const OidcKeySet> OidcKeySet::read(std::string_view jwks) {
  std::shared_ptr<OidcKeySet> set(new OidcKeySet);
  json_error_t error;
  Json doc(json_loadb(jwks.data(), jwks.size(), 0, &error));
  json_t* list = doc ? json_object_get(doc.get(), "keys") : nullptr;
  if (!json_is_array(list)) throw std::invalid_argument("it is not {\"keys\": [...]}");
  std::size_t i;
  json_t* one;
  json_array_foreach(list, i, one) {
    // Keys for encryption, or of a kind cjose cannot read, are not for verifying tokens.
    const std::string use = text_of(one, "use");
    if (!use.empty() && use != "sig") continue;
    Json copy(json_deep_copy(one));
    Jwk jwk(cjose_jwk_import_json(reinterpret_cast<cjose_header_t*>(copy.get()), nullptr));
    if (!jwk) continue;
    const cjose_jwk_kty_t kty = cjose_jwk_get_kty(jwk.get(), nullptr);
    if (kty != CJOSE_JWK_KTY_RSA && kty != CJOSE_JWK_KTY_EC) continue;
    set->keys_.push_back({std::move(jwk), text_of(one, "kid"), kty});
  }
  if (set->keys_.empty()) throw std::invalid_argument("it has no RSA or EC key for signatures");
  return set;
}

bool OidcKeySet::holds(std::string_view kid) const {
  for (const auto& key : keys_)
    if (key.kid == kid) return true;
  return false;
}

struct OidcTokenVerifier::Issuer {
  OidcIssuer config;
  std::shared_ptr<const OidcKeySet> fixed;  // from the configured file

  std::shared_ptr<const OidcKeySet> keys() const {
    return config.key_source ? config.key_source->keys() : fixed;
  }
};

OidcTokenVerifier::OidcTokenVerifier(std::vector<OidcIssuer> issuers) {
  for (auto& config : issuers) {
    auto issuer = std::make_unique<Issuer>();
    if (!config.key_source) {
      try {
        issuer->fixed = OidcKeySet::read(config.jwks);
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("the key set of " + config.issuer + ": " + e.what());
      }
    }
    issuer->config = std::move(config);
    issuers_.push_back(std::move(issuer));
  }
}

OidcTokenVerifier::~OidcTokenVerifier() = default;

domain::Result<domain::FederatedIdentity> OidcTokenVerifier::verify(std::string_view token,
                                                                    domain::Timestamp now) const {
  return check(token, now, nullptr);
}

domain::Result<domain::FederatedIdentity> OidcTokenVerifier::verify_id_token(
    std::string_view token, domain::Timestamp now, const IdTokenExpectation& expected) const {
  return check(token, now, &expected);
}

domain::Result<domain::FederatedIdentity> OidcTokenVerifier::check(
    std::string_view token, domain::Timestamp now, const IdTokenExpectation* expected) const {
  if (token.size() > 16 * 1024) return refused("too long");
  Jws jws(cjose_jws_import(token.data(), token.size(), nullptr));
  if (!jws) return refused("not a JWS in compact form");
  cjose_header_t* header = cjose_jws_get_protected(jws.get());
  const char* alg = header ? cjose_header_get(header, CJOSE_HDR_ALG, nullptr) : nullptr;
  const std::string algorithm = alg ? alg : "";
  // Only the two asymmetric algorithms issuers use: never "none", never an HMAC whose key
  // would be a public key anyone has.
  cjose_jwk_kty_t wanted;
  if (algorithm == CJOSE_HDR_ALG_RS256)
    wanted = CJOSE_JWK_KTY_RSA;
  else if (algorithm == CJOSE_HDR_ALG_ES256)
    wanted = CJOSE_JWK_KTY_EC;
  else
    return refused("signed with '" + shown(algorithm) + "', not RS256 or ES256");
  const char* kid_text = cjose_header_get(header, CJOSE_HDR_KID, nullptr);
  const std::string kid = kid_text ? kid_text : "";

  uint8_t* plain = nullptr;
  size_t plain_size = 0;
  if (!cjose_jws_get_plaintext(jws.get(), &plain, &plain_size, nullptr))
    return refused("no payload");
  json_error_t error;
  Json claims(json_loadb(reinterpret_cast<const char*>(plain), plain_size, 0, &error));
  if (!json_is_object(claims.get())) return refused("the payload is not a JSON object");

  // The issuer the token claims picks the keys; nothing is believed before the signature.
  const std::string iss = text_of(claims.get(), "iss");
  if (expected && iss != expected->issuer)
    return refused("from another issuer than the one signed in with");
  const Issuer* issuer = nullptr;
  for (const auto& candidate : issuers_)
    if (candidate->config.issuer == iss) issuer = candidate.get();
  if (!issuer) return refused("from an issuer that is not configured");
  const auto signed_with = [&](const OidcKeySet* set) {
    if (!set) return false;
    for (const auto& key : set->keys_) {
      if (key.kty != wanted || (!kid.empty() && !key.kid.empty() && key.kid != kid)) continue;
      if (cjose_jws_verify(jws.get(), key.jwk.get(), nullptr)) return true;
    }
    return false;
  };
  auto keys = issuer->keys();
  bool signed_by_issuer = signed_with(keys.get());
  // A key we have never seen may be one the issuer has just rotated in; a known key that does
  // not verify is a forgery, and fetching again would not change that.
  if (!signed_by_issuer && !kid.empty() && issuer->config.key_source &&
      !(keys && keys->holds(kid))) {
    keys = issuer->config.key_source->keys_after_unknown(kid);
    signed_by_issuer = signed_with(keys.get());
  }
  if (!signed_by_issuer) return refused("the signature is not the issuer's");

  const OidcIssuer& c = issuer->config;
  const std::string& audience = expected ? expected->client_id : c.audience;
  if (!audience_holds(claims.get(), audience)) return refused("meant for another audience");
  if (expected) {
    const std::string azp = text_of(claims.get(), "azp");
    if (!azp.empty() && azp != expected->client_id) return refused("issued to another client");
  }
  const long long seconds_now =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const long long skew = c.clock_skew.count();
  const json_t* exp = json_object_get(claims.get(), "exp");
  if (!json_is_number(exp)) return refused("it has no expiry");
  if (static_cast<long long>(json_number_value(exp)) + skew <= seconds_now)
    return refused("expired");
  if (const json_t* nbf = json_object_get(claims.get(), "nbf"); json_is_number(nbf))
    if (static_cast<long long>(json_number_value(nbf)) - skew > seconds_now)
      return refused("not valid yet");
  // The nonce ties the token to the sign-in this browser started: a token taken from another
  // sign-in does not carry it.
  if (expected && (expected->nonce.empty() || text_of(claims.get(), "nonce") != expected->nonce))
    return refused("the nonce is not this sign-in's");
  domain::FederatedIdentity who;
  who.issuer = c.issuer;
  who.subject = text_of(claims.get(), c.subject_claim.c_str());
  if (who.subject.empty()) return refused("it carries no '" + c.subject_claim + "' claim");
  who.display_name = text_of(claims.get(), "name");
  who.organisation_id = c.organisation_id;
  who.provision_role = c.provision_role;
  return who;
}

std::string pkce_challenge(std::string_view code_verifier) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(code_verifier.data(), code_verifier.size(), digest, &size, EVP_sha256(),
                 nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  return base64url(digest, size);
}

}  // namespace tarjotin::crypto
