// Knowledge-base redaction rules: the pattern syntax is documented with
// RedactionRule in privacy/redaction.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "privacy/findings.h"
#include "privacy/glyphs.h"

namespace tandem::privacy::detail {

// Describes why pattern cannot be used, or returns nullopt if it can.
std::optional<std::string> pattern_problem(std::string_view pattern);

// Adds a "[<name>]" span for every free match of pattern, which must have no problem.
void find_pattern(const GlyphText& text, std::string_view pattern, const std::string& name,
                  Findings& findings);

}  // namespace tandem::privacy::detail
