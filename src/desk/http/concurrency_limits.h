// Caps on what one client may hold at once, so that no client can take every
// worker thread: open connections per peer address, and long-polls per
// customer token, per client address and in all (docs/desk.md, limits.h).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace tandem::desk {

// How many of something each key holds at once; a key at its cap is refused.
class HeldCount {
 public:
  explicit HeldCount(int per_key_cap) : cap_(per_key_cap) {}
  bool acquire(const std::string& key);
  void release(const std::string& key);

 private:
  int cap_;
  std::mutex mutex_;
  std::unordered_map<std::string, int> held_;
};

class LongPollGate {
 public:
  LongPollGate(int total_cap, int per_token_cap, int per_client_cap)
      : total_cap_(total_cap), per_token_(per_token_cap), per_client_(per_client_cap) {}
  // nullopt when a wait was taken (end it with leave), else why it was refused.
  std::optional<std::string> enter(const std::string& token, const std::string& client);
  void leave(const std::string& token, const std::string& client);

 private:
  int total_cap_;
  std::mutex mutex_;
  int total_ = 0;
  HeldCount per_token_, per_client_;
};

}  // namespace tandem::desk
