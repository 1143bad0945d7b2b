#pragma once
// Orders and their life: a coach orders the offering the customer chose from a stored choice
// set; the provider accepts or declines, starts, completes or interrupts, and writes a closing
// report; the coach cancels before the start and records the outcome, which the provider may
// propose.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity.hpp"
#include "domain/ordering/entities.hpp"
#include "domain/ordering/ports.hpp"
#include "domain/ordering/services.hpp"
#include "domain/paging.hpp"
#include "domain/result.hpp"

namespace tarjotin::domain {

struct OrderInput {
  std::string choice_set_id;
  std::string offering_id;
  bool chosen_by_customer = true;
  std::string choice_reason;
  std::string idempotency_key;  // empty: none
};

// What a screen shows beside an order's ids. Each party gets what it needs and no more: the
// unit's case reference only to the unit's coaches; the customer's service languages and
// municipality (coarse, needed to deliver the service) to them and to the provider; officers
// and auditors neither.
struct OrderNames {
  std::string provider_name;
  LocalisedText category_name;
  std::string coaching_unit_name;
  std::optional<std::string> customer_reference;
  std::optional<std::vector<std::string>> customer_languages;
  std::optional<std::string> customer_region;
  bool operator==(const OrderNames&) const = default;
};

struct OrderLine {
  Order order;
  OrderNames names;
};

struct OrderView {
  Order order;
  OrderNames names;
  std::optional<ClosingReport> closing_report;
  std::vector<OutcomeRecord> outcomes;  // confirmed and proposed, oldest first
  std::optional<OutcomeType> outcome;   // the latest confirmed
  long long payable_cents = 0;
  std::vector<Feedback> feedback;
};

struct PlacedOrder {
  OrderView view;
  bool replayed = false;  // an earlier request with the same idempotency key made it
};

struct OrderChange {
  OrderAct act = OrderAct::accept;
  std::string reason;  // required of the acts that need one (needs_reason)
};

struct ClosingReportInput {
  std::string work_done;
  std::string results;
  std::string next_steps;
  bool further_support_needed = false;
  std::string further_support;
};

struct OutcomeInput {
  OutcomeType type = OutcomeType::unknown;
  Date date{};
  std::string note;
};

// An order with the same idempotency key as an earlier one of the unit is that order again,
// unless the key was used for a different order.
Result<PlacedOrder> place_order(OrderingServices& s, const Actor& actor, OrderInput input);
Result<OrderView> read_order(OrderingServices& s, const Actor& actor, const std::string& order_id);
// Coaches see their unit's orders, providers their own, officers those under their authority's
// DPSs; `query`'s scope fields are narrowed to what the actor may see.
// One page of `limit` orders (query.limit; 0: all) and where the next page starts, if any.
Result<Page<OrderLine, OrderCursor>> list_orders(OrderingServices& s, const Actor& actor,
                                                 OrderQuery query);
Result<OrderView> change_order(OrderingServices& s, const Actor& actor, const std::string& order_id,
                               OrderChange change);

Result<ClosingReport> write_closing_report(OrderingServices& s, const Actor& actor,
                                           const std::string& order_id, ClosingReportInput input);
// Earlier services' closing reports for the same customer, as the provider of `order_id` may see
// them: only while the customer's consent for that provider stands.
Result<std::vector<ClosingReport>> earlier_closing_reports(OrderingServices& s, const Actor& actor,
                                                           const std::string& order_id);
// The confirmed outcomes of the customer's earlier services, under the same rule with the
// `outcomes` consent scope; the provider gets them without the coach's note.
Result<std::vector<OutcomeRecord>> earlier_outcomes(OrderingServices& s, const Actor& actor,
                                                    const std::string& order_id);

// The coach records the outcome; the provider may propose one, which the coach confirms by
// recording it. Later records (e.g. a three-month follow-up) supersede earlier ones.
Result<OutcomeRecord> record_outcome(OrderingServices& s, const Actor& actor,
                                     const std::string& order_id, OutcomeInput input);

}  // namespace tarjotin::domain
