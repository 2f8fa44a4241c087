#include "desk/http/http_server.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "desk/http/deadline_stream.h"
#include "desk/http/forwarded.h"
#include "desk/http/http_util.h"
#include "desk/limits.h"

namespace tandem::desk {
namespace {

using Clock = DeadlineStream::Clock;

// Set when the response just handled asked to close its connection; the
// connection loop and the handler run on the same worker thread.
thread_local bool close_after_response = false;

}  // namespace

void send_too_many(httplib::Response& res, const std::string& message, int retry_after_seconds) {
  res.set_header("Retry-After", std::to_string(retry_after_seconds));
  res.set_header("Connection", "close");
  send_error(res, 429, message);
}

HttpServer::HttpServer(const desk::Options& options)
    : options_(options), connections_per_peer_(kMaxConnectionsPerPeer) {
  new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  set_payload_max_length(kMaxBundleBytes);
  set_keep_alive_timeout(kKeepAliveSeconds);
  set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.get_header_value("Connection") != "close") return;
    close_after_response = true;
    res.headers.erase("Keep-Alive");
  });
}

int HttpServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  // Debian's httplib 0.11 listens with a backlog of 5: a burst of 50
  // connections overflows it. listen() again on the bound socket widens it.
  if (bound < 0 || ::listen(svr_sock_, kListenBacklog) != 0) return -1;
  return bound;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  const std::string peer = peer_address(sock);
  // A trusted proxy carries many clients' connections: it is not capped here
  // (it should cap them itself, docs/desk.md).
  const bool proxy = is_trusted_proxy(options_, peer);
  const bool within_share = proxy || connections_per_peer_.acquire(peer);
  ++busy_workers_;
  bool ok = true;
  for (int served = 0; served < kKeepAliveMaxRequests && svr_sock_ != INVALID_SOCKET; ++served) {
    // Between requests, an idle kept-alive connection waits this long.
    if (served > 0 &&
        !wait_for_socket(sock, POLLIN, Clock::now() + std::chrono::seconds(kKeepAliveSeconds))) {
      break;
    }
    const auto read_time = within_share ? std::chrono::milliseconds(kRequestReadSeconds * 1000)
                                        : std::chrono::milliseconds(kCrowdedRequestReadMs);
    DeadlineStream stream(sock, Clock::now() + read_time);
    const bool last =
        !within_share || served + 1 == kKeepAliveMaxRequests || busy_workers_.load() > kBusyWorkers;
    bool closed = false;
    close_after_response = false;
    ok = process_request(stream, last, closed, nullptr);
    if (!ok || closed || last || close_after_response) break;
  }
  --busy_workers_;
  if (within_share && !proxy) connections_per_peer_.release(peer);
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace tandem::desk
