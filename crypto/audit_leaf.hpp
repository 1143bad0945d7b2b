#pragma once
// How an audit event becomes a leaf of the log's Merkle tree, for the log that writes it and for
// a verifier that rebuilds it from what the log publishes:
//
//   field salt  = HMAC-SHA256(key: the event's 32-byte salt, message: the field's name)
//   commitment  = SHA-256(field salt ‖ the field's text)             (domain::field_text)
//   leaf data   = 0x01 ‖ seq as 8 bytes big-endian ‖ the 8 commitments in field order
//   leaf hash   = SHA-256(0x00 ‖ leaf data)                          (RFC 9162 §2.1.1)
//
// The event's salt never leaves the log. A field salt opens one commitment only: HMAC keeps the
// others' salts, and so their low-entropy texts (a state name, a score), out of reach.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "crypto/merkle.hpp"
#include "domain/audit/entities.hpp"

namespace tarjotin::crypto {

inline constexpr std::size_t kEventSaltBytes = 32;

Digest field_salt(const std::vector<std::uint8_t>& event_salt, domain::EventField field);
Digest field_commitment(const Digest& field_salt, std::string_view text);
Digest audit_leaf_hash(long long seq, const std::array<Digest, domain::kEventFields>& commitments);

// The event's fields sealed under `event_salt`.
domain::SealedEvent seal(domain::RecordedEvent recorded,
                         const std::vector<std::uint8_t>& event_salt);
// The leaf hash of a sealed event, from its commitments; throws std::invalid_argument when a
// commitment is not a hex digest.
Digest audit_leaf_hash(const domain::SealedEvent& sealed);

}  // namespace tarjotin::crypto
