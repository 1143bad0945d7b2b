#include "domain/qualification/dpss.hpp"

#include "domain/qualification/loaders.hpp"
#include "domain/qualification/rules.hpp"

namespace tarjotin::domain {
namespace {

void take_details(Dps& dps, const DpsInput& in) {
  dps.title = in.title;
  dps.description = in.description;
  dps.notice_reference = in.notice_reference;
  dps.valid_from = in.valid_from;
  dps.valid_until = in.valid_until;
}

void take_details(Category& c, const CategoryInput& in) {
  c.name = in.name;
  c.description = in.description;
  c.characteristics = in.characteristics;
  c.regions = in.regions;
  c.languages = in.languages;
  c.price = in.price;
  c.award_method = in.award_method;
}

}  // namespace

Result<Dps> create_dps(QualificationServices& s, const Actor& actor, DpsInput in) {
  if (!actor.is(Role::officer)) return Error::forbidden("only procurement officers create a DPS");
  if (auto ok = check_dps(in); !ok) return ok.error();
  Dps dps;
  dps.id = s.secrets.new_id();
  dps.authority_id = actor.organisation_id;
  take_details(dps, in);
  dps.state = DpsState::draft;
  dps.created_at = dps.updated_at = now(s);
  return transact<Dps>(s.db, Access::write, [&](Transaction& tx) -> Result<Dps> {
    tx.dpss().add(dps);
    tx.audit().append(event(s, &actor, "dps.created", "dps", dps.id, "", "draft"));
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
    take_details(*dps, in);
    dps->updated_at = now(s);
    tx.dpss().update(*dps);
    tx.audit().append(event(s, &actor, "dps.edited", "dps", dps->id, "draft", "draft"));
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
      if (tx.categories().list_for_dps(dps->id).empty())
        return Error::conflict("no-categories", "a DPS is published with at least one category");
    }
    const DpsState before = dps->state;
    dps->state = *next;
    dps->updated_at = now(s);
    tx.dpss().update(*dps);
    tx.audit().append(event(s, &actor, "dps." + std::string(to_string(act)), "dps", dps->id,
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

Result<CategoryView> create_category(QualificationServices& s, const Actor& actor,
                                     const std::string& dps_id, NewCategory in) {
  if (auto ok = check_category(in.details); !ok) return ok.error();
  if (auto ok = validate_criteria(in.criteria); !ok) return ok.error();
  return transact<CategoryView>(s.db, Access::write, [&](Transaction& tx) -> Result<CategoryView> {
    auto dps = managed_dps(tx, actor, dps_id);
    if (!dps) return dps.error();
    if (dps->state == DpsState::closed)
      return Error::conflict("dps-closed", "a closed DPS takes no new categories");
    Category c;
    c.id = s.secrets.new_id();
    c.dps_id = dps->id;
    take_details(c, in.details);
    c.state = CategoryState::draft;
    c.criteria_version = 1;
    c.created_at = c.updated_at = now(s);
    tx.categories().add(c);
    tx.categories().put_criteria(c.id, 1, in.criteria);
    tx.audit().append(event(s, &actor, "category.created", "category", c.id, "", "draft"));
    return CategoryView{c, in.criteria};
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
    take_details(c, in);
    c.updated_at = now(s);
    tx.categories().update(c);
    tx.audit().append(event(s, &actor, "category.edited", "category", c.id, "draft", "draft"));
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
    tx.audit().append(event(s, &actor, "category.criteria-set", "category", c.id,
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
    if (!next) return refused_transition("a category", to_string(c.state), to_string(act));
    const CategoryState before = c.state;
    c.state = *next;
    c.updated_at = now(s);
    tx.categories().update(c);
    tx.audit().append(event(s, &actor, "category." + std::string(to_string(act)), "category", c.id,
                            std::string(to_string(before)), std::string(to_string(*next))));
    return CategoryView{c, tx.categories().criteria(c.id, c.criteria_version)};
  });
}

Result<std::vector<Category>> list_categories(QualificationServices& s, const Actor* actor,
                                              const std::string& dps_id) {
  return transact<std::vector<Category>>(s.db, Access::read,
                                         [&](Transaction& tx) -> Result<std::vector<Category>> {
                                           auto dps = visible_dps(tx, actor, dps_id);
                                           if (!dps) return dps.error();
                                           std::vector<Category> out;
                                           for (auto& c : tx.categories().list_for_dps(dps_id))
                                             if (sees(actor, c, *dps)) out.push_back(std::move(c));
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

}  // namespace tarjotin::domain
