// The desk's HTTP surface (ARCHITECTURE.md 3.4, docs/desk.md): guards shared
// by every route, the customer API the widget calls, the agent API and inbox.
#pragma once

#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "message_signal.h"
#include "options.h"
#include "rate_limiter.h"
#include "store.h"

namespace tandem::desk {

struct Desk {
  Desk(Options desk_options, Store& desk_store)
      : options(std::move(desk_options)),
        store(desk_store),
        limiter(options.rate_per_second, options.rate_burst) {}

  Options options;
  Store& store;
  RateLimiter limiter;
  MessageSignal signal;
  std::atomic<int> long_polls{0};
};

// Rate limit, CORS and same-origin checks, JSON bodies for every error.
void add_guards(httplib::Server& server, Desk& desk);
void add_customer_routes(httplib::Server& server, Desk& desk);
void add_agent_routes(httplib::Server& server, Desk& desk);

// The text of a {"text": "..."} message request, or nullopt after sending the
// error (415, 400 or 422).
std::optional<std::string> read_message_text(const httplib::Request& req, httplib::Response& res);
nlohmann::json message_json(const Message& message);

}  // namespace tandem::desk
