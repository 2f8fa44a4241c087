#include "desk/store/sql_pool.h"

namespace tandem::desk {

SqlPool::SqlPool(Connect connect, std::size_t size, std::unique_ptr<SqlConnection> first)
    : connect_(std::move(connect)), size_(size), open_(1) {
  idle_.push_back(std::move(first));
}

SqlPool::Lease::~Lease() {
  if (connection_) pool_->give_back(std::move(connection_));
}

std::optional<SqlPool::Lease> SqlPool::acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  std::string error;
  auto connection = connect_(&error);
  if (connection) return Lease(*this, std::move(connection));
  lock.lock();
  --open_;
  returned_.notify_one();
  return std::nullopt;
}

void SqlPool::give_back(std::unique_ptr<SqlConnection> connection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

}  // namespace tandem::desk
