#include "desk/http/rate_limiter.h"

#include <algorithm>

namespace tandem::desk {
namespace {

// Past this many clients, full buckets (idle clients) are forgotten, so a scan
// from many addresses cannot grow the map without bound.
constexpr std::size_t kMaxTrackedClients = 10000;

}  // namespace

bool RateLimiter::allow(const std::string& client, Clock::time_point now) {
  if (per_second_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto refill = [&](Bucket& bucket) {
    const std::chrono::duration<double> elapsed = now - bucket.updated;
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed.count() * per_second_);
    bucket.updated = now;
  };
  if (buckets_.size() >= kMaxTrackedClients) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      refill(it->second);
      it = it->second.tokens >= burst_ ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
  if (!inserted) refill(it->second);
  if (it->second.tokens < 1) return false;
  it->second.tokens -= 1;
  return true;
}

}  // namespace tandem::desk
