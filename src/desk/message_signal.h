// Wakes long-polling readers when a conversation changes, instead of having
// them query the database in a loop.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace tandem::desk {

class MessageSignal {
 public:
  std::uint64_t version() {
    std::lock_guard<std::mutex> lock(mutex_);
    return version_;
  }
  void notify() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++version_;
    }
    changed_.notify_all();
  }
  // Ends every wait for good, so shutdown is not held up by long-polls.
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }
  // False when the deadline passed or the desk is stopping.
  bool wait_for_change(std::uint64_t seen, std::chrono::steady_clock::time_point deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_until(lock, deadline, [&] { return stopping_ || version_ != seen; }) &&
           !stopping_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t version_ = 0;
  bool stopping_ = false;
};

}  // namespace tandem::desk
