#pragma once
// Organisations and their first users: provider self-registration, the installation's first
// authority and administrator, and organisations an administrator adds.
#include <string>
#include "domain/accounts/services.hpp"
#include "domain/identity.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct NewOrganisation {
  OrganisationKind kind{};
  std::string name;
  std::string country = "FI";
  std::string business_id;
};

struct NewUser {
  std::string email;
  std::string display_name;
  Role role{};
  std::string password;
};

// A provider's self-registration: the company and its first user.
struct ProviderRegistration {
  NewOrganisation organisation;
  NewUser user;
};

struct Registration {
  Organisation organisation;
  User user;
};

// Anyone may register a provider company and its first user: a DPS must let every interested
// provider apply, without asking the authority first.
Result<Registration> register_provider(AccountServices& s, NewOrganisation organisation,
                                       NewUser first_user);

// Bootstrap and demo data: creates an organisation and its first user without an actor, written
// to the audit trail as done by the system.
Result<Registration> bootstrap_organisation(AccountServices& s, NewOrganisation organisation,
                                            NewUser first_user);

// A new installation's first contracting authority and its administrator, who adds everyone
// else; refused once any administrator exists.
Result<Registration> initialise_installation(AccountServices& s, NewOrganisation authority,
                                             NewUser admin);

Result<Organisation> create_organisation(AccountServices& s, const Actor& actor,
                                         NewOrganisation organisation);
Result<Organisation> read_organisation(AccountServices& s, const Actor& actor,
                                       const std::string& organisation_id);

}  // namespace tarjotin::domain
