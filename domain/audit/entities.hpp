#pragma once
// The audit trail as a log that outsiders can verify without trusting whoever runs the
// database: every event is a leaf of a Merkle tree (RFC 9162), and signed tree heads say which
// tree the log had at a time. A reader who keeps the last head it saw finds out when a later one
// is not an extension of it: a row changed, the log cut short and grown again, a second history.
//
// An event's leaf commits to each of its fields separately, each under a salt of its own, so
// that a field may be withheld from a reader (personal data, what a reader may not see) and the
// reader can still check the leaf: a shown field comes with the salt that opens its commitment,
// a withheld one as the commitment alone, which says nothing about the text behind it.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit/trail.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

// An event's fields in the order its leaf commits to them.
enum class EventField {
  at,
  actor_user_id,
  actor_organisation_id,
  action,
  object_type,
  object_id,
  before,
  after
};
inline constexpr std::size_t kEventFields = 8;
inline constexpr std::array<EventField, kEventFields> kAllEventFields = {
    EventField::at,     EventField::actor_user_id, EventField::actor_organisation_id,
    EventField::action, EventField::object_type,   EventField::object_id,
    EventField::before, EventField::after};

std::string_view to_string(EventField field);
// The text a field's commitment covers: the time as microseconds since 1970 (UTC) in decimal,
// every other field as recorded.
std::string field_text(const AuditEvent& event, EventField field);

// One field's commitment and the salt that opens it, both hex.
struct FieldSeal {
  std::string salt;
  std::string commitment;
  bool operator==(const FieldSeal&) const = default;
};

// An event as the log holds it: what was recorded, and each field's seal.
struct SealedEvent {
  RecordedEvent recorded;
  std::array<FieldSeal, kEventFields> fields;
};

// An event as a reader gets it: the fields shown, the rest as their commitments.
struct PublishedEvent {
  SealedEvent sealed;
  std::array<bool, kEventFields> shown{};
  bool is_shown(EventField f) const { return shown[static_cast<std::size_t>(f)]; }
};

// The log's state at a moment, signed with the log's key (Ed25519). Hashes and the signature
// are hex; key_id is the hex SHA-256 of the raw public key.
struct SignedTreeHead {
  long long tree_size = 0;
  std::string root_hash;
  Timestamp signed_at{};
  std::string key_id;
  std::string signature;
  bool operator==(const SignedTreeHead&) const = default;
};

struct LogPublicKey {
  std::string key_id;
  std::string public_key;  // the raw 32 bytes, hex
  std::string pem;         // SubjectPublicKeyInfo, as `openssl pkey -pubout` writes it
};

// RFC 9162 §2.1.3: the hashes from event `seq`'s leaf (index seq - 1) up to the root of the
// tree of `tree_size` leaves.
struct InclusionProof {
  long long seq = 0;
  long long tree_size = 0;
  std::vector<std::string> path;
};

// RFC 9162 §2.1.4: what shows that the tree of `second` leaves extends the one of `first`.
struct ConsistencyProof {
  long long first = 0;
  long long second = 0;
  std::vector<std::string> path;
};

}  // namespace tarjotin::domain
