#include "privacy/card_scan.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "base/luhn.h"

namespace tandem::privacy::detail {

namespace {

constexpr std::size_t kMinDigits = 13;
constexpr std::size_t kMaxDigits = 19;
// " - " between groups is a common way to write a card; longer gaps separate
// numbers that have nothing to do with each other.
constexpr std::size_t kMaxSeparatorRun = 3;
constexpr std::size_t kKeptDigits = 4;

struct Group {
  std::size_t begin;        // glyph index
  std::size_t end;          // glyph index, exclusive
  std::size_t first_digit;  // index into Chain::digits
};

// Digit groups joined by short separator runs: "4242 4242-4242 4242".
struct Chain {
  std::vector<Group> groups;
  std::vector<int> digits;

  std::size_t digit_end(std::size_t g) const {
    return groups[g].first_digit + (groups[g].end - groups[g].begin);
  }
};

// Reads the chain that starts with the digit at glyph `start` and returns the
// glyph index just past it.
std::size_t read_chain(const GlyphText& text, std::size_t start, Chain& chain) {
  chain.groups.clear();
  chain.digits.clear();
  std::size_t i = start;
  while (true) {
    Group group{i, i, chain.digits.size()};
    for (; i < text.size() && digit_value(text.at(i)) >= 0; ++i) {
      chain.digits.push_back(digit_value(text.at(i)));
    }
    group.end = i;
    chain.groups.push_back(group);
    std::size_t next = i;
    while (next < text.size() && next - i < kMaxSeparatorRun && is_group_separator(text.at(next))) {
      ++next;
    }
    if (next == i || next == text.size() || digit_value(text.at(next)) < 0) return i;
    i = next;
  }
}

std::string card_mask(const Chain& chain, std::size_t last_group) {
  std::string mask = "[card \u2022\u2022\u2022\u2022 ";
  const std::size_t end = chain.digit_end(last_group);
  for (std::size_t k = end - kKeptDigits; k < end; ++k) {
    mask.push_back(static_cast<char>('0' + chain.digits[k]));
  }
  mask.push_back(']');
  return mask;
}

// Any run of whole groups may be the card: the chain can carry an expiry date,
// a CVV or a reference before or after it. Overlapping Luhn-valid runs are
// masked as one, so no card escapes because a neighbouring run also passed.
void mask_chain(const Chain& chain, Findings& findings) {
  struct Window {
    std::size_t first;
    std::size_t last;
  };
  std::vector<Window> windows;
  for (std::size_t first = 0; first < chain.groups.size(); ++first) {
    const std::size_t begin = chain.groups[first].first_digit;
    for (std::size_t last = first; last < chain.groups.size(); ++last) {
      const std::size_t count = chain.digit_end(last) - begin;
      if (count > kMaxDigits) break;
      if (count >= kMinDigits &&
          luhn_valid(count, [&](std::size_t k) { return chain.digits[begin + k]; }) &&
          findings.is_free(chain.groups[first].begin, chain.groups[last].end)) {
        windows.push_back({first, last});
      }
    }
  }
  for (std::size_t w = 0; w < windows.size();) {
    Window merged = windows[w];
    for (++w; w < windows.size() && windows[w].first <= merged.last; ++w) {
      merged.last = std::max(merged.last, windows[w].last);
    }
    findings.add({chain.groups[merged.first].begin, chain.groups[merged.last].end, kCardKind,
                  card_mask(chain, merged.last)});
  }
}

}  // namespace

void find_cards(const GlyphText& text, Findings& findings) {
  Chain chain;
  for (std::size_t i = 0; i < text.size();) {
    if (digit_value(text.at(i)) < 0) {
      ++i;
      continue;
    }
    i = read_chain(text, i, chain);
    mask_chain(chain, findings);
  }
}

}  // namespace tandem::privacy::detail
