// Delivers the queued webhooks (docs/desk.md "Webhooks"): a few threads per
// desk instance, each claiming one due delivery at a time from the Store,
// sending it and recording the verdict. Several instances on one database
// share the queue; the claim makes sure no two send the same delivery at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "desk/message_signal.h"
#include "desk/options.h"
#include "desk/store/store.h"
#include "desk/webhooks/webhook_sender.h"

namespace tandem::desk {

struct WebhookSettings {
  std::vector<WebhookTarget> targets;
  std::string secret;
  int attempts = kDefaultWebhookAttempts;
  std::int64_t backoff_ms = kDefaultWebhookBackoffMs;
};

// What attempt number `attempt` (from 1) leads to: delivered on 2xx; failed
// for good on any other status below 500 but 408 and 429, or when it was the
// last attempt; else pending again after backoff_ms doubled per attempt
// (capped at kMaxWebhookBackoffMs) times 0.5 + jitter / 2, jitter in [0, 1).
WebhookVerdict judge_webhook_attempt(const WebhookAnswer& answer, std::int64_t attempt,
                                     const WebhookSettings& settings, std::int64_t now_ms,
                                     double jitter);

class WebhookWorker {
 public:
  // Starts the threads; signal wakes them when this instance queued an event
  // (another instance's events and due retries are polled for).
  WebhookWorker(Store& store, MessageSignal& signal, WebhookSettings settings);
  // Lets the attempts in flight finish (bounded by the timeouts), then joins.
  ~WebhookWorker();
  WebhookWorker(const WebhookWorker&) = delete;
  WebhookWorker& operator=(const WebhookWorker&) = delete;

 private:
  void run(unsigned seed);
  const WebhookTarget* target(const std::string& url) const;

  Store& store_;
  MessageSignal& signal_;
  const WebhookSettings settings_;
  std::atomic<bool> stopping_{false};
  std::vector<std::thread> threads_;
};

// The worker the options ask for: none without --webhook. false with *error
// set when the secret file cannot be used.
bool start_webhooks(const Options& options, Store& store, MessageSignal& signal,
                    std::unique_ptr<WebhookWorker>* worker, std::string* error);

}  // namespace tandem::desk
