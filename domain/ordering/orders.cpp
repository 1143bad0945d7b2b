#include "domain/ordering/orders.hpp"

#include <algorithm>
#include <map>

#include "domain/access.hpp"
#include "domain/input_rules.hpp"
#include "domain/ordering/events.hpp"
#include "domain/ordering/loading.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/rules.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::domain {

using namespace ordering_loading;

namespace {

Error set_used() {
  return Error::conflict("choice-set-used",
                         "an order was placed from this choice set already; make a new one");
}

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
    if (!consent_stands(tx.customers().consents(o.customer_id), actor.organisation_id, scope))
      return out;
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

Result<PlacedOrder> place_order(OrderingServices& s, const Actor& actor, OrderInput in) {
  if (!actor.is(Role::coach)) return Error::forbidden("only coaches place orders");
  if (auto ok = check_order_input(in); !ok) return ok.error();
  const std::string fingerprint = request_fingerprint(in);
  return transact<PlacedOrder>(s.db, Access::write, [&](Transaction& tx) -> Result<PlacedOrder> {
    if (!in.idempotency_key.empty()) {
      if (auto earlier =
              tx.orders().find_by_idempotency_key(actor.organisation_id, in.idempotency_key)) {
        if (earlier->request_fingerprint != fingerprint)
          return Error::invalid("/Idempotency-Key", "idempotency-key-reused",
                                "this idempotency key was used for a different order");
        return PlacedOrder{view_of(tx, *earlier, Party::coach), true};
      }
    }
    auto set = tx.choice_sets().find_with_entry(in.choice_set_id, in.offering_id);
    if (!set || set->coaching_unit_id != actor.organisation_id)
      return Error::invalid("/choice_set_id", "choice-set", "no choice set of yours has this id");
    if (!set->order_id.empty()) return set_used();
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
    o.request_fingerprint = fingerprint;
    tx.orders().add(o);
    // A concurrent order from the same set, committed first, wins; this one changes nothing.
    if (!tx.choice_sets().claim(set->id, o.id)) return set_used();
    tx.audit().append(event(s, actor, "order.placed", "order", o.id, "",
                            "offering " + o.offering_id + " at " +
                                std::to_string(o.unit_price_cents) + " cents, position " +
                                std::to_string(entry->position)));
    tell_provider(tx, s.secrets, o.placed_at, o, "order.placed");
    return PlacedOrder{view_of_placed(tx, o, *category, *customer), false};
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
    std::vector<std::string> organisations;  // the page's names in one read, not one per order
    for (const auto& order : orders) {
      organisations.push_back(order.provider_id);
      organisations.push_back(order.coaching_unit_id);
    }
    names.read_organisations(organisations);
    std::map<std::string, Customer> customers;  // and its customers, for those who see them
    if (party != Party::overseer) {
      std::vector<std::string> ids;
      for (const auto& order : orders) ids.push_back(order.customer_id);
      for (auto& c : tx.customers().find_many(ids)) {
        auto id = c.id;
        customers.emplace(std::move(id), std::move(c));
      }
    }
    for (auto& order : orders) {
      const auto customer = customers.find(order.customer_id);
      auto n =
          names_of(names, order, party, customer == customers.end() ? nullptr : &customer->second);
      page.items.push_back({std::move(order), std::move(n)});
    }
    return page;
  });
}

Result<OrderView> change_order(OrderingServices& s, const Actor& actor, const std::string& order_id,
                               OrderChange change) {
  if (needs_reason(change.act))
    if (auto ok = required_text(change.reason, "/reason", "the reason"); !ok) return ok.error();
  return transact<OrderView>(s.db, Access::write, [&](Transaction& tx) -> Result<OrderView> {
    const Party party = provider_acts(change.act) ? Party::provider : Party::coach;
    auto ctx = order_of(tx, actor, order_id, party);
    if (!ctx) return ctx.error();
    Order& o = ctx->order;
    const auto before = o.state;
    if (auto ok = act_on(o, change.act, change.reason, now(s)); !ok) return ok.error();
    if (returns_place(change.act)) tx.offerings().return_place(o.offering_id);
    tx.orders().update(o);
    const std::string action = "order." + std::string(to_string(o.state));
    tx.audit().append(event(s, actor, action, "order", o.id, std::string(to_string(before)),
                            std::string(to_string(o.state))));
    tell_provider(tx, s.secrets, now(s), o, action);
    return view_of(tx, o, party);
  });
}

Result<ClosingReport> write_closing_report(OrderingServices& s, const Actor& actor,
                                           const std::string& order_id, ClosingReportInput in) {
  if (auto ok = check_closing_report(in); !ok) return ok.error();
  return transact<ClosingReport>(
      s.db, Access::write, [&](Transaction& tx) -> Result<ClosingReport> {
        auto ctx = delivered_order_of(
            tx, actor, order_id, Party::provider,
            "a closing report is written when the service is completed or interrupted");
        if (!ctx) return ctx.error();
        const bool replaces = tx.orders().closing_report(order_id).has_value();
        ClosingReport r{
            order_id,           in.work_done,  in.results, in.next_steps, in.further_support_needed,
            in.further_support, actor.user_id, now(s)};
        tx.orders().put_closing_report(r);
        const std::string action = replaces ? "closing_report.revised" : "closing_report.written";
        tx.audit().append(event(s, actor, action, "order", order_id, "", ""));
        tell_provider(tx, s.secrets, r.written_at, ctx->order, action);
        return r;
      });
}

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
                                     const std::string& order_id, OutcomeInput in) {
  if (auto ok = check_outcome(in, today(s)); !ok) return ok.error();
  return transact<OutcomeRecord>(
      s.db, Access::write, [&](Transaction& tx) -> Result<OutcomeRecord> {
        auto ctx = readable_order(tx, actor, order_id);
        if (!ctx) return ctx.error();
        if (ctx->party == Party::overseer)
          return Error::forbidden("outcomes are recorded by the coach or proposed by the provider");
        if (!delivered(ctx->order.state))
          return Error::conflict("not-ended", "an outcome is recorded after the service ended");
        if (in.date < helsinki_date(ctx->order.placed_at))
          return Error::invalid("/date", "after-order", "the outcome cannot predate the order");
        OutcomeRecord r{s.secrets.new_id(),         order_id, in.type,       in.date,
                        ctx->party == Party::coach, in.note,  actor.user_id, now(s)};
        tx.orders().add_outcome(r);
        tx.audit().append(event(s, actor, r.confirmed ? "outcome.recorded" : "outcome.proposed",
                                "order", order_id, "", std::string(to_string(in.type))));
        // The provider's own proposal is news to nobody; the coach's record is.
        if (r.confirmed)
          tell_provider(tx, s.secrets, r.recorded_at, ctx->order, "outcome.recorded", r.id);
        return r;
      });
}

}  // namespace tarjotin::domain
