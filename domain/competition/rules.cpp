#include "domain/competition/rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "domain/input_rules.hpp"
#include "domain/webhook_events.hpp"

namespace tarjotin::domain {
namespace {

using S = CompetitionState;
using A = CompetitionAct;
constexpr std::array<Transition<S, A>, 8> kTransitions{{
    {S::draft, A::publish, S::published},
    {S::published, A::open, S::opened},
    {S::opened, A::award, S::awarded},
    {S::awarded, A::conclude, S::concluded},
    {S::draft, A::cancel, S::cancelled},
    {S::published, A::cancel, S::cancelled},
    {S::opened, A::cancel, S::cancelled},
    {S::awarded, A::cancel, S::cancelled},
}};

bool is_quality_criterion(std::span<const AwardCriterion> criteria, const std::string& key) {
  return std::any_of(criteria.begin(), criteria.end(), [&](const AwardCriterion& c) {
    return c.key == key && c.basis == CriterionBasis::quality;
  });
}

}  // namespace

std::span<const Transition<CompetitionState, CompetitionAct>> competition_transitions() {
  return kTransitions;
}

Result<CompetitionState> next_competition_state(const Competition& c, CompetitionAct act) {
  if (auto next = next_state(competition_transitions(), c.state, act)) return *next;
  return Error::conflict("invalid-transition", "a competition that is " +
                                                   std::string(to_string(c.state)) + " cannot " +
                                                   std::string(to_string(act)));
}

Status validate_award_criteria(std::span<const AwardCriterion> criteria) {
  if (criteria.empty())
    return Error::invalid("/criteria", "minItems", "a competition publishes its award criteria");
  std::set<std::string> keys;
  int total = 0;
  int price_criteria = 0;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const auto& c = criteria[i];
    const std::string at = "/criteria/" + std::to_string(i);
    if (c.key.empty() || !keys.insert(c.key).second)
      return Error::invalid(at + "/key", "unique", "each criterion has its own key");
    if (c.name.empty()) return Error::invalid(at + "/name", "required", "a criterion is named");
    if (c.weight < 1 || c.weight > 100)
      return Error::invalid(at + "/weight", "range", "a weight is 1 to 100");
    if (c.basis == CriterionBasis::price && ++price_criteria > 1)
      return Error::invalid(at + "/basis", "one-price-criterion",
                            "price is scored once, by the published formula");
    if (c.basis == CriterionBasis::quality && (c.max_points < 1 || c.max_points > 100))
      return Error::invalid(at + "/max_points", "range", "a scoring scale is 1 to 100 points");
    total += c.weight;
  }
  if (total != 100)
    return Error::invalid("/criteria", "weights-sum",
                          "the weights add up to " + std::to_string(total) + ", not 100");
  return Done{};
}

Status check_competition_input(const CompetitionInput& in) {
  if (auto r = required_text(in.title, "/title", "a title"); !r) return r;
  if (auto r = required_text(in.description, "/description", "a description"); !r) return r;
  if (in.questions_deadline > in.tender_deadline)
    return Error::invalid("/questions_deadline", "before-tender-deadline",
                          "questions close before tenders do");
  if (in.standstill_days < 0 || in.standstill_days > 60)
    return Error::invalid("/standstill_days", "range", "a standstill period is 0 to 60 days");
  return validate_award_criteria(in.criteria);
}

void apply_terms(Competition& c, const CompetitionInput& in) {
  c.title = in.title;
  c.description = in.description;
  c.quantity = in.quantity;
  c.criteria = in.criteria;
  c.questions_deadline = in.questions_deadline;
  c.tender_deadline = in.tender_deadline;
  c.standstill_days = in.standstill_days;
}

Status questions_open(const Competition& c, Timestamp now) {
  if (c.state != CompetitionState::published || now >= c.questions_deadline)
    return Error::conflict("questions-closed", "the questions deadline has passed");
  return Done{};
}

Status tenders_accepted(const Competition& c, Timestamp now) {
  if (c.state != CompetitionState::published)
    return Error::conflict("not-tendering", "the competition does not take tenders now");
  if (now >= c.tender_deadline)
    return Error::conflict("deadline-passed", "the tender deadline has passed");
  return Done{};
}

bool tenders_opened(const Competition& c) {
  return c.state == CompetitionState::opened || c.state == CompetitionState::awarded ||
         c.state == CompetitionState::concluded ||
         (c.state == CompetitionState::cancelled && c.opened_at);
}

std::vector<Question> questions_seen_by(std::vector<Question> all, bool oversees,
                                        const std::string& organisation_id) {
  if (oversees) return all;
  std::vector<Question> out;
  for (auto& q : all) {
    const bool own = q.provider_id == organisation_id;
    if (!q.answered_at && !own) continue;
    if (!own) q.provider_id.clear();  // answers go to all, anonymised
    out.push_back(std::move(q));
  }
  return out;
}

Status check_tender_content(const TenderContent& content) {
  if (content.price_cents <= 0)
    return Error::invalid("/price_cents", "minimum", "a tender names a positive price");
  for (const auto& [key, text] : content.answers)
    if (text.size() > kMaxText)
      return Error::invalid("/answers/" + key, "maxLength", "the answer is too long");
  return Done{};
}

Status check_tender_answers(std::span<const AwardCriterion> criteria,
                            const TenderContent& content) {
  for (const auto& answer : content.answers)
    if (!is_quality_criterion(criteria, answer.first))
      return Error::invalid("/answers/" + answer.first, "criterion",
                            "no quality criterion has this key");
  return Done{};
}

std::string receipt_text(const Tender& submitted) {
  return submitted.id + "|" +
         std::to_string(to_micros(submitted.submitted_at.value_or(Timestamp{}))) + "|" +
         submitted.sealed;
}

Status check_quality_points(std::span<const AwardCriterion> criteria,
                            const std::string& criterion_key, int points) {
  const auto criterion =
      std::find_if(criteria.begin(), criteria.end(), [&](const AwardCriterion& a) {
        return a.key == criterion_key && a.basis == CriterionBasis::quality;
      });
  if (criterion == criteria.end())
    return Error::invalid("/criterion_key", "criterion",
                          "no quality criterion has this key; price is scored by formula");
  if (points < 0 || points > criterion->max_points)
    return Error::invalid("/points", "scale",
                          "points are 0 to " + std::to_string(criterion->max_points));
  return Done{};
}

std::vector<RankedTender> rank_tenders(std::span<const AwardCriterion> criteria,
                                       std::span<const OpenedTender> tenders,
                                       std::span<const QualityScore> scores) {
  long long lowest = 0;
  for (const auto& t : tenders)
    if (t.content.price_cents > 0 && (lowest == 0 || t.content.price_cents < lowest))
      lowest = t.content.price_cents;

  std::vector<RankedTender> out;
  std::map<std::string, Timestamp> received;
  for (const auto& t : tenders) {
    RankedTender r;
    r.tender_id = t.tender.id;
    r.provider_id = t.tender.provider_id;
    r.price_cents = t.content.price_cents;
    r.complete = true;
    received[t.tender.id] = t.tender.submitted_at.value_or(Timestamp{});
    for (const auto& c : criteria) {
      double score = 0;
      if (c.basis == CriterionBasis::price) {
        if (r.price_cents > 0)
          score = c.weight * static_cast<double>(lowest) / static_cast<double>(r.price_cents);
      } else {
        const auto s = std::find_if(scores.begin(), scores.end(), [&](const QualityScore& q) {
          return q.tender_id == r.tender_id && q.criterion_key == c.key;
        });
        if (s == scores.end())
          r.complete = false;
        else
          score =
              c.weight * static_cast<double>(std::clamp(s->points, 0, c.max_points)) / c.max_points;
      }
      r.scores[c.key] = score;
      r.total += score;
    }
    out.push_back(std::move(r));
  }
  // The published tie rule: the higher total; on equal totals the lower price; then the earlier
  // receipt. Totals are compared in whole millionths of a point, so float noise cannot decide
  // and the comparison stays a strict weak order.
  auto micro_points = [](double total) { return std::llround(total * 1e6); };
  std::sort(out.begin(), out.end(), [&](const RankedTender& a, const RankedTender& b) {
    if (micro_points(a.total) != micro_points(b.total))
      return micro_points(a.total) > micro_points(b.total);
    if (a.price_cents != b.price_cents) return a.price_cents < b.price_cents;
    if (received[a.tender_id] != received[b.tender_id])
      return received[a.tender_id] < received[b.tender_id];
    return a.tender_id < b.tender_id;
  });
  for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i) + 1;
  return out;
}

Status check_award(std::span<const RankedTender> ranking, const std::string& tender_id) {
  if (ranking.empty()) return Error::conflict("no-tenders", "there is no tender to award");
  if (std::any_of(ranking.begin(), ranking.end(),
                  [](const RankedTender& r) { return !r.complete; }))
    return Error::conflict("unscored", "score every tender on every criterion first");
  if (ranking.front().tender_id != tender_id)
    return Error::invalid("/tender_id", "ranked-first",
                          "the award goes to the tender ranked first by the criteria");
  return Done{};
}

Timestamp standstill_until(const Competition& awarded) {
  return awarded.awarded_at.value_or(Timestamp{}) + std::chrono::days(awarded.standstill_days);
}

Status standstill_over(const Competition& awarded, Timestamp now) {
  if (now < standstill_until(awarded))
    return Error::conflict("standstill", "the standstill period has not ended");
  return Done{};
}

std::string_view subject_field(std::string_view kind) {
  return kind.starts_with("admission.") ? "category_id" : "competition_id";
}

std::string webhook_body(const OutboxEvent& e, const Notification& n) {
  return "{\"id\":" + json_string(e.id) + ",\"kind\":" + json_string(n.kind) + ",\"" +
         std::string(subject_field(n.kind)) + "\":" + json_string(n.subject_id) +
         ",\"text\":" + json_string(n.text) +
         ",\"created_at_us\":" + std::to_string(to_micros(n.created_at)) + "}";
}

Status check_webhook_url(const std::string& url) {
  if (!(url.starts_with("https://") || url.starts_with("http://")) || url.size() > 2000 ||
      url.find_first_of(" \r\n") != std::string::npos)
    return Error::invalid("/url", "url", "an http(s) URL");
  return Done{};
}

DeliveryState delivery_state(const OutboxEvent& e) {
  if (e.delivered_at) return DeliveryState::delivered;
  if (e.next_attempt_at == kNoMoreAttempts) return DeliveryState::failed;
  return e.attempts == 0 ? DeliveryState::pending : DeliveryState::retrying;
}

}  // namespace tarjotin::domain
