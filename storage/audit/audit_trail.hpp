#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/audit/entities.hpp"
#include "domain/ports.hpp"

namespace tarjotin::storage {

struct AuditVerification;

// Appends to the hash chain: each row's hash covers its own fields and the previous row's hash,
// so changing, removing or reordering any row breaks every hash after it. Each event is also a
// leaf of the Merkle tree outsiders verify (storage/audit/merkle_log.hpp), appended with it.
class SociAuditTrail final : public domain::AuditTrail {
 public:
  explicit SociAuditTrail(soci::session& sql) : sql_(sql) {}
  void append(const domain::AuditEvent& event) override;
  std::vector<domain::RecordedEvent> after(long long seq, std::size_t limit) override;
  long long tree_size() override;
  std::vector<domain::SealedEvent> sealed_from(long long first_seq, std::size_t limit) override;
  std::string tree_root(long long size) override;
  std::vector<std::string> inclusion_path(long long seq, long long tree_size) override;
  std::vector<std::string> consistency_path(long long first, long long second) override;
  std::optional<domain::SignedTreeHead> latest_tree_head() override;
  void add_tree_head(const domain::SignedTreeHead& head) override;

 private:
  soci::session& sql_;
};

// The text a row's hash is computed over; length-prefixed so no two rows can collide by moving
// characters between fields.
std::string audit_hash(long long seq, const domain::AuditEvent& event,
                       const std::string& prev_hash);

// The chain link by link, every event against its leaf, the tree against the head row, and every
// stored signed tree head's root against the tree of its size (not its signature: that needs
// the public key, which `tarjotin audit verify-remote` is given).
AuditVerification verify_audit_chain(soci::session& sql);

}  // namespace tarjotin::storage
