// Card security codes: 3-4 digit numbers written near words that name them.
#pragma once

#include "privacy/findings.h"
#include "privacy/glyphs.h"

namespace tandem::privacy::detail {

inline constexpr char kCvvKind[] = "cvv";

// Adds a "[cvv]" span for every free 3-4 digit number at most five words
// from "cvv", "cvc", "security code", "on the back" and the like. Numbers just
// after "ending", "ends" or "last" are the card's last four digits, which the
// bundle is allowed to carry, and are left alone.
void find_cvvs(const GlyphText& text, Findings& findings);

}  // namespace tandem::privacy::detail
