#include "domain/ordering/offerings.hpp"

#include <algorithm>

#include "domain/access.hpp"
#include "domain/ordering/loading.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

using namespace ordering_loading;

namespace {

// What the audit trail keeps of an offering: what a customer's choice turns on.
std::string summary(const Offering& o) {
  return "price " + std::to_string(o.unit_price_cents) + ", places " +
         std::to_string(o.free_places) + (o.active ? "" : ", inactive");
}

}  // namespace

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
                               const std::string& offering_id, OfferingInput in,
                               const MadeFrom& made_from) {
  return transact<Offering>(s.db, Access::write, [&](Transaction& tx) -> Result<Offering> {
    auto o = own_offering(tx, actor, offering_id);
    if (!o) return o.error();
    const long long read_version = o->version;
    if (made_from && std::ranges::find(*made_from, read_version) == made_from->end())
      return Error::stale(
          "the offering has changed since the version named in If-Match was read; read it again "
          "and edit what it is now");
    auto category = tx.categories().find(o->category_id);
    if (!category) return Error::not_found("offering");
    // Withdrawing an offering from a closed category is fine; nothing may make it orderable.
    if (category->state == CategoryState::closed && in.active)
      return Error::conflict("category-closed",
                             "in a closed category an offering can only be made inactive");
    if (auto ok = check_offering(in, *category); !ok) return ok.error();
    const std::string before = summary(*o);
    const int free_now = o->free_places;
    apply(*o, in);
    o->free_places = free_places_after_edit(free_now, in.free_places, made_from.has_value());
    o->updated_at = now(s);
    o->version = read_version + 1;
    // Set and compared in this transaction: an order committed since the read above fails the
    // compare, and its place is neither given back nor lost.
    if (!tx.offerings().update(*o, read_version))
      return Error::conflict("offering-changed",
                             "the offering changed while it was being edited; try again");
    if (o->free_places != free_now) {
      tx.offerings().set_free_places(o->id, o->free_places);
      ++o->version;
    }
    tx.audit().append(event(s, actor, "offering.edited", "offering", o->id, before, summary(*o)));
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

}  // namespace tarjotin::domain
