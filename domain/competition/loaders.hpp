#pragma once
// Internal to the competition use cases: a competition loaded as the actor may know it, with
// the access each family checks, and the steps several families share. Not for other layers.

#include <optional>
#include <string>

#include "domain/access.hpp"
#include "domain/competition/competitions.hpp"
#include "domain/competition/rules.hpp"

namespace tarjotin::domain {

inline Timestamp now(const CompetitionServices& s) { return s.clock.now(); }

AuditEvent event(const CompetitionServices& s, const Actor& actor, std::string action,
                 std::string id, std::string before, std::string after);

struct CompetitionContext {
  Competition competition;
  Dps dps;
  bool oversees = false;  // the authority's officers, admins and auditors
  bool invited = false;   // the caller is an invited provider
};

// Anyone who may know the competition exists; others get "not found".
Result<CompetitionContext> visible_competition(Transaction& tx, const Actor& actor,
                                               const std::string& id);
// The authority's procurement officers.
Result<CompetitionContext> managed_competition(Transaction& tx, const Actor& actor,
                                               const std::string& id);
// The providers invited to it.
Result<CompetitionContext> invited_competition(Transaction& tx, const Actor& actor,
                                               const std::string& id);

CompetitionView view_of(Transaction& tx, const Competition& c);

// Tells every provider invited to `c`.
void notify_invitees(Transaction& tx, const CompetitionServices& s, const Competition& c,
                     const std::string& kind, const std::string& text);

// One change by the authority's officer to a competition: `change` checks and edits it (and
// writes its audit event); the move along `act`, if any, the timestamp and the write are shared.
template <class Change>
Result<CompetitionView> change_competition(CompetitionServices& s, const Actor& actor,
                                           const std::string& competition_id,
                                           std::optional<CompetitionAct> act, Change&& change) {
  return transact<CompetitionView>(s.db, Access::write,
                                   [&](Transaction& tx) -> Result<CompetitionView> {
                                     auto ctx = managed_competition(tx, actor, competition_id);
                                     if (!ctx) return ctx.error();
                                     auto& c = ctx->competition;
                                     std::optional<CompetitionState> next;
                                     if (act) {
                                       auto moved = next_competition_state(c, *act);
                                       if (!moved) return moved.error();
                                       next = *moved;
                                     }
                                     if (auto ok = change(tx, *ctx); !ok) return ok.error();
                                     if (next) c.state = *next;
                                     c.updated_at = now(s);
                                     tx.competitions().update(c);
                                     return view_of(tx, c);
                                   });
}

}  // namespace tarjotin::domain
