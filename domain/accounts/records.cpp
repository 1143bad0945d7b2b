#include "domain/accounts/records.hpp"

#include "domain/accounts/rules.hpp"
#include "domain/identifiers.hpp"

namespace tarjotin::domain {

AuditEvent event(const AccountServices& s, const Actor* actor, std::string action,
                 std::string object_type, std::string object_id, std::string before,
                 std::string after) {
  return audit_event(s.clock.now(), actor, std::move(action), std::move(object_type),
                     std::move(object_id), std::move(before), std::move(after));
}

Result<Organisation> validated(AccountServices& s, NewOrganisation in) {
  Organisation org;
  org.kind = in.kind;
  org.name = trimmed(in.name);
  if (org.name.empty()) return Error::invalid("/name", "required", "the organisation needs a name");
  org.country = in.country.empty() ? "FI" : in.country;
  if (!is_country_code(org.country))
    return Error::invalid("/country", "pattern", "country is an ISO 3166-1 alpha-2 code");
  if (in.business_id.empty()) {
    if (in.kind == OrganisationKind::provider)
      return Error::invalid("/business_id", "required",
                            "a provider registers with its business ID");
  } else {
    auto canonical = canonical_business_id(org.country, in.business_id);
    if (!canonical) return canonical.error();
    org.business_id = std::move(canonical.value());
  }
  org.id = s.secrets.new_id();
  org.created_at = s.clock.now();
  return org;
}

Result<User> validated(AccountServices& s, const std::string& organisation_id, NewUser in) {
  auto email = normalise_email(in.email);
  if (!email) return email.error();
  if (auto policy = check_password_policy(in.password); !policy) return policy.error();
  User user;
  user.id = s.secrets.new_id();
  user.organisation_id = organisation_id;
  user.email = std::move(email.value());
  user.display_name = trimmed(in.display_name);
  if (user.display_name.empty())
    return Error::invalid("/display_name", "required", "a user needs a display name");
  user.role = in.role;
  user.password_hash = s.passwords.hash(in.password);
  user.created_at = s.clock.now();
  return user;
}

// Checks uniqueness and writes the organisation; the caller's transaction makes it atomic with
// the audit event.
Status add_organisation(Transaction& tx, const Organisation& org) {
  if (!org.business_id.empty() &&
      tx.organisations().find_by_business_id(org.country, org.business_id))
    return Error::conflict("business-id-registered",
                           "an organisation with this business ID is already registered");
  tx.organisations().add(org);
  return Done{};
}

Status add_user(Transaction& tx, const User& user) {
  if (tx.users().find_by_email(user.email))
    return Error::conflict("email-taken", "a user with this email address already exists");
  tx.users().add(user);
  return Done{};
}

}  // namespace tarjotin::domain
