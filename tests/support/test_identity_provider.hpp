#pragma once
// A small identity provider for tests: an RSA and an EC signing key, its JSON Web Key Set, and
// tokens signed the way an issuer signs them (or wrongly, for the refusal tests).

#include <cjose/cjose.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace tarjotin::testing {

class TestIdentityProvider {
 public:
  static constexpr const char* kIssuer = "https://idp.example.fi/realms/kuopio";
  static constexpr const char* kAudience = "tarjotin";

  TestIdentityProvider()
      : rsa_(make(cjose_jwk_create_RSA_random(2048, nullptr, 0, nullptr), "rsa-1")),
        ec_(make(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, nullptr), "ec-1")) {}
  ~TestIdentityProvider() {
    cjose_jwk_release(rsa_);
    cjose_jwk_release(ec_);
  }
  TestIdentityProvider(const TestIdentityProvider&) = delete;
  TestIdentityProvider& operator=(const TestIdentityProvider&) = delete;

  // The public keys only, as the issuer publishes them at its jwks_uri.
  std::string jwks() const {
    return "{\"keys\":[" + public_jwk(rsa_) + "," + public_jwk(ec_) + "]}";
  }

  // A token with these claims (a JSON object's members), signed with alg RS256 or ES256.
  std::string token(const std::string& claims, const std::string& alg = "RS256",
                    const std::string& kid = "") const {
    cjose_jwk_t* key = alg == "ES256" ? ec_ : rsa_;
    cjose_header_t* header = cjose_header_new(nullptr);
    cjose_header_set(header, CJOSE_HDR_ALG, alg.c_str(), nullptr);
    const std::string key_id = kid.empty() ? cjose_jwk_get_kid(key, nullptr) : kid;
    cjose_header_set(header, CJOSE_HDR_KID, key_id.c_str(), nullptr);
    const std::string payload = "{" + claims + "}";
    cjose_jws_t* jws = cjose_jws_sign(key, header, reinterpret_cast<const uint8_t*>(payload.data()),
                                      payload.size(), nullptr);
    cjose_header_release(header);
    if (!jws) throw std::runtime_error("cjose could not sign");
    const char* compact = nullptr;
    cjose_jws_export(jws, &compact, nullptr);
    std::string out = compact;
    cjose_jws_release(jws);
    return out;
  }

  // The usual claims of a token for `email`, valid from `now` for an hour.
  static std::string claims(const std::string& email, std::chrono::system_clock::time_point now,
                            const std::string& extra = "") {
    const long long t =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return std::string("\"iss\":\"") + kIssuer + "\",\"aud\":\"" + kAudience +
           "\",\"sub\":\"f3a9\",\"email\":\"" + email + "\",\"name\":\"Maija Valmentaja\"," +
           "\"iat\":" + std::to_string(t) + ",\"nbf\":" + std::to_string(t) +
           ",\"exp\":" + std::to_string(t + 3600) + extra;
  }

 private:
  static cjose_jwk_t* make(cjose_jwk_t* key, const char* kid) {
    if (!key) throw std::runtime_error("cjose could not make a key");
    cjose_jwk_set_kid(key, kid, std::char_traits<char>::length(kid), nullptr);
    return key;
  }
  static std::string public_jwk(cjose_jwk_t* key) {
    char* json = cjose_jwk_to_json(key, false, nullptr);
    std::string out = json;
    free(json);
    return out;
  }
  cjose_jwk_t* rsa_;
  cjose_jwk_t* ec_;
};

}  // namespace tarjotin::testing
