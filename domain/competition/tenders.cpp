#include "domain/competition/tenders.hpp"

#include "domain/competition/loaders.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {
namespace {

// The caller's own tender (if any) in a competition that still takes tenders.
struct TenderContext {
  CompetitionContext competition;
  std::optional<Tender> tender;
};

Result<TenderContext> own_tender_in_time(const CompetitionServices& s, Transaction& tx,
                                         const Actor& actor, const std::string& competition_id) {
  auto ctx = invited_competition(tx, actor, competition_id);
  if (!ctx) return ctx.error();
  if (auto ok = tenders_accepted(ctx->competition, now(s)); !ok) return ok.error();
  // A provider suspended or excluded since the invitation tenders no more.
  const auto admission = tx.admissions().find(actor.organisation_id, ctx->competition.category_id);
  if (!admission || admission->state != AdmissionState::admitted)
    return Error::conflict("provider-not-admitted", "only providers admitted now may tender");
  return TenderContext{*ctx,
                       tx.competitions().find_tender_of(competition_id, actor.organisation_id)};
}

// Runs `work` on the caller's own tender, in one write transaction while tenders are taken.
template <class Work>
Result<TenderReceipt> with_own_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id, Work&& work) {
  return transact<TenderReceipt>(s.db, Access::write,
                                 [&](Transaction& tx) -> Result<TenderReceipt> {
                                   auto ctx = own_tender_in_time(s, tx, actor, competition_id);
                                   if (!ctx) return ctx.error();
                                   return work(tx, *ctx);
                                 });
}

}  // namespace

Result<TenderReceipt> save_tender(CompetitionServices& s, const Actor& actor,
                                  const std::string& competition_id, const TenderContent& content) {
  if (auto ok = check_tender_content(content); !ok) return ok.error();
  return with_own_tender(
      s, actor, competition_id, [&](Transaction& tx, TenderContext& own) -> Result<TenderReceipt> {
        if (auto ok = check_tender_answers(own.competition.competition.criteria, content); !ok)
          return ok.error();
        auto& t = own.tender;
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
        return TenderReceipt::of(*t);
      });
}

Result<TenderReceipt> submit_tender(CompetitionServices& s, const Actor& actor,
                                    const std::string& competition_id) {
  return with_own_tender(
      s, actor, competition_id, [&](Transaction& tx, TenderContext& own) -> Result<TenderReceipt> {
        auto& t = own.tender;
        if (!t) return Error::conflict("no-tender", "save the tender before submitting it");
        if (t->state == TenderState::submitted) return TenderReceipt::of(*t);
        t->state = TenderState::submitted;
        t->submitted_at = t->updated_at = now(s);
        t->receipt = s.secrets.hash_token(receipt_text(*t));
        tx.competitions().update_tender(*t);
        tx.audit().append(event(s, actor, "tender.submitted", competition_id, "", t->receipt));
        return TenderReceipt::of(*t);
      });
}

Result<TenderReceipt> withdraw_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id) {
  return with_own_tender(
      s, actor, competition_id, [&](Transaction& tx, TenderContext& own) -> Result<TenderReceipt> {
        auto& t = own.tender;
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
        return TenderReceipt::of(*t);
      });
}

Result<TenderReceipt> read_own_tender(CompetitionServices& s, const Actor& actor,
                                      const std::string& competition_id) {
  return transact<TenderReceipt>(s.db, Access::read, [&](Transaction& tx) -> Result<TenderReceipt> {
    auto ctx = invited_competition(tx, actor, competition_id);
    if (!ctx) return ctx.error();
    auto t = tx.competitions().find_tender_of(competition_id, actor.organisation_id);
    if (!t) return Error::not_found("tender");
    return TenderReceipt::of(*t);
  });
}

}  // namespace tarjotin::domain
