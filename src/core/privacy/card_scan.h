// Payment card numbers: Luhn-valid runs of 13-19 digits in any grouping.
#pragma once

#include "privacy/findings.h"
#include "privacy/glyphs.h"

namespace tandem::privacy::detail {

inline constexpr char kCardKind[] = "card_number";

// Adds a "[card •••• 1234]" span for every card number in text that is still free.
void find_cards(const GlyphText& text, Findings& findings);

}  // namespace tandem::privacy::detail
