#include "domain/accounts/organisations.hpp"

#include "domain/accounts/records.hpp"
#include "domain/accounts/rules.hpp"

namespace tarjotin::domain {
namespace {

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

}  // namespace tarjotin::domain
