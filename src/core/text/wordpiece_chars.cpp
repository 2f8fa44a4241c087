#include "text/wordpiece_chars.h"

#include <algorithm>
#include <iterator>

namespace tandem::text::detail {
namespace {

struct Range {
  char32_t first, last;
};
struct LowerRun {  // cp in [first, last], every stride-th one, lowers to cp + delta
  char32_t first, last;
  int stride, delta;
};
struct Mapping {
  char32_t from, to;
};

#include "text/wordpiece_tables.inc"

template <size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t cp) {
  const auto it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                                   [](char32_t c, const Range& r) { return c < r.first; });
  return it != std::begin(ranges) && cp <= std::prev(it)->last;
}

}  // namespace

bool is_bert_whitespace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_bert_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xE000 && cp <= 0xF8FF) ||
         in_ranges(kFormatCharacters, cp);
}

bool is_bert_punctuation(char32_t cp) {
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) ||
      (cp >= 123 && cp <= 126)) {
    return true;
  }
  return cp >= 0x80 && in_ranges(kPunctuation, cp);
}

bool is_cjk_ideograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F) ||
         (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

bool is_nonspacing_mark(char32_t cp) {
  return cp >= 0x300 && in_ranges(kNonspacingMarks, cp);
}

char32_t bert_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
  const auto it = std::upper_bound(std::begin(kLowerRuns), std::end(kLowerRuns), cp,
                                   [](char32_t c, const LowerRun& r) { return c < r.first; });
  if (it == std::begin(kLowerRuns)) return cp;
  const LowerRun& run = *std::prev(it);
  if (cp > run.last || (cp - run.first) % run.stride != 0) return cp;
  return static_cast<char32_t>(static_cast<int>(cp) + run.delta);
}

char32_t strip_accent(char32_t cp) {
  const auto it = std::lower_bound(std::begin(kAccentBases), std::end(kAccentBases), cp,
                                   [](const Mapping& m, char32_t c) { return m.from < c; });
  return it != std::end(kAccentBases) && it->from == cp ? it->to : cp;
}

}  // namespace tandem::text::detail
