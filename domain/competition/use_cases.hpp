#pragma once
// Use cases of mini-competitions: officers publish and award; every admitted provider is
// invited, asks, and tenders until the deadline; tenders stay sealed until the officer opens
// them after the deadline.

#include <optional>
#include <string>
#include <vector>

#include "domain/competition/entities.hpp"
#include "domain/identity.hpp"
#include "domain/ports.hpp"

namespace tarjotin::domain {

struct CompetitionServices {
  Database& db;
  const Clock& clock;
  Secrets& secrets;
  TenderSeal& seal;
  const WebhookTargets& webhook_targets;
  WebhookSecretSeal& webhook_seal;
};

struct CompetitionInput {
  std::string title;
  std::string description;
  std::string quantity;
  std::vector<AwardCriterion> criteria;
  Timestamp questions_deadline{};
  Timestamp tender_deadline{};
  int standstill_days = 14;
};

// What a reader of a competition sees. Before opening nobody learns anything of the tenders,
// not even how many there are: a count would tell a tenderer how hard to bid.
struct CompetitionView {
  Competition competition;
  int invited = 0;
  std::optional<int> tenders;  // submitted tenders, once opened
};

Result<CompetitionView> create_competition(CompetitionServices& s, const Actor& actor,
                                           const std::string& category_id, CompetitionInput in);
Result<CompetitionView> edit_competition(CompetitionServices& s, const Actor& actor,
                                         const std::string& competition_id, CompetitionInput in);
// Invites every provider admitted to the category at this moment.
Result<CompetitionView> publish_competition(CompetitionServices& s, const Actor& actor,
                                            const std::string& competition_id);
// Only later, never earlier; every invitee is told.
Result<CompetitionView> extend_tender_deadline(CompetitionServices& s, const Actor& actor,
                                               const std::string& competition_id,
                                               Timestamp new_deadline);
Result<CompetitionView> cancel_competition(CompetitionServices& s, const Actor& actor,
                                           const std::string& competition_id,
                                           const std::string& reason);
Result<CompetitionView> read_competition(CompetitionServices& s, const Actor& actor,
                                         const std::string& competition_id);
// Officers see their category's competitions; a provider those it was invited to.
Result<std::vector<Competition>> list_competitions(CompetitionServices& s, const Actor& actor,
                                                   const std::string& category_id);

// Called when a provider is admitted: it is invited to the category's published competitions
// whose tender deadline is still ahead. Runs inside the admitting transaction.
void invite_to_running_competitions(Transaction& tx, const Clock& clock, Secrets& secrets,
                                    const std::string& category_id, const std::string& provider_id);

// ---- questions ----

Result<Question> ask_question(CompetitionServices& s, const Actor& actor,
                              const std::string& competition_id, const std::string& text);
Result<Question> answer_question(CompetitionServices& s, const Actor& actor,
                                 const std::string& question_id, const std::string& answer);
// Officers see every question with its asker; a provider sees the answered ones without who
// asked, and its own unanswered ones.
Result<std::vector<Question>> list_questions(CompetitionServices& s, const Actor& actor,
                                             const std::string& competition_id);

// ---- tenders ----

// What the tenderer gets back: never the content (the server cannot read it before opening),
// but its state, the exact time of receipt and a receipt digest of what was sealed.
struct TenderReceipt {
  std::string tender_id;
  std::string competition_id;
  TenderState state = TenderState::draft;
  std::optional<Timestamp> submitted_at;
  std::string receipt;
};

Result<TenderReceipt> save_tender(CompetitionServices& s, const Actor& actor,
                                  const std::string& competition_id, const TenderContent& content);
Result<TenderReceipt> submit_tender(CompetitionServices& s, const Actor& actor,
                                    const std::string& competition_id);
Result<TenderReceipt> withdraw_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id);
Result<TenderReceipt> read_own_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id);

// ---- opening, evaluation, award ----

struct OpenedTenderView {
  Tender tender;
  TenderContent content;
};

// After the deadline only; an audited act naming who opened which tenders.
Result<std::vector<OpenedTenderView>> open_tenders(CompetitionServices& s, const Actor& actor,
                                                   const std::string& competition_id);
Result<std::vector<OpenedTenderView>> read_tenders(CompetitionServices& s, const Actor& actor,
                                                   const std::string& competition_id);
Result<QualityScore> score_tender(CompetitionServices& s, const Actor& actor,
                                  const std::string& competition_id, const std::string& tender_id,
                                  const std::string& criterion_key, int points,
                                  const std::string& justification);
Result<std::vector<RankedTender>> ranking(CompetitionServices& s, const Actor& actor,
                                          const std::string& competition_id);
// Confirms the domain's ranking: `tender_id` must be the one ranked first.
Result<CompetitionView> award_competition(CompetitionServices& s, const Actor& actor,
                                          const std::string& competition_id,
                                          const std::string& tender_id);
// After the standstill period the contract is concluded with the winner.
Result<CompetitionView> conclude_competition(CompetitionServices& s, const Actor& actor,
                                             const std::string& competition_id);

// What a tenderer may know of the decision: the winner and its total, its own scores and rank.
struct TendererDecision {
  Competition competition;
  std::string winner_provider_id;
  double winner_total = 0;
  std::optional<RankedTender> own;
  std::optional<Timestamp> standstill_until;
};
Result<TendererDecision> read_decision(CompetitionServices& s, const Actor& actor,
                                       const std::string& competition_id);

// ---- notifications ----

Result<std::vector<Notification>> list_notifications(CompetitionServices& s, const Actor& actor);
// Sets the organisation's webhook and returns it with a fresh signing secret, shown only now.
// Refused with the sender's reason when deliveries to the URL would be refused.
Result<Webhook> set_webhook(CompetitionServices& s, const Actor& actor, const std::string& url);

// The organisation's webhook (its secret is never shown again) and its latest deliveries.
struct WebhookStatus {
  std::optional<Webhook> webhook;
  std::vector<OutboxEvent> deliveries;  // newest first
};
// The secret a delivery is signed with: opened from its sealed form, or as stored when it was
// stored in the clear before sealing began; nullopt when it does not open.
std::optional<std::string> signing_secret(WebhookSecretSeal& seal, const Webhook& webhook);

Result<WebhookStatus> read_webhook(CompetitionServices& s, const Actor& actor);

// Tells an organisation: the notification itself, and its webhook delivery when the
// organisation has one, in the caller's transaction.
void notify(Transaction& tx, const Clock& clock, Secrets& secrets,
            const std::string& organisation_id, const std::string& kind,
            const std::string& subject_id, const std::string& text);

// The JSON body a notification is delivered with; built once and signed as these exact bytes.
std::string webhook_body(const OutboxEvent& event, const Notification& n);

}  // namespace tarjotin::domain
