// tandem-desk's command line (ARCHITECTURE.md 3.4, docs/desk.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "desk/limits.h"
#include "desk/webhooks/webhook_target.h"

namespace tandem::desk {

struct Options {
  std::string db_path;
  std::string host = "127.0.0.1";  // loopback unless told otherwise: a proxy faces the world
  int port = -1;                   // 0: any free port (printed at start)
  std::string agent_token;         // empty: generated and printed at start
  std::vector<std::string> allowed_origins;
  double rate_per_second = 10;  // per client IP; 0 turns the limit off
  double rate_burst = 60;
  // Reverse proxies whose X-Forwarded-For/-Proto are believed (docs/desk.md).
  std::vector<std::string> trusted_proxies;
  // Webhooks (docs/desk.md): every URL gets every event, signed with the
  // secret read from the file (never on the command line, where ps shows it).
  std::vector<WebhookTarget> webhooks;
  std::string webhook_secret_file;
  int webhook_attempts = kDefaultWebhookAttempts;
  std::int64_t webhook_backoff_ms = kDefaultWebhookBackoffMs;
};

struct Usage {
  std::string text;  // --help: print and exit 0
};

// An error message, usage, or options. env_agent_token is
// TANDEM_DESK_AGENT_TOKEN, which keeps the secret out of `ps`.
std::variant<std::string, Usage, Options> parse_options(const std::vector<std::string>& args,
                                                        const char* env_agent_token);

}  // namespace tandem::desk
