#pragma once
// Mini-competitions: a purchase put to every provider admitted to a category, with sealed
// tenders, a public opening after the deadline, scoring by the published criteria, and an
// award every tenderer is told about.

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/qualification/entities.hpp"
#include "domain/result.hpp"
#include "domain/state_machine.hpp"
#include "domain/time.hpp"

namespace tarjotin::domain {

// ---- Competition ----------------------------------------------------------------------------

enum class CompetitionState { draft, published, opened, awarded, concluded, cancelled };
enum class CompetitionAct { publish, open, award, conclude, cancel };
constexpr int kCompetitionStateCount = 6;

std::span<const Transition<CompetitionState, CompetitionAct>> competition_transitions();
std::string_view to_string(CompetitionState s);
std::string_view to_string(CompetitionAct a);

enum class CriterionBasis { price, quality };
constexpr int kCriterionBasisCount = 2;
std::string_view to_string(CriterionBasis b);
std::optional<CriterionBasis> parse_criterion_basis(std::string_view text);

// One published award criterion. Weights of a competition add up to 100. Price scores follow
// the published formula weight × lowest price / tender price; a quality criterion is scored
// 0..max_points by the officer and weighs weight × points / max_points.
struct AwardCriterion {
  std::string key;
  std::string name;
  CriterionBasis basis = CriterionBasis::quality;
  int weight = 0;
  int max_points = 10;  // quality only
};

struct Competition {
  std::string id;
  std::string category_id;
  std::string authority_id;
  std::string title;
  std::string description;
  std::string quantity;  // the volume bought, e.g. "40 customers over 12 months"
  std::vector<AwardCriterion> criteria;
  Timestamp questions_deadline{};
  Timestamp tender_deadline{};
  int standstill_days = 14;
  CompetitionState state = CompetitionState::draft;
  std::string reason;  // of a cancellation
  std::string created_by;
  Timestamp created_at{};
  std::optional<Timestamp> published_at;
  std::optional<Timestamp> opened_at;
  std::string opened_by;
  std::string winner_tender_id;
  std::optional<Timestamp> awarded_at;
  Timestamp updated_at{};
};

// The criteria a competition may be published with; pointers are "/criteria/<i>/<field>".
Status validate_award_criteria(std::span<const AwardCriterion> criteria);

struct Invitation {
  std::string competition_id;
  std::string provider_id;
  Timestamp invited_at{};
};

struct Question {
  std::string id;
  std::string competition_id;
  std::string provider_id;  // seen by the asker and the authority; never by other providers
  std::string text;
  Timestamp asked_at{};
  std::string answer;  // empty until answered; answers are published to every invitee
  std::optional<Timestamp> answered_at;
};

// ---- Tender ---------------------------------------------------------------------------------

enum class TenderState { draft, submitted, withdrawn };
constexpr int kTenderStateCount = 3;
std::string_view to_string(TenderState s);

// What a tender says. Held only in sealed form until the competition is opened.
struct TenderContent {
  long long price_cents = 0;
  std::map<std::string, std::string> answers;  // quality criterion key -> the provider's answer
  std::string note;
};

struct Tender {
  std::string id;
  std::string competition_id;
  std::string provider_id;
  TenderState state = TenderState::draft;
  std::string sealed;                     // the sealed TenderContent; opaque to the domain
  std::optional<Timestamp> submitted_at;  // exact time of receipt of the standing submission
  std::string receipt;                    // handed to the provider at submission
  Timestamp created_at{};
  Timestamp updated_at{};
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

// ---- Evaluation -----------------------------------------------------------------------------

struct QualityScore {
  std::string tender_id;
  std::string criterion_key;
  int points = 0;
  std::string justification;
  std::string scored_by;
  Timestamp scored_at{};
};

struct RankedTender {
  std::string tender_id;
  std::string provider_id;
  long long price_cents = 0;
  std::map<std::string, double> scores;  // criterion key -> weighted score
  double total = 0;
  int rank = 0;           // 1 = best
  bool complete = false;  // every quality criterion scored
};

// Ranks the opened, submitted tenders by the published criteria. Ties on the total are broken
// by the lower price, then by the earlier receipt: a rule published with every competition.
struct OpenedTender {
  Tender tender;
  TenderContent content;
};
std::vector<RankedTender> rank_tenders(std::span<const AwardCriterion> criteria,
                                       std::span<const OpenedTender> tenders,
                                       std::span<const QualityScore> scores);

// ---- Notifications --------------------------------------------------------------------------

struct Notification {
  std::string id;
  std::string organisation_id;  // the recipient organisation
  std::string kind;             // e.g. "competition.invited", "competition.awarded"
  std::string subject_id;       // the competition; the category for admission.* kinds
  std::string text;
  Timestamp created_at{};
};

// The field that names a notification's subject: the category for admission.* kinds, the
// competition for competition.* kinds.
inline std::string_view subject_field(std::string_view kind) {
  return kind.starts_with("admission.") ? "category_id" : "competition_id";
}

// A webhook delivery waiting in the outbox. One per notification for an organisation with a
// webhook; the worker posts it and records the outcome.
struct OutboxEvent {
  std::string id;  // sent as the event id; receivers deduplicate on it
  std::string organisation_id;
  std::string kind;
  std::string body;  // the exact JSON bytes that are signed and sent
  Timestamp created_at{};
  int attempts = 0;
  Timestamp next_attempt_at{};
  std::optional<Timestamp> claimed_until;  // a worker holds it until then
  std::optional<Timestamp> delivered_at;
  std::string last_error;
};

// An event whose attempts are used up keeps its last error and is never due again.
inline constexpr Timestamp kNoMoreAttempts{std::chrono::microseconds{std::int64_t{1} << 60}};

struct Webhook {
  std::string organisation_id;
  std::string url;
  std::string secret;  // HMAC-SHA256 key, shown to the organisation once
  Timestamp created_at{};
};

// ---- Ports ----------------------------------------------------------------------------------

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

// Where webhooks may be sent. Asked when a URL is set, so that one the sender would refuse (not
// http(s), a host that does not resolve, an address on loopback, a private network or a
// reserved range) is refused then, not found out at the first delivery.
class WebhookTargets {
 public:
  virtual ~WebhookTargets() = default;
  // Why deliveries to `url` would be refused; empty when they would be attempted.
  virtual std::string refusal(const std::string& url) const = 0;
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

}  // namespace tarjotin::domain
