#pragma once
// Who may see and manage a DPS: the rules every part of the domain shares.

#include "domain/identity.hpp"
#include "domain/qualification.hpp"

namespace tarjotin::domain {

// Admins and auditors read everything; officers act for their own authority.
inline bool is_authority_staff(const Actor& a) {
  return a.is(Role::officer) || a.is(Role::admin) || a.is(Role::auditor);
}

// Officers act on their own authority's DPSs only.
inline bool manages(const Actor& a, const Dps& dps) {
  return a.is(Role::officer) && a.organisation_id == dps.authority_id;
}

// Reads what happens under a DPS (orders, reports): its officers, and admins and auditors.
inline bool oversees(const Actor& a, const Dps& dps) {
  return manages(a, dps) || a.is(Role::admin) || a.is(Role::auditor);
}

// A DPS is public once published; drafts are seen by their authority and by admins/auditors.
inline bool sees(const Actor* a, const Dps& dps) {
  if (dps.state != DpsState::draft) return true;
  return a && oversees(*a, dps);
}

}  // namespace tarjotin::domain
