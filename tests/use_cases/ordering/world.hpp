#pragma once
// Ordering's use cases start from here: the shared world (an open customer-choice category with
// two admitted providers and two coaching units) and the steps a service goes through, each made
// by its own use case, so that a test starts where the decision it pins is taken.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/ordering/choice.hpp"
#include "domain/ordering/customers.hpp"
#include "domain/ordering/feedback.hpp"
#include "domain/ordering/offerings.hpp"
#include "domain/ordering/orders.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/reports.hpp"
#include "domain/ordering/rules.hpp"
#include "tests/support/use_case_world.hpp"

namespace tarjotin::testing {

// The value of a use case that must succeed for the test to mean anything.
template <class T>
T made(domain::Result<T> result) {
  if (!result) throw std::runtime_error("a step failed: " + result.error().detail);
  return std::move(result).value();
}

class OrderingWorld : public UseCaseWorld {
 protected:
  std::vector<domain::RecordedEvent> audit_since(long long seq) {
    std::vector<domain::RecordedEvent> events;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      events = tx.audit().after(seq, 1000);
      return true;
    });
    return events;
  }
  long long audit_head() {
    const auto all = audit_since(0);
    return all.empty() ? 0 : all.back().seq;
  }
  // The actions recorded after `seq`, in order.
  std::vector<std::string> actions_since(long long seq) {
    std::vector<std::string> actions;
    for (const auto& e : audit_since(seq)) actions.push_back(e.event.action);
    return actions;
  }

  domain::CustomerInput customer_input(const std::string& reference) const {
    return {reference,
            "297",
            {"fi"},
            domain::UnemploymentBand::from_3_to_12_months,
            domain::AgeBand::from_30_to_54};
  }
  // A customer of `by`'s unit whom the offerings of offering_input() fit.
  std::string customer(const std::string& reference, const domain::Actor& by) {
    return made(domain::create_customer(ordering, by, customer_input(reference))).customer.id;
  }
  std::string customer(const std::string& reference) { return customer(reference, coach); }

  domain::Offering offering(const domain::Actor& by, int free_places = 5) {
    return made(domain::create_offering(ordering, by, kCategory, offering_input(free_places)));
  }

  domain::ChoiceSetView choice_set(const std::string& customer_id, const domain::Actor& by) {
    return made(domain::make_choice_set(ordering, by, {kCategory, customer_id, std::nullopt}));
  }
  domain::ChoiceSetView choice_set(const std::string& customer_id) {
    return choice_set(customer_id, coach);
  }

  domain::Result<domain::PlacedOrder> place(const std::string& set_id,
                                            const std::string& offering_id,
                                            const std::string& key = "") {
    return domain::place_order(ordering, coach, {set_id, offering_id, true, "lähellä kotia", key});
  }
  // An order from a fresh choice set of a fresh customer.
  domain::Order order(const domain::Offering& o, const std::string& reference) {
    const auto set = choice_set(customer(reference));
    return made(place(set.set.id, o.id)).view.order;
  }

  domain::Result<domain::OrderView> act(const domain::Actor& by, const std::string& order_id,
                                        domain::OrderAct act, const std::string& reason = "") {
    return domain::change_order(ordering, by, order_id, {act, reason});
  }
  // Accepted, started and completed by the provider `by`.
  void deliver(const domain::Actor& by, const std::string& order_id) {
    for (auto a : {domain::OrderAct::accept, domain::OrderAct::start, domain::OrderAct::complete})
      made(act(by, order_id, a));
  }

  domain::Offering stored_offering(const std::string& id) {
    std::optional<domain::Offering> found;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      found = tx.offerings().find(id);
      return true;
    });
    return found.value();
  }
  std::vector<domain::Order> stored_orders() {
    std::vector<domain::Order> orders;
    t.db().run(domain::Access::read, [&](domain::Transaction& tx) {
      orders = tx.orders().list({});
      return true;
    });
    return orders;
  }
};

// The field and rule a refusal names, or its code when it names none.
inline std::string refusal(const domain::Error& e) {
  if (e.fields.empty()) return e.code;
  return e.fields[0].pointer + " " + e.fields[0].rule;
}

}  // namespace tarjotin::testing
