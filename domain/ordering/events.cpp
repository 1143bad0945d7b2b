#include "domain/ordering/events.hpp"

#include "domain/webhook_events.hpp"

namespace tarjotin::domain {

std::string order_event_body(const std::string& event_id, Timestamp at, const Order& o,
                             const std::string& kind, const std::string& outcome_id) {
  std::string body = "{\"id\":" + json_string(event_id) + ",\"kind\":" + json_string(kind) +
                     ",\"order_id\":" + json_string(o.id) +
                     ",\"offering_id\":" + json_string(o.offering_id) +
                     ",\"category_id\":" + json_string(o.category_id) +
                     ",\"state\":" + json_string(to_string(o.state));
  if (!outcome_id.empty()) body += ",\"outcome_id\":" + json_string(outcome_id);
  return body + ",\"placed_at_us\":" + std::to_string(to_micros(o.placed_at)) +
         ",\"created_at_us\":" + std::to_string(to_micros(at)) + "}";
}

void tell_provider(Transaction& tx, Secrets& secrets, Timestamp at, const Order& order,
                   const std::string& kind, const std::string& outcome_id) {
  OutboxEvent e;
  e.id = secrets.new_id();
  e.organisation_id = order.provider_id;
  e.kind = kind;
  e.created_at = at;
  e.body = order_event_body(e.id, at, order, kind, outcome_id);
  queue_webhook_event(tx, std::move(e));
}

}  // namespace tarjotin::domain
