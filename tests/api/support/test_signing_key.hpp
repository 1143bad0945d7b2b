#pragma once
// A signing key as an identity provider holds one (cjose underneath), and JWS compact tokens
// made with it, or made wrongly on purpose.

#include <memory>
#include <string>

namespace tarjotin::testing {

class SigningKey {
 public:
  static SigningKey rsa(const std::string& kid);
  static SigningKey ec(const std::string& kid);

  const std::string& kid() const { return kid_; }
  std::string public_jwk() const;  // as a key set publishes it
  // `payload` signed with RS256 (RSA) or ES256 (EC), the kid in the header.
  std::string sign(const std::string& payload) const;
  // `payload` as HS256 keyed with the bytes of this key's published JWK: what an attacker makes
  // of a public key when a verifier would take the algorithm from the token.
  std::string sign_hs256_with_public_jwk(const std::string& payload) const;

 private:
  struct Jwk;
  SigningKey(std::shared_ptr<Jwk> jwk, std::string kid, bool rsa);
  std::shared_ptr<Jwk> jwk_;
  std::string kid_;
  bool rsa_ = true;
};

// A token with alg "none" and no signature.
std::string unsigned_jws(const std::string& payload);

}  // namespace tarjotin::testing
