// Connections shared by the desk's worker threads: each call takes one for
// its whole transaction. Opened on demand up to the size, so an idle desk
// holds one; SQLite has a single connection (one writer at a time anyway).
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "desk/store/sql.h"

namespace tandem::desk {

class SqlPool {
 public:
  using Connect = std::function<std::unique_ptr<SqlConnection>(std::string* error)>;
  SqlPool(Connect connect, std::size_t size, std::unique_ptr<SqlConnection> first);

  // A connection lent to one caller; it goes back to the pool when the lease ends.
  class Lease {
   public:
    Lease(SqlPool& pool, std::unique_ptr<SqlConnection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) = default;
    ~Lease();
    SqlConnection& operator*() { return *connection_; }
    SqlConnection* operator->() { return connection_.get(); }

   private:
    SqlPool* pool_;
    std::unique_ptr<SqlConnection> connection_;
  };

  // nullopt when no connection is idle and a new one cannot be opened.
  std::optional<Lease> acquire();

 private:
  void give_back(std::unique_ptr<SqlConnection> connection);

  Connect connect_;
  const std::size_t size_;
  std::size_t open_ = 0;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
};

}  // namespace tandem::desk
