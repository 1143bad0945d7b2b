#include "storage/competition/repositories.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "storage/competition/tables.hpp"

namespace tarjotin::storage {
namespace {

using namespace competition_tables;

long long limit_of(std::size_t limit) {
  return static_cast<long long>(
      std::min<std::size_t>(limit, std::numeric_limits<long long>::max()));
}

}  // namespace

void SociCompetitions::insert_criteria(const domain::Competition& c) {
  for (std::size_t i = 0; i < c.criteria.size(); ++i)
    kCriteria.insert(sql_, {c.id, static_cast<int>(i), c.criteria[i]});
}

void SociCompetitions::add(const domain::Competition& c) {
  kCompetitions.insert(sql_, c);
  insert_criteria(c);
}

void SociCompetitions::update(const domain::Competition& c) {
  kCompetitions.update(sql_, c);
  sql_ << "DELETE FROM competition_criteria WHERE competition_id = :id", soci::use(c.id);
  insert_criteria(c);
}

std::vector<domain::Competition> SociCompetitions::select(const std::string& where,
                                                          const std::string& value) {
  std::vector<domain::Competition> out;
  std::map<std::string, std::size_t> index;
  kCompetitions.each(
      sql_,
      "SELECT " + kCompetitions.columns("c") + " FROM competitions c " + where +
          " ORDER BY c.created_at, c.id",
      [&](domain::Competition c) {
        index[c.id] = out.size();
        out.push_back(std::move(c));
      },
      value);
  if (out.empty()) return out;
  // The criteria of every competition selected, in one query over the same condition.
  kCriteria.each(
      sql_,
      "SELECT " + kCriteria.columns("k") +
          " FROM competition_criteria k JOIN competitions c ON c.id = k.competition_id " + where +
          " ORDER BY k.competition_id, k.position",
      [&](CriterionRow k) {
        // On PostgreSQL's READ COMMITTED a competition created between the two statements has
        // criteria here but no row above; it is simply not part of this answer.
        const auto at = index.find(k.competition_id);
        if (at != index.end()) out[at->second].criteria.push_back(std::move(k.criterion));
      },
      value);
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

void SociCompetitions::add_invitation(const domain::Invitation& i) { kInvitations.insert(sql_, i); }

std::vector<domain::Invitation> SociCompetitions::invitations(const std::string& competition_id) {
  return kInvitations.find_all(sql_, "WHERE competition_id = :c ORDER BY invited_at, provider_id",
                               competition_id);
}

std::vector<domain::Invitation> SociCompetitions::invitations_for_provider(
    const std::string& provider_id) {
  return kInvitations.find_all(sql_, "WHERE provider_id = :p ORDER BY invited_at, competition_id",
                               provider_id);
}

void SociCompetitions::add_question(const domain::Question& q) { kQuestions.insert(sql_, q); }

void SociCompetitions::update_question(const domain::Question& q) { kQuestions.update(sql_, q); }

std::optional<domain::Question> SociCompetitions::find_question(const std::string& id) {
  return kQuestions.find_one(sql_, "WHERE id = :id", id);
}

std::vector<domain::Question> SociCompetitions::questions(const std::string& competition_id) {
  return kQuestions.find_all(sql_, "WHERE competition_id = :c ORDER BY asked_at, id",
                             competition_id);
}

void SociCompetitions::add_tender(const domain::Tender& t) { kTenders.insert(sql_, t); }

void SociCompetitions::update_tender(const domain::Tender& t) { kTenders.update(sql_, t); }

std::optional<domain::Tender> SociCompetitions::find_tender(const std::string& id) {
  return kTenders.find_one(sql_, "WHERE id = :id", id);
}

std::optional<domain::Tender> SociCompetitions::find_tender_of(const std::string& competition_id,
                                                               const std::string& provider_id) {
  return kTenders.find_one(sql_, "WHERE competition_id = :c AND provider_id = :p", competition_id,
                           provider_id);
}

std::vector<domain::Tender> SociCompetitions::tenders(const std::string& competition_id) {
  return kTenders.find_all(sql_, "WHERE competition_id = :c ORDER BY created_at, id",
                           competition_id);
}

void SociCompetitions::put_score(const domain::QualityScore& s) {
  sql_ << "DELETE FROM quality_scores WHERE tender_id = :t AND criterion_key = :k",
      soci::use(s.tender_id), soci::use(s.criterion_key);
  kQualityScores.insert(sql_, s);
}

std::vector<domain::QualityScore> SociCompetitions::scores(const std::string& competition_id) {
  std::vector<domain::QualityScore> out;
  kQualityScores.each(
      sql_,
      "SELECT " + kQualityScores.columns("s") +
          " FROM quality_scores s JOIN tenders t ON t.id = s.tender_id WHERE t.competition_id = "
          ":c ORDER BY s.tender_id, s.criterion_key",
      [&](domain::QualityScore s) { out.push_back(std::move(s)); }, competition_id);
  return out;
}

void SociNotifications::add(const domain::Notification& n) { kNotifications.insert(sql_, n); }

std::vector<domain::Notification> SociNotifications::list_for_organisation(
    const std::string& organisation_id, std::size_t limit) {
  return kNotifications.find_all(
      sql_, "WHERE organisation_id = :org ORDER BY created_at DESC, id DESC LIMIT :n",
      organisation_id, limit_of(limit));
}

void SociNotifications::put_webhook(const domain::Webhook& w) {
  sql_ << "DELETE FROM webhooks WHERE organisation_id = :org", soci::use(w.organisation_id);
  kWebhooks.insert(sql_, w);
}

std::optional<domain::Webhook> SociNotifications::webhook(const std::string& organisation_id) {
  return kWebhooks.find_one(sql_, "WHERE organisation_id = :org", organisation_id);
}

void SociNotifications::add_event(const domain::OutboxEvent& e) { kOutboxEvents.insert(sql_, e); }

std::vector<domain::OutboxEvent> SociNotifications::claim_due(domain::Timestamp now,
                                                              domain::Timestamp claim_until,
                                                              std::size_t limit) {
  // This runs inside the caller's write transaction, and write transactions never overlap: on
  // PostgreSQL each one first locks the audit head row, on SQLite there is a single writer. So
  // no other worker can claim the same events between this SELECT and the UPDATEs below.
  auto out = kOutboxEvents.find_all(sql_,
                                    "WHERE delivered_at IS NULL AND next_attempt_at <= :now AND "
                                    "(claimed_until IS NULL OR claimed_until < :now2) ORDER BY "
                                    "next_attempt_at, id LIMIT :n",
                                    now, now, limit_of(limit));
  const long long until = domain::to_micros(claim_until);
  for (auto& e : out) {
    sql_ << "UPDATE outbox_events SET claimed_until = :until WHERE id = :id", soci::use(until),
        soci::use(e.id);
    e.claimed_until = claim_until;
  }
  return out;
}

void SociNotifications::update_event(const domain::OutboxEvent& e) {
  kOutboxEvents.update(sql_, e);
}

std::optional<domain::OutboxEvent> SociNotifications::find_event(const std::string& id) {
  return kOutboxEvents.find_one(sql_, "WHERE id = :id", id);
}

std::vector<domain::OutboxEvent> SociNotifications::recent_events(
    const std::string& organisation_id, std::size_t limit) {
  return kOutboxEvents.find_all(
      sql_, "WHERE organisation_id = :org ORDER BY created_at DESC, id DESC LIMIT :n",
      organisation_id, limit_of(limit));
}

}  // namespace tarjotin::storage
