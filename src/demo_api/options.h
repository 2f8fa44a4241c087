// lumenpay-api's command line (docs/actions.md).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace tandem::demo_api {

struct Options {
  std::string db_path;
  int port = 8082;  // 0: any free port (printed at start)
  std::vector<std::string> allowed_origins;
  std::string secret;  // empty: random, new at every start
  std::int64_t token_ttl_seconds = 900;
  bool faults = false;  // test-only orders that fail on purpose
};

struct Usage {
  std::string text;  // --help: print and exit 0
};

// An error message, usage, or options. env_secret is TANDEM_DEMO_API_SECRET,
// which keeps the signing key out of `ps`.
std::variant<std::string, Usage, Options> parse_options(const std::vector<std::string>& args,
                                                        const char* env_secret);

}  // namespace tandem::demo_api
