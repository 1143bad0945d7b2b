#include "domain/qualification/use_cases.hpp"

#include "domain/accounts/ports.hpp"

#include "domain/access.hpp"
#include "domain/competition/competitions.hpp"
#include "domain/competition/notifications.hpp"
#include "domain/input_rules.hpp"

#include <algorithm>
#include <stdexcept>

namespace tarjotin::domain {
namespace {

constexpr int kDecisionDays = 10;          // Directive 2014/24/EU art. 34(5); Act 1397/2016 § 51
constexpr int kExtendedDecisionDays = 15;  // "in duly justified cases"

// ---- who may do what ----

bool reads_application(const Actor& a, const Application& app, const Dps& dps) {
  if (a.is(Role::provider)) return a.organisation_id == app.provider_id;
  if (a.is(Role::admin) || a.is(Role::auditor)) return true;
  return manages(a, dps);
}

std::string_view act_name(CategoryAct act) {
  switch (act) {
    case CategoryAct::open:
      return "open";
    case CategoryAct::close:
      return "close";
    case CategoryAct::edit:
      break;
  }
  return "edit";
}

Timestamp now(const QualificationServices& s) { return s.clock.now(); }
Date today(const QualificationServices& s) { return helsinki_date(s.clock.now()); }

AuditEvent event(const QualificationServices& s, const Actor& actor, std::string action,
                 std::string type, std::string id, std::string before, std::string after) {
  return audit_event(now(s), &actor, std::move(action), std::move(type), std::move(id),
                     std::move(before), std::move(after));
}

Error refused_transition(std::string_view object, std::string_view state, std::string_view act) {
  return Error::conflict(
      "invalid-transition",
      std::string(object) + " in state '" + std::string(state) + "' cannot " + std::string(act));
}

// ---- validation of officer input ----

Status check_dps(const DpsInput& in) {
  if (auto r = required_text(in.title, "/title", "a title"); !r) return r;
  if (in.valid_until < in.valid_from)
    return Error::invalid("/valid_until", "after-valid-from",
                          "the DPS cannot end before it starts");
  return Done{};
}

Status check_category(const CategoryInput& in) {
  if (auto r = required_text(in.name.fi, "/name/fi", "a Finnish name"); !r) return r;
  if (auto r = check_list(in.characteristics, "/characteristics"); !r) return r;
  if (auto r = check_list(in.regions, "/regions"); !r) return r;
  if (auto r = check_list(in.languages, "/languages"); !r) return r;
  if (in.languages.empty())
    return Error::invalid("/languages", "minItems", "a category names its service languages");
  if (in.price.unit_price_ceiling_cents && *in.price.unit_price_ceiling_cents <= 0)
    return Error::invalid("/price/unit_price_ceiling_cents", "minimum",
                          "a price ceiling is positive");
  return Done{};
}

// ---- loading with access checks; anything the actor may not see is "not found" ----

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

struct ApplicationContext {
  Application application;
  Category category;
  Dps dps;
};

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

// The provider that owns it, for acts only the applicant may do.
Result<ApplicationContext> own_application(Transaction& tx, const Actor& actor,
                                           const std::string& id) {
  auto ctx = readable_application(tx, actor, id);
  if (!ctx) return ctx;
  if (!actor.is(Role::provider)) return Error::forbidden("only the applicant may do this");
  return ctx;
}

// The officer managing its DPS, for the authority's acts.
Result<ApplicationContext> reviewed_application(Transaction& tx, const Actor& actor,
                                                const std::string& id) {
  auto ctx = readable_application(tx, actor, id);
  if (!ctx) return ctx;
  if (!manages(actor, ctx->dps))
    return Error::forbidden("only the authority's procurement officers decide on applications");
  return ctx;
}

// A read of something that belongs to an application, for whoever may read the application.
template <class T, class Read>
Result<T> read_under_application(QualificationServices& s, const Actor& actor,
                                 const std::string& application_id, Read&& read) {
  return transact<T>(s.db, Access::read, [&](Transaction& tx) -> Result<T> {
    auto ctx = readable_application(tx, actor, application_id);
    if (!ctx) return ctx.error();
    return read(tx, *ctx);
  });
}

ApplicationView view_of(QualificationServices& s, Transaction& tx, const Application& app) {
  ApplicationView v;
  v.application = app;
  const auto criteria = tx.categories().criteria(app.category_id, app.criteria_version);
  const Date judged_on = app.received_at ? helsinki_date(*app.received_at) : today(s);
  v.evaluations = evaluate(criteria, app.answers, judged_on);
  if (app.decision_due && awaits_decision(app.state)) {
    const Date t = today(s);
    v.overdue = t > *app.decision_due;
    v.working_days_left = v.overdue ? -s.calendar.working_days_between(*app.decision_due, t)
                                    : s.calendar.working_days_between(t, *app.decision_due);
  }
  if (app.state == ApplicationState::admitted)
    if (auto a = tx.admissions().find(app.provider_id, app.category_id);
        a && a->application_id == app.id)
      v.admission = std::move(*a);
  return v;
}

Result<Application> moved(const Application& app, ApplicationAct act, Timestamp at) {
  const auto next = next_state(application_transitions(), app.state, act);
  if (!next) return refused_transition("an application", to_string(app.state), to_string(act));
  Application changed = app;
  changed.state = *next;
  changed.updated_at = at;
  return changed;
}

// Answers may only point at documents attached to the same application.
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

Status check_answers(const std::vector<Answer>& answers) {
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (answers[i].key.empty())
      return Error::invalid("/answers/" + std::to_string(i) + "/key", "required",
                            "each answer names its criterion");
    if (answers[i].text.size() > kMaxText)
      return Error::invalid("/answers/" + std::to_string(i) + "/text", "maxLength",
                            "the answer is too long");
    for (std::size_t j = 0; j < i; ++j)
      if (answers[j].key == answers[i].key)
        return Error::invalid("/answers/" + std::to_string(i) + "/key", "unique",
                              "each criterion is answered once");
  }
  return Done{};
}

}  // namespace

// ---------------------------------------------------------------- DPS

Result<Dps> create_dps(QualificationServices& s, const Actor& actor, DpsInput in) {
  if (!actor.is(Role::officer)) return Error::forbidden("only procurement officers create a DPS");
  if (auto ok = check_dps(in); !ok) return ok.error();
  Dps dps{s.secrets.new_id(),
          actor.organisation_id,
          in.title,
          in.description,
          in.notice_reference,
          in.valid_from,
          in.valid_until,
          DpsState::draft,
          now(s),
          now(s)};
  return transact<Dps>(s.db, Access::write, [&](Transaction& tx) -> Result<Dps> {
    tx.dpss().add(dps);
    tx.audit().append(event(s, actor, "dps.created", "dps", dps.id, "", "draft"));
    return dps;
  });
}

Result<Dps> edit_dps(QualificationServices& s, const Actor& actor, const std::string& dps_id,
                     DpsInput in) {
  if (auto ok = check_dps(in); !ok) return ok.error();
  return transact<Dps>(s.db, Access::write, [&](Transaction& tx) -> Result<Dps> {
    auto dps = managed_dps(tx, actor, dps_id);
    if (!dps) return dps;
    if (!next_state(dps_transitions(), dps->state, DpsAct::edit))
      return refused_transition("a DPS", to_string(dps->state), "be edited");
    dps->title = in.title;
    dps->description = in.description;
    dps->notice_reference = in.notice_reference;
    dps->valid_from = in.valid_from;
    dps->valid_until = in.valid_until;
    dps->updated_at = now(s);
    tx.dpss().update(*dps);
    tx.audit().append(event(s, actor, "dps.edited", "dps", dps->id, "draft", "draft"));
    return dps;
  });
}

Result<Dps> change_dps_state(QualificationServices& s, const Actor& actor,
                             const std::string& dps_id, DpsAct act) {
  return transact<Dps>(s.db, Access::write, [&](Transaction& tx) -> Result<Dps> {
    auto dps = managed_dps(tx, actor, dps_id);
    if (!dps) return dps;
    const auto next = next_state(dps_transitions(), dps->state, act);
    if (!next) return refused_transition("a DPS", to_string(dps->state), to_string(act));
    if (act == DpsAct::publish) {
      if (dps->valid_until < today(s))
        return Error::conflict("validity-over", "the DPS's validity has already ended");
      const auto categories = tx.categories().list_for_dps(dps->id);
      if (categories.empty())
        return Error::conflict("no-categories", "a DPS is published with at least one category");
    }
    const DpsState before = dps->state;
    dps->state = *next;
    dps->updated_at = now(s);
    tx.dpss().update(*dps);
    tx.audit().append(event(s, actor, "dps." + std::string(to_string(act)), "dps", dps->id,
                            std::string(to_string(before)), std::string(to_string(*next))));
    return dps;
  });
}

Result<std::vector<Dps>> list_dpss(QualificationServices& s, const Actor* actor) {
  return transact<std::vector<Dps>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Dps>> {
        // Staff of an authority also see its drafts; ids never name an organisation, so the
        // placeholder for "nobody's drafts" cannot match one.
        const bool staff = actor && is_authority_staff(*actor);
        return tx.dpss().list_visible(staff ? actor->organisation_id : std::string("-"));
      });
}

Result<Dps> read_dps(QualificationServices& s, const Actor* actor, const std::string& dps_id) {
  return transact<Dps>(s.db, Access::read,
                       [&](Transaction& tx) { return visible_dps(tx, actor, dps_id); });
}

// ---------------------------------------------------------------- categories

Result<CategoryView> create_category(QualificationServices& s, const Actor& actor,
                                     const std::string& dps_id, CategoryInput in,
                                     std::vector<Criterion> criteria) {
  if (auto ok = check_category(in); !ok) return ok.error();
  if (auto ok = validate_criteria(criteria); !ok) return ok.error();
  return transact<CategoryView>(s.db, Access::write, [&](Transaction& tx) -> Result<CategoryView> {
    auto dps = managed_dps(tx, actor, dps_id);
    if (!dps) return dps.error();
    if (dps->state == DpsState::closed)
      return Error::conflict("dps-closed", "a closed DPS takes no new categories");
    Category c;
    c.id = s.secrets.new_id();
    c.dps_id = dps->id;
    c.name = in.name;
    c.description = in.description;
    c.characteristics = in.characteristics;
    c.regions = in.regions;
    c.languages = in.languages;
    c.price = in.price;
    c.award_method = in.award_method;
    c.state = CategoryState::draft;
    c.criteria_version = 1;
    c.created_at = c.updated_at = now(s);
    tx.categories().add(c);
    tx.categories().put_criteria(c.id, 1, criteria);
    tx.audit().append(event(s, actor, "category.created", "category", c.id, "", "draft"));
    return CategoryView{c, criteria};
  });
}

Result<CategoryView> edit_category(QualificationServices& s, const Actor& actor,
                                   const std::string& category_id, CategoryInput in) {
  if (auto ok = check_category(in); !ok) return ok.error();
  return transact<CategoryView>(s.db, Access::write, [&](Transaction& tx) -> Result<CategoryView> {
    auto ctx = managed_category(tx, actor, category_id);
    if (!ctx) return ctx.error();
    Category c = ctx->category;
    if (!next_state(category_transitions(), c.state, CategoryAct::edit))
      return refused_transition("a category", to_string(c.state), "be edited");
    c.name = in.name;
    c.description = in.description;
    c.characteristics = in.characteristics;
    c.regions = in.regions;
    c.languages = in.languages;
    c.price = in.price;
    c.award_method = in.award_method;
    c.updated_at = now(s);
    tx.categories().update(c);
    tx.audit().append(event(s, actor, "category.edited", "category", c.id, "draft", "draft"));
    return CategoryView{c, tx.categories().criteria(c.id, c.criteria_version)};
  });
}

Result<CategoryView> set_criteria(QualificationServices& s, const Actor& actor,
                                  const std::string& category_id, std::vector<Criterion> criteria) {
  if (auto ok = validate_criteria(criteria); !ok) return ok.error();
  return transact<CategoryView>(s.db, Access::write, [&](Transaction& tx) -> Result<CategoryView> {
    auto ctx = managed_category(tx, actor, category_id);
    if (!ctx) return ctx.error();
    Category c = ctx->category;
    if (c.state == CategoryState::closed)
      return refused_transition("a category", "closed", "change its criteria");
    const int before = c.criteria_version;
    if (c.state == CategoryState::open) ++c.criteria_version;
    c.updated_at = now(s);
    tx.categories().put_criteria(c.id, c.criteria_version, criteria);
    tx.categories().update(c);
    tx.audit().append(event(s, actor, "category.criteria-set", "category", c.id,
                            "criteria v" + std::to_string(before),
                            "criteria v" + std::to_string(c.criteria_version)));
    return CategoryView{c, criteria};
  });
}

Result<CategoryView> change_category_state(QualificationServices& s, const Actor& actor,
                                           const std::string& category_id, CategoryAct act) {
  return transact<CategoryView>(s.db, Access::write, [&](Transaction& tx) -> Result<CategoryView> {
    auto ctx = managed_category(tx, actor, category_id);
    if (!ctx) return ctx.error();
    Category c = ctx->category;
    const auto next = next_state(category_transitions(), c.state, act);
    if (!next) return refused_transition("a category", to_string(c.state), act_name(act));
    const CategoryState before = c.state;
    c.state = *next;
    c.updated_at = now(s);
    tx.categories().update(c);
    tx.audit().append(event(s, actor, "category." + std::string(act_name(act)), "category", c.id,
                            std::string(to_string(before)), std::string(to_string(*next))));
    return CategoryView{c, tx.categories().criteria(c.id, c.criteria_version)};
  });
}

Result<std::vector<Category>> list_categories(QualificationServices& s, const Actor* actor,
                                              const std::string& dps_id) {
  return transact<std::vector<Category>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Category>> {
        auto dps = visible_dps(tx, actor, dps_id);
        if (!dps) return dps.error();
        const bool staff =
            actor && (manages(*actor, *dps) || actor->is(Role::admin) || actor->is(Role::auditor));
        std::vector<Category> out;
        for (auto& c : tx.categories().list_for_dps(dps_id))
          if (staff || c.state != CategoryState::draft) out.push_back(std::move(c));
        return out;
      });
}

Result<CategoryView> read_category(QualificationServices& s, const Actor* actor,
                                   const std::string& category_id) {
  return transact<CategoryView>(s.db, Access::read, [&](Transaction& tx) -> Result<CategoryView> {
    auto ctx = visible_category(tx, actor, category_id);
    if (!ctx) return ctx.error();
    return CategoryView{ctx->category,
                        tx.categories().criteria(ctx->category.id, ctx->category.criteria_version)};
  });
}

// ---------------------------------------------------------------- applications

Result<ApplicationView> start_application(QualificationServices& s, const Actor& actor,
                                          const std::string& category_id,
                                          std::vector<Answer> answers) {
  if (!actor.is(Role::provider)) return Error::forbidden("only providers apply");
  if (auto ok = check_answers(answers); !ok) return ok.error();
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = visible_category(tx, &actor, category_id);
        if (!ctx) return ctx.error();
        if (!dps_is_in_force(ctx->dps, today(s)))
          return Error::conflict("dps-not-accepting", "the DPS is not open for applications now");
        if (ctx->category.state != CategoryState::open)
          return Error::conflict("category-not-open", "the category is not open for applications");
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
            event(s, actor, "application.created", "application", app.id, "", "draft"));
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
        // Answers change while drafting, and while the authority has asked for clarification.
        if (app.state != ApplicationState::draft &&
            app.state != ApplicationState::clarification_requested)
          return refused_transition("an application", to_string(app.state), "change its answers");
        if (auto ok = check_attachment_refs(tx, app.id, answers); !ok) return ok.error();
        app.answers = std::move(answers);
        app.updated_at = now(s);
        tx.applications().update(app);
        tx.audit().append(event(s, actor, "application.answers-saved", "application", app.id,
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
        if (!dps_is_in_force(ctx->dps, today(s)))
          return Error::conflict("dps-not-accepting", "the DPS is not open for applications now");
        if (ctx->category.state != CategoryState::open)
          return Error::conflict("category-not-open", "the category is not open for applications");
        // Judged against the criteria in force at receipt, whatever version the draft began on.
        app->criteria_version = ctx->category.criteria_version;
        app->received_at = now(s);
        app->decision_due =
            s.calendar.add_working_days(helsinki_date(*app->received_at), kDecisionDays);
        tx.applications().update(*app);
        tx.audit().append(
            event(s, actor, "application.submitted", "application", app->id, "draft", "submitted"));
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
        tx.audit().append(event(s, actor, "application.withdrawn", "application", app->id,
                                std::string(to_string(ctx->application.state)), "withdrawn"));
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

Result<std::vector<ApplicationView>> review_queue(QualificationServices& s, const Actor& actor,
                                                  const std::string& dps_id) {
  return transact<std::vector<ApplicationView>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<ApplicationView>> {
        auto dps = visible_dps(tx, &actor, dps_id);
        if (!dps) return dps.error();
        if (!manages(actor, *dps) && !actor.is(Role::auditor) && !actor.is(Role::admin))
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
        // The decision clock keeps running: the law lets it stop only where that is justified,
        // so the officer extends the deadline (with a reason) when a clarification needs time.
        auto app = moved(ctx->application, ApplicationAct::request_clarification, now(s));
        if (!app) return app.error();
        tx.applications().update(*app);
        tx.messages().add(
            {s.secrets.new_id(), app->id, actor.user_id, actor.organisation_id, question, now(s)});
        tx.audit().append(event(s, actor, "application.clarification-requested", "application",
                                app->id, "submitted", "clarification_requested"));
        return view_of(s, tx, *app);
      });
}

Result<ApplicationView> answer_clarification(QualificationServices& s, const Actor& actor,
                                             const std::string& application_id,
                                             const std::string& answer,
                                             std::optional<std::vector<Answer>> answers) {
  if (auto ok = required_text(answer, "/message", "the answer"); !ok) return ok.error();
  if (answers)
    if (auto ok = check_answers(*answers); !ok) return ok.error();
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = own_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        auto app = moved(ctx->application, ApplicationAct::answer_clarification, now(s));
        if (!app) return app.error();
        if (answers) {
          if (auto ok = check_attachment_refs(tx, app->id, *answers); !ok) return ok.error();
          app->answers = std::move(*answers);
        }
        tx.applications().update(*app);
        tx.messages().add(
            {s.secrets.new_id(), app->id, actor.user_id, actor.organisation_id, answer, now(s)});
        tx.audit().append(event(s, actor, "application.clarification-answered", "application",
                                app->id, "clarification_requested", "submitted"));
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
        const std::string before =
            "due " + std::to_string(app->decision_due->time_since_epoch().count());
        app->extension_reason = reason;
        app->decision_due =
            s.calendar.add_working_days(helsinki_date(*app->received_at), kExtendedDecisionDays);
        tx.applications().update(*app);
        tx.audit().append(
            event(s, actor, "application.deadline-extended", "application", app->id, before,
                  "due " + std::to_string(app->decision_due->time_since_epoch().count())));
        return view_of(s, tx, *app);
      });
}

Result<ApplicationView> decide_application(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id, bool admit,
                                           const std::string& reason) {
  if (!admit)
    if (auto ok = required_text(reason, "/reason", "a reason for the rejection"); !ok)
      return ok.error();
  if (reason.size() > kMaxText) return Error::invalid("/reason", "maxLength", "too long");
  return transact<ApplicationView>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ApplicationView> {
        auto ctx = reviewed_application(tx, actor, application_id);
        if (!ctx) return ctx.error();
        const ApplicationState before = ctx->application.state;
        auto app =
            moved(ctx->application, admit ? ApplicationAct::admit : ApplicationAct::reject, now(s));
        if (!app) return app.error();
        app->decision_reason = reason;
        app->decided_at = now(s);
        tx.applications().update(*app);
        if (admit) {
          store_admission(tx, s.clock, s.secrets,
                          {app->provider_id, app->category_id, app->id, AdmissionState::admitted,
                           now(s), "", now(s)});
        }
        tx.audit().append(event(s, actor, admit ? "application.admitted" : "application.rejected",
                                "application", app->id, std::string(to_string(before)),
                                std::string(to_string(app->state))));
        return view_of(s, tx, *app);
      });
}

// ---------------------------------------------------------------- admissions

namespace {

// What a provider is told when its admission moves from `before` to `after`: the notification's
// kind and the first words of its text; nothing when it stays admitted.
struct AdmissionNotice {
  std::string_view kind;
  std::string_view lead;
};
std::optional<AdmissionNotice> admission_notice(AdmissionState before, AdmissionState after) {
  if (after == AdmissionState::suspended)
    return AdmissionNotice{"admission.suspended", "Admission suspended: "};
  if (after == AdmissionState::excluded) return AdmissionNotice{"admission.excluded", "Excluded: "};
  if (before == AdmissionState::admitted) return std::nullopt;
  return AdmissionNotice{"admission.reinstated", "Admission reinstated: "};
}

}  // namespace

void store_admission(Transaction& tx, const Clock& clock, Secrets& secrets,
                     const Admission& admission) {
  const auto before = tx.admissions().find(admission.provider_id, admission.category_id);
  tx.admissions().put(admission);
  if (admission.state == AdmissionState::admitted)
    invite_to_running_competitions(tx, clock, secrets, admission.category_id,
                                   admission.provider_id);
  // A provider learns at once, by notification and webhook, when it may no longer be chosen or
  // may be again, and why: the officer's reason or the re-confirmation job's.
  if (!before || before->state == admission.state) return;
  const auto notice = admission_notice(before->state, admission.state);
  if (!notice) return;
  const auto category = tx.categories().find(admission.category_id);
  std::string text =
      std::string(notice->lead) + (category ? category->name.fi : admission.category_id);
  if (!admission.reason.empty() && admission.state != AdmissionState::admitted)
    text += " (" + admission.reason + ")";
  notify(tx, clock, secrets, admission.provider_id, std::string(notice->kind),
         admission.category_id, text);
}

Result<Admission> change_admission(QualificationServices& s, const Actor& actor,
                                   const std::string& category_id, const std::string& provider_id,
                                   AdmissionAct act, const std::string& reason) {
  if (act != AdmissionAct::reinstate)
    if (auto ok = required_text(reason, "/reason", "a reason"); !ok) return ok.error();
  return transact<Admission>(s.db, Access::write, [&](Transaction& tx) -> Result<Admission> {
    auto ctx = managed_category(tx, actor, category_id);
    if (!ctx) return ctx.error();
    auto admission = tx.admissions().find(provider_id, category_id);
    if (!admission) return Error::not_found("admission");
    const auto next = next_state(admission_transitions(), admission->state, act);
    if (!next)
      return refused_transition("an admission", to_string(admission->state),
                                act == AdmissionAct::suspend   ? "suspend"
                                : act == AdmissionAct::exclude ? "exclude"
                                                               : "reinstate");
    const AdmissionState before = admission->state;
    admission->state = *next;
    admission->reason = reason;
    admission->updated_at = now(s);
    store_admission(tx, s.clock, s.secrets, *admission);
    tx.audit().append(event(s, actor, "admission." + std::string(to_string(*next)), "admission",
                            provider_id + "/" + category_id, std::string(to_string(before)),
                            std::string(to_string(*next))));
    return *admission;
  });
}

Result<std::vector<AdmittedProvider>> list_admissions(QualificationServices& s, const Actor& actor,
                                                      const std::string& category_id,
                                                      std::optional<AdmissionState> state) {
  return transact<std::vector<AdmittedProvider>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<AdmittedProvider>> {
        auto ctx = managed_category(tx, actor, category_id);
        if (!ctx) return ctx.error();
        std::vector<AdmittedProvider> out;
        for (const auto& a : tx.admissions().list_for_category(category_id)) {
          if (state && a.state != *state) continue;
          if (auto org = tx.organisations().find(a.provider_id)) out.push_back({*org, a});
        }
        return out;
      });
}

Result<std::vector<AdmittedProvider>> admitted_providers(QualificationServices& s,
                                                         const std::string& category_id) {
  return transact<std::vector<AdmittedProvider>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<AdmittedProvider>> {
        auto ctx = visible_category(tx, nullptr, category_id);
        if (!ctx) return ctx.error();
        std::vector<AdmittedProvider> out;
        for (const auto& a : tx.admissions().list_for_category(category_id)) {
          if (a.state != AdmissionState::admitted) continue;
          if (auto org = tx.organisations().find(a.provider_id)) out.push_back({*org, a});
        }
        return out;
      });
}

// ---------------------------------------------------------------- messages

Result<std::vector<Message>> list_messages(QualificationServices& s, const Actor& actor,
                                           const std::string& application_id) {
  return read_under_application<std::vector<Message>>(
      s, actor, application_id, [&](Transaction& tx, const ApplicationContext&) {
        return tx.messages().list_for_application(application_id);
      });
}

Result<Message> post_message(QualificationServices& s, const Actor& actor,
                             const std::string& application_id, const std::string& body) {
  if (auto ok = required_text(body, "/body", "a message"); !ok) return ok.error();
  return transact<Message>(s.db, Access::write, [&](Transaction& tx) -> Result<Message> {
    auto ctx = readable_application(tx, actor, application_id);
    if (!ctx) return ctx.error();
    // The parties talk: the applicant and the authority's officers, not readers like auditors.
    if (!(actor.is(Role::provider) || manages(actor, ctx->dps)))
      return Error::forbidden("only the applicant and the authority's officers write messages");
    Message m{s.secrets.new_id(),    application_id, actor.user_id,
              actor.organisation_id, body,           now(s)};
    tx.messages().add(m);
    tx.audit().append(event(s, actor, "application.message-posted", "application", application_id,
                            "", "message " + m.id));
    return m;
  });
}

// ---------------------------------------------------------------- documents

Result<Attachment> attach_document(QualificationServices& s, const Actor& actor,
                                   const std::string& application_id, std::string_view filename,
                                   std::string_view declared_type, std::string_view bytes) {
  const auto declared = parse_media_type(declared_type);
  if (!declared) return Error::invalid("", "media-type", "attach PDF, PNG or JPEG documents");
  if (bytes.empty()) return Error::invalid("", "minLength", "the document is empty");
  if (bytes.size() > s.max_attachment_bytes)
    return Error::invalid("", "maxLength", "the document is too large");
  if (sniff_media_type(bytes) != declared)
    return Error::invalid("", "media-type", "the document's content is not what its type says");
  return transact<Attachment>(s.db, Access::write, [&](Transaction& tx) -> Result<Attachment> {
    // Access first: a stranger's bytes are never written.
    auto ctx = own_application(tx, actor, application_id);
    if (!ctx) return ctx.error();
    const auto state = ctx->application.state;
    if (state != ApplicationState::draft && state != ApplicationState::clarification_requested)
      return refused_transition("an application", to_string(state), "take new documents");
    const std::string sha256 = tx.documents().put(bytes);
    Attachment a{s.secrets.new_id(),
                 application_id,
                 actor.organisation_id,
                 safe_filename(filename),
                 *declared,
                 static_cast<long long>(bytes.size()),
                 sha256,
                 actor.user_id,
                 now(s)};
    tx.attachments().add(a);
    tx.audit().append(event(s, actor, "application.document-attached", "application",
                            application_id, "", "document " + a.id + " sha256 " + sha256));
    return a;
  });
}

Result<std::vector<Attachment>> list_attachments(QualificationServices& s, const Actor& actor,
                                                 const std::string& application_id) {
  return read_under_application<std::vector<Attachment>>(
      s, actor, application_id, [&](Transaction& tx, const ApplicationContext&) {
        return tx.attachments().list_for_application(application_id);
      });
}

Result<Document> read_document(QualificationServices& s, const Actor& actor,
                               const std::string& attachment_id) {
  return transact<Document>(s.db, Access::read, [&](Transaction& tx) -> Result<Document> {
    auto a = tx.attachments().find(attachment_id);
    if (!a || !readable_application(tx, actor, a->application_id))
      return Error::not_found("document");
    auto bytes = tx.documents().get(a->sha256);
    // A row without its bytes means the database lost data; that is the server's failure.
    if (!bytes) throw std::runtime_error("document " + a->id + " is missing its content");
    return Document{*a, std::move(*bytes)};
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
