#include "kb/field_checks.h"

#include "kb/text_checks.h"

namespace tandem::kb {

constexpr std::size_t kMaxIdLength = 64;

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  const auto lower_or_digit = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!lower_or_digit(id[0])) return false;
  for (const char c : id) {
    if (!lower_or_digit(c) && c != '_' && c != '.' && c != '-') return false;
  }
  return true;
}

std::string in_quotes(std::string_view text) {
  constexpr std::size_t kShownBytes = 60;
  const std::string_view shown = utf8_prefix(text, kShownBytes);
  return "\"" + std::string(shown) + (shown.size() < text.size() ? "...\"" : "\"");
}

std::string non_blank(const nlohmann::json& value, const std::string& pointer,
                      std::string_view what, std::vector<Error>& errors) {
  const auto& text = value.get_ref<const std::string&>();
  if (is_blank(text))
    errors.push_back({pointer, std::string(what) + " is empty or only whitespace"});
  return text;
}

void check_length(const std::string& text, const std::string& pointer, std::string_view noun,
                  std::size_t max_chars, std::vector<Error>& errors) {
  const std::size_t length = utf8_length(text);
  if (length > max_chars) {
    errors.push_back({pointer, std::string(noun) + " is " + std::to_string(length) +
                                   " characters long; at most " + std::to_string(max_chars) +
                                   " are allowed"});
  }
}

}  // namespace tandem::kb
