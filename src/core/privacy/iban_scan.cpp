#include "privacy/iban_scan.h"

#include <cstddef>
#include <string>

namespace tandem::privacy::detail {

namespace {

constexpr std::size_t kMinLength = 15;  // Norway
constexpr std::size_t kMaxLength = 34;
constexpr std::size_t kKeptChars = 4;

// Letters count 10-35 whatever their case: people type IBANs in lower case too.
int alnum_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  return static_cast<int>(ascii_lower(cp) - 'a') + 10;
}

int mod97_push(int remainder, char32_t cp) {
  const int v = alnum_value(cp);
  return (remainder * (v >= 10 ? 100 : 10) + v) % 97;
}

char upper(char32_t cp) {
  return static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - 32 : cp);
}

bool starts_iban(const GlyphText& text, std::size_t i) {
  if (i + 4 > text.size()) return false;
  if (i > 0 && is_word_char(text.at(i - 1))) return false;
  return is_ascii_letter(text.at(i)) && is_ascii_letter(text.at(i + 1)) && text.at(i + 2) >= '0' &&
         text.at(i + 2) <= '9' && text.at(i + 3) >= '0' && text.at(i + 3) <= '9';
}

// Returns the glyph index just past the longest IBAN starting at i, or i if none.
// The check digits move to the end before mod-97, so the remainder of the
// account part is kept as it grows and each possible end costs four steps.
std::size_t iban_end(const GlyphText& text, std::size_t i) {
  int account_remainder = 0;
  std::size_t length = 4;
  std::size_t best = i;
  std::size_t pos = i + 4;
  while (true) {
    for (; pos < text.size() && is_ascii_alnum(text.at(pos)) && length < kMaxLength; ++pos) {
      account_remainder = mod97_push(account_remainder, text.at(pos));
      ++length;
    }
    if (pos < text.size() && is_word_char(text.at(pos))) return best;
    if (length >= kMinLength) {
      int r = account_remainder;
      for (std::size_t k = i; k < i + 4; ++k) r = mod97_push(r, text.at(k));
      if (r == 1) best = pos;
    }
    // Groups are separated by single spaces ("GB82 WEST 1234 ...").
    if (pos + 1 >= text.size() || !is_space(text.at(pos)) || !is_ascii_alnum(text.at(pos + 1))) {
      return best;
    }
    ++pos;
  }
}

std::string iban_mask(const GlyphText& text, std::size_t begin, std::size_t end) {
  std::string last;
  for (std::size_t k = end; k-- > begin && last.size() < kKeptChars;) {
    if (is_ascii_alnum(text.at(k))) last.insert(last.begin(), upper(text.at(k)));
  }
  std::string mask = "[iban ";
  mask += upper(text.at(begin));
  mask += upper(text.at(begin + 1));
  mask += "\u2022\u2022 \u2022\u2022\u2022\u2022 ";
  mask += last;
  mask += ']';
  return mask;
}

}  // namespace

void find_ibans(const GlyphText& text, Findings& findings) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts_iban(text, i)) continue;
    const std::size_t end = iban_end(text, i);
    if (end == i || !findings.is_free(i, end)) continue;
    findings.add({i, end, kIbanKind, iban_mask(text, i, end)});
    i = end - 1;
  }
}

}  // namespace tandem::privacy::detail
