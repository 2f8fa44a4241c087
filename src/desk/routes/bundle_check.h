// The rules of docs/handoff-bundle.schema.json, in C++: tandem-desk accepts
// exactly what the schema accepts (tests/desk checks both on the same files).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace tandem::desk {

// The first rule the bundle breaks, as "<path>: <what is wrong>", or nullopt.
std::optional<std::string> bundle_problem(const nlohmann::json& bundle);

}  // namespace tandem::desk
