// Cutting valid UTF-8 text to a number of code points, for stored and sent
// text with a size bound.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tandem::text {

std::size_t code_points(std::string_view utf8);

// The first max_chars code points; when it cuts, the result ends with ellipsis
// and still has at most max_chars code points.
std::string clip(std::string_view utf8, std::size_t max_chars, std::string_view ellipsis = "");

}  // namespace tandem::text
