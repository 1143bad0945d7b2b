#pragma once
// Organisations and users validated and written, shared by the use-case families: a record is
// checked whole before anything is written, and written with its uniqueness checks.
#include <string>
#include "domain/accounts/organisations.hpp"
#include "domain/accounts/users.hpp"

namespace tarjotin::domain {

AuditEvent event(const AccountServices& s, const Actor* actor, std::string action,
                 std::string object_type, std::string object_id, std::string before,
                 std::string after);
Result<Organisation> validated(AccountServices& s, NewOrganisation in);
Result<User> validated(AccountServices& s, const std::string& organisation_id, NewUser in);
// Checks uniqueness and writes the organisation; the caller's transaction makes it atomic with
// the audit event.
Status add_organisation(Transaction& tx, const Organisation& org);
Status add_user(Transaction& tx, const User& user);

}  // namespace tarjotin::domain
