#pragma once
// Use cases for organisations, users and sign-in sessions.

#include <chrono>
#include <string>
#include <vector>

#include "domain/federated_identity.hpp"
#include "domain/identity.hpp"
#include "domain/ports.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct AccountServices {
  Database& db;
  const Clock& clock;
  const PasswordHasher& passwords;
  Secrets& secrets;
  std::chrono::seconds session_lifetime{std::chrono::hours{12}};
  // Set when identity providers are configured: their tokens are accepted as bearer tokens.
  const IdentityTokenVerifier* identity_tokens = nullptr;
};

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

struct Registration {
  Organisation organisation;
  User user;
};

struct SignedIn {
  std::string token;
  Timestamp expires_at{};
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

Result<User> create_user(AccountServices& s, const Actor& actor, const std::string& organisation_id,
                         NewUser user);
Result<std::vector<User>> list_users(AccountServices& s, const Actor& actor,
                                     const std::string& organisation_id);
// Deactivating a user also revokes every session the user has.
Result<User> set_user_active(AccountServices& s, const Actor& actor, const std::string& user_id,
                             bool active);

// Throttled by the failures counted for the account, the client address and the pair
// (domain/sign_in_throttle.hpp): a throttled attempt is refused before the password is checked.
Result<SignedIn> sign_in(AccountServices& s, std::string email, const std::string& password,
                         const std::string& client_address);
Result<Actor> authenticate(AccountServices& s, const std::string& bearer_token);
Status sign_out(AccountServices& s, const Actor& actor);
// The signed-in user's own password: the current one must be given, the new one meets the
// policy and differs; every other session of the user ends, this one stays.
Status change_own_password(AccountServices& s, const Actor& actor,
                           const std::string& current_password, const std::string& new_password);

// An administrator (or a manager of the user's organisation, under the rule for switching users
// on and off) replaces a user's password with a one-time value, shown once in the answer; every
// session of the user ends, and the next one may only change the password.
struct PasswordReset {
  User user;
  std::string one_time_password;
};
Result<PasswordReset> reset_password(AccountServices& s, const Actor& actor,
                                     const std::string& user_id);

// Housekeeping on a timer: removes ended sessions (expired or signed out; a removed one
// authenticates no more than an ended one did) and forgotten sign-in failure counters, with one
// audit event when anything went. Returns how many rows went. Safe to run on every replica.
long long purge_ended_sessions(AccountServices& s);

// Rules, exposed for tests and for the authorization matrix.
bool may_create_user(const Actor& actor, const Organisation& target, Role role);
bool may_read_organisation(const Actor& actor, const Organisation& target);
bool may_manage_users_of(const Actor& actor, const std::string& organisation_id);
// At least 12 and at most 128 characters, and not one of the most common passwords.
Status check_password_policy(const std::string& password);
// Whether the password, ignoring letter case, is on the shipped list of common passwords
// (domain/common-passwords.txt).
bool is_common_password(std::string_view password);
std::string one_time_password(Secrets& secrets);
Result<std::string> normalise_email(const std::string& email);

}  // namespace tarjotin::domain
