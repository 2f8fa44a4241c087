// Who an agent request acts for: the shared --agent-token as a bearer token,
// or a sign-in session. The tandem_agent cookie carries a random session id
// (its SHA-256 is the row in agent_sessions), never a secret, so a session
// ends alone (sign-out, a disabled account) and any desk instance on the
// same database knows it.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "desk/agents/agents.h"

namespace tandem::desk {

struct Desk;

inline constexpr const char* kAgentCookie = "tandem_agent";

// The identity of the request, or nullopt after sending 401 (no credentials)
// or 403 (a wrong token, an expired or unknown session).
std::optional<AgentIdentity> agent_identity(const Desk& desk, const httplib::Request& req,
                                            httplib::Response& res);
// Starts a session for agent (an account's name, or kSharedAgent) and sets its
// cookie on res (HttpOnly, SameSite=Strict, Secure over https); false after
// sending the 5xx when it could not be stored.
bool start_agent_session(const Desk& desk, const std::string& agent, const httplib::Request& req,
                         httplib::Response& res);
// Ends the request's session, if any, and clears the cookie.
void end_agent_session(const Desk& desk, const httplib::Request& req, httplib::Response& res);

}  // namespace tandem::desk
