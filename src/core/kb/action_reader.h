// Validation of a knowledge base's "action_hosts" and "actions": every rule
// of docs/actions.md, each problem at its JSON pointer.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "kb/actions.h"

namespace tandem::kb {

// "action_hosts": ["api.example.com", "127.0.0.1:8082"].
std::vector<std::string> read_action_hosts(const nlohmann::json& list, const std::string& pointer,
                                           std::vector<Error>& errors);

// "actions": [...], calling only the given hosts.
std::vector<Action> read_actions(const nlohmann::json& list, const std::string& pointer,
                                 const std::vector<std::string>& hosts, std::vector<Error>& errors);

}  // namespace tandem::kb
