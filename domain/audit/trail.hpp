#pragma once
// The append-only audit trail: every state change is written in the same transaction as the
// event that records it.

#include <cstddef>
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

class AuditTrail {
 public:
  virtual ~AuditTrail() = default;
  virtual void append(const AuditEvent& event) = 0;
  // At most `limit` events after `seq`, in chain order. The chain's order is commit order
  // (every writer holds its head until it commits), so a reader who goes on from the last
  // event it saw never misses one committed later.
  virtual std::vector<RecordedEvent> after(long long seq, std::size_t limit) = 0;
};

}  // namespace tarjotin::domain
