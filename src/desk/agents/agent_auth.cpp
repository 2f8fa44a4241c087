#include "desk/agents/agent_auth.h"

#include "desk/crypto.h"
#include "desk/desk.h"
#include "desk/http/forwarded.h"
#include "desk/http/http_util.h"
#include "desk/limits.h"

namespace tandem::desk {
namespace {

std::string cookie_header(const Desk& desk, const httplib::Request& req, const std::string& value,
                          std::int64_t max_age) {
  std::string header = std::string(kAgentCookie) + "=" + value +
                       "; Path=/; Max-Age=" + std::to_string(max_age) +
                       "; HttpOnly; SameSite=Strict";
  if (served_over_https(desk.options, req)) header += "; Secure";
  return header;
}

}  // namespace

std::optional<AgentIdentity> agent_identity(const Desk& desk, const httplib::Request& req,
                                            httplib::Response& res) {
  if (const auto token = bearer_token(req)) {
    if (same_secret(*token, desk.options.agent_token)) return AgentIdentity{kSharedAgent, ""};
    send_error(res, 403, "wrong agent token");
    return std::nullopt;
  }
  const auto session = cookie(req, kAgentCookie);
  if (!session) {
    send_error(res, 401, "not signed in: sign in at /signin (or Authorization: Bearer)");
    return std::nullopt;
  }
  const auto found = desk.store.session_agent(sha256_hex(*session), now_ms());
  if (!found) {
    send_error(res, 503, "the database is unavailable; retry");
    return std::nullopt;
  }
  if (found->empty()) {
    send_error(res, 403, "the session has expired or is not valid: sign in again at /signin");
    return std::nullopt;
  }
  return found->front();
}

bool start_agent_session(const Desk& desk, const std::string& agent, const httplib::Request& req,
                         httplib::Response& res) {
  const auto id = random_hex(kAgentSessionIdBytes);
  if (!id) {
    send_error(res, 500, "no randomness available");
    return false;
  }
  const std::int64_t now = now_ms();
  if (!desk.store.add_session(sha256_hex(*id), agent, now, now + kAgentSessionSeconds * 1000)) {
    send_error(res, 503, "the database did not accept the sign-in; retry");
    return false;
  }
  res.set_header("Set-Cookie", cookie_header(desk, req, *id, kAgentSessionSeconds));
  return true;
}

void end_agent_session(const Desk& desk, const httplib::Request& req, httplib::Response& res) {
  if (const auto session = cookie(req, kAgentCookie)) desk.store.end_session(sha256_hex(*session));
  res.set_header("Set-Cookie", cookie_header(desk, req, "", 0));
}

}  // namespace tandem::desk
