#include "domain/ordering/choice.hpp"

#include <map>
#include <set>

#include "domain/access.hpp"
#include "domain/accounts/ports.hpp"
#include "domain/ordering/loading.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

using namespace ordering_loading;

namespace {

// What a set's cards are shown with: the category's offerings and admissions as they read in
// one transaction, and the names of their providers.
struct CardSources {
  std::map<std::string, Offering> offerings;     // by id
  std::map<std::string, Admission> admissions;   // by provider
  std::map<std::string, std::string> providers;  // names by id
};

// `entries`' providers are named too (an entry's offering may be gone); admissions are read only
// when `with_admissions` (the coach's view, which says why offerings were left out).
CardSources read_card_sources(Transaction& tx, const std::string& category_id,
                              const std::vector<ChoiceEntry>& entries, bool with_admissions) {
  CardSources c;
  for (auto& o : tx.offerings().list_for_category(category_id)) {
    auto id = o.id;
    c.offerings.emplace(std::move(id), std::move(o));
  }
  if (with_admissions)
    for (auto& a : tx.admissions().list_for_category(category_id)) {
      auto provider = a.provider_id;
      c.admissions.emplace(std::move(provider), std::move(a));
    }
  std::vector<std::string> ids;  // every provider named on the screen: one read
  for (const auto& [id, o] : c.offerings) ids.push_back(o.provider_id);
  for (const auto& e : entries) ids.push_back(e.provider_id);
  for (auto& org : tx.organisations().find_many(ids)) {
    auto id = org.id;
    c.providers.emplace(std::move(id), std::move(org.name));
  }
  return c;
}

std::vector<Ineligibility> ineligibility(const Offering& o, const Customer& customer,
                                         std::optional<Date> start_by,
                                         const std::map<std::string, Admission>& admissions) {
  const auto admission = admissions.find(o.provider_id);
  return domain::ineligibility(o, customer, start_by,
                               admission == admissions.end() ? nullptr : &admission->second);
}

// The set with what its cards show as `from` read them; for the coach who made it (`customer`
// given), also the offerings left out. The entries' offerings are moved out of `from`.
ChoiceSetView view_of(ChoiceSet set, const Category& category, const Customer* customer,
                      CardSources from) {
  ChoiceSetView v;
  v.category_name = category.name;
  const auto provider_name = [&](const std::string& id) -> std::string {
    const auto it = from.providers.find(id);
    return it == from.providers.end() ? std::string() : it->second;
  };
  v.provider_names.reserve(set.entries.size());
  v.offerings.reserve(set.entries.size());
  for (const auto& e : set.entries) {
    v.provider_names.push_back(provider_name(e.provider_id));
    const auto it = from.offerings.find(e.offering_id);
    v.offerings.push_back(it == from.offerings.end() ? Offering{} : std::move(it->second));
  }
  if (customer) {
    std::set<std::string> shown;
    for (const auto& e : set.entries) shown.insert(e.offering_id);
    const std::optional<Date> start_by =
        set.start_by == Date{} ? std::nullopt : std::optional<Date>(set.start_by);
    for (const auto& [id, o] : from.offerings) {
      if (shown.count(id)) continue;
      auto reasons = ineligibility(o, *customer, start_by, from.admissions);
      // Offerings that became eligible after the set was made are not "left out" of it.
      if (reasons.empty()) continue;
      v.left_out.push_back({id, o.provider_id, provider_name(o.provider_id), std::move(reasons)});
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
  // stored set is a snapshot of that moment, and so is the view answered for it: its cards show
  // the offerings and names read then. An order from it checks admission, places and price again.
  struct Made {
    ChoiceSet set;
    CardSources cards;
  };
  auto made = transact<Made>(s.db, Access::read, [&](Transaction& tx) -> Result<Made> {
    auto use = usable(tx);
    if (!use) return use.error();
    Made m;
    m.cards = read_card_sources(tx, in.category_id, {}, true);
    std::vector<Offering> eligible;
    for (const auto& [id, o] : m.cards.offerings)
      if (ineligibility(o, use->customer, in.start_by, m.cards.admissions).empty())
        eligible.push_back(o);
    const auto records = tx.orders().choice_record_counts(
        in.category_id,
        now(s) - std::chrono::duration_cast<std::chrono::microseconds>(s.scorecard_window));

    ChoiceSet& set = m.set;
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
    return m;
  });
  if (!made) return made.error();

  std::optional<Usable> used;
  auto stored = transact<Done>(s.db, Access::write, [&](Transaction& tx) -> Status {
    auto use = usable(tx);  // the customer or the category may have changed meanwhile
    if (!use) return use.error();
    used.emplace(std::move(*use));
    tx.choice_sets().add(made->set);
    tx.audit().append(event(s, actor, "choice_set.made", "choice_set", made->set.id, "",
                            std::to_string(made->set.entries.size()) + " offerings, seed " +
                                std::to_string(made->set.seed)));
    return Done{};
  });
  if (!stored) return stored.error();
  return view_of(std::move(made->set), used->ctx.category, &used->customer, std::move(made->cards));
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
      const auto cards =
          read_card_sources(tx, set->category_id, set->entries, customer.has_value());
      return view_of(std::move(*set), *category, customer ? &*customer : nullptr, std::move(cards));
    }
    // Auditors and the DPS's officers replay what the customer was shown.
    if (is_authority_staff(actor))
      if (auto ctx = visible_category(tx, &actor, set->category_id);
          ctx && oversees(actor, ctx->dps)) {
        auto cards = read_card_sources(tx, set->category_id, set->entries, false);
        return view_of(std::move(*set), *category, nullptr, std::move(cards));
      }
    return Error::not_found("choice set");
  });
}

}  // namespace tarjotin::domain
