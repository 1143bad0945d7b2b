#pragma once
// Mini-competitions' tables, each column declared once (storage/table.hpp): the repositories
// derive their SELECT lists, INSERTs and UPDATEs from these. A user or tender reference that
// may be empty in the domain is stored as NULL when empty, so the foreign keys hold.

#include "domain/competition/entities.hpp"
#include "storage/table.hpp"

namespace tarjotin::storage::competition_tables {

using namespace domain;

inline const Table<Competition> kCompetitions{
    "competitions",
    1,
    column("id", &Competition::id),
    column("category_id", &Competition::category_id),
    column("authority_id", &Competition::authority_id),
    column("title", &Competition::title),
    column("description", &Competition::description),
    column("quantity", &Competition::quantity),
    column("questions_deadline", &Competition::questions_deadline),
    column("tender_deadline", &Competition::tender_deadline),
    column("standstill_days", &Competition::standstill_days),
    column<Named<CompetitionState, kCompetitionStateCount>>("state", &Competition::state),
    column("reason", &Competition::reason),
    column<NullIfEmpty>("created_by", &Competition::created_by),
    column("created_at", &Competition::created_at),
    column("published_at", &Competition::published_at),
    column("opened_at", &Competition::opened_at),
    column<NullIfEmpty>("opened_by", &Competition::opened_by),
    column<NullIfEmpty>("winner_tender_id", &Competition::winner_tender_id),
    column("awarded_at", &Competition::awarded_at),
    column("updated_at", &Competition::updated_at)};

// A competition's criteria are rows of their own, kept in the order they were published.
struct CriterionRow {
  std::string competition_id;
  int position = 0;
  AwardCriterion criterion;
};

inline const Table<CriterionRow> kCriteria{
    "competition_criteria",
    2,
    column("competition_id", &CriterionRow::competition_id),
    column("position", &CriterionRow::position),
    column(
        "criterion_key", [](auto& r) -> auto& { return r.criterion.key; }),
    column(
        "name", [](auto& r) -> auto& { return r.criterion.name; }),
    column<Named<CriterionBasis, kCriterionBasisCount>>(
        "basis", [](auto& r) -> auto& { return r.criterion.basis; }),
    column(
        "weight", [](auto& r) -> auto& { return r.criterion.weight; }),
    column(
        "max_points", [](auto& r) -> auto& { return r.criterion.max_points; })};

inline const Table<Invitation> kInvitations{
    "invitations", 2, column("competition_id", &Invitation::competition_id),
    column("provider_id", &Invitation::provider_id), column("invited_at", &Invitation::invited_at)};

inline const Table<Question> kQuestions{"questions",
                                        1,
                                        column("id", &Question::id),
                                        column("competition_id", &Question::competition_id),
                                        column("provider_id", &Question::provider_id),
                                        column("question", &Question::text),
                                        column("asked_at", &Question::asked_at),
                                        column("answer", &Question::answer),
                                        column("answered_at", &Question::answered_at)};

inline const Table<Tender> kTenders{
    "tenders",
    1,
    column("id", &Tender::id),
    column("competition_id", &Tender::competition_id),
    column("provider_id", &Tender::provider_id),
    column<Named<TenderState, kTenderStateCount>>("state", &Tender::state),
    column("sealed", &Tender::sealed),
    column("submitted_at", &Tender::submitted_at),
    column("receipt", &Tender::receipt),
    column("created_at", &Tender::created_at),
    column("updated_at", &Tender::updated_at)};

inline const Table<QualityScore> kQualityScores{
    "quality_scores",
    2,
    column("tender_id", &QualityScore::tender_id),
    column("criterion_key", &QualityScore::criterion_key),
    column("points", &QualityScore::points),
    column("justification", &QualityScore::justification),
    column<NullIfEmpty>("scored_by", &QualityScore::scored_by),
    column("scored_at", &QualityScore::scored_at)};

inline const Table<Notification> kNotifications{
    "notifications",
    1,
    column("id", &Notification::id),
    column("organisation_id", &Notification::organisation_id),
    column("kind", &Notification::kind),
    column("subject_id", &Notification::subject_id),
    column("message", &Notification::text),
    column("created_at", &Notification::created_at)};

inline const Table<Webhook> kWebhooks{"webhooks",
                                      1,
                                      column("organisation_id", &Webhook::organisation_id),
                                      column("url", &Webhook::url),
                                      column("secret", &Webhook::secret),
                                      column("created_at", &Webhook::created_at)};

// An event's receiver, kind and signed body never change once it is in the outbox; only its
// delivery progress is written back.
inline const Table<OutboxEvent> kOutboxEvents =
    Table<OutboxEvent>(
        "outbox_events", 1,  //
        column("id", &OutboxEvent::id), column("organisation_id", &OutboxEvent::organisation_id),
        column("kind", &OutboxEvent::kind), column("body", &OutboxEvent::body),
        column("created_at", &OutboxEvent::created_at), column("attempts", &OutboxEvent::attempts),
        column("next_attempt_at", &OutboxEvent::next_attempt_at),
        column("claimed_until", &OutboxEvent::claimed_until),
        column("delivered_at", &OutboxEvent::delivered_at),
        column("last_error", &OutboxEvent::last_error))
        .leave_on_update({"organisation_id", "kind", "body", "created_at"});

}  // namespace tarjotin::storage::competition_tables
