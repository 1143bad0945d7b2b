#pragma once
// A competition's life: an officer drafts it, publishes it (every admitted provider is
// invited), may move the tender deadline later, cancels it with a reason or concludes it after
// the standstill period; readers see it as far as they may know it exists.

#include <optional>
#include <string>
#include <vector>

#include "domain/competition/services.hpp"
#include "domain/identity.hpp"

namespace tarjotin::domain {

// What a reader of a competition sees. Before opening nobody learns anything of the tenders,
// not even how many there are: a count would tell a tenderer how hard to bid.
struct CompetitionView {
  Competition competition;
  int invited = 0;
  std::optional<int> tenders;  // submitted tenders, once opened

  bool operator==(const CompetitionView&) const = default;
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
// After the standstill period the contract is concluded with the winner.
Result<CompetitionView> conclude_competition(CompetitionServices& s, const Actor& actor,
                                             const std::string& competition_id);

// One of the acts an officer moves a competition on with by name: publish, cancel (with its
// reason) or conclude. Opening and award are use cases of their own (evaluation.hpp).
struct CompetitionTransition {
  CompetitionAct act = CompetitionAct::publish;
  std::string reason;  // of a cancellation
};
Result<CompetitionView> change_competition_state(CompetitionServices& s, const Actor& actor,
                                                 const std::string& competition_id,
                                                 const CompetitionTransition& transition);

Result<CompetitionView> read_competition(CompetitionServices& s, const Actor& actor,
                                         const std::string& competition_id);
// Officers see their category's competitions; a provider those it was invited to.
Result<std::vector<Competition>> list_competitions(CompetitionServices& s, const Actor& actor,
                                                   const std::string& category_id);

// Called when a provider is admitted: it is invited to the category's published competitions
// whose tender deadline is still ahead. Runs inside the admitting transaction.
void invite_to_running_competitions(Transaction& tx, const Clock& clock, Secrets& secrets,
                                    const std::string& category_id, const std::string& provider_id);

}  // namespace tarjotin::domain
