#include "dialogue/detail_scan.h"

#include <algorithm>

#include "text/utf8.h"

namespace tandem::dialogue::detail {
namespace {

enum class CharClass { kSpace, kBreak, kLetter, kDigit, kSymbol };

// Without Unicode property tables, non-ASCII code points are letters unless they
// fall in a block of punctuation, symbols or emoji.
CharClass classify(char32_t cp) {
  if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
      cp == 0x2029) {
    return CharClass::kBreak;
  }
  if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
      cp == 0x202F || cp == 0x205F || cp == 0x3000) {
    return CharClass::kSpace;
  }
  if (cp >= '0' && cp <= '9') return CharClass::kDigit;
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) return CharClass::kSymbol;
  const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) ||  // punctuation, currency, arrows
                      (cp >= 0x2E00 && cp <= 0x2E7F) ||  // supplemental punctuation
                      (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation
                      (cp >= 0xE000 && cp <= 0xF8FF) ||  // private use
                      (cp >= 0xFE10 && cp <= 0xFE6F) ||  // vertical, small forms
                      (cp >= 0xFF00 && cp <= 0xFF65) ||  // fullwidth punctuation
                      (cp >= 0x1F000 && cp <= 0x1FAFF);  // emoji and pictographs
  return symbol ? CharClass::kSymbol : CharClass::kLetter;
}

struct Char {
  char32_t cp;
  std::size_t length;
  CharClass cls;
};

Char char_at(std::string_view s, std::size_t pos) {
  char32_t cp = 0;
  const std::size_t length = text::detail::decode_utf8(s, pos, cp);
  if (length == 0) return {0xFFFD, 1, CharClass::kSymbol};
  return {cp, length, classify(cp)};
}

// Punctuation that joins digits into one run: "3.12", "12/03", "10:30", "1,299".
bool is_joiner(char32_t cp) {
  return cp == '-' || cp == '/' || cp == '.' || cp == ':' || cp == ',';
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string to_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

Scan::Scan(std::string_view message, const DetailContext& context)
    : message_(message), context_(context) {
  Gap gap = Gap::kNone;
  std::size_t pos = 0;
  while (pos < message.size()) {
    const Char c = char_at(message, pos);
    if (c.cls == CharClass::kSpace || c.cls == CharClass::kBreak) {
      gap = c.cls == CharClass::kBreak ? Gap::kBreak : std::max(gap, Gap::kSpace);
      pos += c.length;
      continue;
    }
    Token token{TokenKind::kSymbol, gap, pos, pos + c.length, c.cp};
    if (c.cls == CharClass::kLetter || c.cls == CharClass::kDigit) {
      token.kind = c.cls == CharClass::kDigit ? TokenKind::kNumber : TokenKind::kWord;
      token.symbol = 0;
      Char next = c;
      while (token.end < message.size() && (next = char_at(message, token.end)).cls == c.cls) {
        token.end += next.length;
      }
    }
    tokens_.push_back(token);
    pos = token.end;
    gap = Gap::kNone;
  }
  claimed_.assign(tokens_.size(), false);
}

std::string_view Scan::text(std::size_t first, std::size_t last) const {
  return message_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin);
}

bool Scan::number(std::size_t i, std::size_t min_digits, std::size_t max_digits) const {
  if (!number(i)) return false;
  const std::size_t digits = tokens_[i].end - tokens_[i].begin;
  return digits >= min_digits && digits <= max_digits;
}

bool Scan::word_in(std::size_t i, std::initializer_list<std::string_view> lower_literals) const {
  if (!word(i)) return false;
  const std::string_view t = text(i);
  return std::any_of(lower_literals.begin(), lower_literals.end(),
                     [&](std::string_view w) { return equals_lower(t, w); });
}

bool Scan::symbol(std::size_t i, char32_t cp) const {
  return is(i, TokenKind::kSymbol) && tokens_[i].symbol == cp;
}

bool Scan::glued(std::size_t i) const {
  return i > 0 && i < tokens_.size() && tokens_[i].gap == Gap::kNone;
}

bool Scan::glued_alnum_before(std::size_t i) const {
  return glued(i) && tokens_[i - 1].kind != TokenKind::kSymbol;
}

bool Scan::glued_alnum_after(std::size_t i) const {
  return glued(i + 1) && tokens_[i + 1].kind != TokenKind::kSymbol;
}

bool Scan::isolated_start(std::size_t i) const {
  if (!glued(i)) return true;
  const Token& before = tokens_[i - 1];
  if (before.kind != TokenKind::kSymbol) return false;
  return !(is_joiner(before.symbol) && glued_alnum_before(i - 1));
}

bool Scan::isolated_end(std::size_t i) const {
  if (!glued(i + 1)) return true;
  const Token& after = tokens_[i + 1];
  if (after.kind != TokenKind::kSymbol) return false;
  return !(is_joiner(after.symbol) && glued_alnum_after(i + 1));
}

int Scan::small_number(std::size_t i) const {
  if (!number(i, 1, 4)) return -1;
  int value = 0;
  for (const char c : text(i)) value = value * 10 + (c - '0');
  return value;
}

void Scan::claim(std::size_t first, std::size_t last) {
  for (std::size_t i = first; i <= last && i < claimed_.size(); ++i) claimed_[i] = true;
}

void Scan::emit(DetailType type, std::string value, std::size_t first, std::size_t last) {
  claim(first, last);
  if (details_.size() >= kMaxDetailsPerMessage) return;
  const std::size_t begin = tokens_[first].begin;
  const std::size_t end = tokens_[last].end;
  details_.push_back(
      {type, std::move(value), std::string(message_.substr(begin, end - begin)), begin, end});
}

void Scan::emit_bytes(DetailType type, std::string value, std::size_t begin, std::size_t end) {
  const auto first = std::upper_bound(tokens_.begin(), tokens_.end(), begin,
                                      [](std::size_t b, const Token& t) { return b < t.end; });
  std::size_t i = static_cast<std::size_t>(first - tokens_.begin());
  for (; i < tokens_.size() && tokens_[i].begin < end; ++i) claimed_[i] = true;
  if (details_.size() >= kMaxDetailsPerMessage) return;
  details_.push_back(
      {type, std::move(value), std::string(message_.substr(begin, end - begin)), begin, end});
}

std::vector<Detail> Scan::take_details() {
  std::stable_sort(details_.begin(), details_.end(),
                   [](const Detail& a, const Detail& b) { return a.begin < b.begin; });
  return std::move(details_);
}

}  // namespace tandem::dialogue::detail
