// One connection per desk instance that LISTENs for the changes every
// instance NOTIFYs inside its writing transactions (dialect.h), so a
// long-poll held here wakes when another instance behind the same load
// balancer commits an agent reply.
#pragma once

#include <libpq-fe.h>

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace tandem::desk {

class PostgresListener {
 public:
  // Starts listening on a thread of its own; on_change runs on that thread.
  PostgresListener(std::string uri, std::function<void()> on_change);
  ~PostgresListener();
  PostgresListener(const PostgresListener&) = delete;
  PostgresListener& operator=(const PostgresListener&) = delete;

 private:
  void run();
  // Until the connection fails or the desk stops.
  void listen_on(PGconn* conn);

  const std::string uri_;
  const std::function<void()> on_change_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace tandem::desk
