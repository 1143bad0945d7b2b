#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "domain/competition/entities.hpp"
#include "domain/name_table.hpp"

namespace tarjotin::domain {
namespace {

constexpr NameTable<CompetitionState, kCompetitionStateCount> kStates{{
    {CompetitionState::draft, "draft"},
    {CompetitionState::published, "published"},
    {CompetitionState::opened, "opened"},
    {CompetitionState::awarded, "awarded"},
    {CompetitionState::concluded, "concluded"},
    {CompetitionState::cancelled, "cancelled"},
}};

constexpr NameTable<CompetitionAct, 5> kActs{{
    {CompetitionAct::publish, "publish"},
    {CompetitionAct::open, "open"},
    {CompetitionAct::award, "award"},
    {CompetitionAct::conclude, "conclude"},
    {CompetitionAct::cancel, "cancel"},
}};

constexpr NameTable<CriterionBasis, kCriterionBasisCount> kBases{{
    {CriterionBasis::price, "price"},
    {CriterionBasis::quality, "quality"},
}};

constexpr NameTable<TenderState, kTenderStateCount> kTenderStates{{
    {TenderState::draft, "draft"},
    {TenderState::submitted, "submitted"},
    {TenderState::withdrawn, "withdrawn"},
}};

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

}  // namespace

std::span<const Transition<CompetitionState, CompetitionAct>> competition_transitions() {
  return kTransitions;
}
std::string_view to_string(CompetitionState s) { return name_in(kStates, s); }
std::string_view to_string(CompetitionAct a) { return name_in(kActs, a); }
std::string_view to_string(CriterionBasis b) { return name_in(kBases, b); }
std::optional<CriterionBasis> parse_criterion_basis(std::string_view text) {
  return key_in<CriterionBasis>(kBases, text);
}
std::string_view to_string(TenderState s) { return name_in(kTenderStates, s); }

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

}  // namespace tarjotin::domain
