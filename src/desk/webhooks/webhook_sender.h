// One attempt at delivering a webhook: the POST, signed (docs/desk.md
// "Verifying a webhook"), with connect, write and read timeouts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "desk/webhooks/webhook_queue.h"
#include "desk/webhooks/webhook_target.h"

namespace tandem::desk {

struct WebhookAnswer {
  std::optional<int> status;  // none: no HTTP answer (refused, timed out, TLS failed...)
  std::string error;          // why there was none
};

// "v1=" and the hex HMAC-SHA256 of "timestamp.body" under the secret.
std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body);

// Sends delivery.body to target; the response body is not read. now_s:
// the Tandem-Webhook-Timestamp, Unix seconds.
WebhookAnswer post_webhook(const WebhookTarget& target, const std::string& secret,
                           const WebhookDelivery& delivery, std::int64_t now_s);

}  // namespace tandem::desk
