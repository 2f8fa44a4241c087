// International bank account numbers, checked with ISO 13616's mod-97.
#pragma once

#include "privacy/findings.h"
#include "privacy/glyphs.h"

namespace tandem::privacy::detail {

inline constexpr char kIbanKind[] = "iban";

// Adds an "[iban GB•• •••• 5432]" span (country and last four kept, length
// hidden) for every IBAN in text that is still free.
void find_ibans(const GlyphText& text, Findings& findings);

}  // namespace tandem::privacy::detail
