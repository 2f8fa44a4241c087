#include "privacy/rule_pattern.h"

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "text/utf8.h"

namespace tandem::privacy::detail {

namespace {

constexpr std::size_t kMaxPatternLength = 64;  // code points
constexpr std::size_t kNoMatch = static_cast<std::size_t>(-1);

enum class Token { kDigit, kLetter, kWordChar, kRun, kLiteral };

struct Element {
  Token token;
  char32_t literal;
};

bool is_letter(char32_t cp) {
  return is_word_char(cp) && digit_value(cp) < 0;
}

bool consumes_word_chars(const Element& e) {
  return e.token != Token::kLiteral || is_word_char(e.literal);
}

Element element_for(char32_t cp) {
  switch (cp) {
    case '9':
      return {Token::kDigit, 0};
    case 'A':
      return {Token::kLetter, 0};
    case '?':
      return {Token::kWordChar, 0};
    case '*':
      return {Token::kRun, 0};
    default:
      return {Token::kLiteral, cp};
  }
}

Expected<std::vector<Element>> compile(std::string_view pattern) {
  std::vector<Element> elements;
  bool escaped = false;
  for (std::size_t pos = 0; pos < pattern.size();) {
    char32_t cp = 0;
    const std::size_t len = text::detail::decode_utf8(pattern, pos, cp);
    if (len == 0) return Error{"", "pattern is not valid UTF-8"};
    pos += len;
    if (!escaped && cp == '\\') {
      escaped = true;
      continue;
    }
    elements.push_back(escaped ? Element{Token::kLiteral, cp} : element_for(cp));
    escaped = false;
  }
  if (escaped) return Error{"", "pattern ends with a lone '\\'"};
  if (elements.empty()) return Error{"", "pattern is empty"};
  if (elements.size() > kMaxPatternLength) {
    return Error{"", "pattern is longer than " + std::to_string(kMaxPatternLength) + " characters"};
  }
  for (std::size_t i = 0; i + 1 < elements.size(); ++i) {
    if (elements[i].token == Token::kRun && consumes_word_chars(elements[i + 1])) {
      return Error{"",
                   "'*' takes every letter and digit in a row, so what follows it must be "
                   "neither"};
    }
  }
  return elements;
}

bool matches_one(const Element& e, char32_t cp) {
  switch (e.token) {
    case Token::kDigit:
      return digit_value(cp) >= 0;
    case Token::kLetter:
      return is_letter(cp);
    case Token::kWordChar:
    case Token::kRun:
      return is_word_char(cp);
    case Token::kLiteral:
      return ascii_lower(cp) == ascii_lower(e.literal);
  }
  return false;
}

// '*' never gives characters back, so a match attempt is one left-to-right pass.
std::size_t match_end(const std::vector<Element>& elements, const GlyphText& text,
                      std::size_t start) {
  std::size_t pos = start;
  for (const Element& e : elements) {
    if (pos == text.size() || !matches_one(e, text.at(pos))) return kNoMatch;
    ++pos;
    if (e.token == Token::kRun) {
      while (pos < text.size() && is_word_char(text.at(pos))) ++pos;
    }
  }
  // A match is a whole token: "9999" does not match inside "ORD12345".
  if (consumes_word_chars(elements.back()) && pos < text.size() && is_word_char(text.at(pos))) {
    return kNoMatch;
  }
  return pos;
}

}  // namespace

std::optional<std::string> pattern_problem(std::string_view pattern) {
  const auto compiled = compile(pattern);
  if (compiled) return std::nullopt;
  return compiled.error_text();
}

void find_pattern(const GlyphText& text, std::string_view pattern, const std::string& name,
                  Findings& findings) {
  const auto compiled = compile(pattern);
  if (!compiled) return;
  const std::vector<Element>& elements = *compiled;
  const bool needs_word_start = consumes_word_chars(elements.front());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (needs_word_start && i > 0 && is_word_char(text.at(i - 1))) continue;
    const std::size_t end = match_end(elements, text, i);
    if (end == kNoMatch || !findings.is_free(i, end)) continue;
    findings.add({i, end, name, "[" + name + "]"});
    i = end - 1;
  }
}

}  // namespace tandem::privacy::detail
