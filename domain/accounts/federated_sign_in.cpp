#include "domain/accounts/federated_sign_in.hpp"

#include "domain/accounts/records.hpp"
#include "domain/accounts/rules.hpp"

namespace tarjotin::domain {
namespace {

Error sign_in_unknown() {
  return Error{ErrorKind::unauthenticated,
               "sign-in-unknown",
               "no sign-in waits for this state: it was never started here or was already used",
               {}};
}

}  // namespace

Result<Actor> federated_actor(AccountServices& s, const FederatedIdentity& who) {
  const Error refused{ErrorKind::unauthenticated,
                      "identity-not-a-user",
                      "the identity token names no active user of the organisation it signs in "
                      "for",
                      {}};
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

std::vector<IdentityProviderListing> list_identity_providers(const AccountServices& s) {
  if (!s.identity_providers) return {};
  return s.identity_providers->for_browsers();
}

Result<FederatedSignInStart> start_federated_sign_in(AccountServices& s,
                                                     const std::string& identity_provider_id,
                                                     const std::string& redirect_uri,
                                                     const std::string& language) {
  if (!s.identity_providers) return Error::not_found("identity provider");
  const IssuedToken state = s.secrets.new_token();
  const AuthorizationRequest request{identity_provider_id, state.token, s.secrets.new_token().token,
                                     s.secrets.new_token().token, redirect_uri};
  // Asked before the transaction: the provider's endpoints may first have to be fetched.
  auto location = s.identity_providers->authorization_url(request);
  if (!location) return location.error();
  const Timestamp now = s.clock.now();
  const PendingSignIn pending{state.hash,    identity_provider_id,
                              request.nonce, request.code_verifier,
                              redirect_uri,  language == "sv" || language == "en" ? language : "fi",
                              now,           now + kPendingSignInLifetime};
  return transact<FederatedSignInStart>(
      s.db, Access::write, [&](Transaction& tx) -> Result<FederatedSignInStart> {
        // Sign-ins abandoned at the provider go here, so the table holds only the last minutes'.
        tx.pending_sign_ins().purge_expired(now);
        tx.pending_sign_ins().add(pending);
        return FederatedSignInStart{std::move(location.value()), state.token};
      });
}

Result<PendingSignIn> take_pending_sign_in(AccountServices& s, const std::string& state) {
  if (state.empty() || state.size() > 512) return sign_in_unknown();
  const std::string hash = s.secrets.hash_token(state);
  const Timestamp now = s.clock.now();
  return transact<PendingSignIn>(s.db, Access::write,
                                 [&](Transaction& tx) -> Result<PendingSignIn> {
                                   auto pending = tx.pending_sign_ins().take(hash);
                                   if (!pending) return sign_in_unknown();
                                   if (pending->expired(now))
                                     return Error{ErrorKind::unauthenticated,
                                                  "sign-in-expired",
                                                  "the sign-in took too long: start again",
                                                  {}};
                                   return std::move(*pending);
                                 });
}

Result<SignedIn> finish_federated_sign_in(AccountServices& s, const PendingSignIn& pending,
                                          const std::string& code) {
  if (!s.identity_providers) return Error::not_found("identity provider");
  if (code.empty() || code.size() > 4096)
    return Error::unauthenticated("the identity provider's answer carries no usable code");
  auto who =
      s.identity_providers->redeem({pending.identity_provider_id, code, pending.code_verifier,
                                    pending.redirect_uri, pending.nonce},
                                   s.clock.now());
  if (!who) return who.error();
  auto actor = federated_actor(s, *who);
  if (!actor) return actor.error();
  const Timestamp now = s.clock.now();
  const IssuedToken issued = s.secrets.new_token();
  const SessionRecord session{issued.hash, actor->user_id, now, now + s.session_lifetime,
                              std::nullopt};
  return transact<SignedIn>(s.db, Access::write, [&](Transaction& tx) -> Result<SignedIn> {
    auto user = tx.users().find(actor->user_id);
    if (!user || !user->active)
      return Error{ErrorKind::unauthenticated, "identity-not-a-user", "the user is not active", {}};
    tx.sessions().add(session);
    const Actor self{user->id, user->organisation_id, user->role, issued.hash};
    tx.audit().append(event(s, &self, "session.created", "user", user->id, "",
                            "signed-in through " + pending.identity_provider_id));
    return SignedIn{issued.token, session.expires_at, *user};
  });
}

}  // namespace tarjotin::domain
