// The text that redaction scans: valid UTF-8 plus one entry per code point, so
// that scanners can treat a no-break space or a fullwidth digit like its ASCII
// cousin and every cut they make falls on a code point boundary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::privacy::detail {

struct Glyph {
  char32_t cp;
  std::size_t byte;  // offset in GlyphText::utf8
};

struct GlyphText {
  std::string utf8;  // the input with each ill-formed byte replaced by U+FFFD
  std::vector<Glyph> glyphs;

  std::size_t size() const { return glyphs.size(); }
  char32_t at(std::size_t i) const { return glyphs[i].cp; }
  // Byte offset where glyph i starts; i == size() gives the end of the text.
  std::size_t byte(std::size_t i) const { return i < glyphs.size() ? glyphs[i].byte : utf8.size(); }
};

GlyphText decode_glyphs(std::string_view text);

// 0-9 for ASCII and fullwidth digits (what a Japanese or Chinese IME types),
// -1 for anything else.
int digit_value(char32_t cp);
bool is_ascii_letter(char32_t cp);
bool is_ascii_alnum(char32_t cp);
char32_t ascii_lower(char32_t cp);
// Part of a word: digits, ASCII letters, and any non-ASCII code point that is
// not a space, punctuation or U+FFFD.
bool is_word_char(char32_t cp);
// Spaces (including no-break and thin ones) and tabs.
bool is_space(char32_t cp);
// What people put between the digit groups of a card number: spaces, hyphens
// and dashes of every kind, and dots.
bool is_group_separator(char32_t cp);

}  // namespace tandem::privacy::detail
