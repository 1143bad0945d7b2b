#include "domain/qualification/applications.hpp"

#include "domain/input_rules.hpp"
#include "domain/qualification/loaders.hpp"
#include "domain/qualification/rules.hpp"

namespace tarjotin::domain {

Result<ApplicationView> start_application(QualificationServices& s, const Actor& actor,
                                          const std::string& category_id,
                                          std::vector<Answer> answers) {
  if (!actor.is(Role::provider)) return Error::forbidden("only providers apply");
  if (auto ok = check_answers(answers); !ok) return ok.error();
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = visible_category(tx, &actor, category_id);
        if (!ctx) return ctx.error();
        if (auto ok = takes_applications(ctx->category, ctx->dps, today(s)); !ok) return ok.error();
        if (tx.applications().find_pending(actor.organisation_id, category_id))
          return Error::conflict("application-pending",
                                 "your company already has an open application to this category");
        if (auto admission = tx.admissions().find(actor.organisation_id, category_id);
            admission && admission->state != AdmissionState::excluded)
          return Error::conflict("already-admitted",
                                 "your company is already admitted to this category");
        Application app;
        app.id = s.secrets.new_id();
        if (auto ok = check_attachment_refs(tx, app.id, answers); !ok) return ok.error();
        app.provider_id = actor.organisation_id;
        app.category_id = category_id;
        app.criteria_version = ctx->category.criteria_version;
        app.state = ApplicationState::draft;
        app.answers = std::move(answers);
        app.created_at = app.updated_at = now(s);
        tx.applications().add(app);
        tx.audit().append(
            event(s, &actor, "application.created", "application", app.id, "", "draft"));
        return view_of(s, tx, app);
      });
}

Result<ApplicationView> save_answers(QualificationServices& s, const Actor& actor,
                                     const std::string& application_id,
                                     std::vector<Answer> answers) {
  if (auto ok = check_answers(answers); !ok) return ok.error();
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = own_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        Application app = ctx->application;
        if (!applicant_edits(app.state))
          return refused_transition("an application", to_string(app.state), "change its answers");
        if (auto ok = check_attachment_refs(tx, app.id, answers); !ok) return ok.error();
        app.answers = std::move(answers);
        app.updated_at = now(s);
        tx.applications().update(app);
        tx.audit().append(event(s, &actor, "application.answers-saved", "application", app.id,
                                std::string(to_string(app.state)),
                                std::string(to_string(app.state))));
        return view_of(s, tx, app);
      });
}

Result<ApplicationView> submit_application(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id) {
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = own_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        auto app = moved(ctx->application, ApplicationAct::submit, now(s));
        if (!app) return app.error();
        if (auto ok = takes_applications(ctx->category, ctx->dps, today(s)); !ok) return ok.error();
        // Judged against the criteria in force at receipt, whatever version the draft began on.
        app->criteria_version = ctx->category.criteria_version;
        app->received_at = now(s);
        app->decision_due = decision_due(s.calendar, *app->received_at, false);
        tx.applications().update(*app);
        tx.audit().append(event(s, &actor, "application.submitted", "application", app->id, "draft",
                                "submitted"));
        return view_of(s, tx, *app);
      });
}

Result<ApplicationView> withdraw_application(QualificationServices& s, const Actor& actor,
                                             const std::string& application_id) {
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = own_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        auto app = moved(ctx->application, ApplicationAct::withdraw, now(s));
        if (!app) return app.error();
        tx.applications().update(*app);
        tx.audit().append(event(s, &actor, "application.withdrawn", "application", app->id,
                                std::string(to_string(ctx->application.state)), "withdrawn"));
        return view_of(s, tx, *app);
      });
}

Result<ApplicationView> answer_clarification(QualificationServices& s, const Actor& actor,
                                             const std::string& application_id,
                                             ClarificationAnswer in) {
  if (auto ok = required_text(in.message, "/message", "the answer"); !ok) return ok.error();
  if (in.answers)
    if (auto ok = check_answers(*in.answers); !ok) return ok.error();
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = own_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        auto app = moved(ctx->application, ApplicationAct::answer_clarification, now(s));
        if (!app) return app.error();
        if (in.answers) {
          if (auto ok = check_attachment_refs(tx, app->id, *in.answers); !ok) return ok.error();
          app->answers = std::move(*in.answers);
        }
        tx.applications().update(*app);
        tx.messages().add({s.secrets.new_id(), app->id, actor.user_id, actor.organisation_id,
                           in.message, now(s)});
        tx.audit().append(event(s, &actor, "application.clarification-answered", "application",
                                app->id, "clarification_requested", "submitted"));
        return view_of(s, tx, *app);
      });
}

Result<ApplicationView> read_application(QualificationServices& s, const Actor& actor,
                                         const std::string& application_id) {
  return read_under_application<ApplicationView>(
      s, actor, application_id, [&](Transaction& tx, const ApplicationContext& ctx) {
        return view_of(s, tx, ctx.application);
      });
}

Result<std::vector<ApplicationView>> list_own_applications(QualificationServices& s,
                                                           const Actor& actor) {
  if (!actor.is(Role::provider)) return Error::forbidden("only providers have applications");
  return transact<std::vector<ApplicationView>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<ApplicationView>> {
        std::vector<ApplicationView> out;
        for (const auto& app : tx.applications().list({actor.organisation_id, "", false}))
          out.push_back(view_of(s, tx, app));
        return out;
      });
}

}  // namespace tarjotin::domain
