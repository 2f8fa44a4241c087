#include "privacy/glyphs.h"

#include "text/utf8.h"

namespace tandem::privacy::detail {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_dash(char32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 ||
         cp == 0xFF0D;
}

}  // namespace

GlyphText decode_glyphs(std::string_view text) {
  GlyphText out;
  out.utf8.reserve(text.size());
  out.glyphs.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = 0;
    std::size_t len = text::detail::decode_utf8(text, pos, cp);
    if (len == 0) {
      // One replacement per bad byte: the same input always gives the same
      // output, and no byte of a broken sequence can glue onto its neighbours.
      cp = kReplacement;
      len = 1;
    }
    out.glyphs.push_back({cp, out.utf8.size()});
    text::detail::append_utf8(out.utf8, cp);
    pos += len;
  }
  return out;
}

int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);
  return -1;
}

bool is_ascii_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

bool is_ascii_alnum(char32_t cp) {
  return is_ascii_letter(cp) || (cp >= '0' && cp <= '9');
}

char32_t ascii_lower(char32_t cp) {
  return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return is_ascii_alnum(cp);
  if (digit_value(cp) >= 0) return true;
  const bool latin1_symbol = cp >= 0x80 && cp <= 0xBF;
  const bool punctuation = (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
                           (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F);
  return !latin1_symbol && !punctuation && cp != 0xD7 && cp != 0xF7 && cp != kReplacement &&
         cp != 0xFEFF;
}

bool is_group_separator(char32_t cp) {
  return is_space(cp) || is_dash(cp) || cp == '.';
}

}  // namespace tandem::privacy::detail
