#include "domain/webhook_events.hpp"

#include <cstdio>

#include "domain/competition/ports.hpp"

namespace tarjotin::domain {

void queue_webhook_event(Transaction& tx, OutboxEvent event) {
  if (!tx.notifications().webhook(event.organisation_id)) return;
  event.next_attempt_at = event.created_at;
  tx.notifications().add_event(event);
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace tarjotin::domain
