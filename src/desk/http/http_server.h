// cpp-httplib's server, hardened for the open internet: a listen backlog that
// takes bursts, a deadline per request, open connections counted per peer, and
// keep-alive dropped when the worker pool runs short (docs/desk.md).
#pragma once

#include <httplib.h>

#include <atomic>
#include <string>

#include "desk/http/concurrency_limits.h"
#include "desk/options.h"

namespace tandem::desk {

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(const desk::Options& options);
  // Binds host:port (0: any free port); the port, or -1.
  int bind(const std::string& host, int port);

 private:
  // Replaces httplib's connection loop (a private virtual of httplib::Server).
  bool process_and_close_socket(socket_t sock) override;

  const desk::Options& options_;  // (httplib::Server has a member named Options)
  HeldCount connections_per_peer_;
  std::atomic<int> busy_workers_{0};
};

// Refuses with 429, Retry-After and a JSON error, and closes the connection
// after the answer, so a refused client does not keep a worker in keep-alive.
void send_too_many(httplib::Response& res, const std::string& message, int retry_after_seconds);

}  // namespace tandem::desk
