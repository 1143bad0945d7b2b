#pragma once
// Opening, evaluation and award: after the deadline the authority's officer opens the submitted
// tenders in an audited act, scores the quality criteria, and awards the tender the published
// criteria rank first; every tenderer is told and may read what it may know of the decision.

#include <optional>
#include <string>
#include <vector>

#include "domain/competition/competitions.hpp"

namespace tarjotin::domain {

// After the deadline only; an audited act naming who opened which tenders.
Result<std::vector<OpenedTender>> open_tenders(CompetitionServices& s, const Actor& actor,
                                               const std::string& competition_id);
// Once opened: the authority's staff read every submitted tender, a tenderer its own.
Result<std::vector<OpenedTender>> read_tenders(CompetitionServices& s, const Actor& actor,
                                               const std::string& competition_id);

// The officer's score of one tender on one quality criterion, and why.
struct QualityScoreInput {
  int points = -1;
  std::string justification;
};
Result<QualityScore> score_tender(CompetitionServices& s, const Actor& actor,
                                  const std::string& competition_id, const std::string& tender_id,
                                  const std::string& criterion_key, const QualityScoreInput& in);
Result<std::vector<RankedTender>> ranking(CompetitionServices& s, const Actor& actor,
                                          const std::string& competition_id);
// Confirms the domain's ranking: `tender_id` must be the one ranked first.
Result<CompetitionView> award_competition(CompetitionServices& s, const Actor& actor,
                                          const std::string& competition_id,
                                          const std::string& tender_id);

// What a tenderer may know of the decision: the winner and its total, its own scores and rank.
struct TendererDecision {
  Competition competition;
  std::string winner_provider_id;
  double winner_total = 0;
  std::optional<RankedTender> own;
  std::optional<Timestamp> standstill_until;

  bool operator==(const TendererDecision&) const = default;
};
Result<TendererDecision> read_decision(CompetitionServices& s, const Actor& actor,
                                       const std::string& competition_id);

}  // namespace tarjotin::domain
