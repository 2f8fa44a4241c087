// The webhook queue's rows as the Store hands them to the delivery worker
// (store_webhooks.cpp, webhook_worker.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tandem::desk {

// One event for one URL, leased to the worker that claimed it.
struct WebhookDelivery {
  std::int64_t id = 0;
  std::int64_t attempt = 0;  // this attempt's number, from 1; fences a stale worker
  std::string target;        // the URL, as configured
  std::string event_id;
  std::string body;  // the exact bytes signed and sent
};

// What became of an attempt: delivered, pending again at next_attempt_ms, or
// failed for good (kept for inspection).
struct WebhookVerdict {
  enum class State { kDelivered, kPending, kFailed } state = State::kPending;
  std::int64_t next_attempt_ms = 0;
  std::optional<std::int64_t> status;  // the receiver's HTTP status; none: no answer
  std::string error;                   // why it was not delivered; empty when it was
};

}  // namespace tandem::desk
