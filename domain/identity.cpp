#include "domain/identity.hpp"

#include "domain/name_table.hpp"

namespace tarjotin::domain {
namespace {

constexpr NameTable<OrganisationKind, 3> kKinds{{
    {OrganisationKind::contracting_authority, "contracting_authority"},
    {OrganisationKind::provider, "provider"},
    {OrganisationKind::coaching_unit, "coaching_unit"},
}};

constexpr NameTable<Role, 5> kRoles{{
    {Role::admin, "admin"},
    {Role::officer, "officer"},
    {Role::provider, "provider"},
    {Role::coach, "coach"},
    {Role::auditor, "auditor"},
}};

}  // namespace

std::string_view to_string(OrganisationKind kind) { return name_in(kKinds, kind); }
std::string_view to_string(Role role) { return name_in(kRoles, role); }
std::optional<OrganisationKind> parse_organisation_kind(std::string_view text) {
  return key_in<OrganisationKind>(kKinds, text);
}
std::optional<Role> parse_role(std::string_view text) { return key_in<Role>(kRoles, text); }

OrganisationKind home_kind_of(Role role) {
  switch (role) {
    case Role::provider:
      return OrganisationKind::provider;
    case Role::coach:
      return OrganisationKind::coaching_unit;
    case Role::admin:
    case Role::officer:
    case Role::auditor:
      break;
  }
  return OrganisationKind::contracting_authority;
}

}  // namespace tarjotin::domain
