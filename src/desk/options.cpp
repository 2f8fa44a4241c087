#include "desk/options.h"

#include <arpa/inet.h>

#include <cstdlib>

#include "desk/http/http_util.h"
#include "desk/limits.h"

namespace tandem::desk {
namespace {

constexpr const char* kUsage =
    "usage: tandem-desk --db PATH --port N [--agent-token T] [--allow-origin ORIGIN ...]\n"
    "                   [--host ADDR] [--rate-limit PER_SECOND] [--rate-burst N]\n"
    "                   [--trust-proxy ADDR ...] [--webhook URL ... --webhook-secret-file PATH]\n"
    "  --db PATH            SQLite file (created if missing), or a PostgreSQL URI\n"
    "                       postgresql://user@host:port/database shared by several desks\n"
    "  --port N             TCP port; 0 picks a free one\n"
    "  --agent-token T      secret for the inbox and agent API (at least 16 characters);\n"
    "                       default: $TANDEM_DESK_AGENT_TOKEN, else a random one, printed\n"
    "  --allow-origin O     a site allowed to call the customer API from a browser\n"
    "                       (e.g. https://shop.example.com); repeatable\n"
    "  --host ADDR          address to listen on (default 127.0.0.1)\n"
    "  --rate-limit R       requests per second per client IP (default 10; 0: off)\n"
    "  --rate-burst N       requests a client may make at once (default 60)\n"
    "  --trust-proxy ADDR   a reverse proxy's IP address: its X-Forwarded-For names the\n"
    "                       client, its X-Forwarded-Proto: https makes cookies Secure;\n"
    "                       repeatable\n"
    "  --webhook URL        POST signed events (new handoff, messages, resolved, reopened)\n"
    "                       to this http(s) URL; repeatable\n"
    "  --webhook-secret-file PATH  the HMAC-SHA256 signing secret (at least 16 characters)\n"
    "  --webhook-attempts N tries per event before giving up (default 20)\n"
    "  --webhook-backoff-ms MS  wait before the first retry, doubled each time (default 1000)\n"
    "   or: tandem-desk report EVENTS.json [--since S] [--until U] [--tz Z]\n"
    "       the summary of exported events, offline (docs/metrics.md)\n";

bool parse_number(const std::string& text, double min, double max, double* out) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(value >= min && value <= max)) return false;
  *out = value;
  return true;
}

bool is_ip_address(const std::string& text) {
  unsigned char address[16];
  return inet_pton(AF_INET, text.c_str(), address) == 1 ||
         inet_pton(AF_INET6, text.c_str(), address) == 1;
}

}  // namespace

std::variant<std::string, Usage, Options> parse_options(const std::vector<std::string>& args,
                                                        const char* env_agent_token) {
  Options options;
  if (env_agent_token) options.agent_token = env_agent_token;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--help" || flag == "-h") return Usage{kUsage};
    if (i + 1 >= args.size()) return "missing value after " + flag + "\n" + kUsage;
    const std::string& value = args[++i];
    double number = 0;
    if (flag == "--db") {
      options.db_path = value;
    } else if (flag == "--port") {
      if (!parse_number(value, 0, 65535, &number) || number != static_cast<int>(number)) {
        return "--port must be an integer from 0 to 65535, not '" + value + "'";
      }
      options.port = static_cast<int>(number);
    } else if (flag == "--agent-token") {
      options.agent_token = value;
    } else if (flag == "--allow-origin") {
      if (!is_origin(value)) {
        return "--allow-origin takes an origin such as https://shop.example.com, not '" + value +
               "'";
      }
      options.allowed_origins.push_back(value);
    } else if (flag == "--host") {
      options.host = value;
    } else if (flag == "--rate-limit") {
      if (!parse_number(value, 0, 1e6, &number)) return "--rate-limit must be a number >= 0";
      options.rate_per_second = number;
    } else if (flag == "--rate-burst") {
      if (!parse_number(value, 1, 1e6, &number)) return "--rate-burst must be a number >= 1";
      options.rate_burst = number;
    } else if (flag == "--trust-proxy") {
      if (!is_ip_address(value)) {
        return "--trust-proxy takes an IP address such as 127.0.0.1, not '" + value + "'";
      }
      options.trusted_proxies.push_back(value);
    } else if (flag == "--webhook") {
      auto target = parse_webhook_target(value);
      if (auto* error = std::get_if<std::string>(&target)) return *error;
      for (const WebhookTarget& known : options.webhooks) {
        if (known.url == value) return "--webhook " + value + " is given twice";
      }
      options.webhooks.push_back(std::get<WebhookTarget>(target));
    } else if (flag == "--webhook-secret-file") {
      options.webhook_secret_file = value;
    } else if (flag == "--webhook-attempts") {
      if (!parse_number(value, 1, 1000, &number) || number != static_cast<int>(number)) {
        return "--webhook-attempts must be a whole number from 1 to 1000";
      }
      options.webhook_attempts = static_cast<int>(number);
    } else if (flag == "--webhook-backoff-ms") {
      if (!parse_number(value, 1, kMaxWebhookBackoffMs, &number)) {
        return "--webhook-backoff-ms must be a number from 1 to " +
               std::to_string(kMaxWebhookBackoffMs);
      }
      options.webhook_backoff_ms = static_cast<std::int64_t>(number);
    } else {
      return "unknown option " + flag + "\n" + kUsage;
    }
  }
  if (options.db_path.empty()) return std::string("--db PATH is required\n") + kUsage;
  if (options.port < 0) return std::string("--port N is required\n") + kUsage;
  if (options.webhooks.empty() != options.webhook_secret_file.empty()) {
    return std::string("--webhook URL and --webhook-secret-file PATH go together\n") + kUsage;
  }
  if (!options.agent_token.empty() && options.agent_token.size() < kMinAgentTokenChars) {
    return "the agent token must have at least " + std::to_string(kMinAgentTokenChars) +
           " characters";
  }
  return options;
}

}  // namespace tandem::desk
