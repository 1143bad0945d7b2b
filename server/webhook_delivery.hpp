#pragma once
// Delivers notifications from the outbox as signed webhooks: HMAC-SHA256 over the exact body
// with the organisation's secret, retried with exponential backoff.
//
// Every replica runs the worker. An event is claimed for a while in a write transaction before
// it is sent (write transactions are totally ordered on both databases), so two replicas never
// send it at once, and one marked delivered is never sent again, restarts included. A crash
// between the receiver's 2xx and the mark sends it once more after the claim expires: receivers
// drop repeats by the X-Tarjotin-Event id.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "domain/competition/services.hpp"
#include "domain/ports.hpp"

namespace tarjotin::server {

struct WebhookAnswer {
  unsigned status = 0;  // 0: no HTTP answer at all
  std::string error;
};

class WebhookSender {
 public:
  virtual ~WebhookSender() = default;
  virtual WebhookAnswer post(const std::string& url,
                             const std::vector<std::pair<std::string, std::string>>& headers,
                             const std::string& body) = 0;
};

// HTTP/1.1 over TLS (certificate verified against the system store) or plain HTTP, with a
// bounded time per attempt. Webhook URLs come from providers, so by default an address on
// loopback, a private network or link-local is refused: a URL must not reach the server's own
// neighbourhood (SSRF). The same rule answers when a URL is set (domain::WebhookTargets), so a
// provider learns at once that deliveries would be refused.
class HttpWebhookSender final : public WebhookSender, public domain::WebhookTargets {
 public:
  explicit HttpWebhookSender(bool allow_private_addresses = false,
                             std::chrono::seconds timeout = std::chrono::seconds(10))
      : allow_private_(allow_private_addresses), timeout_(timeout) {}
  WebhookAnswer post(const std::string& url,
                     const std::vector<std::pair<std::string, std::string>>& headers,
                     const std::string& body) override;
  // Resolves the host (within the same timeout) and checks every address it has.
  std::string refusal(const std::string& url) const override;

 private:
  bool allow_private_;
  std::chrono::seconds timeout_;
};

struct DeliveryPolicy {
  int max_attempts = 12;
  std::chrono::seconds first_retry{30};
  std::chrono::seconds longest_retry{6 * 3600};
  // A claim outlives the attempts of its whole batch (batch × sender timeout, 50 s by default)
  // with room to spare, so another replica never re-claims an event still being sent.
  std::chrono::seconds claim{120};
  std::size_t batch = 5;
};

// The wait before attempt `attempts + 1`: first_retry doubled per failure, capped.
std::chrono::seconds retry_delay(const DeliveryPolicy& policy, int attempts);

// One round: claims due events, posts them, records each outcome. Returns how many were
// delivered.
// The services give the database, the clock and the seal that opens each stored secret.
int deliver_due_webhooks(domain::CompetitionServices& services, WebhookSender& sender,
                         const DeliveryPolicy& policy = {});

}  // namespace tarjotin::server
