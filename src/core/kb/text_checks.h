// Guards every text loader runs before parsing: size caps, binary files and
// broken encodings get one clear error instead of a confusing parse failure.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/status.h"

namespace tandem::kb {

// The problem with `text` as a `kind` ("knowledge base", "CSV") of at most
// max_bytes, or nothing: too large, contains NUL bytes, or is not UTF-8.
std::optional<Error> check_text(std::string_view text, std::size_t max_bytes,
                                std::string_view kind);

// Length in Unicode code points of valid UTF-8 text: what a person counts.
std::size_t utf8_length(std::string_view text);

// The longest prefix of valid UTF-8 text within max_bytes that does not cut a
// character in half: for quoting long texts in messages.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

// True when text has nothing but spaces, tabs and line breaks.
bool is_blank(std::string_view text);

}  // namespace tandem::kb
