// Card numbers: full ones are claimed so nothing else reads their digits, and
// never returned; the last four digits are, when a cue or a mask says so
// ("card ending in 4242", "last 4: 4242", "**** 4242").
#include <optional>
#include <string>

#include "base/luhn.h"
#include "dialogue/detail_scan.h"

namespace tandem::dialogue::detail {
namespace {

constexpr std::size_t kMinCardDigits = 13;
constexpr std::size_t kMaxCardDigits = 19;
constexpr std::size_t kMaxCueFillers = 5;

// Digit groups joined by spaces or dashes start at the first group only, and
// never right after a "+" (that is a phone number).
bool starts_digit_groups(const Scan& s, std::size_t i) {
  if (!s.number(i) || !s.isolated_start(i)) return false;
  if (s.token(i).gap == Gap::kSpace && s.number(i - 1)) return false;
  return !(s.glued(i) && s.token(i - 1).symbol == '+');
}

// The last token of a card number starting at i: Luhn-valid, or written in
// groups of four the way cards are, which a mistyped digit does not change.
std::optional<std::size_t> card_number_end(const Scan& s, std::size_t i) {
  if (!starts_digit_groups(s, i)) return std::nullopt;
  std::string digits;
  std::size_t last = i;
  std::size_t groups = 0;
  bool fours = true;  // every group so far has four digits
  for (;;) {
    const std::string_view group = s.text(last);
    if (digits.size() + group.size() > kMaxCardDigits) return std::nullopt;
    if (groups > 0 && digits.size() != 4 * groups) fours = false;
    digits += group;
    ++groups;
    if (s.number(last + 1) && s.token(last + 1).gap == Gap::kSpace) {
      last += 1;
    } else if (s.symbol(last + 1, '-') && s.glued(last + 1) && s.number(last + 2) &&
               s.glued(last + 2)) {
      last += 2;
    } else {
      break;
    }
  }
  const bool card_shaped = groups >= 4 && fours;  // the last group may be shorter
  const bool card = digits.size() >= kMinCardDigits && s.isolated_end(last) &&
                    (card_shaped || luhn_valid(digits));
  if (!card) return std::nullopt;
  return last;
}

// The token after "ending in", "ends with", "last four digits of my card are"...
// or 0 if no cue starts at i.
std::size_t after_cue(const Scan& s, std::size_t i) {
  std::size_t j = 0;
  if (s.word_in(i, {"ending", "ends", "ended"})) {
    j = i + 1;
  } else if (s.word(i, "last")) {
    if (s.word(i + 1, "four") || (s.number(i + 1) && s.text(i + 1) == "4")) {
      j = i + 2;
    } else if (s.word_in(i + 1, {"digits", "numbers"})) {
      j = i + 1;
    }
  }
  if (j == 0) return 0;
  for (std::size_t n = 0; n < kMaxCueFillers; ++n, ++j) {
    const bool filler =
        s.word_in(j, {"in",   "with", "on",   "digits", "digit",  "numbers", "number", "of",
                      "my",   "the",  "your", "card",   "credit", "debit",   "visa",   "mastercard",
                      "amex", "is",   "are",  "was",    "were",   "being"}) ||
        s.symbol(j, ':') || s.symbol(j, '-') || s.symbol(j, '#') || s.symbol(j, '=');
    if (!filler) break;
  }
  return j;
}

bool is_mask(const Scan& s, std::size_t i) {
  if (s.symbol(i, '*') || s.symbol(i, 0x2022)) return true;  // "*", "•"
  if (!s.word(i)) return false;
  for (const char c : s.text(i)) {
    if (c != 'x' && c != 'X') return false;
  }
  return true;
}

bool last4_at(const Scan& s, std::size_t i) {
  return s.number(i, 4, 4) && s.token(i).gap != Gap::kBreak && !s.glued_alnum_before(i) &&
         s.isolated_end(i);
}

}  // namespace

void find_card_numbers(Scan& scan) {
  for (std::size_t i = 0; i < scan.size(); ++i) {
    if (const auto last = card_number_end(scan, i)) {
      scan.claim(i, *last);
      i = *last;
    }
  }
}

void find_card_last4(Scan& scan) {
  for (std::size_t i = 0; i < scan.size(); ++i) {
    if (is_mask(scan, i)) {
      // One pass over the whole mask keeps "****...****" linear.
      std::size_t masked = 0, j = i;
      for (; is_mask(scan, j) || scan.symbol(j, '-'); ++j) {
        if (is_mask(scan, j)) masked += scan.word(j) ? scan.text(j).size() : 1;
      }
      if (masked >= 2 && last4_at(scan, j)) {
        scan.emit(DetailType::kCardLast4, std::string(scan.text(j)), j, j);
      }
      i = j - 1;
      continue;
    }
    const std::size_t j = after_cue(scan, i);
    if (j != 0 && last4_at(scan, j)) {
      scan.emit(DetailType::kCardLast4, std::string(scan.text(j)), j, j);
      i = j;
    }
  }
}

}  // namespace tandem::dialogue::detail
