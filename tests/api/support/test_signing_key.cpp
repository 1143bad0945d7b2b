#include "tests/api/support/test_signing_key.hpp"

#include <cjose/cjose.h>

#include <cstdlib>
#include <stdexcept>

namespace tarjotin::testing {
namespace {

std::string base64url(const std::string& bytes) {
  char* out = nullptr;
  size_t size = 0;
  if (!cjose_base64url_encode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &out,
                              &size, nullptr))
    throw std::runtime_error("base64url failed");
  std::string text(out, size);
  cjose_get_dealloc()(out);
  return text;
}

std::string signed_with(const cjose_jwk_t* key, const char* alg, const std::string& kid,
                        const std::string& payload) {
  cjose_header_t* header = cjose_header_new(nullptr);
  cjose_header_set(header, CJOSE_HDR_ALG, alg, nullptr);
  if (!kid.empty()) cjose_header_set(header, CJOSE_HDR_KID, kid.c_str(), nullptr);
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

}  // namespace

struct SigningKey::Jwk {
  explicit Jwk(cjose_jwk_t* k) : key(k) {
    if (!key) throw std::runtime_error("cjose could not make a key");
  }
  ~Jwk() { cjose_jwk_release(key); }
  cjose_jwk_t* key;
};

SigningKey::SigningKey(std::shared_ptr<Jwk> jwk, std::string kid, bool rsa)
    : jwk_(std::move(jwk)), kid_(std::move(kid)), rsa_(rsa) {
  cjose_jwk_set_kid(jwk_->key, kid_.c_str(), kid_.size(), nullptr);
}

SigningKey SigningKey::rsa(const std::string& kid) {
  return {std::make_shared<Jwk>(cjose_jwk_create_RSA_random(2048, nullptr, 0, nullptr)), kid, true};
}

SigningKey SigningKey::ec(const std::string& kid) {
  return {std::make_shared<Jwk>(cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, nullptr)), kid,
          false};
}

std::string SigningKey::public_jwk() const {
  char* json = cjose_jwk_to_json(jwk_->key, false, nullptr);
  std::string out = json;
  std::free(json);
  return out;
}

std::string SigningKey::sign(const std::string& payload) const {
  return signed_with(jwk_->key, rsa_ ? CJOSE_HDR_ALG_RS256 : CJOSE_HDR_ALG_ES256, kid_, payload);
}

std::string SigningKey::sign_hs256_with_public_jwk(const std::string& payload) const {
  const std::string secret = public_jwk();
  cjose_jwk_t* oct = cjose_jwk_create_oct_spec(reinterpret_cast<const uint8_t*>(secret.data()),
                                               secret.size(), nullptr);
  if (!oct) throw std::runtime_error("cjose could not make an HMAC key");
  std::string out = signed_with(oct, CJOSE_HDR_ALG_HS256, kid_, payload);
  cjose_jwk_release(oct);
  return out;
}

std::string unsigned_jws(const std::string& payload) {
  return base64url(R"({"alg":"none"})") + "." + base64url(payload) + ".";
}

}  // namespace tarjotin::testing
