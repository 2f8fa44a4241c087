// Checks shared by the knowledge base's readers (kb_loader.cpp and
// entry_reader.cpp), each problem recorded at its JSON pointer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace tandem::kb {

// 1 to 64 characters of a-z, 0-9, '_', '.' or '-', starting with a letter or digit.
bool is_valid_id(std::string_view id);

// text in quotes, cut after 60 bytes (at a character boundary) for messages.
std::string in_quotes(std::string_view text);

// The string value; records "<what> is empty or only whitespace" when blank.
std::string non_blank(const nlohmann::json& value, const std::string& pointer,
                      std::string_view what, std::vector<Error>& errors);

// Records a problem when text has more than max_chars characters.
void check_length(const std::string& text, const std::string& pointer, std::string_view noun,
                  std::size_t max_chars, std::vector<Error>& errors);

}  // namespace tandem::kb
