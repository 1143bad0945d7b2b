#include "domain/ordering/use_cases.hpp"

#include "domain/accounts/ports.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "domain/access.hpp"
#include "domain/input_rules.hpp"

namespace tarjotin::domain {
namespace {

constexpr std::size_t kMaxReference = 64;
constexpr std::size_t kMaxComment = 2'000;
constexpr std::size_t kProviderFeedbackLimit = 200;
constexpr int kMinimumAnswers = 5;
constexpr auto kProviderMinimumPeriod = std::chrono::days(90);

Timestamp now(const OrderingServices& s) { return s.clock.now(); }
Date today(const OrderingServices& s) { return helsinki_date(s.clock.now()); }

AuditEvent event(const OrderingServices& s, const Actor& actor, std::string action,
                 std::string type, std::string id, std::string before, std::string after) {
  return audit_event(now(s), &actor, std::move(action), std::move(type), std::move(id),
                     std::move(before), std::move(after));
}

bool in_list(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// ---- loading with access checks; what the actor may not see is "not found" ----

Result<Offering> own_offering(Transaction& tx, const Actor& actor, const std::string& id) {
  auto offering = tx.offerings().find(id);
  if (!offering || !actor.is(Role::provider) || offering->provider_id != actor.organisation_id)
    return Error::not_found("offering");
  return *offering;
}

// Customers belong to the coaching unit that recorded them; no one else learns they exist.
Result<Customer> unit_customer(Transaction& tx, const Actor& actor, const std::string& id) {
  auto customer = tx.customers().find(id);
  if (!customer || !actor.is(Role::coach) || customer->coaching_unit_id != actor.organisation_id)
    return Error::not_found("customer");
  return *customer;
}

enum class Party { coach, provider, overseer };

struct OrderContext {
  Order order;
  Party party;
};

// The ordering unit's coaches, the provider, and those who oversee the DPS read an order.
Result<OrderContext> readable_order(Transaction& tx, const Actor& actor, const std::string& id) {
  auto order = tx.orders().find(id);
  if (!order) return Error::not_found("order");
  if (actor.is(Role::coach) && order->coaching_unit_id == actor.organisation_id)
    return OrderContext{*order, Party::coach};
  if (actor.is(Role::provider) && order->provider_id == actor.organisation_id)
    return OrderContext{*order, Party::provider};
  if (is_authority_staff(actor)) {
    auto category = tx.categories().find(order->category_id);
    auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
    if (dps && oversees(actor, *dps)) return OrderContext{*order, Party::overseer};
  }
  return Error::not_found("order");
}

Result<OrderContext> order_of(Transaction& tx, const Actor& actor, const std::string& id,
                              Party party) {
  auto ctx = readable_order(tx, actor, id);
  if (!ctx) return ctx.error();
  if (ctx->party != party)
    return party == Party::coach ? Error::forbidden("only the ordering unit's coaches may do this")
                                 : Error::forbidden("only the provider of the order may do this");
  return ctx;
}

// Organisation and category names, each read once however many rows name it.
class Names {
 public:
  explicit Names(Transaction& tx) : tx_(tx) {}
  const std::string& organisation(const std::string& id) {
    auto [it, added] = organisations_.try_emplace(id);
    if (added)
      if (auto org = tx_.organisations().find(id)) it->second = org->name;
    return it->second;
  }
  const LocalisedText& category(const std::string& id) {
    auto [it, added] = categories_.try_emplace(id);
    if (added)
      if (auto c = tx_.categories().find(id)) it->second = c->name;
    return it->second;
  }

 private:
  Transaction& tx_;
  std::map<std::string, std::string> organisations_;
  std::map<std::string, LocalisedText> categories_;
};

// What `party` is shown beside the order's ids (see OrderNames).
OrderNames names_of(Transaction& tx, Names& names, const Order& order, Party party) {
  OrderNames n;
  n.provider_name = names.organisation(order.provider_id);
  n.category_name = names.category(order.category_id);
  n.coaching_unit_name = names.organisation(order.coaching_unit_id);
  if (party == Party::overseer) return n;
  if (auto customer = tx.customers().find(order.customer_id)) {
    if (party == Party::coach) n.customer_reference = customer->reference;
    n.customer_languages = customer->languages;
    n.customer_region = customer->region;
  }
  return n;
}

Party party_of(const Actor& actor) {
  if (actor.is(Role::coach)) return Party::coach;
  if (actor.is(Role::provider)) return Party::provider;
  return Party::overseer;
}

bool delivered(OrderState s) { return s == OrderState::completed || s == OrderState::interrupted; }

std::optional<OutcomeType> latest_confirmed(const std::vector<OutcomeRecord>& records) {
  std::optional<OutcomeType> latest;
  for (const auto& r : records)
    if (r.confirmed) latest = r.type;
  return latest;
}

OrderView view_of(Transaction& tx, const Order& order, Party party) {
  OrderView v;
  v.order = order;
  Names names(tx);
  v.names = names_of(tx, names, order, party);
  // The closing report is between the provider and the ordering coach; anyone else sees it only
  // under the customer's consent (earlier_closing_reports).
  if (party != Party::overseer) v.closing_report = tx.orders().closing_report(order.id);
  v.outcomes = tx.orders().outcomes(order.id);
  v.outcome = latest_confirmed(v.outcomes);
  v.payable_cents = payable_cents(order, v.outcome);
  for (auto& f : tx.orders().feedback_for_order(order.id)) {
    // The provider knows whom it served; a customer's answer tied to the order would name them.
    if (party == Party::provider && f.source == FeedbackSource::customer) continue;
    v.feedback.push_back(std::move(f));
  }
  return v;
}

// ---- input checks ----

Status check_description(const LocalisedText& d) {
  if (auto r = required_text(d.fi, "/description/fi", "a Finnish description"); !r) return r;
  for (const auto* text : {&d.sv, &d.en})
    if (text->size() > kMaxText)
      return Error::invalid(text == &d.sv ? "/description/sv" : "/description/en", "maxLength",
                            "the description is too long");
  return Done{};
}

Status check_offering(const OfferingInput& in, const Category& category) {
  if (auto r = check_description(in.description); !r) return r;
  if (auto r = check_list(in.regions, "/regions"); !r) return r;
  if (auto r = check_list(in.languages, "/languages"); !r) return r;
  if (in.unit_price_cents <= 0)
    return Error::invalid("/unit_price_cents", "minimum", "a unit price is positive");
  if (category.price.unit_price_ceiling_cents &&
      in.unit_price_cents > *category.price.unit_price_ceiling_cents)
    return Error::invalid("/unit_price_cents", "price-ceiling",
                          "the unit price is above the category's ceiling of " +
                              std::to_string(*category.price.unit_price_ceiling_cents) + " cents");
  for (const auto& [outcome, cents] : in.outcome_bonus_cents) {
    const auto allowed = category.price.outcome_bonus_cents.find(outcome);
    const std::string pointer = "/outcome_bonus_cents/" + outcome;
    if (allowed == category.price.outcome_bonus_cents.end())
      return Error::invalid(pointer, "price-model",
                            "the category's price model has no bonus for this outcome");
    if (cents < 0 || cents > allowed->second)
      return Error::invalid(
          pointer, "price-model",
          "the bonus is above the category's " + std::to_string(allowed->second) + " cents");
  }
  for (std::size_t i = 0; i < in.languages.size(); ++i)
    if (!in_list(category.languages, in.languages[i]))
      return Error::invalid("/languages/" + std::to_string(i), "category-languages",
                            "the category is not bought in this language");
  for (std::size_t i = 0; i < in.regions.size(); ++i)
    if (!category.regions.empty() && !in_list(category.regions, in.regions[i]))
      return Error::invalid("/regions/" + std::to_string(i), "category-regions",
                            "the category does not cover this region");
  if (in.free_places < 0)
    return Error::invalid("/free_places", "minimum", "free places cannot be negative");
  if (in.typical_duration_days <= 0)
    return Error::invalid("/typical_duration_days", "minimum", "a duration is at least one day");
  return Done{};
}

void apply(Offering& o, const OfferingInput& in) {
  o.description = in.description;
  o.unit_price_cents = in.unit_price_cents;
  o.outcome_bonus_cents = in.outcome_bonus_cents;
  o.free_places = in.free_places;
  o.regions = in.regions;
  o.languages = in.languages;
  o.earliest_start = in.earliest_start;
  o.typical_duration_days = in.typical_duration_days;
  o.active = in.active;
}

// A Finnish personal identity code (henkilötunnus): six digits, a century sign, three digits and
// a check character. Customer records are pseudonymous, so a reference like this is refused.
bool looks_like_identity_code(const std::string& text) {
  for (std::size_t i = 0; i + 11 <= text.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < 6 && match; ++j)
      match = std::isdigit(static_cast<unsigned char>(text[i + j])) != 0;
    if (!match) continue;
    const char century = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i + 6])));
    if (std::string_view("+-ABCDEFUVWXY").find(century) == std::string_view::npos) continue;
    for (std::size_t j = 7; j < 10 && match; ++j)
      match = std::isdigit(static_cast<unsigned char>(text[i + j])) != 0;
    if (match && std::isalnum(static_cast<unsigned char>(text[i + 10]))) return true;
  }
  return false;
}

Status check_customer(const CustomerInput& in) {
  if (auto r = required_text(in.reference, "/reference", "a reference"); !r) return r;
  if (in.reference.size() > kMaxReference || in.reference.find('\n') != std::string::npos)
    return Error::invalid("/reference", "maxLength", "a reference is one line of at most 64 bytes");
  if (looks_like_identity_code(in.reference))
    return Error::invalid("/reference", "pseudonymous",
                          "a reference must not be a personal identity code");
  if (auto r = required_text(in.region, "/region", "a region"); !r) return r;
  return check_list(in.languages, "/languages");
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
  for (const auto& e : set.entries) {
    v.provider_names.push_back(names.organisation(e.provider_id));
    const auto it = offerings.find(e.offering_id);
    v.offerings.push_back(it == offerings.end() ? Offering{} : it->second);
  }
  if (customer) {
    std::map<std::string, Admission> admissions;
    for (auto& a : tx.admissions().list_for_category(set.category_id))
      admissions.emplace(a.provider_id, std::move(a));
    std::set<std::string> shown;
    for (const auto& e : set.entries) shown.insert(e.offering_id);
    const std::optional<Date> start_by =
        set.start_by == Date{} ? std::nullopt : std::optional<Date>(set.start_by);
    for (const auto& [id, o] : offerings) {
      if (shown.count(id)) continue;
      const auto admission = admissions.find(o.provider_id);
      auto reasons = ineligibility(o, *customer, start_by,
                                   admission == admissions.end() ? nullptr : &admission->second);
      // Offerings that became eligible after the set was made are not "left out" of it.
      if (reasons.empty()) continue;
      v.left_out.push_back(
          {id, o.provider_id, names.organisation(o.provider_id), std::move(reasons)});
    }
  }
  v.set = std::move(set);
  return v;
}

std::string fingerprint(const OrderInput& in) {
  return in.choice_set_id + "\n" + in.offering_id + "\n" + (in.chosen_by_customer ? "1" : "0") +
         "\n" + in.choice_reason;
}

Status check_period(const Period& p) {
  if (p.until <= p.from) return Error::invalid("/to", "after-from", "the period is empty");
  return Done{};
}

std::string month_of(Timestamp t) {
  const std::chrono::year_month_day ymd{helsinki_date(t)};
  char text[16];  // room for any year the type can hold
  std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return text;
}

Status check_score(int score, const std::string& comment) {
  if (score < 0 || score > 10) return Error::invalid("/score", "range", "a score is 0 to 10");
  if (comment.size() > kMaxComment)
    return Error::invalid("/comment", "maxLength", "the comment is too long");
  return Done{};
}

}  // namespace

// ---- offerings ----

Result<Offering> create_offering(OrderingServices& s, const Actor& actor,
                                 const std::string& category_id, OfferingInput in) {
  if (!actor.is(Role::provider)) return Error::forbidden("only providers make offerings");
  return transact<Offering>(s.db, Access::write, [&](Transaction& tx) -> Result<Offering> {
    auto ctx = visible_category(tx, &actor, category_id);
    if (!ctx) return ctx.error();
    if (ctx->category.award_method != AwardMethod::customer_choice)
      return Error::conflict("not-customer-choice",
                             "this category is bought by mini-competition, not customer choice");
    if (ctx->category.state == CategoryState::closed)
      return Error::conflict("category-closed", "a closed category takes no new offerings");
    auto admission = tx.admissions().find(actor.organisation_id, category_id);
    if (!admission || admission->state != AdmissionState::admitted)
      return Error::conflict("not-admitted",
                             "only providers admitted to the category may offer in it");
    if (auto ok = check_offering(in, ctx->category); !ok) return ok.error();
    Offering o;
    o.id = s.secrets.new_id();
    o.provider_id = actor.organisation_id;
    o.category_id = category_id;
    apply(o, in);
    o.created_at = o.updated_at = now(s);
    tx.offerings().add(o);
    tx.audit().append(event(s, actor, "offering.created", "offering", o.id, "",
                            "price " + std::to_string(o.unit_price_cents) + ", places " +
                                std::to_string(o.free_places)));
    return o;
  });
}

Result<Offering> edit_offering(OrderingServices& s, const Actor& actor,
                               const std::string& offering_id, OfferingInput in) {
  return transact<Offering>(s.db, Access::write, [&](Transaction& tx) -> Result<Offering> {
    auto o = own_offering(tx, actor, offering_id);
    if (!o) return o.error();
    auto category = tx.categories().find(o->category_id);
    if (!category) return Error::not_found("offering");
    // Withdrawing an offering from a closed category is fine; nothing may make it orderable.
    if (category->state == CategoryState::closed && in.active)
      return Error::conflict("category-closed",
                             "in a closed category an offering can only be made inactive");
    if (auto ok = check_offering(in, *category); !ok) return ok.error();
    const std::string before = "price " + std::to_string(o->unit_price_cents) + ", places " +
                               std::to_string(o->free_places) + (o->active ? "" : ", inactive");
    apply(*o, in);
    o->updated_at = now(s);
    tx.offerings().update(*o);
    tx.offerings().set_free_places(o->id, o->free_places);
    tx.audit().append(event(s, actor, "offering.edited", "offering", o->id, before,
                            "price " + std::to_string(o->unit_price_cents) + ", places " +
                                std::to_string(o->free_places) + (o->active ? "" : ", inactive")));
    return *o;
  });
}

Result<Offering> read_offering(OrderingServices& s, const Actor& actor,
                               const std::string& offering_id) {
  return transact<Offering>(s.db, Access::read, [&](Transaction& tx) -> Result<Offering> {
    if (actor.is(Role::provider)) return own_offering(tx, actor, offering_id);
    auto o = tx.offerings().find(offering_id);
    if (!o || !visible_category(tx, &actor, o->category_id)) return Error::not_found("offering");
    return *o;
  });
}

Result<std::vector<Offering>> list_offerings(OrderingServices& s, const Actor& actor,
                                             const std::string& category_id) {
  return transact<std::vector<Offering>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Offering>> {
        if (auto ctx = visible_category(tx, &actor, category_id); !ctx) return ctx.error();
        auto all = tx.offerings().list_for_category(category_id);
        if (actor.is(Role::provider))
          std::erase_if(all,
                        [&](const Offering& o) { return o.provider_id != actor.organisation_id; });
        return all;
      });
}

// ---- customers ----

Result<CustomerView> create_customer(OrderingServices& s, const Actor& actor, CustomerInput in) {
  if (!actor.is(Role::coach)) return Error::forbidden("only coaches record customers");
  if (auto ok = check_customer(in); !ok) return ok.error();
  return transact<CustomerView>(s.db, Access::write, [&](Transaction& tx) -> Result<CustomerView> {
    if (tx.customers().find_by_reference(actor.organisation_id, in.reference))
      return Error::conflict("reference-taken",
                             "the unit already has a customer with this reference");
    Customer c{s.secrets.new_id(),
               actor.organisation_id,
               in.reference,
               in.region,
               in.languages,
               in.unemployment,
               in.age,
               actor.user_id,
               now(s),
               now(s)};
    tx.customers().add(c);
    tx.audit().append(event(s, actor, "customer.created", "customer", c.id, "", ""));
    return CustomerView{c, {}};
  });
}

Result<CustomerView> edit_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& customer_id, CustomerInput in) {
  if (auto ok = check_customer(in); !ok) return ok.error();
  return transact<CustomerView>(s.db, Access::write, [&](Transaction& tx) -> Result<CustomerView> {
    auto c = unit_customer(tx, actor, customer_id);
    if (!c) return c.error();
    if (in.reference != c->reference &&
        tx.customers().find_by_reference(actor.organisation_id, in.reference))
      return Error::conflict("reference-taken",
                             "the unit already has a customer with this reference");
    const std::string before = std::string(to_string(c->unemployment)) + "/" +
                               std::string(to_string(c->age)) + " " + c->region;
    c->reference = in.reference;
    c->region = in.region;
    c->languages = in.languages;
    c->unemployment = in.unemployment;
    c->age = in.age;
    c->updated_at = now(s);
    tx.customers().update(*c);
    tx.audit().append(event(s, actor, "customer.edited", "customer", c->id, before,
                            std::string(to_string(c->unemployment)) + "/" +
                                std::string(to_string(c->age)) + " " + c->region));
    return CustomerView{*c, tx.customers().consents(c->id)};
  });
}

Result<CustomerView> read_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& customer_id) {
  return transact<CustomerView>(s.db, Access::read, [&](Transaction& tx) -> Result<CustomerView> {
    auto c = unit_customer(tx, actor, customer_id);
    if (!c) return c.error();
    return CustomerView{*c, tx.customers().consents(c->id)};
  });
}

Result<CustomerView> find_customer(OrderingServices& s, const Actor& actor,
                                   const std::string& reference) {
  if (!actor.is(Role::coach)) return Error::forbidden("only coaches look up customers");
  return transact<CustomerView>(s.db, Access::read, [&](Transaction& tx) -> Result<CustomerView> {
    auto c = tx.customers().find_by_reference(actor.organisation_id, reference);
    if (!c) return Error::not_found("customer");
    return CustomerView{*c, tx.customers().consents(c->id)};
  });
}

Result<Consent> give_consent(OrderingServices& s, const Actor& actor,
                             const std::string& customer_id, const std::string& provider_id,
                             ConsentScope scope) {
  return transact<Consent>(s.db, Access::write, [&](Transaction& tx) -> Result<Consent> {
    auto c = unit_customer(tx, actor, customer_id);
    if (!c) return c.error();
    auto provider = tx.organisations().find(provider_id);
    if (!provider || provider->kind != OrganisationKind::provider)
      return Error::invalid("/provider_id", "provider", "no provider has this id");
    for (const auto& existing : tx.customers().consents(c->id))
      if (existing.provider_id == provider_id && existing.scope == scope && !existing.withdrawn_at)
        return existing;
    Consent consent{s.secrets.new_id(), c->id,        provider_id, scope, now(s),
                    std::nullopt,       actor.user_id};
    tx.customers().add_consent(consent);
    tx.audit().append(event(s, actor, "consent.given", "customer", c->id, "",
                            std::string(to_string(scope)) + " to " + provider_id));
    return consent;
  });
}

Result<Consent> withdraw_consent(OrderingServices& s, const Actor& actor,
                                 const std::string& customer_id, const std::string& consent_id) {
  return transact<Consent>(s.db, Access::write, [&](Transaction& tx) -> Result<Consent> {
    auto c = unit_customer(tx, actor, customer_id);
    if (!c) return c.error();
    for (auto consent : tx.customers().consents(c->id)) {
      if (consent.id != consent_id) continue;
      if (consent.withdrawn_at) return consent;
      consent.withdrawn_at = now(s);
      tx.customers().update_consent(consent);
      tx.audit().append(event(s, actor, "consent.withdrawn", "customer", c->id,
                              std::string(to_string(consent.scope)) + " to " + consent.provider_id,
                              "withdrawn"));
      return consent;
    }
    return Error::not_found("consent");
  });
}

// ---- choice ----

Result<ChoiceSetView> make_choice_set(OrderingServices& s, const Actor& actor,
                                      const std::string& category_id,
                                      const std::string& customer_id,
                                      std::optional<Date> start_by) {
  if (!actor.is(Role::coach)) return Error::forbidden("only coaches make choice sets");
  if (start_by && *start_by < today(s))
    return Error::invalid("/start_by", "future", "the latest start is today or later");
  // What the coach may use, checked when the list is made and again when it is stored.
  struct Usable {
    Customer customer;
    CategoryContext ctx;
  };
  auto usable = [&](Transaction& tx) -> Result<Usable> {
    // Ids in the body that the coach may not use are refused like place_order's choice set: 422
    // with the field, the same for another unit's customer as for no customer at all.
    auto customer = unit_customer(tx, actor, customer_id);
    if (!customer)
      return Error::invalid("/customer_id", "customer", "no customer of your unit has this id");
    auto ctx = visible_category(tx, &actor, category_id);
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
    std::map<std::string, Admission> admissions;
    for (auto& a : tx.admissions().list_for_category(category_id))
      admissions.emplace(a.provider_id, std::move(a));
    std::vector<Offering> offerings;
    for (auto& o : tx.offerings().list_for_category(category_id)) {
      const auto admission = admissions.find(o.provider_id);
      if (ineligibility(o, use->customer, start_by,
                        admission == admissions.end() ? nullptr : &admission->second)
              .empty())
        offerings.push_back(std::move(o));
    }

    std::map<std::string, ChoiceRecordCounts> records;
    for (auto& r : tx.orders().choice_record_counts(
             category_id,
             now(s) - std::chrono::duration_cast<std::chrono::microseconds>(s.scorecard_window)))
      records.emplace(r.provider_id, std::move(r));

    ChoiceSet set;
    set.id = s.secrets.new_id();
    set.category_id = category_id;
    set.customer_id = use->customer.id;
    set.coaching_unit_id = actor.organisation_id;
    set.requested_by = actor.user_id;
    set.seed = s.secrets.new_seed();
    set.start_by = start_by.value_or(Date{});
    set.created_at = now(s);
    set.expires_at = set.created_at +
                     std::chrono::duration_cast<std::chrono::microseconds>(s.choice_set_lifetime);
    // Listed by id first so the shuffle's input does not depend on storage order.
    std::sort(offerings.begin(), offerings.end(),
              [](const Offering& a, const Offering& b) { return a.id < b.id; });
    const auto positions = shuffled_positions(offerings.size(), set.seed);
    for (std::size_t i = 0; i < positions.size(); ++i) {
      const Offering& o = offerings[positions[i]];
      ChoiceEntry e;
      e.position = static_cast<int>(i);
      e.offering_id = o.id;
      e.provider_id = o.provider_id;
      e.unit_price_cents = o.unit_price_cents;
      if (auto record = records.find(o.provider_id); record != records.end())
        summarise(e, record->second);
      set.entries.push_back(e);
    }
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

// ---- orders ----

Result<PlacedOrder> place_order(OrderingServices& s, const Actor& actor, OrderInput in) {
  if (!actor.is(Role::coach)) return Error::forbidden("only coaches place orders");
  if (in.choice_reason.size() > kMaxComment)
    return Error::invalid("/choice_reason", "maxLength", "the reason is too long");
  if (in.idempotency_key.size() > 200)
    return Error::invalid("/Idempotency-Key", "maxLength", "the idempotency key is too long");
  return transact<PlacedOrder>(s.db, Access::write, [&](Transaction& tx) -> Result<PlacedOrder> {
    if (!in.idempotency_key.empty()) {
      if (auto earlier =
              tx.orders().find_by_idempotency_key(actor.organisation_id, in.idempotency_key)) {
        if (earlier->request_fingerprint != fingerprint(in))
          return Error::invalid("/Idempotency-Key", "idempotency-key-reused",
                                "this idempotency key was used for a different order");
        return PlacedOrder{view_of(tx, *earlier, Party::coach), true};
      }
    }
    auto set = tx.choice_sets().find(in.choice_set_id);
    if (!set || set->coaching_unit_id != actor.organisation_id)
      return Error::invalid("/choice_set_id", "choice-set", "no choice set of yours has this id");
    if (!set->order_id.empty())
      return Error::conflict("choice-set-used",
                             "an order was placed from this choice set already; make a new one");
    if (now(s) >= set->expires_at)
      return Error::conflict("choice-set-expired",
                             "the choice set has expired; make a new one with the customer");
    const auto entry =
        std::find_if(set->entries.begin(), set->entries.end(),
                     [&](const ChoiceEntry& e) { return e.offering_id == in.offering_id; });
    if (entry == set->entries.end())
      return Error::invalid("/offering_id", "in-choice-set",
                            "the offering was not in the choice set shown to the customer");
    auto offering = tx.offerings().find(in.offering_id);
    auto category = tx.categories().find(set->category_id);
    auto dps = category ? tx.dpss().find(category->dps_id) : std::nullopt;
    if (!offering || !category || !dps) return Error::not_found("offering");
    if (category->state != CategoryState::open || !dps_is_in_force(*dps, today(s)))
      return Error::conflict("not-ordering", "the category takes no orders now");
    auto admission = tx.admissions().find(offering->provider_id, offering->category_id);
    if (!admission || admission->state != AdmissionState::admitted)
      return Error::conflict(
          "provider-not-admitted",
          "the provider is not admitted to the category now; make a new choice set");
    if (!offering->active)
      return Error::conflict("offering-inactive", "the provider has withdrawn this offering");
    if (offering->unit_price_cents != entry->unit_price_cents)
      return Error::conflict("price-changed",
                             "the price changed after the choice set was made; make a new one");
    const auto customer = tx.customers().find(set->customer_id);
    if (!customer) return Error::not_found("customer");
    if (!tx.offerings().take_place(offering->id))
      return Error::conflict("no-free-places", "the offering has no free places left");

    Order o;
    o.id = s.secrets.new_id();
    o.choice_set_id = set->id;
    o.offering_id = offering->id;
    o.provider_id = offering->provider_id;
    o.category_id = offering->category_id;
    o.customer_id = set->customer_id;
    o.coaching_unit_id = actor.organisation_id;
    o.ordered_by = actor.user_id;
    o.customer_unemployment = customer->unemployment;
    o.customer_age = customer->age;
    o.unit_price_cents = offering->unit_price_cents;
    o.outcome_bonus_cents = offering->outcome_bonus_cents;
    o.chosen_by_customer = in.chosen_by_customer;
    o.choice_reason = in.choice_reason;
    o.placed_at = o.updated_at = now(s);
    o.idempotency_key = in.idempotency_key;
    o.request_fingerprint = fingerprint(in);
    tx.orders().add(o);
    // A concurrent order from the same set, committed first, wins; this one changes nothing.
    if (!tx.choice_sets().claim(set->id, o.id))
      return Error::conflict("choice-set-used",
                             "an order was placed from this choice set already; make a new one");
    tx.audit().append(event(s, actor, "order.placed", "order", o.id, "",
                            "offering " + o.offering_id + " at " +
                                std::to_string(o.unit_price_cents) + " cents, position " +
                                std::to_string(entry->position)));
    return PlacedOrder{view_of(tx, o, Party::coach), false};
  });
}

Result<OrderView> read_order(OrderingServices& s, const Actor& actor, const std::string& order_id) {
  return transact<OrderView>(s.db, Access::read, [&](Transaction& tx) -> Result<OrderView> {
    auto ctx = readable_order(tx, actor, order_id);
    if (!ctx) return ctx.error();
    return view_of(tx, ctx->order, ctx->party);
  });
}

Result<Page<OrderLine, OrderCursor>> list_orders(OrderingServices& s, const Actor& actor,
                                                 OrderQuery query) {
  using Lines = Page<OrderLine, OrderCursor>;
  return transact<Lines>(s.db, Access::read, [&](Transaction& tx) -> Result<Lines> {
    if (actor.is(Role::coach)) {
      query.coaching_unit_id = actor.organisation_id;
    } else if (actor.is(Role::provider)) {
      query.provider_id = actor.organisation_id;
    } else {
      // Authority staff list per DPS, so an officer never lists another authority's orders.
      if (query.dps_id.empty())
        return Error::invalid("/dps_id", "required", "authority staff list orders per DPS");
      auto dps = tx.dpss().find(query.dps_id);
      if (!dps || !oversees(actor, *dps)) return Error::not_found("DPS");
    }
    Names names(tx);
    const Party party = party_of(actor);
    const std::size_t limit = query.limit;
    if (limit > 0) query.limit = limit + 1;  // one more says whether a next page exists
    auto orders = tx.orders().list(query);
    Lines page;
    if (limit > 0 && orders.size() > limit) {
      orders.resize(limit);
      page.next = OrderCursor{orders.back().placed_at, orders.back().id};
    }
    for (auto& order : orders) {
      auto n = names_of(tx, names, order, party);
      page.items.push_back({std::move(order), std::move(n)});
    }
    return page;
  });
}

Result<OrderView> change_order(OrderingServices& s, const Actor& actor, const std::string& order_id,
                               OrderAct act, const std::string& reason) {
  if (needs_reason(act))
    if (auto ok = required_text(reason, "/reason", "the reason"); !ok) return ok.error();
  return transact<OrderView>(s.db, Access::write, [&](Transaction& tx) -> Result<OrderView> {
    const Party party = provider_acts(act) ? Party::provider : Party::coach;
    auto ctx = order_of(tx, actor, order_id, party);
    if (!ctx) return ctx.error();
    Order& o = ctx->order;
    const auto next = next_state(order_transitions(), o.state, act);
    if (!next)
      return Error::conflict("invalid-transition", "'" + std::string(to_string(act)) +
                                                       "' is not possible for an order that is " +
                                                       std::string(to_string(o.state)));
    const auto before = o.state;
    o.state = *next;
    o.updated_at = now(s);
    if (needs_reason(act)) o.reason = reason;
    if (act == OrderAct::accept) o.accepted_at = now(s);
    if (act == OrderAct::start) o.started_at = now(s);
    if (*next != OrderState::accepted && *next != OrderState::started) o.ended_at = now(s);
    // A place is held from ordering to the end of the service; one that never starts frees it.
    if (act == OrderAct::decline || act == OrderAct::cancel)
      tx.offerings().return_place(o.offering_id);
    tx.orders().update(o);
    tx.audit().append(event(s, actor, "order." + std::string(to_string(*next)), "order", o.id,
                            std::string(to_string(before)), std::string(to_string(*next))));
    return view_of(tx, o, party);
  });
}

Result<ClosingReport> write_closing_report(OrderingServices& s, const Actor& actor,
                                           const std::string& order_id, ClosingReportInput in) {
  if (auto ok = required_text(in.work_done, "/work_done", "what was done"); !ok) return ok.error();
  if (auto ok = required_text(in.results, "/results", "the results"); !ok) return ok.error();
  for (const auto* text : {&in.next_steps, &in.further_support})
    if (text->size() > kMaxText)
      return Error::invalid(text == &in.next_steps ? "/next_steps" : "/further_support",
                            "maxLength", "the text is too long");
  return transact<ClosingReport>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ClosingReport> {
        auto ctx = order_of(tx, actor, order_id, Party::provider);
        if (!ctx) return ctx.error();
        if (!delivered(ctx->order.state))
          return Error::conflict("not-ended",
                                 "a closing report is written when the service is completed or "
                                 "interrupted");
        const bool replaces = tx.orders().closing_report(order_id).has_value();
        ClosingReport r{
            order_id,           in.work_done,  in.results, in.next_steps, in.further_support_needed,
            in.further_support, actor.user_id, now(s)};
        tx.orders().put_closing_report(r);
        tx.audit().append(event(s, actor,
                                replaces ? "closing_report.revised" : "closing_report.written",
                                "order", order_id, "", ""));
        return r;
      });
}

namespace {

// The customer's other orders, as the reader of `order_id` may see them: all of them for the
// ordering unit's coaches; for the order's provider only while the customer's consent to `scope`
// stands for that provider (none without it, which is not an error: the provider may ask).
Result<std::vector<Order>> earlier_orders(Transaction& tx, const Actor& actor,
                                          const std::string& order_id, ConsentScope scope) {
  auto ctx = readable_order(tx, actor, order_id);
  if (!ctx) return ctx.error();
  const Order& o = ctx->order;
  std::vector<Order> out;
  if (ctx->party == Party::provider) {
    bool consented = false;
    for (const auto& c : tx.customers().consents(o.customer_id))
      consented |= c.provider_id == actor.organisation_id && c.scope == scope && !c.withdrawn_at;
    if (!consented) return out;
  } else if (ctx->party != Party::coach) {
    return Error::forbidden("a customer's earlier services are shared only with their consent");
  }
  OrderQuery same_customer;
  same_customer.customer_id = o.customer_id;
  for (auto& other : tx.orders().list(same_customer))
    if (other.id != o.id) out.push_back(std::move(other));
  return out;
}

}  // namespace

Result<std::vector<ClosingReport>> earlier_closing_reports(OrderingServices& s, const Actor& actor,
                                                           const std::string& order_id) {
  return transact<std::vector<ClosingReport>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<ClosingReport>> {
        auto earlier = earlier_orders(tx, actor, order_id, ConsentScope::closing_reports);
        if (!earlier) return earlier.error();
        std::vector<ClosingReport> out;
        for (const auto& other : *earlier)
          if (auto r = tx.orders().closing_report(other.id)) out.push_back(std::move(*r));
        return out;
      });
}

Result<std::vector<OutcomeRecord>> earlier_outcomes(OrderingServices& s, const Actor& actor,
                                                    const std::string& order_id) {
  return transact<std::vector<OutcomeRecord>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<OutcomeRecord>> {
        auto earlier = earlier_orders(tx, actor, order_id, ConsentScope::outcomes);
        if (!earlier) return earlier.error();
        const bool coach = actor.is(Role::coach);
        std::vector<OutcomeRecord> out;
        for (const auto& other : *earlier)
          for (auto& r : tx.orders().outcomes(other.id)) {
            // A provider's proposal is not an outcome until a coach confirms it.
            if (!r.confirmed) continue;
            // The consent covers what came of the service, not the coach's own words about it.
            if (!coach) r.note.clear();
            out.push_back(std::move(r));
          }
        return out;
      });
}

Result<OutcomeRecord> record_outcome(OrderingServices& s, const Actor& actor,
                                     const std::string& order_id, OutcomeType type, Date date,
                                     const std::string& note) {
  if (note.size() > kMaxComment)
    return Error::invalid("/note", "maxLength", "the note is too long");
  if (date > today(s)) return Error::invalid("/date", "not-future", "an outcome has happened");
  return transact<OutcomeRecord>(
      s.db, Access::write, [&](Transaction& tx) -> Result<OutcomeRecord> {
        auto ctx = readable_order(tx, actor, order_id);
        if (!ctx) return ctx.error();
        if (ctx->party == Party::overseer)
          return Error::forbidden("outcomes are recorded by the coach or proposed by the provider");
        if (!delivered(ctx->order.state))
          return Error::conflict("not-ended", "an outcome is recorded after the service ended");
        if (date < helsinki_date(ctx->order.placed_at))
          return Error::invalid("/date", "after-order", "the outcome cannot predate the order");
        OutcomeRecord r{s.secrets.new_id(),         order_id, type,          date,
                        ctx->party == Party::coach, note,     actor.user_id, now(s)};
        tx.orders().add_outcome(r);
        tx.audit().append(event(s, actor, r.confirmed ? "outcome.recorded" : "outcome.proposed",
                                "order", order_id, "", std::string(to_string(type))));
        return r;
      });
}

// ---- feedback ----

Result<FeedbackLink> issue_feedback_link(OrderingServices& s, const Actor& actor,
                                         const std::string& order_id) {
  return transact<FeedbackLink>(s.db, Access::write, [&](Transaction& tx) -> Result<FeedbackLink> {
    auto ctx = order_of(tx, actor, order_id, Party::coach);
    if (!ctx) return ctx.error();
    if (!delivered(ctx->order.state))
      return Error::conflict("not-ended", "feedback is asked for after the service ended");
    for (const auto& f : tx.orders().feedback_for_order(order_id))
      if (f.source == FeedbackSource::customer)
        return Error::conflict("feedback-given", "the customer has already given feedback");
    const auto issued = s.secrets.new_token();
    const Timestamp expires =
        now(s) + std::chrono::duration_cast<std::chrono::microseconds>(s.feedback_link_lifetime);
    tx.orders().add_feedback_token({issued.hash, order_id, now(s), expires, std::nullopt});
    tx.audit().append(event(s, actor, "feedback_link.issued", "order", order_id, "", ""));
    return FeedbackLink{issued.token, expires};
  });
}

Result<FeedbackForm> read_feedback_form(OrderingServices& s, const std::string& token) {
  return transact<FeedbackForm>(s.db, Access::read, [&](Transaction& tx) -> Result<FeedbackForm> {
    auto t = tx.orders().find_feedback_token(s.secrets.hash_token(token));
    auto order = t ? tx.orders().find(t->order_id) : std::nullopt;
    auto provider = order ? tx.organisations().find(order->provider_id) : std::nullopt;
    auto category = order ? tx.categories().find(order->category_id) : std::nullopt;
    if (!t || !order || !provider || !category) return Error::not_found("feedback link");
    return FeedbackForm{provider->name, category->name, t->used_at.has_value(), t->expires_at};
  });
}

Result<Done> give_feedback(OrderingServices& s, const std::string& token, int score,
                           const std::string& comment, const std::string& language) {
  if (auto ok = check_score(score, comment); !ok) return ok.error();
  return transact<Done>(s.db, Access::write, [&](Transaction& tx) -> Result<Done> {
    const auto hash = s.secrets.hash_token(token);
    auto t = tx.orders().find_feedback_token(hash);
    auto order = t ? tx.orders().find(t->order_id) : std::nullopt;
    if (!t || !order) return Error::not_found("feedback link");
    if (t->used_at) return Error::conflict("feedback-given", "this link has already been used");
    if (now(s) >= t->expires_at) return Error::conflict("link-expired", "this link has expired");
    for (const auto& f : tx.orders().feedback_for_order(order->id))
      if (f.source == FeedbackSource::customer)
        return Error::conflict("feedback-given", "feedback for this service was already given");
    if (!tx.orders().use_feedback_token(hash, now(s)))
      return Error::conflict("feedback-given", "this link has already been used");
    tx.orders().add_feedback({s.secrets.new_id(), order->id, order->provider_id, order->category_id,
                              FeedbackSource::customer, score, comment, language, now(s)});
    tx.audit().append(audit_event(now(s), nullptr, "feedback.given", "order", order->id, "",
                                  "customer score " + std::to_string(score)));
    return Done{};
  });
}

Result<Feedback> rate_provider(OrderingServices& s, const Actor& actor, const std::string& order_id,
                               int score, const std::string& comment) {
  if (auto ok = check_score(score, comment); !ok) return ok.error();
  return transact<Feedback>(s.db, Access::write, [&](Transaction& tx) -> Result<Feedback> {
    auto ctx = order_of(tx, actor, order_id, Party::coach);
    if (!ctx) return ctx.error();
    if (!delivered(ctx->order.state))
      return Error::conflict("not-ended", "a provider is rated after the service ended");
    for (const auto& f : tx.orders().feedback_for_order(order_id))
      if (f.source == FeedbackSource::coach)
        return Error::conflict("already-rated", "the service has already been rated by a coach");
    Feedback f{s.secrets.new_id(),
               order_id,
               ctx->order.provider_id,
               ctx->order.category_id,
               FeedbackSource::coach,
               score,
               comment,
               "",
               now(s)};
    tx.orders().add_feedback(f);
    tx.audit().append(event(s, actor, "feedback.rated", "order", order_id, "",
                            "coach score " + std::to_string(score)));
    return f;
  });
}

Result<std::vector<Feedback>> provider_feedback(OrderingServices& s, const Actor& actor,
                                                const std::string& provider_id) {
  if (actor.is(Role::provider) && actor.organisation_id != provider_id)
    return Error::not_found("provider");
  return transact<std::vector<Feedback>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Feedback>> {
        auto provider = tx.organisations().find(provider_id);
        if (!provider || provider->kind != OrganisationKind::provider)
          return Error::not_found("provider");
        auto all = tx.orders().feedback_for_provider(provider_id, kProviderFeedbackLimit);
        // Nothing that leads back to the customer: no order, and only the month it was given.
        for (auto& f : all) {
          f.order_id.clear();
          const std::chrono::year_month_day ymd{helsinki_date(f.given_at)};
          f.given_at = helsinki_midnight(std::chrono::sys_days{ymd.year() / ymd.month() / 1});
        }
        return all;
      });
}

// ---- scorecards and reports ----

Result<std::vector<Scorecard>> category_scorecards(OrderingServices& s, const Actor& actor,
                                                   const std::string& category_id, Period period) {
  if (auto ok = check_period(period); !ok) return ok.error();
  if (actor.is(Role::provider) && period.until - period.from < kProviderMinimumPeriod)
    return Error::invalid("/from", "minimum-period",
                          "a provider's scorecard covers at least 90 days");
  return transact<std::vector<Scorecard>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<Scorecard>> {
        if (auto ctx = visible_category(tx, &actor, category_id); !ctx) return ctx.error();
        OrderQuery q;
        q.category_id = category_id;
        q.placed_from = period.from;
        q.placed_until = period.until;
        // The baseline for the difficulty adjustment is every provider's orders, also when the
        // caller is a provider who then sees only its own card.
        auto cards = compute_scorecards(tx.orders().facts(q));
        if (actor.is(Role::provider)) {
          std::erase_if(cards,
                        [&](const Scorecard& c) { return c.provider_id != actor.organisation_id; });
          // A provider knows whom it served and when; a handful of answers in a short period
          // would tell it who scored what. Below kMinimumAnswers the scores are withheld.
          for (auto& c : cards) {
            if (c.customer_nps.responses < kMinimumAnswers) c.customer_nps = NetPromoterScore{};
            if (c.coach_ratings < kMinimumAnswers) {
              c.coach_ratings = 0;
              c.coach_average.reset();
            }
          }
        }
        return cards;
      });
}

Result<std::vector<SpendRow>> spend_report(OrderingServices& s, const Actor& actor,
                                           const std::string& dps_id, Period period) {
  if (auto ok = check_period(period); !ok) return ok.error();
  return transact<std::vector<SpendRow>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<SpendRow>> {
        auto dps = tx.dpss().find(dps_id);
        if (!dps || !oversees(actor, *dps)) return Error::not_found("DPS");
        OrderQuery q;
        q.dps_id = dps_id;
        q.placed_from = period.from;
        q.placed_until = period.until;
        std::map<std::tuple<std::string, std::string, std::string>, SpendRow> rows;
        Names names(tx);
        for (const auto& f : tx.orders().facts(q)) {
          const auto month = month_of(f.order.placed_at);
          auto& row = rows[{month, f.order.category_id, f.order.provider_id}];
          if (row.orders == 0) {  // a new row: what names it, once, not once per order
            row.month = month;
            row.category_id = f.order.category_id;
            row.provider_id = f.order.provider_id;
            row.category_name = names.category(f.order.category_id);
            row.provider_name = names.organisation(f.order.provider_id);
          }
          ++row.orders;
          row.payable_cents += payable_cents(f.order, f.outcome);
        }
        std::vector<SpendRow> out;
        for (auto& [key, row] : rows) out.push_back(std::move(row));
        return out;
      });
}

Result<std::vector<PayableOrder>> payables(OrderingServices& s, const Actor& actor,
                                           const std::string& dps_id,
                                           const std::string& provider_id, Period period) {
  if (auto ok = check_period(period); !ok) return ok.error();
  return transact<std::vector<PayableOrder>>(
      s.db, Access::read, [&](Transaction& tx) -> Result<std::vector<PayableOrder>> {
        auto dps = tx.dpss().find(dps_id);
        if (!dps || !sees(&actor, *dps)) return Error::not_found("DPS");
        OrderQuery q;
        q.dps_id = dps_id;
        q.placed_from = period.from;
        q.placed_until = period.until;
        if (actor.is(Role::provider))
          q.provider_id = actor.organisation_id;
        else if (oversees(actor, *dps))
          q.provider_id = provider_id;
        else
          return Error::not_found("DPS");
        std::vector<PayableOrder> out;
        for (auto& f : tx.orders().facts(q)) {
          const auto amount = payable_cents(f.order, f.outcome);
          out.push_back({std::move(f.order), f.outcome, amount});
        }
        return out;
      });
}

}  // namespace tarjotin::domain
