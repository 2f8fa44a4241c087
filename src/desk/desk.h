// The desk's HTTP surface (ARCHITECTURE.md 3.4, docs/desk.md): guards shared
// by every route, the customer API the widget calls, the agent API and inbox.
#pragma once

#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "desk/http/concurrency_limits.h"
#include "desk/http/rate_limiter.h"
#include "desk/limits.h"
#include "desk/message_signal.h"
#include "desk/options.h"
#include "desk/store/store.h"

namespace tandem::desk {

struct Desk {
  Desk(Options desk_options, Store& desk_store)
      : options(std::move(desk_options)),
        store(desk_store),
        limiter(options.rate_per_second, options.rate_burst),
        long_polls(kMaxLongPolls, kMaxLongPollsPerToken, kMaxLongPollsPerClient) {}

  Options options;
  Store& store;
  RateLimiter limiter;
  MessageSignal signal;
  LongPollGate long_polls;
  std::atomic<int> sign_ins_checking{0};  // secrets being checked now (signin_routes.cpp)
};

// Rate limit, CORS and same-origin checks, JSON bodies for every error.
void add_guards(httplib::Server& server, Desk& desk);
void add_customer_routes(httplib::Server& server, Desk& desk);
void add_agent_routes(httplib::Server& server, Desk& desk);
// /signin, /signout and /v1/agent/me (agent_auth.h).
void add_sign_in_routes(httplib::Server& server, Desk& desk);
// Take, release, notes and the audit of a conversation.
void add_assignment_routes(httplib::Server& server, Desk& desk);
// POST /v1/events from the widget, and the agent's reports (docs/metrics.md).
void add_report_routes(httplib::Server& server, Desk& desk);

// Whether the request is an agent's (agent_auth.h); if not, the 401/403 is sent.
bool agent_authorised(const Desk& desk, const httplib::Request& req, httplib::Response& res);

// The text of a {"text": "..."} message request, or nullopt after sending the
// error (415, 400 or 422).
std::optional<std::string> read_message_text(const httplib::Request& req, httplib::Response& res);
// A message as the customer sees it: an agent's display name as agent_name,
// only when they chose one (the widget says "Support team" otherwise).
nlohmann::json message_json(const Message& message);
// The same with who wrote it, for agents.
nlohmann::json agent_message_json(const Message& message);

}  // namespace tandem::desk
