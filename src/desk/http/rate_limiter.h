// A token bucket per client address: a burst is allowed, a sustained flood is
// refused with 429 before it reaches the database.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tandem::desk {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // per_second 0 allows everything.
  RateLimiter(double per_second, double burst) : per_second_(per_second), burst_(burst) {}

  // Takes one token for client; false when its bucket is empty.
  bool allow(const std::string& client, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  double per_second_, burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace tandem::desk
