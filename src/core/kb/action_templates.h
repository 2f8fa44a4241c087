// The logic-less {variable} templates of actions: their URL and answer texts.
// Filling never interprets a value: URL values are percent-encoded, answer
// values are cut to one line with nothing the Markdown subset would read as markup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tandem::kb {

using TemplateValues = std::vector<std::pair<std::string, std::string>>;

// The variables of a template in order of appearance, or the problem with it
// (an unclosed "{", a stray "}", a name that is not [a-z][a-z0-9_]*).
struct TemplateScan {
  std::vector<std::string> variables;
  std::optional<std::string> problem;
};
TemplateScan scan_template(std::string_view text);

// RFC 3986: everything but unreserved characters becomes %XX.
std::string percent_encode(std::string_view value);

// Fills a template; `encode` percent-encodes each value (URLs), otherwise
// values are made inert for the Markdown renderer. A variable without a value
// is left empty (validation guarantees every variable is declared).
std::string fill_template(std::string_view text, const TemplateValues& values, bool encode);

}  // namespace tandem::kb
