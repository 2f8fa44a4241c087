#include "desk/http/concurrency_limits.h"

namespace tandem::desk {

bool HeldCount::acquire(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  int& held = held_[key];
  if (held >= cap_) return false;
  ++held;
  return true;
}

void HeldCount::release(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = held_.find(key);
  if (it == held_.end()) return;
  // Keys are dropped at zero, so the map holds only current holders.
  if (--it->second <= 0) held_.erase(it);
}

std::optional<std::string> LongPollGate::enter(const std::string& token,
                                               const std::string& client) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (total_ >= total_cap_) return "the desk holds as many waiting requests as it may";
    ++total_;
  }
  std::optional<std::string> refused;
  if (!per_token_.acquire(token)) {
    refused = "this conversation already has requests waiting";
  } else if (!per_client_.acquire(client)) {
    per_token_.release(token);
    refused = "this address already has as many waiting requests as it may";
  }
  if (refused) {
    std::lock_guard<std::mutex> lock(mutex_);
    --total_;
  }
  return refused;
}

void LongPollGate::leave(const std::string& token, const std::string& client) {
  per_token_.release(token);
  per_client_.release(client);
  std::lock_guard<std::mutex> lock(mutex_);
  --total_;
}

}  // namespace tandem::desk
