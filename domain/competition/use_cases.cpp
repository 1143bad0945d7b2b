#include "domain/competition/use_cases.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/access.hpp"
#include "domain/input_rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {
namespace {

constexpr std::size_t kNotificationLimit = 200;
constexpr std::size_t kDeliveryLimit = 20;

Timestamp now(const CompetitionServices& s) { return s.clock.now(); }

AuditEvent event(const CompetitionServices& s, const Actor& actor, std::string action,
                 std::string id, std::string before, std::string after) {
  return audit_event(now(s), &actor, std::move(action), "competition", std::move(id),
                     std::move(before), std::move(after));
}

// JSON string literal, for the one JSON document the domain writes: the webhook body, whose
// exact bytes are signed.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

void notify_invitees(Transaction& tx, const CompetitionServices& s, const Competition& c,
                     const std::string& kind, const std::string& text) {
  for (const auto& i : tx.competitions().invitations(c.id))
    notify(tx, s.clock, s.secrets, i.provider_id, kind, c.id, text);
}

struct CompetitionContext {
  Competition competition;
  Dps dps;
  bool oversees = false;  // the authority's officers, admins and auditors
  bool invited = false;   // the caller is an invited provider
};

// Anyone who may know the competition exists; others get "not found".
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

Status check_input(const CompetitionInput& in) {
  if (auto r = required_text(in.title, "/title", "a title"); !r) return r;
  if (auto r = required_text(in.description, "/description", "a description"); !r) return r;
  if (in.questions_deadline > in.tender_deadline)
    return Error::invalid("/questions_deadline", "before-tender-deadline",
                          "questions close before tenders do");
  if (in.standstill_days < 0 || in.standstill_days > 60)
    return Error::invalid("/standstill_days", "range", "a standstill period is 0 to 60 days");
  return validate_award_criteria(in.criteria);
}

void apply(Competition& c, const CompetitionInput& in) {
  c.title = in.title;
  c.description = in.description;
  c.quantity = in.quantity;
  c.criteria = in.criteria;
  c.questions_deadline = in.questions_deadline;
  c.tender_deadline = in.tender_deadline;
  c.standstill_days = in.standstill_days;
}

Error refused(const Competition& c, CompetitionAct act) {
  return Error::conflict("invalid-transition", "a competition that is " +
                                                   std::string(to_string(c.state)) + " cannot " +
                                                   std::string(to_string(act)));
}

CompetitionView view_of(Transaction& tx, const Competition& c) {
  CompetitionView v{c, static_cast<int>(tx.competitions().invitations(c.id).size()), std::nullopt};
  if (c.opened_at) {
    const auto all = tx.competitions().tenders(c.id);
    v.tenders = static_cast<int>(std::count_if(
        all.begin(), all.end(), [](const Tender& t) { return t.state == TenderState::submitted; }));
  }
  return v;
}

TenderReceipt receipt_of(const Tender& t) {
  return {t.id, t.competition_id, t.state, t.submitted_at, t.receipt};
}

// Before the deadline, or the clock says no: the server's clock decides, to the microsecond.
Status before_deadline(const CompetitionServices& s, const Competition& c) {
  if (c.state != CompetitionState::published)
    return Error::conflict("not-tendering", "the competition does not take tenders now");
  if (now(s) >= c.tender_deadline)
    return Error::conflict("deadline-passed", "the tender deadline has passed");
  return Done{};
}

// The caller's own tender (if any) in a competition that still takes tenders.
struct TenderContext {
  CompetitionContext competition;
  std::optional<Tender> tender;
};

Result<TenderContext> own_tender_in_time(const CompetitionServices& s, Transaction& tx,
                                         const Actor& actor, const std::string& competition_id) {
  auto ctx = invited_competition(tx, actor, competition_id);
  if (!ctx) return ctx.error();
  if (auto ok = before_deadline(s, ctx->competition); !ok) return ok.error();
  // A provider suspended or excluded since the invitation tenders no more.
  const auto admission = tx.admissions().find(actor.organisation_id, ctx->competition.category_id);
  if (!admission || admission->state != AdmissionState::admitted)
    return Error::conflict("provider-not-admitted", "only providers admitted now may tender");
  return TenderContext{*ctx,
                       tx.competitions().find_tender_of(competition_id, actor.organisation_id)};
}

// Submitted tenders, opened with the competition's key. Only called once the competition is
// opened: the one place tender content is ever read.
Result<std::vector<OpenedTenderView>> opened(CompetitionServices& s, Transaction& tx,
                                             const Competition& c) {
  std::vector<OpenedTenderView> out;
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
  std::vector<OpenedTender> plain;
  for (auto& t : *tenders) plain.push_back({t.tender, t.content});
  const auto scores = tx.competitions().scores(c.id);
  return rank_tenders(c.criteria, plain, scores);
}

bool is_opened(const Competition& c) {
  return c.state == CompetitionState::opened || c.state == CompetitionState::awarded ||
         c.state == CompetitionState::concluded ||
         (c.state == CompetitionState::cancelled && c.opened_at);
}

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
                                       next = next_state(competition_transitions(), c.state, *act);
                                       if (!next) return refused(c, *act);
                                     }
                                     if (auto ok = change(tx, *ctx); !ok) return ok.error();
                                     if (next) c.state = *next;
                                     c.updated_at = now(s);
                                     tx.competitions().update(c);
                                     return view_of(tx, c);
                                   });
}

}  // namespace

void notify(Transaction& tx, const Clock& clock, Secrets& secrets,
            const std::string& organisation_id, const std::string& kind,
            const std::string& subject_id, const std::string& text) {
  Notification n{secrets.new_id(), organisation_id, kind, subject_id, text, clock.now()};
  tx.notifications().add(n);
  if (!tx.notifications().webhook(organisation_id)) return;
  OutboxEvent e;
  e.id = n.id;
  e.organisation_id = organisation_id;
  e.kind = kind;
  e.created_at = e.next_attempt_at = clock.now();
  e.body = webhook_body(e, n);
  tx.notifications().add_event(e);
}

std::string webhook_body(const OutboxEvent& e, const Notification& n) {
  return "{\"id\":" + quoted(e.id) + ",\"kind\":" + quoted(n.kind) + ",\"" +
         std::string(subject_field(n.kind)) + "\":" + quoted(n.subject_id) +
         ",\"text\":" + quoted(n.text) +
         ",\"created_at_us\":" + std::to_string(to_micros(n.created_at)) + "}";
}

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
  if (auto ok = check_input(in); !ok) return ok.error();
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
        apply(c, in);
        c.created_by = actor.user_id;
        c.created_at = c.updated_at = now(s);
        tx.competitions().add(c);
        tx.audit().append(event(s, actor, "competition.created", c.id, "", "draft"));
        return view_of(tx, c);
      });
}

Result<CompetitionView> edit_competition(CompetitionServices& s, const Actor& actor,
                                         const std::string& competition_id, CompetitionInput in) {
  if (auto ok = check_input(in); !ok) return ok.error();
  return change_competition(
      s, actor, competition_id, std::nullopt, [&](Transaction& tx, CompetitionContext& ctx) {
        auto& c = ctx.competition;
        if (c.state != CompetitionState::draft)
          return Status(
              Error::conflict("published", "a published competition's terms do not change"));
        apply(c, in);
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
        if (auto ok = before_deadline(s, c); !ok) return ok;
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

Result<Question> ask_question(CompetitionServices& s, const Actor& actor,
                              const std::string& competition_id, const std::string& text) {
  if (auto ok = required_text(text, "/text", "the question"); !ok) return ok.error();
  return transact<Question>(s.db, Access::write, [&](Transaction& tx) -> Result<Question> {
    auto ctx = invited_competition(tx, actor, competition_id);
    if (!ctx) return ctx.error();
    if (ctx->competition.state != CompetitionState::published ||
        now(s) >= ctx->competition.questions_deadline)
      return Error::conflict("questions-closed", "the questions deadline has passed");
    Question q{s.secrets.new_id(), competition_id, actor.organisation_id, text, now(s), "",
               std::nullopt};
    tx.competitions().add_question(q);
    tx.audit().append(event(s, actor, "competition.question_asked", competition_id, "", q.id));
    return q;
  });
}

Result<Question> answer_question(CompetitionServices& s, const Actor& actor,
                                 const std::string& question_id, const std::string& answer) {
  if (auto ok = required_text(answer, "/answer", "the answer"); !ok) return ok.error();
  return transact<Question>(s.db, Access::write, [&](Transaction& tx) -> Result<Question> {
    auto q = tx.competitions().find_question(question_id);
    if (!q) return Error::not_found("question");
    auto ctx = managed_competition(tx, actor, q->competition_id);
    if (!ctx)
      return ctx.error().kind == ErrorKind::not_found ? Error::not_found("question") : ctx.error();
    if (ctx->competition.state != CompetitionState::published)
      return Error::conflict("not-tendering", "the competition is no longer open for tenders");
    const bool revised = q->answered_at.has_value();
    q->answer = answer;
    q->answered_at = now(s);
    tx.competitions().update_question(*q);
    notify_invitees(tx, s, ctx->competition, "competition.answer_published",
                    "A question about '" + ctx->competition.title + "' was answered.");
    tx.audit().append(
        event(s, actor, revised ? "competition.answer_revised" : "competition.question_answered",
              q->competition_id, "", q->id));
    return *q;
  });
}

Result<std::vector<Question>> list_questions(CompetitionServices& s, const Actor& actor,
                                             const std::string& competition_id) {
  return transact<std::vector<Question>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Question>> {
        auto ctx = visible_competition(tx, actor, competition_id);
        if (!ctx) return ctx.error();
        auto all = tx.competitions().questions(competition_id);
        if (ctx->oversees) return all;
        std::vector<Question> out;
        for (auto& q : all) {
          const bool own = q.provider_id == actor.organisation_id;
          if (!q.answered_at && !own) continue;
          if (!own) q.provider_id.clear();  // answers go to all, anonymised
          out.push_back(std::move(q));
        }
        return out;
      });
}

Result<TenderReceipt> save_tender(CompetitionServices& s, const Actor& actor,
                                  const std::string& competition_id, const TenderContent& content) {
  if (content.price_cents <= 0)
    return Error::invalid("/price_cents", "minimum", "a tender names a positive price");
  for (const auto& [key, text] : content.answers)
    if (text.size() > kMaxText)
      return Error::invalid("/answers/" + key, "maxLength", "the answer is too long");
  return transact<TenderReceipt>(
      s.db, Access::write, [&](Transaction& tx) -> Result<TenderReceipt> {
        auto ctx = own_tender_in_time(s, tx, actor, competition_id);
        if (!ctx) return ctx.error();
        for (const auto& answer : content.answers) {
          const std::string& key = answer.first;  // clang 14 lambdas cannot capture bindings
          const auto& criteria = ctx->competition.competition.criteria;
          if (std::none_of(criteria.begin(), criteria.end(), [&](const AwardCriterion& c) {
                return c.key == key && c.basis == CriterionBasis::quality;
              }))
            return Error::invalid("/answers/" + key, "criterion",
                                  "no quality criterion has this key");
        }
        auto& t = ctx->tender;
        if (t && t->state == TenderState::submitted)
          return Error::conflict("tender-submitted",
                                 "withdraw the submitted tender before changing it");
        const bool exists = t.has_value();
        if (!t) {
          t = Tender{};
          t->id = s.secrets.new_id();
          t->competition_id = competition_id;
          t->provider_id = actor.organisation_id;
          t->created_at = now(s);
        }
        t->state = TenderState::draft;
        t->sealed = s.seal.seal(competition_id, content);
        t->submitted_at.reset();
        t->receipt.clear();
        t->updated_at = now(s);
        if (exists)
          tx.competitions().update_tender(*t);
        else
          tx.competitions().add_tender(*t);
        tx.audit().append(event(s, actor, "tender.saved", competition_id, "", t->id));
        return receipt_of(*t);
      });
}

Result<TenderReceipt> submit_tender(CompetitionServices& s, const Actor& actor,
                                    const std::string& competition_id) {
  return transact<TenderReceipt>(
      s.db, Access::write, [&](Transaction& tx) -> Result<TenderReceipt> {
        auto ctx = own_tender_in_time(s, tx, actor, competition_id);
        if (!ctx) return ctx.error();
        auto& t = ctx->tender;
        if (!t) return Error::conflict("no-tender", "save the tender before submitting it");
        if (t->state == TenderState::submitted) return receipt_of(*t);
        t->state = TenderState::submitted;
        t->submitted_at = t->updated_at = now(s);
        // The digest binds the sealed bytes to the exact time of receipt: the provider can show
        // later what was received and when, without the server reading it.
        t->receipt = s.secrets.hash_token(
            t->id + "|" + std::to_string(to_micros(*t->submitted_at)) + "|" + t->sealed);
        tx.competitions().update_tender(*t);
        tx.audit().append(event(s, actor, "tender.submitted", competition_id, "", t->receipt));
        return receipt_of(*t);
      });
}

Result<TenderReceipt> withdraw_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id) {
  return transact<TenderReceipt>(
      s.db, Access::write, [&](Transaction& tx) -> Result<TenderReceipt> {
        auto ctx = own_tender_in_time(s, tx, actor, competition_id);
        if (!ctx) return ctx.error();
        auto& t = ctx->tender;
        if (!t || t->state != TenderState::submitted)
          return Error::conflict("not-submitted", "there is no submitted tender to withdraw");
        t->state = TenderState::withdrawn;
        // The withdrawn submission no longer stands; its receipt stays in the audit trail.
        t->submitted_at.reset();
        t->receipt.clear();
        t->updated_at = now(s);
        tx.competitions().update_tender(*t);
        tx.audit().append(
            event(s, actor, "tender.withdrawn", competition_id, "submitted", "withdrawn"));
        return receipt_of(*t);
      });
}

Result<TenderReceipt> read_own_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id) {
  return transact<TenderReceipt>(s.db, Access::read, [&](Transaction& tx) -> Result<TenderReceipt> {
    auto ctx = invited_competition(tx, actor, competition_id);
    if (!ctx) return ctx.error();
    auto t = tx.competitions().find_tender_of(competition_id, actor.organisation_id);
    if (!t) return Error::not_found("tender");
    return receipt_of(*t);
  });
}

Result<std::vector<OpenedTenderView>> open_tenders(CompetitionServices& s, const Actor& actor,
                                                   const std::string& competition_id) {
  return transact<std::vector<OpenedTenderView>>(
      s.db, Access::write, [&](Transaction& tx) -> Result<std::vector<OpenedTenderView>> {
        auto ctx = managed_competition(tx, actor, competition_id);
        if (!ctx) return ctx.error();
        auto& c = ctx->competition;
        if (!next_state(competition_transitions(), c.state, CompetitionAct::open))
          return refused(c, CompetitionAct::open);
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

Result<std::vector<OpenedTenderView>> read_tenders(CompetitionServices& s, const Actor& actor,
                                                   const std::string& competition_id) {
  return transact<std::vector<OpenedTenderView>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<OpenedTenderView>> {
        auto ctx = visible_competition(tx, actor, competition_id);
        if (!ctx) return ctx.error();
        // The domain's half of the seal: nothing is opened before the officer's opening act.
        if (!is_opened(ctx->competition))
          return Error::conflict("sealed", "tenders stay sealed until they are opened");
        auto tenders = opened(s, tx, ctx->competition);
        if (!tenders) return tenders.error();
        if (!ctx->oversees)
          std::erase_if(*tenders, [&](const OpenedTenderView& t) {
            return t.tender.provider_id != actor.organisation_id;
          });
        return tenders;
      });
}

Result<QualityScore> score_tender(CompetitionServices& s, const Actor& actor,
                                  const std::string& competition_id, const std::string& tender_id,
                                  const std::string& criterion_key, int points,
                                  const std::string& justification) {
  if (auto ok = required_text(justification, "/justification", "a justification"); !ok)
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
    const auto criterion =
        std::find_if(c.criteria.begin(), c.criteria.end(), [&](const AwardCriterion& a) {
          return a.key == criterion_key && a.basis == CriterionBasis::quality;
        });
    if (criterion == c.criteria.end())
      return Error::invalid("/criterion_key", "criterion",
                            "no quality criterion has this key; price is scored by formula");
    if (points < 0 || points > criterion->max_points)
      return Error::invalid("/points", "scale",
                            "points are 0 to " + std::to_string(criterion->max_points));
    QualityScore q{tender_id, criterion_key, points, justification, actor.user_id, now(s)};
    tx.competitions().put_score(q);
    tx.audit().append(event(s, actor, "tender.scored", c.id, "",
                            tender_id + " " + criterion_key + "=" + std::to_string(points)));
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
        if (!is_opened(ctx->competition))
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
        if (order->empty())
          return Status(Error::conflict("no-tenders", "there is no tender to award"));
        if (std::any_of(order->begin(), order->end(),
                        [](const RankedTender& r) { return !r.complete; }))
          return Status(Error::conflict("unscored", "score every tender on every criterion first"));
        if (order->front().tender_id != tender_id)
          return Status(Error::invalid("/tender_id", "ranked-first",
                                       "the award goes to the tender ranked first by the "
                                       "criteria"));
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

Result<CompetitionView> conclude_competition(CompetitionServices& s, const Actor& actor,
                                             const std::string& competition_id) {
  return change_competition(
      s, actor, competition_id, CompetitionAct::conclude,
      [&](Transaction& tx, CompetitionContext& ctx) {
        auto& c = ctx.competition;
        if (now(s) < *c.awarded_at + std::chrono::days(c.standstill_days))
          return Status(Error::conflict("standstill", "the standstill period has not ended"));
        tx.audit().append(event(s, actor, "competition.concluded", c.id, "awarded", "concluded"));
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
        d.standstill_until = *c.awarded_at + std::chrono::days(c.standstill_days);
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

Result<std::vector<Notification>> list_notifications(CompetitionServices& s, const Actor& actor) {
  return transact<std::vector<Notification>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Notification>> {
        return tx.notifications().list_for_organisation(actor.organisation_id, kNotificationLimit);
      });
}

Result<Webhook> set_webhook(CompetitionServices& s, const Actor& actor, const std::string& url) {
  if (!actor.is(Role::provider)) return Error::forbidden("providers set their own webhook");
  if (!(url.starts_with("https://") || url.starts_with("http://")) || url.size() > 2000 ||
      url.find_first_of(" \r\n") != std::string::npos)
    return Error::invalid("/url", "url", "an http(s) URL");
  if (const auto refusal = s.webhook_targets.refusal(url); !refusal.empty())
    return Error::invalid("/url", "deliverable",
                          "deliveries to this URL would be refused: " + refusal);
  return transact<Webhook>(s.db, Access::write, [&](Transaction& tx) -> Result<Webhook> {
    Webhook w{actor.organisation_id, url, s.secrets.new_token().token, now(s)};
    // Stored sealed: a copy of the database does not let anyone sign deliveries. The answer
    // carries the secret in the clear, this once.
    Webhook stored = w;
    stored.secret = std::string(kSealedSecretPrefix) +
                    s.webhook_seal.seal_secret(actor.organisation_id, w.secret);
    tx.notifications().put_webhook(stored);
    tx.audit().append(audit_event(now(s), &actor, "webhook.set", "organisation",
                                  actor.organisation_id, "", "url set, new secret"));
    return w;
  });
}

std::optional<std::string> signing_secret(WebhookSecretSeal& seal, const Webhook& webhook) {
  if (!webhook.secret.starts_with(kSealedSecretPrefix)) return webhook.secret;
  return seal.open_secret(webhook.organisation_id,
                          webhook.secret.substr(kSealedSecretPrefix.size()));
}

Result<WebhookStatus> read_webhook(CompetitionServices& s, const Actor& actor) {
  if (!actor.is(Role::provider)) return Error::forbidden("providers read their own webhook");
  return transact<WebhookStatus>(s.db, Access::read, [&](Transaction& tx) -> Result<WebhookStatus> {
    return WebhookStatus{tx.notifications().webhook(actor.organisation_id),
                         tx.notifications().recent_events(actor.organisation_id, kDeliveryLimit)};
  });
}

}  // namespace tarjotin::domain
