#include "domain/competition/evaluation.hpp"

#include "domain/competition/loaders.hpp"
#include "domain/competition/notifications.hpp"
#include "domain/input_rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {
namespace {

// Submitted tenders, opened with the competition's key. Only called once the competition is
// opened: the one place tender content is ever read.
Result<std::vector<OpenedTender>> opened(CompetitionServices& s, Transaction& tx,
                                         const Competition& c) {
  std::vector<OpenedTender> out;
  for (auto& t : tx.competitions().tenders(c.id)) {
    if (t.state != TenderState::submitted) continue;
    auto content = s.seal.open(c.id, t.sealed);
    if (!content)
      return Error::conflict("tender-damaged", "tender " + t.id + " does not open: it was altered");
    out.push_back({std::move(t), std::move(*content)});
  }
  return out;
}

Result<std::vector<RankedTender>> ranked(CompetitionServices& s, Transaction& tx,
                                         const Competition& c) {
  auto tenders = opened(s, tx, c);
  if (!tenders) return tenders.error();
  return rank_tenders(c.criteria, *tenders, tx.competitions().scores(c.id));
}

}  // namespace

Result<std::vector<OpenedTender>> open_tenders(CompetitionServices& s, const Actor& actor,
                                               const std::string& competition_id) {
  return transact<std::vector<OpenedTender>>(
      s.db, Access::write, [&](Transaction& tx) -> Result<std::vector<OpenedTender>> {
        auto ctx = managed_competition(tx, actor, competition_id);
        if (!ctx) return ctx.error();
        auto& c = ctx->competition;
        if (auto next = next_competition_state(c, CompetitionAct::open); !next) return next.error();
        if (now(s) < c.tender_deadline)
          return Error::conflict("sealed", "tenders stay sealed until the deadline");
        c.state = CompetitionState::opened;
        c.opened_at = c.updated_at = now(s);
        c.opened_by = actor.user_id;
        tx.competitions().update(c);
        auto tenders = opened(s, tx, c);
        if (!tenders) return tenders.error();
        std::string ids;
        for (const auto& t : *tenders) ids += (ids.empty() ? "" : ",") + t.tender.id;
        tx.audit().append(event(s, actor, "competition.opened", c.id, "published",
                                "opened tenders: " + (ids.empty() ? "none" : ids)));
        return tenders;
      });
}

Result<std::vector<OpenedTender>> read_tenders(CompetitionServices& s, const Actor& actor,
                                               const std::string& competition_id) {
  return transact<std::vector<OpenedTender>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<OpenedTender>> {
        auto ctx = visible_competition(tx, actor, competition_id);
        if (!ctx) return ctx.error();
        // The domain's half of the seal: nothing is opened before the officer's opening act.
        if (!tenders_opened(ctx->competition))
          return Error::conflict("sealed", "tenders stay sealed until they are opened");
        auto tenders = opened(s, tx, ctx->competition);
        if (!tenders) return tenders.error();
        if (!ctx->oversees)
          std::erase_if(*tenders, [&](const OpenedTender& t) {
            return t.tender.provider_id != actor.organisation_id;
          });
        return tenders;
      });
}

Result<QualityScore> score_tender(CompetitionServices& s, const Actor& actor,
                                  const std::string& competition_id, const std::string& tender_id,
                                  const std::string& criterion_key, const QualityScoreInput& in) {
  if (auto ok = required_text(in.justification, "/justification", "a justification"); !ok)
    return ok.error();
  return transact<QualityScore>(s.db, Access::write, [&](Transaction& tx) -> Result<QualityScore> {
    auto ctx = managed_competition(tx, actor, competition_id);
    if (!ctx) return ctx.error();
    const auto& c = ctx->competition;
    if (c.state != CompetitionState::opened)
      return Error::conflict("not-evaluating", "tenders are scored after opening, before award");
    auto t = tx.competitions().find_tender(tender_id);
    if (!t || t->competition_id != c.id || t->state != TenderState::submitted)
      return Error::not_found("tender");
    if (auto ok = check_quality_points(c.criteria, criterion_key, in.points); !ok)
      return ok.error();
    QualityScore q{tender_id, criterion_key, in.points, in.justification, actor.user_id, now(s)};
    tx.competitions().put_score(q);
    tx.audit().append(event(s, actor, "tender.scored", c.id, "",
                            tender_id + " " + criterion_key + "=" + std::to_string(in.points)));
    return q;
  });
}

Result<std::vector<RankedTender>> ranking(CompetitionServices& s, const Actor& actor,
                                          const std::string& competition_id) {
  return transact<std::vector<RankedTender>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<RankedTender>> {
        auto ctx = visible_competition(tx, actor, competition_id);
        if (!ctx) return ctx.error();
        if (!ctx->oversees) return Error::forbidden("the full ranking is the authority's");
        if (!tenders_opened(ctx->competition))
          return Error::conflict("sealed", "tenders stay sealed until they are opened");
        return ranked(s, tx, ctx->competition);
      });
}

Result<CompetitionView> award_competition(CompetitionServices& s, const Actor& actor,
                                          const std::string& competition_id,
                                          const std::string& tender_id) {
  return change_competition(
      s, actor, competition_id, CompetitionAct::award,
      [&](Transaction& tx, CompetitionContext& ctx) {
        auto& c = ctx.competition;
        auto order = ranked(s, tx, c);
        if (!order) return Status(order.error());
        if (auto ok = check_award(*order, tender_id); !ok) return ok;
        const auto winner = tx.admissions().find(order->front().provider_id, c.category_id);
        if (!winner || winner->state != AdmissionState::admitted)
          return Status(Error::conflict("provider-not-admitted",
                                        "the first-ranked provider is no longer admitted; "
                                        "cancel with reasons or reinstate it first"));
        c.winner_tender_id = tender_id;
        c.awarded_at = now(s);
        for (const auto& r : *order)
          notify(tx, s.clock, s.secrets, r.provider_id, "competition.awarded", c.id,
                 "The award decision of '" + c.title + "' has been made.");
        tx.audit().append(event(s, actor, "competition.awarded", c.id, "opened",
                                "awarded to tender " + tender_id));
        return Status(Done{});
      });
}

Result<TendererDecision> read_decision(CompetitionServices& s, const Actor& actor,
                                       const std::string& competition_id) {
  return transact<TendererDecision>(
      s.db, Access::read, [&](Transaction& tx) -> Result<TendererDecision> {
        auto ctx = visible_competition(tx, actor, competition_id);
        if (!ctx) return ctx.error();
        const auto& c = ctx->competition;
        if (c.winner_tender_id.empty() || c.state == CompetitionState::cancelled)
          return Error::conflict("no-decision", "no award decision stands");
        auto order = ranked(s, tx, c);
        if (!order) return order.error();
        TendererDecision d;
        d.competition = c;
        d.standstill_until = standstill_until(c);
        for (const auto& r : *order) {
          if (r.tender_id == c.winner_tender_id) {
            d.winner_provider_id = r.provider_id;
            d.winner_total = r.total;
          }
          if (r.provider_id == actor.organisation_id) d.own = r;
        }
        return d;
      });
}

}  // namespace tarjotin::domain
