#pragma once
// Signing in and out: sessions from a password, bearer tokens from an identity provider,
// a user's own password change, and the housekeeping of ended sessions.
#include <string>
#include "domain/accounts/services.hpp"
#include "domain/identity.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct Credentials {
  std::string email;
  std::string password;
};

struct PasswordChange {
  std::string current_password;
  std::string new_password;
};

struct SignedIn {
  std::string token;
  Timestamp expires_at{};
  User user;
};

// Throttled by the failures counted for the account, the client address and the pair
// (domain/accounts/sign_in_throttle.hpp): a throttled attempt is refused before the password is
// checked.
Result<SignedIn> sign_in(AccountServices& s, std::string email, const std::string& password,
                         const std::string& client_address);
Result<Actor> authenticate(AccountServices& s, const std::string& bearer_token);
Status sign_out(AccountServices& s, const Actor& actor);
// The signed-in user's own password: the current one must be given, the new one meets the
// policy and differs; every other session of the user ends, this one stays.
Status change_own_password(AccountServices& s, const Actor& actor,
                           const std::string& current_password, const std::string& new_password);

// Housekeeping on a timer: removes ended sessions (expired or signed out; a removed one
// authenticates no more than an ended one did) and forgotten sign-in failure counters, with one
// audit event when anything went. Returns how many rows went. Safe to run on every replica.
long long purge_ended_sessions(AccountServices& s);

}  // namespace tarjotin::domain
