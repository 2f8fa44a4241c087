#include "desk/store/postgres_listener.h"

#include <poll.h>

#include <chrono>

namespace tandem::desk {
namespace {

// How often the thread looks up from its socket to see whether the desk is
// stopping, and waits before connecting again after a failure.
constexpr int kPollMs = 200;
constexpr auto kReconnectPause = std::chrono::milliseconds(500);

}  // namespace

PostgresListener::PostgresListener(std::string uri, std::function<void()> on_change)
    : uri_(std::move(uri)), on_change_(std::move(on_change)), thread_([this] { run(); }) {}

PostgresListener::~PostgresListener() {
  stopping_ = true;
  thread_.join();
}

void PostgresListener::run() {
  while (!stopping_) {
    PGconn* conn = PQconnectdb(uri_.c_str());
    PGresult* listening =
        PQstatus(conn) == CONNECTION_OK ? PQexec(conn, "LISTEN tandem_desk") : nullptr;
    if (PQresultStatus(listening) == PGRES_COMMAND_OK) {
      // Whatever was notified while this instance was not listening is
      // lost: every waiter looks again.
      on_change_();
      listen_on(conn);
    }
    PQclear(listening);
    PQfinish(conn);
    const auto resume = std::chrono::steady_clock::now() + kReconnectPause;
    while (!stopping_ && std::chrono::steady_clock::now() < resume) {
      std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs / 4));
    }
  }
}

void PostgresListener::listen_on(PGconn* conn) {
  pollfd socket{PQsocket(conn), POLLIN, 0};
  while (!stopping_) {
    const int ready = poll(&socket, 1, kPollMs);
    if (ready < 0) return;
    if (ready == 0) continue;
    if (!PQconsumeInput(conn)) return;  // the server went away
    bool changed = false;
    while (PGnotify* notice = PQnotifies(conn)) {
      changed = true;
      PQfreemem(notice);
    }
    if (changed) on_change_();
  }
}

}  // namespace tandem::desk
