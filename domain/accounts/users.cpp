#include "domain/accounts/users.hpp"

#include "domain/accounts/records.hpp"
#include "domain/accounts/rules.hpp"

namespace tarjotin::domain {

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

}  // namespace tarjotin::domain
