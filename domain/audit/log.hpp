#pragma once
// The verifiable log's use cases: its events as a reader may see them, the signed checkpoint,
// and the proofs that tie events and checkpoints together (domain/audit/entities.hpp).

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>

#include "domain/audit/change_feed.hpp"
#include "domain/audit/entities.hpp"
#include "domain/identity.hpp"
#include "domain/paging.hpp"
#include "domain/ports.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct AuditServices {
  Database& db;
  const Clock& clock;
  const TreeHeadSigner* signer;  // null: no signing key is configured, so no checkpoints
};

// A checkpoint is made when asked for and the log has grown, at most once in this time: every
// reader, of every replica, gets the one stored last until then.
inline constexpr std::chrono::seconds kCheckpointInterval{10};

// Which fields of an event a reader sees. Never the actor's user or organisation nor the
// before and after summaries: they are personal data or content the change feed does not show
// either. The time and the action only of an event the reader sees in the change feed (`seen`),
// with the object's type and id when the feed names the object as recorded (it names an
// admission, not the application behind it). Nothing of a tender's events, which must not tell
// that a tender exists before it is opened.
std::array<bool, kEventFields> shown_fields(const AuditEvent& event,
                                            const std::optional<Change>& seen);

// At most `limit` events from `from` on, each as `actor` (nullptr: anyone) may see it; `next` is
// the `from` of the following page, when there are more events.
Result<Page<PublishedEvent, long long>> read_log(AuditServices& s, const Actor* actor,
                                                 long long from, std::size_t limit);

// The latest signed tree head, made now if the log grew since the last one and that is older
// than kCheckpointInterval.
Result<SignedTreeHead> current_checkpoint(AuditServices& s);

// Proofs for sizes up to the log's current size.
Result<InclusionProof> prove_inclusion(AuditServices& s, long long seq, long long tree_size);
Result<ConsistencyProof> prove_consistency(AuditServices& s, long long first, long long second);

}  // namespace tarjotin::domain
