#include "domain/competition/competitions.hpp"

#include <algorithm>

#include "domain/competition/loaders.hpp"
#include "domain/competition/notifications.hpp"
#include "domain/input_rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

void invite_to_running_competitions(Transaction& tx, const Clock& clock, Secrets& secrets,
                                    const std::string& category_id,
                                    const std::string& provider_id) {
  for (const auto& c : tx.competitions().list_published_for_category(category_id)) {
    if (clock.now() >= c.tender_deadline) continue;
    const auto invited = tx.competitions().invitations(c.id);
    if (std::any_of(invited.begin(), invited.end(),
                    [&](const Invitation& i) { return i.provider_id == provider_id; }))
      continue;
    tx.competitions().add_invitation({c.id, provider_id, clock.now()});
    notify(tx, clock, secrets, provider_id, "competition.invited", c.id,
           "You are invited to tender: " + c.title);
    tx.audit().append(audit_event(clock.now(), nullptr, "competition.invited", "competition", c.id,
                                  "", provider_id));
  }
}

Result<CompetitionView> create_competition(CompetitionServices& s, const Actor& actor,
                                           const std::string& category_id, CompetitionInput in) {
  if (!actor.is(Role::officer)) return Error::forbidden("only officers run competitions");
  if (auto ok = check_competition_input(in); !ok) return ok.error();
  return transact<CompetitionView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<CompetitionView> {
        auto category = tx.categories().find(category_id);
        auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
        if (!category || !dps || !manages(actor, *dps)) return Error::not_found("category");
        if (category->award_method != AwardMethod::mini_competition)
          return Error::conflict("not-mini-competition",
                                 "this category is bought by customer choice");
        if (category->state != CategoryState::open || !dps_is_in_force(*dps, helsinki_date(now(s))))
          return Error::conflict("not-buying", "the category does not buy now");
        Competition c;
        c.id = s.secrets.new_id();
        c.category_id = category_id;
        c.authority_id = dps->authority_id;
        apply_terms(c, in);
        c.created_by = actor.user_id;
        c.created_at = c.updated_at = now(s);
        tx.competitions().add(c);
        tx.audit().append(event(s, actor, "competition.created", c.id, "", "draft"));
        return view_of(tx, c);
      });
}

Result<CompetitionView> edit_competition(CompetitionServices& s, const Actor& actor,
                                         const std::string& competition_id, CompetitionInput in) {
  if (auto ok = check_competition_input(in); !ok) return ok.error();
  return change_competition(
      s, actor, competition_id, std::nullopt, [&](Transaction& tx, CompetitionContext& ctx) {
        auto& c = ctx.competition;
        if (c.state != CompetitionState::draft)
          return Status(
              Error::conflict("published", "a published competition's terms do not change"));
        apply_terms(c, in);
        tx.audit().append(event(s, actor, "competition.edited", c.id, "", ""));
        return Status(Done{});
      });
}

Result<CompetitionView> publish_competition(CompetitionServices& s, const Actor& actor,
                                            const std::string& competition_id) {
  return change_competition(
      s, actor, competition_id, CompetitionAct::publish,
      [&](Transaction& tx, CompetitionContext& ctx) {
        auto& c = ctx.competition;
        if (c.questions_deadline <= now(s))
          return Status(Error::invalid("/questions_deadline", "future",
                                       "the deadlines must be ahead when publishing"));
        auto category = tx.categories().find(c.category_id);
        if (!category || category->state != CategoryState::open ||
            !dps_is_in_force(ctx.dps, helsinki_date(now(s))))
          return Status(Error::conflict("not-buying", "the category does not buy now"));
        c.published_at = now(s);
        int invited = 0;
        for (const auto& a : tx.admissions().list_for_category(c.category_id)) {
          if (a.state != AdmissionState::admitted) continue;
          tx.competitions().add_invitation({c.id, a.provider_id, now(s)});
          notify(tx, s.clock, s.secrets, a.provider_id, "competition.invited", c.id,
                 "You are invited to tender: " + c.title);
          ++invited;
        }
        tx.audit().append(event(s, actor, "competition.published", c.id, "draft",
                                "published, " + std::to_string(invited) + " invited"));
        return Status(Done{});
      });
}

Result<CompetitionView> extend_tender_deadline(CompetitionServices& s, const Actor& actor,
                                               const std::string& competition_id,
                                               Timestamp new_deadline) {
  return change_competition(
      s, actor, competition_id, std::nullopt, [&](Transaction& tx, CompetitionContext& ctx) {
        auto& c = ctx.competition;
        if (auto ok = tenders_accepted(c, now(s)); !ok) return ok;
        if (new_deadline <= c.tender_deadline)
          return Status(Error::invalid("/tender_deadline", "later",
                                       "a published deadline can only be moved later"));
        const auto before = to_micros(c.tender_deadline);
        c.tender_deadline = new_deadline;
        notify_invitees(tx, s, c, "competition.deadline_moved",
                        "The tender deadline of '" + c.title + "' was moved later.");
        tx.audit().append(event(s, actor, "competition.deadline_moved", c.id,
                                std::to_string(before), std::to_string(to_micros(new_deadline))));
        return Status(Done{});
      });
}

Result<CompetitionView> cancel_competition(CompetitionServices& s, const Actor& actor,
                                           const std::string& competition_id,
                                           const std::string& reason) {
  if (auto ok = required_text(reason, "/reason", "the reason"); !ok) return ok.error();
  return change_competition(
      s, actor, competition_id, CompetitionAct::cancel,
      [&](Transaction& tx, CompetitionContext& ctx) {
        auto& c = ctx.competition;
        c.reason = reason;
        notify_invitees(tx, s, c, "competition.cancelled",
                        "The competition '" + c.title + "' was cancelled: " + reason);
        tx.audit().append(event(s, actor, "competition.cancelled", c.id,
                                std::string(to_string(c.state)), "cancelled"));
        return Status(Done{});
      });
}

Result<CompetitionView> conclude_competition(CompetitionServices& s, const Actor& actor,
                                             const std::string& competition_id) {
  return change_competition(
      s, actor, competition_id, CompetitionAct::conclude,
      [&](Transaction& tx, CompetitionContext& ctx) {
        auto& c = ctx.competition;
        if (auto ok = standstill_over(c, now(s)); !ok) return ok;
        tx.audit().append(event(s, actor, "competition.concluded", c.id, "awarded", "concluded"));
        return Status(Done{});
      });
}

Result<CompetitionView> change_competition_state(CompetitionServices& s, const Actor& actor,
                                                 const std::string& competition_id,
                                                 const CompetitionTransition& transition) {
  switch (transition.act) {
    case CompetitionAct::publish:
      return publish_competition(s, actor, competition_id);
    case CompetitionAct::conclude:
      return conclude_competition(s, actor, competition_id);
    case CompetitionAct::cancel:
      return cancel_competition(s, actor, competition_id, transition.reason);
    case CompetitionAct::open:
    case CompetitionAct::award:
      break;
  }
  return Error::invalid("/act", "enum", "opening and award have resources of their own");
}

Result<CompetitionView> read_competition(CompetitionServices& s, const Actor& actor,
                                         const std::string& competition_id) {
  return transact<CompetitionView>(s.db, Access::read,
                                   [&](Transaction& tx) -> Result<CompetitionView> {
                                     auto ctx = visible_competition(tx, actor, competition_id);
                                     if (!ctx) return ctx.error();
                                     return view_of(tx, ctx->competition);
                                   });
}

Result<std::vector<Competition>> list_competitions(CompetitionServices& s, const Actor& actor,
                                                   const std::string& category_id) {
  return transact<std::vector<Competition>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Competition>> {
        std::vector<Competition> out;
        for (auto& c : tx.competitions().list_for_category(category_id))
          if (visible_competition(tx, actor, c.id)) out.push_back(std::move(c));
        return out;
      });
}

}  // namespace tarjotin::domain
