#include "options.h"

#include <charconv>

#include "desk/http/http_util.h"
#include "limits.h"

namespace tandem::demo_api {
namespace {

constexpr const char* kUsage =
    "usage: lumenpay-api --db PATH [--port N] [--allow-origin ORIGIN ...]\n"
    "                    [--token-ttl SECONDS] [--faults]\n"
    "The Lumen Pay demo shop's API: customers, orders, shipments, instalments\n"
    "and notices, behind HS256 tokens (docs/actions.md). A demo, not a product:\n"
    "its sign-in asks for no password.\n"
    "  --db PATH            SQLite file, seeded with demo customers on first run\n"
    "  --port N             TCP port (default 8082); 0 picks a free one\n"
    "  --allow-origin O     a site whose pages may call the API (CORS); repeatable\n"
    "  --token-ttl S        lifetime of a signed token in seconds (default 900)\n"
    "  --faults             orders LP-000500 (HTTP 500), LP-000504 (answers after 6 s)\n"
    "                       and LP-000777 (a body that is not JSON), for tests\n"
    "The signing secret is $TANDEM_DEMO_API_SECRET, else random at every start.\n";

bool parse_integer(const std::string& text, std::int64_t min, std::int64_t max, std::int64_t* out) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return false;
  }
  *out = value;
  return true;
}

}  // namespace

std::variant<std::string, Usage, Options> parse_options(const std::vector<std::string>& args,
                                                        const char* env_secret) {
  Options options;
  if (env_secret) options.secret = env_secret;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--help" || flag == "-h") return Usage{kUsage};
    if (flag == "--faults") {
      options.faults = true;
      continue;
    }
    if (i + 1 >= args.size()) return "missing value after " + flag + "\n" + kUsage;
    const std::string& value = args[++i];
    std::int64_t number = 0;
    if (flag == "--db") {
      options.db_path = value;
    } else if (flag == "--port") {
      if (!parse_integer(value, 0, 65535, &number)) {
        return "--port must be an integer from 0 to 65535, not '" + value + "'";
      }
      options.port = static_cast<int>(number);
    } else if (flag == "--allow-origin") {
      if (!desk::is_origin(value)) {
        return "--allow-origin takes an origin such as http://127.0.0.1:8080, not '" + value + "'";
      }
      options.allowed_origins.push_back(value);
    } else if (flag == "--token-ttl") {
      if (!parse_integer(value, 1, kMaxTokenTtlSeconds, &number)) {
        return "--token-ttl must be a whole number of seconds from 1 to " +
               std::to_string(kMaxTokenTtlSeconds) + ", not '" + value + "'";
      }
      options.token_ttl_seconds = number;
    } else {
      return "unknown option " + flag + "\n" + kUsage;
    }
  }
  if (options.db_path.empty()) return std::string("--db PATH is required\n") + kUsage;
  if (!options.secret.empty() && options.secret.size() < kMinSecretBytes) {
    return "TANDEM_DEMO_API_SECRET must have at least " + std::to_string(kMinSecretBytes) +
           " characters";
  }
  return options;
}

}  // namespace tandem::demo_api
