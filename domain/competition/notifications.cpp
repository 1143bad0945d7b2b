#include "domain/competition/notifications.hpp"

#include "domain/competition/rules.hpp"
#include "domain/webhook_events.hpp"

namespace tarjotin::domain {

// Enough for an organisation's screen; the webhook has every one.
constexpr std::size_t kNotificationLimit = 200;
constexpr std::size_t kDeliveryLimit = 20;

void notify(Transaction& tx, const Clock& clock, Secrets& secrets,
            const std::string& organisation_id, const std::string& kind,
            const std::string& subject_id, const std::string& text) {
  Notification n{secrets.new_id(), organisation_id, kind, subject_id, text, clock.now()};
  tx.notifications().add(n);
  OutboxEvent e;
  e.id = n.id;
  e.organisation_id = organisation_id;
  e.kind = kind;
  e.created_at = clock.now();
  e.body = webhook_body(e, n);
  queue_webhook_event(tx, std::move(e));
}

Result<std::vector<Notification>> list_notifications(CompetitionServices& s, const Actor& actor) {
  return transact<std::vector<Notification>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Notification>> {
        return tx.notifications().list_for_organisation(actor.organisation_id, kNotificationLimit);
      });
}

Result<Webhook> set_webhook(CompetitionServices& s, const Actor& actor, const std::string& url) {
  if (!actor.is(Role::provider)) return Error::forbidden("providers set their own webhook");
  if (auto ok = check_webhook_url(url); !ok) return ok.error();
  if (const auto refusal = s.webhook_targets.refusal(url); !refusal.empty())
    return Error::invalid("/url", "deliverable",
                          "deliveries to this URL would be refused: " + refusal);
  return transact<Webhook>(s.db, Access::write, [&](Transaction& tx) -> Result<Webhook> {
    Webhook w{actor.organisation_id, url, s.secrets.new_token().token, s.clock.now()};
    // Stored sealed: a copy of the database does not let anyone sign deliveries. The answer
    // carries the secret in the clear, this once.
    Webhook stored = w;
    stored.secret = std::string(kSealedSecretPrefix) +
                    s.webhook_seal.seal_secret(actor.organisation_id, w.secret);
    tx.notifications().put_webhook(stored);
    tx.audit().append(audit_event(s.clock.now(), &actor, "webhook.set", "organisation",
                                  actor.organisation_id, "", "url set, new secret"));
    return w;
  });
}

Result<WebhookStatus> read_webhook(CompetitionServices& s, const Actor& actor) {
  if (!actor.is(Role::provider)) return Error::forbidden("providers read their own webhook");
  return transact<WebhookStatus>(s.db, Access::read, [&](Transaction& tx) -> Result<WebhookStatus> {
    return WebhookStatus{tx.notifications().webhook(actor.organisation_id),
                         tx.notifications().recent_events(actor.organisation_id, kDeliveryLimit)};
  });
}

std::optional<std::string> signing_secret(WebhookSecretSeal& seal, const Webhook& webhook) {
  if (!webhook.secret.starts_with(kSealedSecretPrefix)) return webhook.secret;
  return seal.open_secret(webhook.organisation_id,
                          webhook.secret.substr(kSealedSecretPrefix.size()));
}

}  // namespace tarjotin::domain
