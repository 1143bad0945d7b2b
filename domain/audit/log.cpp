#include "domain/audit/log.hpp"

#include <string>

namespace tarjotin::domain {
namespace {

bool needs_new_checkpoint(const std::optional<SignedTreeHead>& latest, long long size,
                          Timestamp now) {
  if (!latest) return true;
  return latest->tree_size != size && now - latest->signed_at >= kCheckpointInterval;
}

// A size or position a proof is asked for, from 1 to `high`.
Status within(const std::string& name, long long value, long long high, const std::string& why) {
  if (value >= 1 && value <= high) return Done{};
  return Error::invalid("/" + name, "range",
                        name + " must be from 1 to " + std::to_string(high) + ", " + why);
}

const char* const kLogSize = "the number of events the log holds now";

}  // namespace

std::array<bool, kEventFields> shown_fields(const AuditEvent& event,
                                            const std::optional<Change>& seen) {
  std::array<bool, kEventFields> shown{};
  if (!seen || event.action.starts_with("tender.")) return shown;
  auto show = [&](EventField f) { shown[static_cast<std::size_t>(f)] = true; };
  show(EventField::at);
  show(EventField::action);
  if (seen->kind == event.object_type && seen->id == event.object_id) {
    show(EventField::object_type);
    show(EventField::object_id);
  }
  return shown;
}

Result<Page<PublishedEvent, long long>> read_log(AuditServices& s, const Actor* actor,
                                                 long long from, std::size_t limit) {
  using LogPage = Page<PublishedEvent, long long>;
  if (from < 1)
    return Error::invalid("/from", "range", "events are numbered from 1: `from` must be 1 or more");
  return transact<LogPage>(s.db, Access::read, [&](Transaction& tx) -> Result<LogPage> {
    auto sealed = tx.audit().sealed_from(from, limit + 1);
    LogPage page;
    if (sealed.size() > limit) {
      sealed.pop_back();
      page.next = sealed.back().recorded.seq + 1;
    }
    std::vector<RecordedEvent> events;
    events.reserve(sealed.size());
    for (const auto& e : sealed) events.push_back(e.recorded);
    const auto seen = changes_seen_by(tx, actor, events);
    for (std::size_t i = 0; i < sealed.size(); ++i) {
      const auto shown = shown_fields(sealed[i].recorded.event, seen[i]);
      page.items.push_back(PublishedEvent{std::move(sealed[i]), shown});
    }
    return page;
  });
}

Result<SignedTreeHead> current_checkpoint(AuditServices& s) {
  if (!s.signer) return Error::not_found("a signed checkpoint");
  std::optional<SignedTreeHead> latest;
  long long size = 0;
  s.db.run(Access::read, [&](Transaction& tx) {
    latest = tx.audit().latest_tree_head();
    size = tx.audit().tree_size();
    return false;
  });
  if (!needs_new_checkpoint(latest, size, s.clock.now())) return *latest;
  // Looked at again in the write transaction, which every writer of every replica takes in
  // turn: of several replicas asked at once, one makes the checkpoint and the others answer it.
  return transact<SignedTreeHead>(
      s.db, Access::write, [&](Transaction& tx) -> Result<SignedTreeHead> {
        const auto now = s.clock.now();
        auto stored = tx.audit().latest_tree_head();
        const long long grown = tx.audit().tree_size();
        if (!needs_new_checkpoint(stored, grown, now)) return *stored;
        auto head = s.signer->sign(grown, tx.audit().tree_root(grown), now);
        tx.audit().add_tree_head(head);
        return head;
      });
}

Result<InclusionProof> prove_inclusion(AuditServices& s, long long seq, long long tree_size) {
  return transact<InclusionProof>(
      s.db, Access::read, [&](Transaction& tx) -> Result<InclusionProof> {
        const long long size = tx.audit().tree_size();
        if (auto ok = within("tree_size", tree_size, size, kLogSize); !ok) return ok.error();
        if (auto ok = within("seq", seq, tree_size, "the tree size"); !ok) return ok.error();
        return InclusionProof{seq, tree_size, tx.audit().inclusion_path(seq, tree_size)};
      });
}

Result<ConsistencyProof> prove_consistency(AuditServices& s, long long first, long long second) {
  return transact<ConsistencyProof>(
      s.db, Access::read, [&](Transaction& tx) -> Result<ConsistencyProof> {
        const long long size = tx.audit().tree_size();
        if (auto ok = within("second", second, size, kLogSize); !ok) return ok.error();
        if (auto ok = within("first", first, second, "the second size"); !ok) return ok.error();
        return ConsistencyProof{first, second, tx.audit().consistency_path(first, second)};
      });
}

}  // namespace tarjotin::domain
