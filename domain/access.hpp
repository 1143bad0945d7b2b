#pragma once
// Who may see and manage a DPS: the rules every part of the domain shares.

#include <string>

#include "domain/identity.hpp"
#include "domain/ports.hpp"
// With the rules of a DPS's life, which every capability asks (is the DPS in force today?).
#include "domain/qualification/rules.hpp"
#include "domain/result.hpp"

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

// A category is seen with its DPS; while it is a draft, only by those who oversee the DPS, for
// it is still the authority's work in progress.
inline bool sees(const Actor* a, const Category& category, const Dps& dps) {
  return sees(a, dps) && (category.state != CategoryState::draft || (a && oversees(*a, dps)));
}

struct CategoryContext {
  Category category;
  Dps dps;
};

// The category with its DPS, as `actor` (nullptr: anyone) may see them; what the actor may not
// see is "not found", exactly like what does not exist.
Result<CategoryContext> visible_category(Transaction& tx, const Actor* actor,
                                         const std::string& category_id);

}  // namespace tarjotin::domain
