// The inbox's sign-in cookie: "EXPIRY.MAC" where MAC is HMAC-SHA256 keyed by
// the agent token. The cookie never holds the token itself, and any desk
// instance that knows the token verifies it without a session table, so
// several instances behind a load balancer accept each other's sign-ins.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tandem::desk {

// A session valid from now_ms for kAgentSessionSeconds.
std::string new_agent_session(const std::string& agent_token, std::int64_t now_ms);
// Whether value was issued under agent_token and has not expired.
bool valid_agent_session(std::string_view value, const std::string& agent_token,
                         std::int64_t now_ms);

}  // namespace tandem::desk
