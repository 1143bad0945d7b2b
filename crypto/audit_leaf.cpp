#include "crypto/audit_leaf.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>
#include <string>

namespace tarjotin::crypto {

Digest field_salt(const std::vector<std::uint8_t>& event_salt, domain::EventField field) {
  const std::string_view name = domain::to_string(field);
  Digest out{};
  unsigned int size = 0;
  if (!HMAC(EVP_sha256(), event_salt.data(), static_cast<int>(event_salt.size()),
            reinterpret_cast<const unsigned char*>(name.data()), name.size(), out.data(), &size) ||
      size != out.size())
    throw std::runtime_error("HMAC-SHA256 failed");
  return out;
}

Digest field_commitment(const Digest& field_salt, std::string_view text) {
  std::string input(reinterpret_cast<const char*>(field_salt.data()), field_salt.size());
  input.append(text);
  return sha256(input);
}

Digest audit_leaf_hash(long long seq, const std::array<Digest, domain::kEventFields>& commitments) {
  std::string data;
  data.reserve(1 + 8 + commitments.size() * 32);
  data.push_back('\x01');  // this encoding's version
  const auto n = static_cast<unsigned long long>(seq);
  for (int shift = 56; shift >= 0; shift -= 8) data.push_back(static_cast<char>(n >> shift));
  for (const auto& c : commitments) data.append(reinterpret_cast<const char*>(c.data()), c.size());
  return merkle_leaf_hash(data);
}

domain::SealedEvent seal(domain::RecordedEvent recorded,
                         const std::vector<std::uint8_t>& event_salt) {
  domain::SealedEvent sealed{std::move(recorded), {}};
  for (const auto field : domain::kAllEventFields) {
    const Digest salt = field_salt(event_salt, field);
    auto& seal = sealed.fields[static_cast<std::size_t>(field)];
    seal.salt = to_hex(salt);
    seal.commitment =
        to_hex(field_commitment(salt, domain::field_text(sealed.recorded.event, field)));
  }
  return sealed;
}

Digest audit_leaf_hash(const domain::SealedEvent& sealed) {
  std::array<Digest, domain::kEventFields> commitments{};
  for (std::size_t i = 0; i < commitments.size(); ++i) {
    const auto digest = digest_from_hex(sealed.fields[i].commitment);
    if (!digest) throw std::invalid_argument("a field commitment is not a SHA-256 digest");
    commitments[i] = *digest;
  }
  return audit_leaf_hash(sealed.recorded.seq, commitments);
}

}  // namespace tarjotin::crypto
