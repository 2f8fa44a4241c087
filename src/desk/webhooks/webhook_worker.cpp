#include "desk/webhooks/webhook_worker.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "desk/http/http_util.h"

namespace tandem::desk {

WebhookVerdict judge_webhook_attempt(const WebhookAnswer& answer, std::int64_t attempt,
                                     const WebhookSettings& settings, std::int64_t now_ms,
                                     double jitter) {
  using State = WebhookVerdict::State;
  WebhookVerdict verdict;
  verdict.status = answer.status;
  if (answer.status && *answer.status >= 200 && *answer.status < 300) {
    verdict.state = State::kDelivered;
    return verdict;
  }
  const std::string what = answer.status ? "HTTP " + std::to_string(*answer.status) : answer.error;
  const bool retryable = !answer.status || *answer.status < 300 || *answer.status >= 500 ||
                         *answer.status == 408 || *answer.status == 429;
  if (!retryable) {
    verdict.state = State::kFailed;
    verdict.error = what + ": not retried";
    return verdict;
  }
  if (attempt >= settings.attempts) {
    verdict.state = State::kFailed;
    verdict.error = what + ": gave up after " + std::to_string(attempt) + " attempts";
    return verdict;
  }
  // Doubling from backoff_ms; the exponent is bounded before the shift.
  const int doublings = static_cast<int>(std::min<std::int64_t>(attempt - 1, 30));
  const std::int64_t delay = std::min(kMaxWebhookBackoffMs, settings.backoff_ms << doublings);
  verdict.next_attempt_ms = now_ms + static_cast<std::int64_t>(delay * (0.5 + jitter / 2));
  verdict.error = what;
  return verdict;
}

WebhookWorker::WebhookWorker(Store& store, MessageSignal& signal, WebhookSettings settings)
    : store_(store), signal_(signal), settings_(std::move(settings)) {
  std::random_device seeds;
  for (int i = 0; i < kWebhookWorkers; ++i) {
    threads_.emplace_back([this, seed = seeds()] { run(seed); });
  }
}

WebhookWorker::~WebhookWorker() {
  stopping_ = true;
  for (std::thread& thread : threads_) thread.join();
}

const WebhookTarget* WebhookWorker::target(const std::string& url) const {
  for (const WebhookTarget& target : settings_.targets) {
    if (target.url == url) return &target;
  }
  return nullptr;
}

void WebhookWorker::run(unsigned seed) {
  // Jitter spreads the retries of many deliveries failing at once (a
  // receiver's outage) over time; it needs no cryptographic randomness.
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> jitter(0.0, 1.0);
  while (!stopping_) {
    const std::uint64_t seen = signal_.version();
    const std::int64_t now = now_ms();
    const auto delivery = store_.claim_webhook(now, now + kWebhookLeaseMs);
    if (!delivery) {
      const auto deadline =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(kWebhookPollMs);
      // Woken before the deadline with no change: the desk is stopping.
      if (!signal_.wait_for_change(seen, deadline) && std::chrono::steady_clock::now() < deadline) {
        return;
      }
      continue;
    }
    // claim_webhook only returns deliveries to configured URLs.
    const WebhookAnswer answer =
        post_webhook(*target(delivery->target), settings_.secret, *delivery, now_ms() / 1000);
    store_.finish_webhook(
        *delivery,
        judge_webhook_attempt(answer, delivery->attempt, settings_, now_ms(), jitter(random)),
        now_ms());
  }
}

bool start_webhooks(const Options& options, Store& store, MessageSignal& signal,
                    std::unique_ptr<WebhookWorker>* worker, std::string* error) {
  if (options.webhooks.empty()) return true;
  const auto secret = read_webhook_secret(options.webhook_secret_file, error);
  if (!secret) return false;
  std::vector<std::string> urls;
  for (const WebhookTarget& target : options.webhooks) urls.push_back(target.url);
  store.queue_webhooks_for(urls);
  *worker = std::make_unique<WebhookWorker>(
      store, signal,
      WebhookSettings{options.webhooks, *secret, options.webhook_attempts,
                      options.webhook_backoff_ms});
  return true;
}

}  // namespace tandem::desk
