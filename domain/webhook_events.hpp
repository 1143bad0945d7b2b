#pragma once
// Events for an organisation's webhook, whichever capability makes them: queued in the outbox in
// the transaction of the change they tell of, so none is acknowledged and then lost, and signed
// and retried alike by one delivery worker (server/webhook_delivery). The bodies are JSON the
// domain writes itself, byte for byte, since the signature covers the exact bytes.

#include <string>
#include <string_view>

#include "domain/competition/entities.hpp"
#include "domain/ports.hpp"

namespace tarjotin::domain {

// Queues `event` when its organisation has a webhook set; without one there is nobody to tell.
// Due at once: next_attempt_at is its created_at.
void queue_webhook_event(Transaction& tx, OutboxEvent event);

// A JSON string literal of `text`, quotes included.
std::string json_string(std::string_view text);

}  // namespace tarjotin::domain
