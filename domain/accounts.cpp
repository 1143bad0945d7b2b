#include "domain/accounts.hpp"

#include <algorithm>
#include <cctype>

#include "domain/business_id.hpp"

namespace tarjotin::domain {
namespace {

constexpr std::size_t kMinPassword = 12;  // OWASP ASVS 2.1.1
constexpr std::size_t kMaxPassword = 128;

AuditEvent event(const AccountServices& s, const Actor* actor, std::string action,
                 std::string object_type, std::string object_id, std::string before,
                 std::string after) {
  return audit_event(s.clock.now(), actor, std::move(action), std::move(object_type),
                     std::move(object_id), std::move(before), std::move(after));
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
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

// The registration body nests the organisation and the user; their fields are named so.
Error nested_under(const std::string& prefix, Error e) {
  for (auto& f : e.fields) f.pointer = prefix + f.pointer;
  return e;
}

// `only_as_first_admin`: refused, in the same transaction, when an administrator exists.
Result<Registration> register_first_user(AccountServices& s, const Actor* actor,
                                         NewOrganisation organisation, NewUser first_user,
                                         bool only_as_first_admin = false) {
  auto org = validated(s, std::move(organisation));
  if (!org) return nested_under("/organisation", org.error());
  if (home_kind_of(first_user.role) != org->kind)
    return Error::invalid("/user/role", "role-fits-organisation",
                          "this role does not belong to this kind of organisation");
  auto user = validated(s, org->id, std::move(first_user));
  if (!user) return nested_under("/user", user.error());
  return transact<Registration>(s.db, Access::write, [&](Transaction& tx) -> Result<Registration> {
    if (only_as_first_admin && tx.users().any_administrator())
      return Error::conflict("already-initialised",
                             "an administrator exists; they add further users");
    if (auto added = add_organisation(tx, *org); !added) return added.error();
    if (auto added = add_user(tx, *user); !added) return added.error();
    tx.audit().append(event(s, actor, "organisation.created", "organisation", org->id, "",
                            std::string(to_string(org->kind))));
    tx.audit().append(
        event(s, actor, "user.created", "user", user->id, "", std::string(to_string(user->role))));
    return Registration{*org, *user};
  });
}

}  // namespace

Result<std::string> normalise_email(const std::string& email) {
  std::string e = trimmed(email);
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = e.find('@');
  if (e.size() > 254 || at == std::string::npos || at == 0 || e.find('@', at + 1) != e.npos ||
      e.find('.', at) == std::string::npos || e.back() == '.' || e.find(' ') != e.npos)
    return Error::invalid("/email", "format", "email is not a valid address");
  return e;
}

// A one-time password an administrator reads out or sends: 20 characters from an alphabet
// without look-alikes (0/O, 1/l/I), about 116 bits.
std::string one_time_password(Secrets& secrets) {
  static constexpr std::string_view alphabet =
      "abcdefghijkmnpqrstuvwxyz23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  std::string out;
  while (out.size() < 20) {
    // Five characters per 64-bit draw. 2^64 is not a multiple of 56^5: draws from the short
    // last block are dropped so that every character is equally likely.
    constexpr std::uint64_t block = 56ull * 56 * 56 * 56 * 56;
    static_assert(alphabet.size() == 56);
    constexpr std::uint64_t limit = UINT64_MAX / block * block;
    std::uint64_t bits = secrets.new_seed();
    if (bits >= limit) continue;
    for (int i = 0; i < 5 && out.size() < 20; ++i) {
      out += alphabet[bits % alphabet.size()];
      bits /= alphabet.size();
    }
  }
  return out;
}

Status check_password_policy(const std::string& password) {
  if (password.size() < kMinPassword)
    return Error::invalid("/password", "minLength", "a password has at least 12 characters");
  if (password.size() > kMaxPassword)
    return Error::invalid("/password", "maxLength", "a password has at most 128 characters");
  if (is_common_password(password))
    return Error::invalid("/password", "notCommon",
                          "this password is on the list of the most common ones: choose another");
  return Done{};
}

bool may_create_user(const Actor& actor, const Organisation& target, Role role) {
  if (home_kind_of(role) != target.kind) return false;
  if (actor.is(Role::admin)) return true;
  if (actor.organisation_id != target.id) return false;
  // Officers staff their own authority; providers their own company. Admins, auditors and
  // coaches are created by an admin only.
  return (actor.is(Role::officer) && role == Role::officer) ||
         (actor.is(Role::provider) && role == Role::provider);
}

bool may_read_organisation(const Actor& actor, const Organisation& target) {
  if (actor.organisation_id == target.id) return true;
  if (actor.is(Role::admin) || actor.is(Role::auditor)) return true;
  // Provider companies are public parties of the DPS (the list of admitted providers is
  // public), so every signed-in user may see their registration details.
  return target.kind == OrganisationKind::provider;
}

bool may_manage_users_of(const Actor& actor, const std::string& organisation_id) {
  if (actor.is(Role::admin)) return true;
  return actor.organisation_id == organisation_id &&
         (actor.is(Role::officer) || actor.is(Role::provider));
}

Result<Registration> register_provider(AccountServices& s, NewOrganisation organisation,
                                       NewUser first_user) {
  organisation.kind = OrganisationKind::provider;
  first_user.role = Role::provider;
  return register_first_user(s, nullptr, std::move(organisation), std::move(first_user));
}

Result<Registration> bootstrap_organisation(AccountServices& s, NewOrganisation organisation,
                                            NewUser first_user) {
  return register_first_user(s, nullptr, std::move(organisation), std::move(first_user));
}

Result<Registration> initialise_installation(AccountServices& s, NewOrganisation authority,
                                             NewUser admin) {
  authority.kind = OrganisationKind::contracting_authority;
  admin.role = Role::admin;
  return register_first_user(s, nullptr, std::move(authority), std::move(admin), true);
}

Result<Organisation> create_organisation(AccountServices& s, const Actor& actor,
                                         NewOrganisation organisation) {
  if (!actor.is(Role::admin)) return Error::forbidden("only an administrator adds organisations");
  auto org = validated(s, std::move(organisation));
  if (!org) return org.error();
  return transact<Organisation>(s.db, Access::write, [&](Transaction& tx) -> Result<Organisation> {
    if (auto added = add_organisation(tx, *org); !added) return added.error();
    tx.audit().append(event(s, &actor, "organisation.created", "organisation", org->id, "",
                            std::string(to_string(org->kind))));
    return *org;
  });
}

Result<Organisation> read_organisation(AccountServices& s, const Actor& actor,
                                       const std::string& organisation_id) {
  return transact<Organisation>(s.db, Access::read, [&](Transaction& tx) -> Result<Organisation> {
    auto org = tx.organisations().find(organisation_id);
    // Not found and not yours look the same, so ids cannot be probed.
    if (!org || !may_read_organisation(actor, *org)) return Error::not_found("organisation");
    return *org;
  });
}

Result<User> create_user(AccountServices& s, const Actor& actor, const std::string& organisation_id,
                         NewUser in) {
  auto org = read_organisation(s, actor, organisation_id);
  if (!org) return org.error();
  if (!may_manage_users_of(actor, organisation_id)) return Error::not_found("organisation");
  if (home_kind_of(in.role) != org->kind)
    return Error::invalid("/role", "role-fits-organisation",
                          "this role does not belong to this kind of organisation");
  if (!may_create_user(actor, *org, in.role))
    return Error::forbidden("your role may not create users with this role");
  auto user = validated(s, organisation_id, std::move(in));
  if (!user) return user.error();
  return transact<User>(s.db, Access::write, [&](Transaction& tx) -> Result<User> {
    if (auto added = add_user(tx, *user); !added) return added.error();
    tx.audit().append(
        event(s, &actor, "user.created", "user", user->id, "", std::string(to_string(user->role))));
    return *user;
  });
}

Result<std::vector<User>> list_users(AccountServices& s, const Actor& actor,
                                     const std::string& organisation_id) {
  if (!may_manage_users_of(actor, organisation_id) && actor.organisation_id != organisation_id)
    return Error::not_found("organisation");
  return transact<std::vector<User>>(s.db, Access::read,
                                     [&](Transaction& tx) -> Result<std::vector<User>> {
                                       if (!tx.organisations().find(organisation_id))
                                         return Error::not_found("organisation");
                                       return tx.users().list_for_organisation(organisation_id);
                                     });
}

namespace {

// A user the actor may switch on and off or reset: as with adding users, officers manage
// officers and providers their colleagues; an authority's admins and auditors answer to an
// admin, not to the officers they oversee. `refusal` says what the actor's role may not do.
Result<User> managed_user(Transaction& tx, const Actor& actor, const std::string& user_id,
                          std::string refusal) {
  auto user = tx.users().find(user_id);
  if (!user || !may_manage_users_of(actor, user->organisation_id)) return Error::not_found("user");
  if (!actor.is(Role::admin) && user->role != actor.role)
    return Error::forbidden(std::move(refusal));
  return *user;
}

}  // namespace

Result<User> set_user_active(AccountServices& s, const Actor& actor, const std::string& user_id,
                             bool active) {
  return transact<User>(s.db, Access::write, [&](Transaction& tx) -> Result<User> {
    auto user =
        managed_user(tx, actor, user_id, "your role may not switch users with this role on or off");
    if (!user) return user.error();
    if (user->id == actor.user_id && !active)
      return Error::conflict("self-deactivation", "you cannot deactivate your own account");
    if (user->active == active) return *user;
    tx.users().set_active(user->id, active);
    if (!active) tx.sessions().revoke_all_for_user(user->id, s.clock.now());
    tx.audit().append(event(s, &actor, active ? "user.activated" : "user.deactivated", "user",
                            user->id, user->active ? "active" : "inactive",
                            active ? "active" : "inactive"));
    user->active = active;
    return *user;
  });
}

Status change_own_password(AccountServices& s, const Actor& actor,
                           const std::string& current_password, const std::string& new_password) {
  if (auto policy = check_password_policy(new_password); !policy) {
    const auto& f = policy.error().fields.front();
    return Error::invalid("/new_password", f.rule, f.detail);
  }
  if (new_password == current_password)
    return Error::invalid("/new_password", "differs", "the new password is the current one");
  auto user = transact<std::optional<User>>(s.db, Access::read,
                                            [&](Transaction& tx) -> Result<std::optional<User>> {
                                              return tx.users().find(actor.user_id);
                                            })
                  .value();
  if (!user || !user->active) return Error::not_found("user");
  // The slow derivations run outside the transaction, as at sign-in.
  if (!s.passwords.verify(current_password, user->password_hash))
    return Error::invalid("/current_password", "matches", "the current password is wrong");
  const std::string hash = s.passwords.hash(new_password);
  return transact<Done>(s.db, Access::write, [&](Transaction& tx) -> Result<Done> {
    tx.users().set_password(user->id, hash, /*change_required=*/false);
    tx.sessions().revoke_others_of_user(user->id, actor.session_id, s.clock.now());
    tx.audit().append(event(s, &actor, "user.password-changed", "user", user->id, "", ""));
    return Done{};
  });
}

Result<PasswordReset> reset_password(AccountServices& s, const Actor& actor,
                                     const std::string& user_id) {
  // Drawn before the transaction: the slow derivation must not hold the write lock.
  PasswordReset reset;
  reset.one_time_password = one_time_password(s.secrets);
  const std::string hash = s.passwords.hash(reset.one_time_password);
  return transact<PasswordReset>(
      s.db, Access::write, [&](Transaction& tx) -> Result<PasswordReset> {
        auto user = managed_user(tx, actor, user_id,
                                 "your role may not reset passwords of users with this role");
        if (!user) return user.error();
        if (user->id == actor.user_id)
          return Error::conflict("own-password", "change your own password with your current one");
        tx.users().set_password(user->id, hash, /*change_required=*/true);
        // Whoever knew the old password is signed out everywhere.
        tx.sessions().revoke_all_for_user(user->id, s.clock.now());
        tx.audit().append(event(s, &actor, "user.password-reset", "user", user->id, "", ""));
        user->password_hash = hash;
        user->password_change_required = true;
        reset.user = std::move(*user);
        return reset;
      });
}

Result<SignedIn> sign_in(AccountServices& s, std::string email, const std::string& password,
                         const std::string& client_address) {
  const Error refused = Error::unauthenticated("email or password is wrong");
  auto normalised = normalise_email(email);
  const Timestamp now = s.clock.now();
  struct Counter {
    std::string hash;
    ThrottleCounter what;
  };
  std::vector<Counter> counters;
  for (auto& c : throttle_counters(normalised ? *normalised : trimmed(email), client_address))
    counters.push_back({s.secrets.hash_token(c.key), std::move(c)});

  std::optional<User> user;
  Timestamp allowed_at{};
  transact<Done>(s.db, Access::read, [&](Transaction& tx) -> Result<Done> {
    if (normalised) user = tx.users().find_by_email(normalised.value());
    for (const auto& c : counters)
      allowed_at = std::max(allowed_at,
                            next_attempt_at(*c.what.rule, tx.sign_in_failures().find(c.hash), now));
    return Done{};
  }).value();
  // Refused before the derivation: a throttled guesser costs the server almost nothing.
  if (allowed_at > now)
    return Error::throttled("sign-in-throttled",
                            "too many failed sign-ins: wait before trying again",
                            std::chrono::ceil<std::chrono::seconds>(allowed_at - now));

  // Always pay for one derivation, and count a failure the same way whether the e-mail exists or
  // not, so neither the answer nor its time tells which e-mails exist.
  const bool verified = s.passwords.verify(password, user ? user->password_hash : "");
  if (!user || !verified || !user->active) {
    transact<Done>(s.db, Access::write, [&](Transaction& tx) -> Result<Done> {
      for (const auto& c : counters)
        tx.sign_in_failures().record(c.hash, now, now - kFailuresForgottenAfter);
      return Done{};
    }).value();
    return refused;
  }
  auto issued = s.secrets.new_token();
  SessionRecord session{issued.hash, user->id, now, now + s.session_lifetime, std::nullopt};
  return transact<SignedIn>(s.db, Access::write, [&](Transaction& tx) -> Result<SignedIn> {
    tx.sessions().add(session);
    for (const auto& c : counters)
      if (c.what.cleared_by_success) tx.sign_in_failures().clear(c.hash);
    Actor self{user->id, user->organisation_id, user->role, issued.hash};
    tx.audit().append(event(s, &self, "session.created", "user", user->id, "", "signed-in"));
    return SignedIn{issued.token, session.expires_at, *user};
  });
}

long long purge_ended_sessions(AccountServices& s) {
  const Timestamp now = s.clock.now();
  long long purged = 0;
  s.db.run(Access::write, [&](Transaction& tx) {
    const long long sessions = tx.sessions().purge_ended(now);
    const long long counters = tx.sign_in_failures().purge_forgotten(now - kFailuresForgottenAfter);
    purged = sessions + counters;
    if (purged == 0) return false;
    tx.audit().append(event(
        s, nullptr, "sessions.purged", "installation", "", "",
        std::to_string(sessions) + " sessions, " + std::to_string(counters) + " sign-in counters"));
    return true;
  });
  return purged;
}

namespace {

// The user a verified identity token names: found by e-mail in the issuer's organisation, or
// made on first sign-in when the issuer is configured to (with one audit event).
Result<Actor> federated_actor(AccountServices& s, const FederatedIdentity& who) {
  const Error refused = Error::unauthenticated(
      "the identity token names no active user of the organisation it signs in for");
  const auto normalised = normalise_email(who.subject);
  if (!normalised) return refused;
  const std::string& email = normalised.value();
  auto known = transact<std::optional<User>>(s.db, Access::read,
                                             [&](Transaction& tx) -> Result<std::optional<User>> {
                                               return tx.users().find_by_email(email);
                                             });
  if (!known) return known.error();
  if (auto& user = known.value()) {
    if (user->organisation_id != who.organisation_id || !user->active) return refused;
    return Actor{user->id, user->organisation_id, user->role, "", false};
  }
  if (!who.provision_role) return refused;
  return transact<Actor>(s.db, Access::write, [&](Transaction& tx) -> Result<Actor> {
    if (auto raced = tx.users().find_by_email(email)) {  // made meanwhile by another request
      if (raced->organisation_id != who.organisation_id || !raced->active) return refused;
      return Actor{raced->id, raced->organisation_id, raced->role, "", false};
    }
    if (!tx.organisations().find(who.organisation_id)) return refused;
    User u;
    u.id = s.secrets.new_id();
    u.organisation_id = who.organisation_id;
    u.email = email;
    u.display_name = who.display_name.empty() ? email : who.display_name;
    u.role = *who.provision_role;
    u.password_hash = "";  // signs in through the identity provider only: no password verifies
    u.created_at = s.clock.now();
    tx.users().add(u);
    tx.audit().append(audit_event(s.clock.now(), nullptr, "user.provisioned", "user", u.id, "",
                                  std::string(to_string(u.role)) + " from " + who.issuer));
    return Actor{u.id, u.organisation_id, u.role, "", false};
  });
}

}  // namespace

Result<Actor> authenticate(AccountServices& s, const std::string& bearer_token) {
  const Error refused = Error::unauthenticated("the bearer token is not valid");
  if (s.identity_tokens && looks_like_jws(bearer_token)) {
    auto who = s.identity_tokens->verify(bearer_token, s.clock.now());
    if (!who) return who.error();
    return federated_actor(s, *who);
  }
  if (bearer_token.empty() || bearer_token.size() > 512) return refused;
  const std::string hash = s.secrets.hash_token(bearer_token);
  return transact<Actor>(s.db, Access::read, [&](Transaction& tx) -> Result<Actor> {
    auto session = tx.sessions().find(hash);
    if (!session || session->revoked_at || session->expires_at <= s.clock.now()) return refused;
    auto user = tx.users().find(session->user_id);
    if (!user || !user->active) return refused;
    return Actor{user->id, user->organisation_id, user->role, hash, user->password_change_required};
  });
}

Status sign_out(AccountServices& s, const Actor& actor) {
  // An identity provider's token is not a session of ours: there is nothing here to end.
  if (actor.session_id.empty())
    return Error::conflict("not-a-session",
                           "signed in with the identity provider's token: sign out there");
  return transact<Done>(s.db, Access::write, [&](Transaction& tx) -> Status {
    tx.sessions().revoke(actor.session_id, s.clock.now());
    tx.audit().append(
        event(s, &actor, "session.revoked", "user", actor.user_id, "signed-in", "signed-out"));
    return Done{};
  });
}

}  // namespace tarjotin::domain
