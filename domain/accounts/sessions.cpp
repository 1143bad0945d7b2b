#include "domain/accounts/sessions.hpp"

#include "domain/accounts/federated_sign_in.hpp"
#include "domain/accounts/records.hpp"
#include "domain/accounts/rules.hpp"

namespace tarjotin::domain {

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
