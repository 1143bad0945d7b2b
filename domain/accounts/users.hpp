#pragma once
// Users of an organisation: added, listed, switched on and off, their passwords reset.
#include <string>
#include <vector>
#include "domain/accounts/organisations.hpp"

namespace tarjotin::domain {

Result<User> create_user(AccountServices& s, const Actor& actor, const std::string& organisation_id,
                         NewUser user);
Result<std::vector<User>> list_users(AccountServices& s, const Actor& actor,
                                     const std::string& organisation_id);
struct UserActivity {
  bool active = true;
};
// Deactivating a user also revokes every session the user has.
Result<User> set_user_active(AccountServices& s, const Actor& actor, const std::string& user_id,
                             bool active);

// An administrator (or a manager of the user's organisation, under the rule for switching users
// on and off) replaces a user's password with a one-time value, shown once in the answer; every
// session of the user ends, and the next one may only change the password.
struct PasswordReset {
  User user;
  std::string one_time_password;
};
Result<PasswordReset> reset_password(AccountServices& s, const Actor& actor,
                                     const std::string& user_id);

}  // namespace tarjotin::domain
