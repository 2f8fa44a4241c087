#include "agent_session.h"

#include "crypto.h"
#include "limits.h"

namespace tandem::desk {
namespace {

// The label keeps this MAC from being mistaken for any other use of the key.
std::string session_mac(const std::string& agent_token, std::string_view expiry) {
  return hmac_sha256_hex(agent_token, "tandem-desk agent session 1|" + std::string(expiry));
}

}  // namespace

std::string new_agent_session(const std::string& agent_token, std::int64_t now_ms) {
  const std::string expiry = std::to_string(now_ms / 1000 + kAgentSessionSeconds);
  return expiry + "." + session_mac(agent_token, expiry);
}

bool valid_agent_session(std::string_view value, const std::string& agent_token,
                         std::int64_t now_ms) {
  const auto dot = value.find('.');
  const std::string_view expiry = value.substr(0, dot);
  if (dot == std::string_view::npos || expiry.empty() || expiry.size() > 12) return false;
  std::int64_t seconds = 0;
  for (char c : expiry) {
    if (c < '0' || c > '9') return false;
    seconds = seconds * 10 + (c - '0');
  }
  return same_secret(value.substr(dot + 1), session_mac(agent_token, expiry)) &&
         now_ms / 1000 < seconds;
}

}  // namespace tandem::desk
