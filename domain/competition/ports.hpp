#pragma once
// What mini-competitions need from outside the domain: their repositories (storage/competition/
// implements them), the seals that keep tenders and webhook secrets unreadable (crypto/), and
// the rule of where webhooks may be sent (server/webhook_delivery).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/competition/entities.hpp"

namespace tarjotin::domain {

class CompetitionRepository {
 public:
  virtual ~CompetitionRepository() = default;
  virtual void add(const Competition& c) = 0;
  virtual void update(const Competition& c) = 0;
  virtual std::optional<Competition> find(const std::string& id) = 0;
  virtual std::vector<Competition> list_for_category(const std::string& category_id) = 0;
  // The category's published competitions (the caller checks their deadlines).
  virtual std::vector<Competition> list_published_for_category(const std::string& category_id) = 0;

  virtual void add_invitation(const Invitation& i) = 0;
  virtual std::vector<Invitation> invitations(const std::string& competition_id) = 0;
  virtual std::vector<Invitation> invitations_for_provider(const std::string& provider_id) = 0;

  virtual void add_question(const Question& q) = 0;
  virtual void update_question(const Question& q) = 0;
  virtual std::optional<Question> find_question(const std::string& id) = 0;
  virtual std::vector<Question> questions(const std::string& competition_id) = 0;

  virtual void add_tender(const Tender& t) = 0;
  virtual void update_tender(const Tender& t) = 0;
  virtual std::optional<Tender> find_tender(const std::string& id) = 0;
  virtual std::optional<Tender> find_tender_of(const std::string& competition_id,
                                               const std::string& provider_id) = 0;
  virtual std::vector<Tender> tenders(const std::string& competition_id) = 0;

  virtual void put_score(const QualityScore& s) = 0;  // insert or replace per tender+criterion
  virtual std::vector<QualityScore> scores(const std::string& competition_id) = 0;
};

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  virtual void add(const Notification& n) = 0;
  virtual std::vector<Notification> list_for_organisation(const std::string& organisation_id,
                                                          std::size_t limit) = 0;
  virtual void put_webhook(const Webhook& w) = 0;  // insert or replace
  virtual std::optional<Webhook> webhook(const std::string& organisation_id) = 0;
  virtual void add_event(const OutboxEvent& e) = 0;
  // Claims up to `limit` undelivered events due at `now` and not claimed by a live worker,
  // until `claim_until`; returns them.
  virtual std::vector<OutboxEvent> claim_due(Timestamp now, Timestamp claim_until,
                                             std::size_t limit) = 0;
  virtual void update_event(const OutboxEvent& e) = 0;
  virtual std::optional<OutboxEvent> find_event(const std::string& id) = 0;
  // The organisation's latest deliveries, newest first.
  virtual std::vector<OutboxEvent> recent_events(const std::string& organisation_id,
                                                 std::size_t limit) = 0;
};

// Seals tender content so that it can be read only by opening the competition it belongs to.
// crypto/ implements it with AES-256-GCM under a key derived per competition.
class TenderSeal {
 public:
  virtual ~TenderSeal() = default;
  virtual std::string seal(const std::string& competition_id, const TenderContent& content) = 0;
  // nullopt when the sealed bytes were tampered with or belong to another competition.
  virtual std::optional<TenderContent> open(const std::string& competition_id,
                                            const std::string& sealed) = 0;
};

// Keeps a provider's webhook signing secret unreadable at rest: sealed when stored, opened only
// to sign a delivery. A stored secret starts with kSealedSecretPrefix; one without it was stored
// in the clear before sealing began and is used as it is until the webhook is set again.
inline constexpr std::string_view kSealedSecretPrefix = "sealed:";
class WebhookSecretSeal {
 public:
  virtual ~WebhookSecretSeal() = default;
  virtual std::string seal_secret(const std::string& organisation_id,
                                  const std::string& secret) = 0;
  // nullopt when the sealed value was tampered with or belongs to another organisation.
  virtual std::optional<std::string> open_secret(const std::string& organisation_id,
                                                 const std::string& sealed) = 0;
};

// Where webhooks may be sent. Asked when a URL is set, so that one the sender would refuse (not
// http(s), a host that does not resolve, an address on loopback, a private network or a
// reserved range) is refused then, not found out at the first delivery.
class WebhookTargets {
 public:
  virtual ~WebhookTargets() = default;
  // Why deliveries to `url` would be refused; empty when they would be attempted.
  virtual std::string refusal(const std::string& url) const = 0;
};

}  // namespace tarjotin::domain
