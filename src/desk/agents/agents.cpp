#include "desk/agents/agents.h"

#include "desk/limits.h"
#include "desk/text_length.h"

namespace tandem::desk {

std::optional<std::string> agent_name_problem(const std::string& name) {
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  };
  if (name.empty() || name.size() > kMaxAgentNameChars) {
    return "an agent name has 1 to " + std::to_string(kMaxAgentNameChars) + " characters";
  }
  for (char c : name) {
    if (!allowed(c))
      return "an agent name takes only a-z, 0-9, '.', '_' and '-', not '" + name + "'";
  }
  if (name == kSharedAgent || name == kCustomerActor) {
    return "'" + name + "' is reserved (the shared token, the customer)";
  }
  return std::nullopt;
}

std::optional<std::string> display_name_problem(const std::string& text) {
  const std::size_t length = code_points(text);
  if (length == 0 || length > kMaxDisplayNameChars) {
    return "a display name has 1 to " + std::to_string(kMaxDisplayNameChars) + " characters";
  }
  // Bytes below 0x80 must be letters, space, ' or -; others are UTF-8 letters
  // of other scripts, which customers see as text, never as markup.
  for (unsigned char c : text) {
    const bool ascii_ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' ||
                          c == '\'' || c == '-' || c == '.';
    if (c < 0x80 && !ascii_ok) return "a display name is a first name, not '" + text + "'";
  }
  if (text.front() == ' ' || text.back() == ' ') return "a display name has no outer spaces";
  return std::nullopt;
}

}  // namespace tandem::desk
