#pragma once
// The append-only audit trail: every state change is written in the same transaction as the
// event that records it.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

// One row of the append-only audit trail. `before` and `after` are short summaries (a state
// name, a changed field), never secrets or personal data beyond ids.
struct AuditEvent {
  Timestamp at{};
  std::string actor_user_id;  // empty for the system itself (background jobs, self sign-up)
  std::string actor_organisation_id;
  std::string action;  // "<object>.<verb>", e.g. "user.created"
  std::string object_type;
  std::string object_id;
  std::string before;
  std::string after;
};

// An event done by `actor`, or by the system itself (background jobs, bootstrap) when null.
inline AuditEvent audit_event(Timestamp at, const Actor* actor, std::string action,
                              std::string object_type, std::string object_id, std::string before,
                              std::string after) {
  return AuditEvent{at,
                    actor ? actor->user_id : std::string(),
                    actor ? actor->organisation_id : std::string(),
                    std::move(action),
                    std::move(object_type),
                    std::move(object_id),
                    std::move(before),
                    std::move(after)};
}

// An event as the trail holds it: its place in the chain with it.
struct RecordedEvent {
  long long seq = 0;
  AuditEvent event;
};

struct SealedEvent;
struct SignedTreeHead;
struct LogPublicKey;

// The trail is also a Merkle tree with one leaf per event, leaf n - 1 for event n, appended in
// the same transaction as the event (domain/audit/entities.hpp).
class AuditTrail {
 public:
  virtual ~AuditTrail() = default;
  virtual void append(const AuditEvent& event) = 0;
  // At most `limit` events after `seq`, in chain order. The chain's order is commit order
  // (every writer holds its head until it commits), so a reader who goes on from the last
  // event it saw never misses one committed later.
  virtual std::vector<RecordedEvent> after(long long seq, std::size_t limit) = 0;

  // Leaves in the tree: the events recorded so far.
  virtual long long tree_size() = 0;
  // At most `limit` events from `first_seq` on, each with its fields' seals.
  virtual std::vector<SealedEvent> sealed_from(long long first_seq, std::size_t limit) = 0;
  // Hashes as hex; sizes within tree_size(), which the caller has checked.
  virtual std::string tree_root(long long size) = 0;
  virtual std::vector<std::string> inclusion_path(long long seq, long long tree_size) = 0;
  virtual std::vector<std::string> consistency_path(long long first, long long second) = 0;
  // The signed tree head stored last, and storing one.
  virtual std::optional<SignedTreeHead> latest_tree_head() = 0;
  virtual void add_tree_head(const SignedTreeHead& head) = 0;
};

// Signs tree heads with the log's key, which is kept apart from the database (a file or
// secret of its own): whoever can write to the database cannot sign a history of their own.
class TreeHeadSigner {
 public:
  virtual ~TreeHeadSigner() = default;
  virtual SignedTreeHead sign(long long tree_size, const std::string& root_hash,
                              Timestamp at) const = 0;
  virtual LogPublicKey public_key() const = 0;
};

}  // namespace tarjotin::domain
