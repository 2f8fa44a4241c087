// Who works in the desk: named agent accounts, and the identity every agent
// request acts as (a named agent, or the shared --agent-token), with what
// they did to conversations (docs/desk.md "Agents").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tandem::desk {

// The shared --agent-token's identity, and the customer's in the audit: no
// account may take either name.
inline constexpr const char* kSharedAgent = "shared";
inline constexpr const char* kCustomerActor = "customer";

struct AgentAccount {
  std::string name;          // the sign-in name: a-z, 0-9, '.', '_', '-'
  std::string display_name;  // shown to customers; empty: "Support team"
  std::int64_t created_ms = 0;
  std::optional<std::int64_t> disabled_ms;
};

// The agent a request acts for. The shared token may release anyone's
// conversation (an administrator's key); a named agent only their own.
struct AgentIdentity {
  std::string name;
  std::string display_name;
  bool shared() const { return name == kSharedAgent; }
};

struct Note {
  std::string agent, text;
  std::int64_t time_ms = 0;
};

// One thing an agent or the customer did: took, released, replied, noted,
// resolved, reopened.
struct AuditEntry {
  std::string actor, action;
  std::int64_t time_ms = 0;
};

// The reason name cannot be an account's name, or nullopt when it can.
std::optional<std::string> agent_name_problem(const std::string& name);
// The reason text cannot be a display name (a first name: letters, spaces,
// ' and -, at most kMaxDisplayNameChars), or nullopt when it can.
std::optional<std::string> display_name_problem(const std::string& text);

}  // namespace tandem::desk
