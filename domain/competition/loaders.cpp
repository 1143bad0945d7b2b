#include "domain/competition/loaders.hpp"

#include <algorithm>

#include "domain/competition/notifications.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

AuditEvent event(const CompetitionServices& s, const Actor& actor, std::string action,
                 std::string id, std::string before, std::string after) {
  return audit_event(now(s), &actor, std::move(action), "competition", std::move(id),
                     std::move(before), std::move(after));
}

Result<CompetitionContext> visible_competition(Transaction& tx, const Actor& actor,
                                               const std::string& id) {
  auto c = tx.competitions().find(id);
  auto category = c ? tx.categories().find(c->category_id) : std::nullopt;
  auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
  if (!c || !dps) return Error::not_found("competition");
  CompetitionContext ctx{*c, *dps, oversees(actor, *dps), false};
  if (actor.is(Role::provider) && c->state != CompetitionState::draft) {
    const auto invitations = tx.competitions().invitations(id);
    ctx.invited = std::any_of(invitations.begin(), invitations.end(), [&](const Invitation& i) {
      return i.provider_id == actor.organisation_id;
    });
  }
  if (!ctx.oversees && !ctx.invited) return Error::not_found("competition");
  return ctx;
}

Result<CompetitionContext> managed_competition(Transaction& tx, const Actor& actor,
                                               const std::string& id) {
  auto ctx = visible_competition(tx, actor, id);
  if (!ctx) return ctx.error();
  if (!manages(actor, ctx->dps))
    return Error::forbidden("only the authority's procurement officers may do this");
  return ctx;
}

Result<CompetitionContext> invited_competition(Transaction& tx, const Actor& actor,
                                               const std::string& id) {
  auto ctx = visible_competition(tx, actor, id);
  if (!ctx) return ctx.error();
  if (!ctx->invited) return Error::forbidden("only invited providers tender");
  return ctx;
}

CompetitionView view_of(Transaction& tx, const Competition& c) {
  CompetitionView v{c, static_cast<int>(tx.competitions().invitations(c.id).size()), std::nullopt};
  // Tenders are not even looked at before opening, so nothing about them can show.
  if (c.opened_at) {
    const auto all = tx.competitions().tenders(c.id);
    v.tenders = static_cast<int>(std::count_if(
        all.begin(), all.end(), [](const Tender& t) { return t.state == TenderState::submitted; }));
  }
  return v;
}

void notify_invitees(Transaction& tx, const CompetitionServices& s, const Competition& c,
                     const std::string& kind, const std::string& text) {
  for (const auto& i : tx.competitions().invitations(c.id))
    notify(tx, s.clock, s.secrets, i.provider_id, kind, c.id, text);
}

}  // namespace tarjotin::domain
