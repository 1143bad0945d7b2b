#pragma once
// Mini-competitions: a purchase put to every provider admitted to a category, with sealed
// tenders, a public opening after the deadline, scoring by the published criteria, and an
// award every tenderer is told about. What they are; domain/competition/ports.hpp says what they
// need and domain/competition/rules.hpp what they decide.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace tarjotin::domain {

enum class CompetitionState { draft, published, opened, awarded, concluded, cancelled };
enum class CompetitionAct { publish, open, award, conclude, cancel };
constexpr int kCompetitionStateCount = 6;
constexpr int kCompetitionActCount = 5;
std::string_view to_string(CompetitionState s);
std::string_view to_string(CompetitionAct a);
std::optional<CompetitionAct> parse_competition_act(std::string_view text);

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

  bool operator==(const AwardCriterion&) const = default;
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

  bool operator==(const Competition&) const = default;
};

// The terms an officer drafts a competition with, and may replace while it is a draft.
struct CompetitionInput {
  std::string title;
  std::string description;
  std::string quantity;
  std::vector<AwardCriterion> criteria;
  Timestamp questions_deadline{};
  Timestamp tender_deadline{};
  int standstill_days = 14;

  bool operator==(const CompetitionInput&) const = default;
};

struct Invitation {
  std::string competition_id;
  std::string provider_id;
  Timestamp invited_at{};

  bool operator==(const Invitation&) const = default;
};

struct Question {
  std::string id;
  std::string competition_id;
  std::string provider_id;  // seen by the asker and the authority; never by other providers
  std::string text;
  Timestamp asked_at{};
  std::string answer;  // empty until answered; answers are published to every invitee
  std::optional<Timestamp> answered_at;

  bool operator==(const Question&) const = default;
};

enum class TenderState { draft, submitted, withdrawn };
constexpr int kTenderStateCount = 3;
std::string_view to_string(TenderState s);

// What a tender says. Held only in sealed form until the competition is opened.
struct TenderContent {
  long long price_cents = 0;
  std::map<std::string, std::string> answers;  // quality criterion key -> the provider's answer
  std::string note;

  bool operator==(const TenderContent&) const = default;
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

  bool operator==(const Tender&) const = default;
};

// A submitted tender with its content, once its competition is opened.
struct OpenedTender {
  Tender tender;
  TenderContent content;

  bool operator==(const OpenedTender&) const = default;
};

struct QualityScore {
  std::string tender_id;
  std::string criterion_key;
  int points = 0;
  std::string justification;
  std::string scored_by;
  Timestamp scored_at{};

  bool operator==(const QualityScore&) const = default;
};

struct RankedTender {
  std::string tender_id;
  std::string provider_id;
  long long price_cents = 0;
  std::map<std::string, double> scores;  // criterion key -> weighted score
  double total = 0;
  int rank = 0;           // 1 = best
  bool complete = false;  // every quality criterion scored

  bool operator==(const RankedTender&) const = default;
};

struct Notification {
  std::string id;
  std::string organisation_id;  // the recipient organisation
  std::string kind;             // e.g. "competition.invited", "competition.awarded"
  std::string subject_id;       // the competition; the category for admission.* kinds
  std::string text;
  Timestamp created_at{};

  bool operator==(const Notification&) const = default;
};

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

  bool operator==(const OutboxEvent&) const = default;
};

// An event whose attempts are used up keeps its last error and is never due again.
inline constexpr Timestamp kNoMoreAttempts{std::chrono::microseconds{std::int64_t{1} << 60}};

// What a delivery's receiver has seen of it, and whether more tries will come.
enum class DeliveryState { pending, retrying, delivered, failed };
constexpr int kDeliveryStateCount = 4;
std::string_view to_string(DeliveryState s);

struct Webhook {
  std::string organisation_id;
  std::string url;
  std::string secret;  // HMAC-SHA256 key, shown to the organisation once
  Timestamp created_at{};

  bool operator==(const Webhook&) const = default;
};

}  // namespace tarjotin::domain
