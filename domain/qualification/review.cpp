#include "domain/qualification/review.hpp"

#include "domain/input_rules.hpp"
#include "domain/qualification/admissions.hpp"
#include "domain/qualification/loaders.hpp"
#include "domain/qualification/rules.hpp"

namespace tarjotin::domain {

Result<std::vector<ApplicationView>> review_queue(QualificationServices& s, const Actor& actor,
                                                  const std::string& dps_id) {
  return transact<std::vector<ApplicationView>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<ApplicationView>> {
        auto dps = visible_dps(tx, &actor, dps_id);
        if (!dps) return dps.error();
        if (!oversees(actor, *dps))
          return dps->authority_id == actor.organisation_id
                     ? Error::forbidden("only the authority's officers review applications")
                     : Error::not_found("DPS");
        std::vector<ApplicationView> out;
        for (const auto& app : tx.applications().list({"", dps_id, true}))
          out.push_back(view_of(s, tx, app));
        return out;
      });
}

Result<ApplicationView> request_clarification(QualificationServices& s, const Actor& actor,
                                              const std::string& application_id,
                                              const std::string& question) {
  if (auto ok = required_text(question, "/message", "the question"); !ok) return ok.error();
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = reviewed_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        // The law lets the decision clock stop only where that is justified, so the officer
        // extends the deadline (with a reason) when a clarification needs time.
        auto app = moved(ctx->application, ApplicationAct::request_clarification, now(s));
        if (!app) return app.error();
        tx.applications().update(*app);
        tx.messages().add(
            {s.secrets.new_id(), app->id, actor.user_id, actor.organisation_id, question, now(s)});
        tx.audit().append(event(s, &actor, "application.clarification-requested", "application",
                                app->id, "submitted", "clarification_requested"));
        return view_of(s, tx, *app);
      });
}

Result<ApplicationView> extend_decision_deadline(QualificationServices& s, const Actor& actor,
                                                 const std::string& application_id,
                                                 const std::string& reason) {
  if (auto ok = required_text(reason, "/reason", "the reason for the extension"); !ok)
    return ok.error();
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = reviewed_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        auto app = moved(ctx->application, ApplicationAct::extend_deadline, now(s));
        if (!app) return app.error();
        if (!app->extension_reason.empty())
          return Error::conflict("already-extended",
                                 "the decision deadline can be extended only once");
        const auto due_text = [](Date d) {
          return "due " + std::to_string(d.time_since_epoch().count());
        };
        const std::string before = due_text(*app->decision_due);
        app->extension_reason = reason;
        app->decision_due = decision_due(s.calendar, *app->received_at, true);
        tx.applications().update(*app);
        tx.audit().append(event(s, &actor, "application.deadline-extended", "application", app->id,
                                before, due_text(*app->decision_due)));
        return view_of(s, tx, *app);
      });
}

Result<ApplicationView> decide_application(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id, Decision decision) {
  if (auto ok = check_decision_reason(decision.admit, decision.reason); !ok) return ok.error();
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = reviewed_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        const ApplicationState before = ctx->application.state;
        auto app = moved(ctx->application,
                         decision.admit ? ApplicationAct::admit : ApplicationAct::reject, now(s));
        if (!app) return app.error();
        app->decision_reason = decision.reason;
        app->decided_at = now(s);
        tx.applications().update(*app);
        if (decision.admit)
          store_admission(tx, s.clock, s.secrets,
                          {app->provider_id, app->category_id, app->id, AdmissionState::admitted,
                           now(s), "", now(s)});
        tx.audit().append(event(s, &actor,
                                decision.admit ? "application.admitted" : "application.rejected",
                                "application", app->id, std::string(to_string(before)),
                                std::string(to_string(app->state))));
        return view_of(s, tx, *app);
      });
}

DeadlineCounts decision_deadline_counts(QualificationServices& s, int soon) {
  const Date t = today(s);
  const Date soon_limit = s.calendar.add_working_days(t, soon);
  DeadlineCounts counts;
  s.db.run(Access::read, [&](Transaction& tx) {
    counts.overdue = tx.applications().count_awaiting_decision_due_before(t);
    counts.due_soon =
        tx.applications().count_awaiting_decision_due_before(soon_limit + std::chrono::days{1}) -
        counts.overdue;
    return false;
  });
  return counts;
}

}  // namespace tarjotin::domain
