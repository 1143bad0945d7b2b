#pragma once
// The accounts rules: who may add and read which users and organisations, the password policy,
// and the forms of e-mail addresses and one-time passwords.
#include <string>
#include <string_view>
#include "domain/identity.hpp"
#include "domain/ports.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

bool may_create_user(const Actor& actor, const Organisation& target, Role role);
bool may_read_organisation(const Actor& actor, const Organisation& target);
bool may_manage_users_of(const Actor& actor, const std::string& organisation_id);
// At least 12 and at most 128 characters, and not one of the most common passwords.
Status check_password_policy(const std::string& password);
// Whether the password, ignoring letter case, is on the shipped list of common passwords
// (domain/accounts/common-passwords.txt).
bool is_common_password(std::string_view password);
std::string one_time_password(Secrets& secrets);
// Without the spaces and tabs a form field often carries at either end.
std::string trimmed(const std::string& text);
Result<std::string> normalise_email(const std::string& email);

}  // namespace tarjotin::domain
