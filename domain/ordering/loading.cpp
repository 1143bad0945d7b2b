#include "domain/ordering/loading.hpp"

#include "domain/access.hpp"
#include "domain/accounts/ports.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain::ordering_loading {

AuditEvent event(const OrderingServices& s, const Actor& actor, std::string action,
                 std::string type, std::string id, std::string before, std::string after) {
  return audit_event(now(s), &actor, std::move(action), std::move(type), std::move(id),
                     std::move(before), std::move(after));
}

Result<Offering> own_offering(Transaction& tx, const Actor& actor, const std::string& id) {
  auto offering = tx.offerings().find(id);
  if (!offering || !actor.is(Role::provider) || offering->provider_id != actor.organisation_id)
    return Error::not_found("offering");
  return *offering;
}

Result<Customer> unit_customer(Transaction& tx, const Actor& actor, const std::string& id) {
  auto customer = tx.customers().find(id);
  if (!customer || !actor.is(Role::coach) || customer->coaching_unit_id != actor.organisation_id)
    return Error::not_found("customer");
  return *customer;
}

Party party_of(const Actor& actor) {
  if (actor.is(Role::coach)) return Party::coach;
  if (actor.is(Role::provider)) return Party::provider;
  return Party::overseer;
}

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

Result<OrderContext> delivered_order_of(Transaction& tx, const Actor& actor, const std::string& id,
                                        Party party, const char* what) {
  auto ctx = order_of(tx, actor, id, party);
  if (ctx && !delivered(ctx->order.state)) return Error::conflict("not-ended", what);
  return ctx;
}

const std::string& Names::organisation(const std::string& id) {
  auto [it, added] = organisations_.try_emplace(id);
  if (added)
    if (auto org = tx_.organisations().find(id)) it->second = org->name;
  return it->second;
}

void Names::read_organisations(const std::vector<std::string>& ids) {
  std::vector<std::string> missing;
  for (const auto& id : ids)
    if (organisations_.try_emplace(id).second) missing.push_back(id);  // "" if none has it
  if (missing.empty()) return;
  for (auto& org : tx_.organisations().find_many(missing))
    organisations_[org.id] = std::move(org.name);
}

const LocalisedText& Names::category(const std::string& id) {
  auto [it, added] = categories_.try_emplace(id);
  if (added)
    if (auto c = tx_.categories().find(id)) it->second = c->name;
  return it->second;
}

namespace {

OrderNames names_with(Names& names, const Order& order, Party party, const Customer* customer) {
  OrderNames n;
  n.provider_name = names.organisation(order.provider_id);
  n.category_name = names.category(order.category_id);
  n.coaching_unit_name = names.organisation(order.coaching_unit_id);
  if (party == Party::overseer || !customer) return n;
  if (party == Party::coach) n.customer_reference = customer->reference;
  n.customer_languages = customer->languages;
  n.customer_region = customer->region;
  return n;
}

}  // namespace

OrderNames names_of(Names& names, const Order& order, Party party, const Customer* customer) {
  return names_with(names, order, party, party == Party::overseer ? nullptr : customer);
}

OrderNames names_of(Transaction& tx, Names& names, const Order& order, Party party) {
  if (party == Party::overseer) return names_of(names, order, party, nullptr);
  const auto customer = tx.customers().find(order.customer_id);
  return names_of(names, order, party, customer ? &*customer : nullptr);
}

OrderView view_of_placed(Transaction& tx, const Order& order, const Category& category,
                         const Customer& customer) {
  OrderView v;
  v.order = order;
  Names names(tx);
  names.know(category);
  names.read_organisations({order.provider_id, order.coaching_unit_id});
  v.names = names_with(names, order, Party::coach, &customer);
  v.payable_cents = payable_cents(order, std::nullopt);
  return v;
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

}  // namespace tarjotin::domain::ordering_loading
