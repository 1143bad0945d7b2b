#pragma once
#include <soci/soci.h>

#include <string>
#include <vector>

#include "domain/ports.hpp"

namespace tarjotin::storage {

struct AuditVerification;

// Appends to the hash chain: each row's hash covers its own fields and the previous row's hash,
// so changing, removing or reordering any row breaks every hash after it.
class SociAuditTrail final : public domain::AuditTrail {
 public:
  explicit SociAuditTrail(soci::session& sql) : sql_(sql) {}
  void append(const domain::AuditEvent& event) override;
  std::vector<domain::RecordedEvent> after(long long seq, std::size_t limit) override;

 private:
  soci::session& sql_;
};

// The text a row's hash is computed over; length-prefixed so no two rows can collide by moving
// characters between fields.
std::string audit_hash(long long seq, const domain::AuditEvent& event,
                       const std::string& prev_hash);

AuditVerification verify_audit_chain(soci::session& sql);

}  // namespace tarjotin::storage
