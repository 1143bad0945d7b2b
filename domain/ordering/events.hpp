#pragma once
// What a provider's own system is told of its orders through its webhook, so that it can follow
// them without polling: an order placed, each change of its state, its closing report written
// or revised, an outcome recorded. Each event goes to the order's provider alone and carries
// ids, kinds, times and states; nothing of the customer (no reference, region, languages or
// bands) and no free text, which the provider reads through the API under its own access rules.

#include <string>

#include "domain/ordering/entities.hpp"
#include "domain/ports.hpp"

namespace tarjotin::domain {

// Queued in the caller's transaction (the change and its audit record), when the provider has a
// webhook. `kind` is the audit action: order.placed, order.<state>, closing_report.written,
// closing_report.revised, outcome.recorded; `outcome_id` only for the last.
void tell_provider(Transaction& tx, Secrets& secrets, Timestamp at, const Order& order,
                   const std::string& kind, const std::string& outcome_id = "");

// The event's body, byte for byte as it is signed and sent.
std::string order_event_body(const std::string& event_id, Timestamp at, const Order& order,
                             const std::string& kind, const std::string& outcome_id);

}  // namespace tarjotin::domain
