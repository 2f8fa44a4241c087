// Strict UTF-8 decoding and encoding shared by the text pipeline. Inline because
// every byte of every message goes through decode_utf8().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tandem::text::detail {

// Decodes the code point starting at text[pos] into cp and returns its length in
// bytes, or 0 if the bytes there are not well-formed UTF-8 (stray continuation
// byte, overlong form, surrogate, value above U+10FFFF, or a sequence cut off by
// the end of the text). Callers skip one byte on 0, so whatever follows a broken
// sequence is still decoded. Never reads past text.size().
inline std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& cp) {
  const std::size_t n = text.size();
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned b0 = byte(pos);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len;
  // The first continuation byte has a narrower range after some lead bytes: that
  // is what rules out overlong forms, surrogates and values past U+10FFFF.
  unsigned lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (n - pos < len) return 0;
  const unsigned b1 = byte(pos + 1);
  if (b1 < lo || b1 > hi) return 0;
  char32_t value = (b0 & (0x7Fu >> len)) << 6 | (b1 & 0x3F);
  for (std::size_t i = 2; i < len; ++i) {
    const unsigned b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return 0;
    value = value << 6 | (b & 0x3F);
  }
  cp = value;
  return len;
}

// Appends cp (a valid scalar value) as UTF-8.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace tandem::text::detail
