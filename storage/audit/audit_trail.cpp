#include "storage/audit/audit_trail.hpp"

#include <map>

#include "crypto/audit_leaf.hpp"
#include "crypto/crypto.hpp"
#include "storage/audit/merkle_log.hpp"
#include "storage/database.hpp"

namespace tarjotin::storage {
namespace {

using namespace audit_tables;

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

// Walks the chain and the tree together: each row's links and own hash, the leaf it was logged
// as, and each signed tree head's root at its size.
class ChainCheck {
 public:
  ChainCheck(AuditVerification& result, std::multimap<long long, std::string> head_roots)
      : result_(result), head_roots_(std::move(head_roots)) {}

  bool row(const ChainedEvent& e, const std::string& salt, const std::string& leaf) {
    const long long seq = e.recorded.seq;
    ++result_.events;
    if (seq != range_.size() + 1)
      return broken(range_.size() + 1,
                    "event " + std::to_string(range_.size() + 1) + " is missing");
    if (e.prev_hash != prev_)
      return broken(seq, "event " + std::to_string(seq) + " does not link to the event before it");
    if (audit_hash(seq, e.recorded.event, e.prev_hash) != e.hash)
      return broken(seq, "event " + std::to_string(seq) + " was changed after it was written");
    const auto salt_bytes = crypto::bytes_from_hex(salt);
    const auto computed = crypto::audit_leaf_hash(
        crypto::seal(e.recorded, salt_bytes.value_or(std::vector<std::uint8_t>{})));
    if (!salt_bytes || crypto::to_hex(computed) != leaf)
      return broken(seq,
                    "event " + std::to_string(seq) + " does not match its leaf in the Merkle tree");
    range_.append(computed);
    prev_ = e.hash;
    return heads_match();
  }

  void end(const Head& head) {
    if (!result_.intact) return;
    const long long last = range_.size();
    if (head.seq != last || head.hash != prev_) {
      broken(last + 1, "the chain ends at event " + std::to_string(last) + " but its head says " +
                           std::to_string(head.seq) + ": events were removed from the end");
      return;
    }
    if (head.tree_size != last || tree_range(head).root() != range_.root()) {
      broken(last + 1, "the Merkle tree's head does not match the tree of the " +
                           std::to_string(last) + " events");
      return;
    }
    if (!head_roots_.empty())
      broken(last + 1, "a signed tree head of " + std::to_string(head_roots_.rbegin()->first) +
                           " events is larger than the log");
  }

 private:
  bool heads_match() {
    const auto [from, to] = head_roots_.equal_range(range_.size());
    for (auto it = from; it != to; ++it)
      if (it->second != crypto::to_hex(range_.root()))
        return broken(range_.size(), "the signed tree head of " + std::to_string(range_.size()) +
                                         " events has another root than the tree");
    head_roots_.erase(from, to);
    return true;
  }

  bool broken(long long seq, std::string problem) {
    result_.intact = false;
    result_.first_broken_seq = seq;
    result_.problem = std::move(problem);
    return false;
  }

  AuditVerification& result_;
  std::multimap<long long, std::string> head_roots_;
  crypto::CompactRange range_;
  std::string prev_;
};

}  // namespace

std::string audit_hash(long long seq, const domain::AuditEvent& e, const std::string& prev_hash) {
  std::string text;
  field(text, std::to_string(seq));
  field(text, std::to_string(domain::to_micros(e.at)));
  field(text, e.actor_user_id);
  field(text, e.actor_organisation_id);
  field(text, e.action);
  field(text, e.object_type);
  field(text, e.object_id);
  field(text, e.before);
  field(text, e.after);
  field(text, prev_hash);
  return crypto::sha256_hex(text);
}

void SociAuditTrail::append(const domain::AuditEvent& e) {
  // The write transaction already holds the head (SQLite's single writer, or the row lock taken
  // at BEGIN on PostgreSQL), so nobody else can take the same sequence number.
  Head head = read_audit_head(sql_);
  if (head.tree_size != head.seq) {
    extend_audit_tree(sql_);
    head = read_audit_head(sql_);
  }
  const ChainedEvent row{{head.seq + 1, e}, head.hash, audit_hash(head.seq + 1, e, head.hash)};
  kEvents.insert(sql_, row);
  append_audit_leaf(sql_, head, row.recorded);
  head.seq = row.recorded.seq;
  head.hash = row.hash;
  kHead.update(sql_, head);
}

std::vector<domain::RecordedEvent> SociAuditTrail::after(long long seq, std::size_t limit) {
  std::vector<domain::RecordedEvent> out;
  kEvents.each(
      sql_, kEvents.select() + "WHERE seq > :seq ORDER BY seq LIMIT :n",
      [&](ChainedEvent e) { out.push_back(std::move(e.recorded)); }, seq,
      static_cast<long long>(limit));
  return out;
}

long long SociAuditTrail::tree_size() { return read_audit_head(sql_).tree_size; }

std::vector<domain::SealedEvent> SociAuditTrail::sealed_from(long long first_seq,
                                                             std::size_t limit) {
  return sealed_audit_events(sql_, first_seq, limit);
}

std::string SociAuditTrail::tree_root(long long size) {
  return audit_tree_root(sql_, read_audit_head(sql_), size);
}

std::vector<std::string> SociAuditTrail::inclusion_path(long long seq, long long tree_size) {
  return audit_inclusion_path(sql_, seq, tree_size);
}

std::vector<std::string> SociAuditTrail::consistency_path(long long first, long long second) {
  return audit_consistency_path(sql_, first, second);
}

std::optional<domain::SignedTreeHead> SociAuditTrail::latest_tree_head() {
  const auto stored = kTreeHeads.find_one(sql_, "ORDER BY seq DESC LIMIT 1");
  if (!stored) return std::nullopt;
  return stored->head;
}

void SociAuditTrail::add_tree_head(const domain::SignedTreeHead& head) {
  long long next = 1;
  sql_ << "SELECT CAST(COALESCE(MAX(seq), 0) + 1 AS BIGINT) FROM audit_tree_heads",
      soci::into(next);
  kTreeHeads.insert(sql_, {next, head});
}

AuditVerification verify_audit_chain(soci::session& sql) {
  AuditVerification result;
  const Head head = read_audit_head(sql);
  std::multimap<long long, std::string> head_roots;
  kTreeHeads.each(sql, kTreeHeads.select(), [&](StoredTreeHead h) {
    head_roots.emplace(h.head.tree_size, h.head.root_hash);
  });
  ChainCheck check(result, std::move(head_roots));
  bool going = true;
  kEvents.each_with(
      sql,
      "SELECT " + kEvents.columns("e") +
          ", t.salt, t.hash FROM audit_events e LEFT JOIN audit_tree t ON t.level = 0 AND "
          "t.position = e.seq - 1 ORDER BY e.seq",
      {Cell::Kind::text, Cell::Kind::text}, [&](ChainedEvent e, const std::vector<Cell>& extra) {
        if (going) going = check.row(e, extra[0].text, extra[1].text);
      });
  check.end(head);
  return result;
}

}  // namespace tarjotin::storage
