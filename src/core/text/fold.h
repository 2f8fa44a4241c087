// Per-code-point folding behind normalize(): case, diacritics, look-alike
// punctuation and invisible characters.
#pragma once

#include <array>

namespace tandem::text::detail {

// What one code point becomes in normalised text.
struct Folded {
  char32_t cp;       // replacement code point when text is null; 0 = drop, ' ' = white space
  const char* text;  // several ASCII characters ("ss", "ae", "...") replacing cp
};

// ASCII needs no switch: lower case, white space to ' ', controls to 0 (drop).
constexpr std::array<char, 128> make_ascii_fold() {
  std::array<char, 128> table{};
  for (int c = 0x20; c < 0x7F; ++c) table[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<char>(c - 'A' + 'a');
  for (int c = 0x09; c <= 0x0D; ++c) table[c] = ' ';
  return table;
}
inline constexpr std::array<char, 128> kAsciiFold = make_ascii_fold();

// Folds a code point at or above U+0080.
Folded fold_non_ascii(char32_t cp);

}  // namespace tandem::text::detail
