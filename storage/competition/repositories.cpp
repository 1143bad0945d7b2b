#include "storage/competition/repositories.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "storage/row_values.hpp"

namespace tarjotin::storage {
namespace {

using domain::from_micros;
using domain::to_micros;

long long limit_of(std::size_t limit) {
  return static_cast<long long>(
      std::min<std::size_t>(limit, std::numeric_limits<long long>::max()));
}

// ---- Competitions ----

constexpr const char* kCompetitionColumns =
    "SELECT c.id, c.category_id, c.authority_id, c.title, c.description, c.quantity, "
    "c.questions_deadline, c.tender_deadline, c.standstill_days, c.state, c.reason, "
    "c.created_by, c.created_at, c.published_at, c.opened_at, c.opened_by, c.winner_tender_id, "
    "c.awarded_at, c.updated_at FROM competitions c ";

domain::Competition competition_from(const soci::row& r) {
  domain::Competition c;
  c.id = r.get<std::string>(0);
  c.category_id = r.get<std::string>(1);
  c.authority_id = r.get<std::string>(2);
  c.title = r.get<std::string>(3);
  c.description = r.get<std::string>(4);
  c.quantity = r.get<std::string>(5);
  c.questions_deadline = from_micros(int64_at(r, 6));
  c.tender_deadline = from_micros(int64_at(r, 7));
  c.standstill_days = static_cast<int>(int64_at(r, 8));
  c.state =
      enum_named<domain::CompetitionState, domain::kCompetitionStateCount>(r.get<std::string>(9));
  c.reason = r.get<std::string>(10);
  c.created_by = text_at(r, 11);
  c.created_at = from_micros(int64_at(r, 12));
  c.published_at = optional_micros_at(r, 13);
  c.opened_at = optional_micros_at(r, 14);
  c.opened_by = text_at(r, 15);
  c.winner_tender_id = text_at(r, 16);
  c.awarded_at = optional_micros_at(r, 17);
  c.updated_at = from_micros(int64_at(r, 18));
  return c;
}

// A competition's columns in the form SOCI binds, shared by insert and update.
struct CompetitionRow {
  long long questions_deadline, tender_deadline;
  std::string state;
  soci::indicator created_by_ind, opened_by_ind, winner_ind;
  long long created;
  Nullable published, opened, awarded;
  long long updated;

  explicit CompetitionRow(const domain::Competition& c)
      : questions_deadline(to_micros(c.questions_deadline)),
        tender_deadline(to_micros(c.tender_deadline)),
        state(domain::to_string(c.state)),
        created_by_ind(null_if_empty(c.created_by)),
        opened_by_ind(null_if_empty(c.opened_by)),
        winner_ind(null_if_empty(c.winner_tender_id)),
        created(to_micros(c.created_at)),
        published(micros_or_null(c.published_at)),
        opened(micros_or_null(c.opened_at)),
        awarded(micros_or_null(c.awarded_at)),
        updated(to_micros(c.updated_at)) {}
};

// ---- Questions and tenders ----

constexpr const char* kQuestionColumns =
    "SELECT id, competition_id, provider_id, question, asked_at, answer, answered_at FROM "
    "questions ";

domain::Question question_from(const soci::row& r) {
  domain::Question q;
  q.id = r.get<std::string>(0);
  q.competition_id = r.get<std::string>(1);
  q.provider_id = r.get<std::string>(2);
  q.text = r.get<std::string>(3);
  q.asked_at = from_micros(int64_at(r, 4));
  q.answer = r.get<std::string>(5);
  q.answered_at = optional_micros_at(r, 6);
  return q;
}

constexpr const char* kTenderColumns =
    "SELECT id, competition_id, provider_id, state, sealed, submitted_at, receipt, created_at, "
    "updated_at FROM tenders ";

domain::Tender tender_from(const soci::row& r) {
  domain::Tender t;
  t.id = r.get<std::string>(0);
  t.competition_id = r.get<std::string>(1);
  t.provider_id = r.get<std::string>(2);
  t.state = enum_named<domain::TenderState, domain::kTenderStateCount>(r.get<std::string>(3));
  t.sealed = r.get<std::string>(4);
  t.submitted_at = optional_micros_at(r, 5);
  t.receipt = r.get<std::string>(6);
  t.created_at = from_micros(int64_at(r, 7));
  t.updated_at = from_micros(int64_at(r, 8));
  return t;
}

struct TenderRow {
  std::string state;
  Nullable submitted;
  long long created, updated;

  explicit TenderRow(const domain::Tender& t)
      : state(domain::to_string(t.state)),
        submitted(micros_or_null(t.submitted_at)),
        created(to_micros(t.created_at)),
        updated(to_micros(t.updated_at)) {}
};

domain::Invitation invitation_from(const soci::row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), from_micros(int64_at(r, 2))};
}

// ---- Outbox ----

constexpr const char* kEventColumns =
    "SELECT id, organisation_id, kind, body, created_at, attempts, next_attempt_at, "
    "claimed_until, delivered_at, last_error FROM outbox_events ";

domain::OutboxEvent event_from(const soci::row& r) {
  domain::OutboxEvent e;
  e.id = r.get<std::string>(0);
  e.organisation_id = r.get<std::string>(1);
  e.kind = r.get<std::string>(2);
  e.body = r.get<std::string>(3);
  e.created_at = from_micros(int64_at(r, 4));
  e.attempts = static_cast<int>(int64_at(r, 5));
  e.next_attempt_at = from_micros(int64_at(r, 6));
  e.claimed_until = optional_micros_at(r, 7);
  e.delivered_at = optional_micros_at(r, 8);
  e.last_error = r.get<std::string>(9);
  return e;
}

// The columns of an event that change as it is delivered, in the form SOCI binds.
struct EventProgress {
  long long next_attempt;
  Nullable claimed, delivered;

  explicit EventProgress(const domain::OutboxEvent& e)
      : next_attempt(to_micros(e.next_attempt_at)),
        claimed(micros_or_null(e.claimed_until)),
        delivered(micros_or_null(e.delivered_at)) {}
};

}  // namespace

// ---- Competitions ----

void SociCompetitions::insert_criteria(const domain::Competition& c) {
  for (std::size_t i = 0; i < c.criteria.size(); ++i) {
    const domain::AwardCriterion& k = c.criteria[i];
    const int position = static_cast<int>(i);
    const std::string basis(domain::to_string(k.basis));
    sql_ << "INSERT INTO competition_criteria (competition_id, position, criterion_key, name, "
            "basis, weight, max_points) VALUES (:c, :pos, :key, :name, :basis, :weight, :max)",
        soci::use(c.id), soci::use(position), soci::use(k.key), soci::use(k.name), soci::use(basis),
        soci::use(k.weight), soci::use(k.max_points);
  }
}

void SociCompetitions::add(const domain::Competition& c) {
  CompetitionRow row(c);
  sql_ << "INSERT INTO competitions (id, category_id, authority_id, title, description, "
          "quantity, questions_deadline, tender_deadline, standstill_days, state, reason, "
          "created_by, created_at, published_at, opened_at, opened_by, winner_tender_id, "
          "awarded_at, updated_at) VALUES (:id, :category, :authority, :title, :description, "
          ":quantity, :questions, :tenders, :standstill, :state, :reason, :created_by, "
          ":created, :published, :opened, :opened_by, :winner, :awarded, :updated)",
      soci::use(c.id), soci::use(c.category_id), soci::use(c.authority_id), soci::use(c.title),
      soci::use(c.description), soci::use(c.quantity), soci::use(row.questions_deadline),
      soci::use(row.tender_deadline), soci::use(c.standstill_days), soci::use(row.state),
      soci::use(c.reason), soci::use(c.created_by, row.created_by_ind), soci::use(row.created),
      soci::use(row.published.value, row.published.ind),
      soci::use(row.opened.value, row.opened.ind), soci::use(c.opened_by, row.opened_by_ind),
      soci::use(c.winner_tender_id, row.winner_ind), soci::use(row.awarded.value, row.awarded.ind),
      soci::use(row.updated);
  insert_criteria(c);
}

void SociCompetitions::update(const domain::Competition& c) {
  CompetitionRow row(c);
  sql_ << "UPDATE competitions SET category_id = :category, authority_id = :authority, title = "
          ":title, description = :description, quantity = :quantity, questions_deadline = "
          ":questions, tender_deadline = :tenders, standstill_days = :standstill, state = "
          ":state, reason = :reason, created_by = :created_by, created_at = :created, "
          "published_at = :published, opened_at = :opened, opened_by = :opened_by, "
          "winner_tender_id = :winner, awarded_at = :awarded, updated_at = :updated WHERE id = "
          ":id",
      soci::use(c.category_id), soci::use(c.authority_id), soci::use(c.title),
      soci::use(c.description), soci::use(c.quantity), soci::use(row.questions_deadline),
      soci::use(row.tender_deadline), soci::use(c.standstill_days), soci::use(row.state),
      soci::use(c.reason), soci::use(c.created_by, row.created_by_ind), soci::use(row.created),
      soci::use(row.published.value, row.published.ind),
      soci::use(row.opened.value, row.opened.ind), soci::use(c.opened_by, row.opened_by_ind),
      soci::use(c.winner_tender_id, row.winner_ind), soci::use(row.awarded.value, row.awarded.ind),
      soci::use(row.updated), soci::use(c.id);
  sql_ << "DELETE FROM competition_criteria WHERE competition_id = :id", soci::use(c.id);
  insert_criteria(c);
}

std::vector<domain::Competition> SociCompetitions::select(const std::string& where,
                                                          const std::string& value) {
  std::vector<domain::Competition> out;
  std::map<std::string, std::size_t> index;
  {
    soci::rowset<soci::row> rows =
        (sql_.prepare << std::string(kCompetitionColumns) + where + " ORDER BY c.created_at, c.id",
         soci::use(value));
    for (const auto& r : rows) {
      out.push_back(competition_from(r));
      index[out.back().id] = out.size() - 1;
    }
  }
  if (out.empty()) return out;
  // The criteria of every competition selected, in one query over the same condition.
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT k.competition_id, k.criterion_key, k.name, k.basis, k.weight, "
                       "k.max_points FROM competition_criteria k JOIN competitions c ON c.id = "
                       "k.competition_id " +
                           where + " ORDER BY k.competition_id, k.position",
       soci::use(value));
  for (const auto& r : rows) {
    domain::AwardCriterion k;
    k.key = r.get<std::string>(1);
    k.name = r.get<std::string>(2);
    k.basis =
        enum_named<domain::CriterionBasis, domain::kCriterionBasisCount>(r.get<std::string>(3));
    k.weight = static_cast<int>(int64_at(r, 4));
    k.max_points = static_cast<int>(int64_at(r, 5));
    // On PostgreSQL's READ COMMITTED a competition created between the two statements has
    // criteria here but no row above; it is simply not part of this answer.
    const auto at = index.find(r.get<std::string>(0));
    if (at != index.end()) out[at->second].criteria.push_back(std::move(k));
  }
  return out;
}

std::optional<domain::Competition> SociCompetitions::find(const std::string& id) {
  auto found = select("WHERE c.id = :v", id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<domain::Competition> SociCompetitions::list_for_category(
    const std::string& category_id) {
  return select("WHERE c.category_id = :v", category_id);
}

std::vector<domain::Competition> SociCompetitions::list_published_for_category(
    const std::string& category_id) {
  // Whether the tender deadline has passed is the domain's to judge, against its clock.
  return select("WHERE c.category_id = :v AND c.state = 'published'", category_id);
}

// ---- Invitations ----

void SociCompetitions::add_invitation(const domain::Invitation& i) {
  const long long invited = to_micros(i.invited_at);
  sql_ << "INSERT INTO invitations (competition_id, provider_id, invited_at) VALUES (:c, :p, :at)",
      soci::use(i.competition_id), soci::use(i.provider_id), soci::use(invited);
}

std::vector<domain::Invitation> SociCompetitions::invitations(const std::string& competition_id) {
  std::vector<domain::Invitation> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT competition_id, provider_id, invited_at FROM invitations WHERE "
                       "competition_id = :c ORDER BY invited_at, provider_id",
       soci::use(competition_id));
  for (const auto& r : rows) out.push_back(invitation_from(r));
  return out;
}

std::vector<domain::Invitation> SociCompetitions::invitations_for_provider(
    const std::string& provider_id) {
  std::vector<domain::Invitation> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT competition_id, provider_id, invited_at FROM invitations WHERE "
                       "provider_id = :p ORDER BY invited_at, competition_id",
       soci::use(provider_id));
  for (const auto& r : rows) out.push_back(invitation_from(r));
  return out;
}

// ---- Questions ----

void SociCompetitions::add_question(const domain::Question& q) {
  const long long asked = to_micros(q.asked_at);
  Nullable answered(micros_or_null(q.answered_at));
  sql_ << "INSERT INTO questions (id, competition_id, provider_id, question, asked_at, answer, "
          "answered_at) VALUES (:id, :c, :p, :question, :asked, :answer, :answered)",
      soci::use(q.id), soci::use(q.competition_id), soci::use(q.provider_id), soci::use(q.text),
      soci::use(asked), soci::use(q.answer), soci::use(answered.value, answered.ind);
}

void SociCompetitions::update_question(const domain::Question& q) {
  const long long asked = to_micros(q.asked_at);
  Nullable answered(micros_or_null(q.answered_at));
  sql_ << "UPDATE questions SET competition_id = :c, provider_id = :p, question = :question, "
          "asked_at = :asked, answer = :answer, answered_at = :answered WHERE id = :id",
      soci::use(q.competition_id), soci::use(q.provider_id), soci::use(q.text), soci::use(asked),
      soci::use(q.answer), soci::use(answered.value, answered.ind), soci::use(q.id);
}

std::optional<domain::Question> SociCompetitions::find_question(const std::string& id) {
  soci::row r;
  sql_ << std::string(kQuestionColumns) + "WHERE id = :id", soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return question_from(r);
}

std::vector<domain::Question> SociCompetitions::questions(const std::string& competition_id) {
  std::vector<domain::Question> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kQuestionColumns) +
                           "WHERE competition_id = :c ORDER BY asked_at, id",
       soci::use(competition_id));
  for (const auto& r : rows) out.push_back(question_from(r));
  return out;
}

// ---- Tenders ----

void SociCompetitions::add_tender(const domain::Tender& t) {
  TenderRow row(t);
  sql_ << "INSERT INTO tenders (id, competition_id, provider_id, state, sealed, submitted_at, "
          "receipt, created_at, updated_at) VALUES (:id, :c, :p, :state, :sealed, :submitted, "
          ":receipt, :created, :updated)",
      soci::use(t.id), soci::use(t.competition_id), soci::use(t.provider_id), soci::use(row.state),
      soci::use(t.sealed), soci::use(row.submitted.value, row.submitted.ind), soci::use(t.receipt),
      soci::use(row.created), soci::use(row.updated);
}

void SociCompetitions::update_tender(const domain::Tender& t) {
  TenderRow row(t);
  sql_ << "UPDATE tenders SET competition_id = :c, provider_id = :p, state = :state, sealed = "
          ":sealed, submitted_at = :submitted, receipt = :receipt, created_at = :created, "
          "updated_at = :updated WHERE id = :id",
      soci::use(t.competition_id), soci::use(t.provider_id), soci::use(row.state),
      soci::use(t.sealed), soci::use(row.submitted.value, row.submitted.ind), soci::use(t.receipt),
      soci::use(row.created), soci::use(row.updated), soci::use(t.id);
}

std::optional<domain::Tender> SociCompetitions::find_tender(const std::string& id) {
  soci::row r;
  sql_ << std::string(kTenderColumns) + "WHERE id = :id", soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return tender_from(r);
}

std::optional<domain::Tender> SociCompetitions::find_tender_of(const std::string& competition_id,
                                                               const std::string& provider_id) {
  soci::row r;
  sql_ << std::string(kTenderColumns) + "WHERE competition_id = :c AND provider_id = :p",
      soci::use(competition_id), soci::use(provider_id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return tender_from(r);
}

std::vector<domain::Tender> SociCompetitions::tenders(const std::string& competition_id) {
  std::vector<domain::Tender> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kTenderColumns) +
                           "WHERE competition_id = :c ORDER BY created_at, id",
       soci::use(competition_id));
  for (const auto& r : rows) out.push_back(tender_from(r));
  return out;
}

// ---- Quality scores ----

void SociCompetitions::put_score(const domain::QualityScore& s) {
  const long long scored = to_micros(s.scored_at);
  soci::indicator by_ind = null_if_empty(s.scored_by);
  sql_ << "DELETE FROM quality_scores WHERE tender_id = :t AND criterion_key = :k",
      soci::use(s.tender_id), soci::use(s.criterion_key);
  sql_ << "INSERT INTO quality_scores (tender_id, criterion_key, points, justification, "
          "scored_by, scored_at) VALUES (:t, :k, :points, :justification, :by, :at)",
      soci::use(s.tender_id), soci::use(s.criterion_key), soci::use(s.points),
      soci::use(s.justification), soci::use(s.scored_by, by_ind), soci::use(scored);
}

std::vector<domain::QualityScore> SociCompetitions::scores(const std::string& competition_id) {
  std::vector<domain::QualityScore> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT s.tender_id, s.criterion_key, s.points, s.justification, "
                       "s.scored_by, s.scored_at FROM quality_scores s JOIN tenders t ON t.id = "
                       "s.tender_id WHERE t.competition_id = :c ORDER BY s.tender_id, "
                       "s.criterion_key",
       soci::use(competition_id));
  for (const auto& r : rows) {
    domain::QualityScore s;
    s.tender_id = r.get<std::string>(0);
    s.criterion_key = r.get<std::string>(1);
    s.points = static_cast<int>(int64_at(r, 2));
    s.justification = r.get<std::string>(3);
    s.scored_by = text_at(r, 4);
    s.scored_at = from_micros(int64_at(r, 5));
    out.push_back(std::move(s));
  }
  return out;
}

// ---- Notifications ----

void SociNotifications::add(const domain::Notification& n) {
  const long long created = to_micros(n.created_at);
  sql_ << "INSERT INTO notifications (id, organisation_id, kind, subject_id, message, "
          "created_at) VALUES (:id, :org, :kind, :subject, :message, :created)",
      soci::use(n.id), soci::use(n.organisation_id), soci::use(n.kind), soci::use(n.subject_id),
      soci::use(n.text), soci::use(created);
}

std::vector<domain::Notification> SociNotifications::list_for_organisation(
    const std::string& organisation_id, std::size_t limit) {
  std::vector<domain::Notification> out;
  const long long max = limit_of(limit);
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, organisation_id, kind, subject_id, message, created_at FROM "
                       "notifications WHERE organisation_id = :org ORDER BY created_at DESC, id "
                       "DESC LIMIT :n",
       soci::use(organisation_id), soci::use(max));
  for (const auto& r : rows) {
    domain::Notification n;
    n.id = r.get<std::string>(0);
    n.organisation_id = r.get<std::string>(1);
    n.kind = r.get<std::string>(2);
    n.subject_id = r.get<std::string>(3);
    n.text = r.get<std::string>(4);
    n.created_at = from_micros(int64_at(r, 5));
    out.push_back(std::move(n));
  }
  return out;
}

void SociNotifications::put_webhook(const domain::Webhook& w) {
  const long long created = to_micros(w.created_at);
  sql_ << "DELETE FROM webhooks WHERE organisation_id = :org", soci::use(w.organisation_id);
  sql_ << "INSERT INTO webhooks (organisation_id, url, secret, created_at) VALUES (:org, :url, "
          ":secret, :created)",
      soci::use(w.organisation_id), soci::use(w.url), soci::use(w.secret), soci::use(created);
}

std::optional<domain::Webhook> SociNotifications::webhook(const std::string& organisation_id) {
  soci::row r;
  sql_ << "SELECT organisation_id, url, secret, created_at FROM webhooks WHERE organisation_id = "
          ":org",
      soci::use(organisation_id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  domain::Webhook w;
  w.organisation_id = r.get<std::string>(0);
  w.url = r.get<std::string>(1);
  w.secret = r.get<std::string>(2);
  w.created_at = from_micros(int64_at(r, 3));
  return w;
}

void SociNotifications::add_event(const domain::OutboxEvent& e) {
  const long long created = to_micros(e.created_at);
  EventProgress progress(e);
  sql_ << "INSERT INTO outbox_events (id, organisation_id, kind, body, created_at, attempts, "
          "next_attempt_at, claimed_until, delivered_at, last_error) VALUES (:id, :org, :kind, "
          ":body, :created, :attempts, :next, :claimed, :delivered, :error)",
      soci::use(e.id), soci::use(e.organisation_id), soci::use(e.kind), soci::use(e.body),
      soci::use(created), soci::use(e.attempts), soci::use(progress.next_attempt),
      soci::use(progress.claimed.value, progress.claimed.ind),
      soci::use(progress.delivered.value, progress.delivered.ind), soci::use(e.last_error);
}

std::vector<domain::OutboxEvent> SociNotifications::claim_due(domain::Timestamp now,
                                                              domain::Timestamp claim_until,
                                                              std::size_t limit) {
  // This runs inside the caller's write transaction, and write transactions never overlap: on
  // PostgreSQL each one first locks the audit head row, on SQLite there is a single writer. So
  // no other worker can claim the same events between this SELECT and the UPDATEs below.
  const long long at = to_micros(now), until = to_micros(claim_until), max = limit_of(limit);
  std::vector<domain::OutboxEvent> out;
  {
    soci::rowset<soci::row> rows =
        (sql_.prepare << std::string(kEventColumns) +
                             "WHERE delivered_at IS NULL AND next_attempt_at <= :now AND "
                             "(claimed_until IS NULL OR claimed_until < :now2) ORDER BY "
                             "next_attempt_at, id LIMIT :n",
         soci::use(at), soci::use(at), soci::use(max));
    for (const auto& r : rows) out.push_back(event_from(r));
  }
  for (auto& e : out) {
    sql_ << "UPDATE outbox_events SET claimed_until = :until WHERE id = :id", soci::use(until),
        soci::use(e.id);
    e.claimed_until = claim_until;
  }
  return out;
}

void SociNotifications::update_event(const domain::OutboxEvent& e) {
  EventProgress progress(e);
  sql_ << "UPDATE outbox_events SET attempts = :attempts, next_attempt_at = :next, "
          "claimed_until = :claimed, delivered_at = :delivered, last_error = :error WHERE id = "
          ":id",
      soci::use(e.attempts), soci::use(progress.next_attempt),
      soci::use(progress.claimed.value, progress.claimed.ind),
      soci::use(progress.delivered.value, progress.delivered.ind), soci::use(e.last_error),
      soci::use(e.id);
}

std::optional<domain::OutboxEvent> SociNotifications::find_event(const std::string& id) {
  soci::row r;
  sql_ << std::string(kEventColumns) + "WHERE id = :id", soci::use(id), soci::into(r);
  if (!sql_.got_data()) return std::nullopt;
  return event_from(r);
}

std::vector<domain::OutboxEvent> SociNotifications::recent_events(
    const std::string& organisation_id, std::size_t limit) {
  const long long max = limit_of(limit);
  std::vector<domain::OutboxEvent> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare
           << std::string(kEventColumns) +
                  "WHERE organisation_id = :org ORDER BY created_at DESC, id DESC LIMIT :n",
       soci::use(organisation_id), soci::use(max));
  for (const auto& r : rows) out.push_back(event_from(r));
  return out;
}

}  // namespace tarjotin::storage
