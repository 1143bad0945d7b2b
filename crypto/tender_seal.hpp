#pragma once
// Sealed tenders: AES-256-GCM under a key derived per competition from one master key, plus the
// small helpers that go with it (the master key file, webhook signatures).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/competition/ports.hpp"

namespace tarjotin::crypto {

constexpr std::size_t kTenderSealKeyBytes = 32;

// Seals TenderContent as text: base64url (no padding) of
//   0x01 | IV (12 random bytes) | AES-256-GCM ciphertext | tag (16 bytes)
// The key is HKDF-SHA256(master key, salt "tarjotin-tender-seal-v1", info "competition:" + id)
// and the additional authenticated data is "tarjotin-tender-v1:" + id, so a sealed tender only
// opens under the competition it was sealed for. The plaintext is a length-prefixed binary
// serialisation of the content (see tender_seal.cpp).
//
// open() returns nullopt for any bad input (not base64url, unknown version, too short, tag
// mismatch, malformed plaintext) and throws only when OpenSSL itself fails. Both are safe to
// call from several threads at once.
//
// The same key seals each provider's webhook signing secret at rest (the WebhookSecretSeal port),
// bound by HKDF info "webhook-secret:" + organisation id and additional data
// "tarjotin-webhook-secret-v1:" + organisation id, so no sealed value opens as another's.
class AesGcmTenderSeal final : public domain::TenderSeal, public domain::WebhookSecretSeal {
 public:
  // Throws std::invalid_argument unless the key is exactly 32 bytes.
  explicit AesGcmTenderSeal(std::vector<std::uint8_t> master_key);
  ~AesGcmTenderSeal() override;  // wipes the master key
  AesGcmTenderSeal(const AesGcmTenderSeal&) = delete;
  AesGcmTenderSeal& operator=(const AesGcmTenderSeal&) = delete;

  std::string seal(const std::string& competition_id,
                   const domain::TenderContent& content) override;
  std::optional<domain::TenderContent> open(const std::string& competition_id,
                                            const std::string& sealed) override;
  std::string seal_secret(const std::string& organisation_id, const std::string& secret) override;
  std::optional<std::string> open_secret(const std::string& organisation_id,
                                         const std::string& sealed) override;

 private:
  std::vector<std::uint8_t> master_key_;
};

// Reads the 32-byte master key stored as 64 hex digits (and an optional trailing newline) at
// `path`. When there is no such file, creates it and its parent directories, writes a new random
// key with mode 0600 and returns that. Throws std::runtime_error when the file is malformed or
// cannot be read or written.
std::vector<std::uint8_t> load_or_create_key_file(const std::string& path);

// HMAC-SHA256 of `data` under `key`, as lower-case hex (64 characters).
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

}  // namespace tarjotin::crypto
