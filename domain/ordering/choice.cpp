#include "domain/ordering/choice.hpp"

#include <map>
#include <set>

#include "domain/access.hpp"
#include "domain/ordering/loading.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

using namespace ordering_loading;

namespace {

std::map<std::string, Admission> admissions_by_provider(Transaction& tx,
                                                        const std::string& category_id) {
  std::map<std::string, Admission> admissions;
  for (auto& a : tx.admissions().list_for_category(category_id))
    admissions.emplace(a.provider_id, std::move(a));
  return admissions;
}

std::vector<Ineligibility> ineligibility(const Offering& o, const Customer& customer,
                                         std::optional<Date> start_by,
                                         const std::map<std::string, Admission>& admissions) {
  const auto admission = admissions.find(o.provider_id);
  return domain::ineligibility(o, customer, start_by,
                               admission == admissions.end() ? nullptr : &admission->second);
}

// The set with what its cards show now; for the coach who made it, also the offerings left out.
ChoiceSetView view_of(Transaction& tx, ChoiceSet set, const Category& category,
                      const Customer* customer) {
  ChoiceSetView v;
  v.category_name = category.name;
  std::map<std::string, Offering> offerings;
  for (auto& o : tx.offerings().list_for_category(set.category_id))
    offerings.emplace(o.id, std::move(o));
  Names names(tx);
  std::vector<std::string> providers;  // each set's providers and those left out: one read
  for (const auto& [id, o] : offerings) providers.push_back(o.provider_id);
  for (const auto& e : set.entries) providers.push_back(e.provider_id);
  names.read_organisations(providers);
  for (const auto& e : set.entries) {
    v.provider_names.push_back(names.organisation(e.provider_id));
    const auto it = offerings.find(e.offering_id);
    v.offerings.push_back(it == offerings.end() ? Offering{} : it->second);
  }
  if (customer) {
    const auto admissions = admissions_by_provider(tx, set.category_id);
    std::set<std::string> shown;
    for (const auto& e : set.entries) shown.insert(e.offering_id);
    const std::optional<Date> start_by =
        set.start_by == Date{} ? std::nullopt : std::optional<Date>(set.start_by);
    for (const auto& [id, o] : offerings) {
      if (shown.count(id)) continue;
      auto reasons = ineligibility(o, *customer, start_by, admissions);
      // Offerings that became eligible after the set was made are not "left out" of it.
      if (reasons.empty()) continue;
      v.left_out.push_back(
          {id, o.provider_id, names.organisation(o.provider_id), std::move(reasons)});
    }
  }
  v.set = std::move(set);
  return v;
}

}  // namespace

Result<ChoiceSetView> make_choice_set(OrderingServices& s, const Actor& actor, ChoiceSetInput in) {
  if (!actor.is(Role::coach)) return Error::forbidden("only coaches make choice sets");
  if (in.start_by && *in.start_by < today(s))
    return Error::invalid("/start_by", "future", "the latest start is today or later");
  // What the coach may use, checked when the list is made and again when it is stored.
  struct Usable {
    Customer customer;
    CategoryContext ctx;
  };
  auto usable = [&](Transaction& tx) -> Result<Usable> {
    // Ids in the body that the coach may not use are refused like place_order's choice set: 422
    // with the field, the same for another unit's customer as for no customer at all.
    auto customer = unit_customer(tx, actor, in.customer_id);
    if (!customer)
      return Error::invalid("/customer_id", "customer", "no customer of your unit has this id");
    auto ctx = visible_category(tx, &actor, in.category_id);
    if (!ctx)
      return Error::invalid("/category_id", "category", "no category you may use has this id");
    if (ctx->category.award_method != AwardMethod::customer_choice)
      return Error::conflict("not-customer-choice",
                             "this category is bought by mini-competition, not customer choice");
    if (ctx->category.state != CategoryState::open || !dps_is_in_force(ctx->dps, today(s)))
      return Error::conflict("not-ordering", "the category takes no orders now");
    return Usable{std::move(*customer), std::move(*ctx)};
  };

  // The list, with every provider's record over the window's orders (summed by the database, one
  // row per provider), is made in a read transaction, so it never holds a writer back. The
  // stored set is a snapshot of that moment; an order from it checks admission, places and
  // price again.
  auto made = transact<ChoiceSet>(s.db, Access::read, [&](Transaction& tx) -> Result<ChoiceSet> {
    auto use = usable(tx);
    if (!use) return use.error();
    const auto admissions = admissions_by_provider(tx, in.category_id);
    std::vector<Offering> eligible;
    for (auto& o : tx.offerings().list_for_category(in.category_id))
      if (ineligibility(o, use->customer, in.start_by, admissions).empty())
        eligible.push_back(std::move(o));
    const auto records = tx.orders().choice_record_counts(
        in.category_id,
        now(s) - std::chrono::duration_cast<std::chrono::microseconds>(s.scorecard_window));

    ChoiceSet set;
    set.id = s.secrets.new_id();
    set.category_id = in.category_id;
    set.customer_id = use->customer.id;
    set.coaching_unit_id = actor.organisation_id;
    set.requested_by = actor.user_id;
    set.seed = s.secrets.new_seed();
    set.start_by = in.start_by.value_or(Date{});
    set.created_at = now(s);
    set.expires_at = set.created_at +
                     std::chrono::duration_cast<std::chrono::microseconds>(s.choice_set_lifetime);
    set.entries = choice_entries(std::move(eligible), records, set.seed);
    return set;
  });
  if (!made) return made.error();

  std::optional<Usable> used;
  auto stored = transact<Done>(s.db, Access::write, [&](Transaction& tx) -> Status {
    auto use = usable(tx);  // the customer or the category may have changed meanwhile
    if (!use) return use.error();
    used.emplace(std::move(*use));
    tx.choice_sets().add(*made);
    tx.audit().append(event(
        s, actor, "choice_set.made", "choice_set", made->id, "",
        std::to_string(made->entries.size()) + " offerings, seed " + std::to_string(made->seed)));
    return Done{};
  });
  if (!stored) return stored.error();

  // Names for the view are read after the commit, outside the write lock.
  return transact<ChoiceSetView>(s.db, Access::read, [&](Transaction& tx) -> Result<ChoiceSetView> {
    return view_of(tx, std::move(*made), used->ctx.category, &used->customer);
  });
}

Result<ChoiceSetView> read_choice_set(OrderingServices& s, const Actor& actor,
                                      const std::string& choice_set_id) {
  return transact<ChoiceSetView>(s.db, Access::read, [&](Transaction& tx) -> Result<ChoiceSetView> {
    auto set = tx.choice_sets().find(choice_set_id);
    if (!set) return Error::not_found("choice set");
    auto category = tx.categories().find(set->category_id);
    if (!category) return Error::not_found("choice set");
    if (actor.is(Role::coach) && set->coaching_unit_id == actor.organisation_id) {
      const auto customer = tx.customers().find(set->customer_id);
      return view_of(tx, std::move(*set), *category, customer ? &*customer : nullptr);
    }
    // Auditors and the DPS's officers replay what the customer was shown.
    if (is_authority_staff(actor))
      if (auto ctx = visible_category(tx, &actor, set->category_id);
          ctx && oversees(actor, ctx->dps))
        return view_of(tx, std::move(*set), *category, nullptr);
    return Error::not_found("choice set");
  });
}

}  // namespace tarjotin::domain
