#pragma once
// Signed tree heads: Ed25519 (RFC 8032, through OpenSSL) over a short text that names the log's
// state, so anyone with the public key can check a checkpoint without the database.
//
//   tarjotin audit checkpoint v1
//   tree_size <decimal>
//   root_hash <64 lower-case hex digits>
//   signed_at <microseconds since 1970 (UTC), decimal>
//
// (each line ended by a line feed). The first line keeps a signature made for this from being
// taken for one made for anything else with the same key.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit/entities.hpp"

namespace tarjotin::crypto {

std::string checkpoint_text(long long tree_size, std::string_view root_hash,
                            domain::Timestamp signed_at);

class Ed25519TreeHeadSigner final : public domain::TreeHeadSigner {
 public:
  // Reads an Ed25519 private key in PEM (PKCS#8, as `openssl genpkey -algorithm ed25519`
  // writes it); throws std::invalid_argument with a sentence that names the file.
  explicit Ed25519TreeHeadSigner(const std::string& key_file);
  ~Ed25519TreeHeadSigner() override;
  Ed25519TreeHeadSigner(const Ed25519TreeHeadSigner&) = delete;
  Ed25519TreeHeadSigner& operator=(const Ed25519TreeHeadSigner&) = delete;

  domain::SignedTreeHead sign(long long tree_size, const std::string& root_hash,
                              domain::Timestamp at) const override;
  domain::LogPublicKey public_key() const override { return public_key_; }

 private:
  struct Key;
  std::unique_ptr<Key> key_;
  domain::LogPublicKey public_key_;
};

// A new Ed25519 private key in PEM (PKCS#8).
std::string new_ed25519_private_key_pem();

// The raw 32-byte public key in a PEM public key (SubjectPublicKeyInfo) or private key; nullopt
// unless the PEM holds an Ed25519 key.
std::optional<std::vector<std::uint8_t>> ed25519_public_key(std::string_view pem);
// The hex SHA-256 of a raw public key: how a head names the key that signed it.
std::string key_id_of(const std::vector<std::uint8_t>& raw_public_key);

// Whether `head`'s signature is the one `raw_public_key`'s owner made over its checkpoint text.
bool verify_tree_head(const domain::SignedTreeHead& head,
                      const std::vector<std::uint8_t>& raw_public_key);

}  // namespace tarjotin::crypto
