#include "desk/http/deadline_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "desk/limits.h"

namespace tandem::desk {
namespace {

using Clock = DeadlineStream::Clock;

// The earlier of the deadline and one per-operation timeout from now.
Clock::time_point next_step(Clock::time_point deadline) {
  return std::min(deadline, Clock::now() + std::chrono::seconds(kSocketTimeoutSeconds));
}

// The numeric address and port of sock's peer, or of its own end.
void socket_name(socket_t sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t size = sizeof address;
  auto* name = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? ::getpeername(sock, name, &size) : ::getsockname(sock, name, &size)) != 0) return;
  char host[NI_MAXHOST] = "", service[NI_MAXSERV] = "";
  if (getnameinfo(name, size, host, sizeof host, service, sizeof service,
                  NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

bool wait_for_socket(socket_t sock, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd watched{sock, events, 0};
    const int ready = ::poll(&watched, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    return ready > 0 && (watched.revents & (events | POLLHUP)) != 0;
  }
}

std::string peer_address(socket_t sock) {
  std::string ip;
  int port = 0;
  socket_name(sock, true, ip, port);
  return ip;
}

bool DeadlineStream::is_readable() const {
  return begin_ < end_ || wait_for_socket(sock_, POLLIN, next_step(read_deadline_));
}

bool DeadlineStream::is_writable() const {
  return wait_for_socket(sock_, POLLOUT,
                         next_step(write_deadline_.value_or(Clock::time_point::max())));
}

ssize_t DeadlineStream::read(char* ptr, size_t size) {
  if (begin_ == end_) {
    if (!is_readable()) return -1;
    ssize_t got;
    do {
      got = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) return got;
    begin_ = 0;
    end_ = static_cast<std::size_t>(got);
  }
  const std::size_t n = std::min(size, end_ - begin_);
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  if (!write_deadline_)
    write_deadline_ = Clock::now() + std::chrono::seconds(kResponseWriteSeconds);
  if (!is_writable()) return -1;
  ssize_t sent;
  do {
    sent = ::send(sock_, ptr, size, MSG_NOSIGNAL);
  } while (sent < 0 && errno == EINTR);
  return sent;
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  socket_name(sock_, true, ip, port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
  socket_name(sock_, false, ip, port);
}

}  // namespace tandem::desk
