#pragma once
// Notifications and webhooks: what an organisation is told (invitations, answers, moved
// deadlines, cancellations, awards; admissions suspended or reinstated), read in the API and
// delivered to the organisation's webhook, signed with a secret shown to it once.

#include <optional>
#include <string>
#include <vector>

#include "domain/competition/services.hpp"
#include "domain/identity.hpp"

namespace tarjotin::domain {

// Tells an organisation: the notification itself, and its webhook delivery when the
// organisation has one, in the caller's transaction.
void notify(Transaction& tx, const Clock& clock, Secrets& secrets,
            const std::string& organisation_id, const std::string& kind,
            const std::string& subject_id, const std::string& text);

Result<std::vector<Notification>> list_notifications(CompetitionServices& s, const Actor& actor);

// Sets the organisation's webhook and returns it with a fresh signing secret, shown only now.
// Refused with the sender's reason when deliveries to the URL would be refused.
Result<Webhook> set_webhook(CompetitionServices& s, const Actor& actor, const std::string& url);

// The organisation's webhook (its secret is never shown again) and its latest deliveries.
struct WebhookStatus {
  std::optional<Webhook> webhook;
  std::vector<OutboxEvent> deliveries;  // newest first

  bool operator==(const WebhookStatus&) const = default;
};
Result<WebhookStatus> read_webhook(CompetitionServices& s, const Actor& actor);

// The secret a delivery is signed with: opened from its sealed form, or as stored when it was
// stored in the clear before sealing began; nullopt when it does not open.
std::optional<std::string> signing_secret(WebhookSecretSeal& seal, const Webhook& webhook);

}  // namespace tarjotin::domain
