// One request's connection, as cpp-httplib reads and writes it, with a
// deadline for the whole request (headers and body) on top of the per-read
// timeout: a client that sends a byte every few seconds ("slowloris") is cut
// off at the deadline instead of holding a worker thread for ever.
#pragma once

#include <httplib.h>

#include <array>
#include <chrono>
#include <optional>

namespace tandem::desk {

class DeadlineStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;
  DeadlineStream(socket_t sock, Clock::time_point read_deadline)
      : sock_(sock), read_deadline_(read_deadline) {}

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  socket_t sock_;
  Clock::time_point read_deadline_;
  std::optional<Clock::time_point> write_deadline_;  // from the first write on
  // httplib reads the request line and headers a byte at a time.
  std::array<char, 4096> buffer_{};
  std::size_t begin_ = 0, end_ = 0;
};

// Waits until sock is ready for events (POLLIN/POLLOUT), at most until the
// deadline; false on timeout or error.
bool wait_for_socket(socket_t sock, short events, DeadlineStream::Clock::time_point deadline);
// The numeric address of sock's peer ("" if unknown).
std::string peer_address(socket_t sock);

}  // namespace tandem::desk
