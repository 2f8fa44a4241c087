// The Luhn check digit test of payment card numbers, shared by the detail
// extractor (which must not mistake a card for an order number) and redaction
// (which must never let a card through).
#pragma once

#include <cstddef>
#include <string_view>

namespace tandem {

// digit_at(k) is the value (0-9) of the k-th of count digits, most significant first.
template <typename DigitAt>
bool luhn_valid(std::size_t count, DigitAt digit_at) {
  int sum = 0;
  bool doubled = false;
  for (std::size_t k = count; k-- > 0; doubled = !doubled) {
    int v = digit_at(k);
    if (doubled) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 == 0;
}

inline bool luhn_valid(std::string_view ascii_digits) {
  return luhn_valid(ascii_digits.size(), [&](std::size_t k) { return ascii_digits[k] - '0'; });
}

}  // namespace tandem
