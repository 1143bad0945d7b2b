#include "domain/qualification/loaders.hpp"

#include "domain/qualification/rules.hpp"

namespace tarjotin::domain {

AuditEvent event(const QualificationServices& s, const Actor* actor, std::string action,
                 std::string object_type, std::string object_id, std::string before,
                 std::string after) {
  return audit_event(now(s), actor, std::move(action), std::move(object_type), std::move(object_id),
                     std::move(before), std::move(after));
}

Result<Dps> visible_dps(Transaction& tx, const Actor* actor, const std::string& id) {
  auto dps = tx.dpss().find(id);
  if (!dps || !sees(actor, *dps)) return Error::not_found("DPS");
  return *dps;
}

Result<Dps> managed_dps(Transaction& tx, const Actor& actor, const std::string& id) {
  auto dps = tx.dpss().find(id);
  if (!dps || !sees(&actor, *dps)) return Error::not_found("DPS");
  if (!manages(actor, *dps))
    return dps->authority_id == actor.organisation_id || actor.is(Role::admin) ||
                   actor.is(Role::auditor)
               ? Result<Dps>(
                     Error::forbidden("only the authority's procurement officers may do this"))
               : Result<Dps>(Error::not_found("DPS"));
  return *dps;
}

Result<CategoryContext> managed_category(Transaction& tx, const Actor& actor,
                                         const std::string& id) {
  auto category = tx.categories().find(id);
  if (!category) return Error::not_found("category");
  auto dps = managed_dps(tx, actor, category->dps_id);
  if (!dps)
    return dps.error().kind == ErrorKind::not_found ? Error::not_found("category") : dps.error();
  return CategoryContext{*category, *dps};
}

Result<Category> overseen_category(Transaction& tx, const Actor& actor, const std::string& id) {
  auto category = tx.categories().find(id);
  auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
  if (!category || !dps || !oversees(actor, *dps)) return Error::not_found("category");
  return *category;
}

Result<ApplicationContext> readable_application(Transaction& tx, const Actor& actor,
                                                const std::string& id) {
  auto app = tx.applications().find(id);
  if (!app) return Error::not_found("application");
  auto category = tx.categories().find(app->category_id);
  auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
  if (!category || !dps || !reads_application(actor, *app, *dps))
    return Error::not_found("application");
  return ApplicationContext{*app, *category, *dps};
}

Result<ApplicationContext> own_application(Transaction& tx, const Actor& actor,
                                           const std::string& id) {
  auto ctx = readable_application(tx, actor, id);
  if (!ctx) return ctx;
  if (!actor.is(Role::provider)) return Error::forbidden("only the applicant may do this");
  return ctx;
}

Result<ApplicationContext> reviewed_application(Transaction& tx, const Actor& actor,
                                                const std::string& id) {
  auto ctx = readable_application(tx, actor, id);
  if (!ctx) return ctx;
  if (!manages(actor, ctx->dps))
    return Error::forbidden("only the authority's procurement officers decide on applications");
  return ctx;
}

ApplicationView view_of(QualificationServices& s, Transaction& tx, const Application& app) {
  ApplicationView v;
  v.application = app;
  const auto criteria = tx.categories().criteria(app.category_id, app.criteria_version);
  v.evaluations = evaluate(criteria, app.answers, judged_on(app, today(s)));
  const auto clock = decision_clock(s.calendar, app, today(s));
  v.working_days_left = clock.working_days_left;
  v.overdue = clock.overdue;
  if (app.state == ApplicationState::admitted)
    if (auto a = tx.admissions().find(app.provider_id, app.category_id);
        a && a->application_id == app.id)
      v.admission = std::move(*a);
  return v;
}

Status check_attachment_refs(Transaction& tx, const std::string& application_id,
                             const std::vector<Answer>& answers) {
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (answers[i].attachment_id.empty()) continue;
    auto a = tx.attachments().find(answers[i].attachment_id);
    if (!a || a->application_id != application_id)
      return Error::invalid("/answers/" + std::to_string(i) + "/attachment_id", "exists",
                            "no such document is attached to this application");
  }
  return Done{};
}

}  // namespace tarjotin::domain
