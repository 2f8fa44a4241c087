// Non-throwing JSON parsing with locations a person can find in an editor, and
// the naming helpers every JSON validator needs for its messages.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace tandem::kb {

// Parses text; a syntax error is reported at "line L, column C" (column counts
// code points). Never throws.
Expected<nlohmann::json> parse_json(std::string_view text);

// pointer + "/" + key, with key escaped as RFC 6901 requires (~ -> ~0, / -> ~1).
std::string pointer_append(std::string_view pointer, std::string_view key);
std::string pointer_append(std::string_view pointer, std::size_t index);

// "a string", "an array", ...: the JSON type of value as used in messages.
std::string type_name(const nlohmann::json& value);

}  // namespace tandem::kb
