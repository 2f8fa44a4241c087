// Text normalisation: the first step of every message's path.
#pragma once

#include <string>
#include <string_view>

namespace tandem::text {

// Folds a UTF-8 message into the canonical form that features are computed on:
// lower case (including non-ASCII Latin, Greek and Cyrillic letters), Latin
// diacritics removed ("café" -> "cafe", "straße" -> "strasse"), curly quotes and
// dashes mapped to ASCII, runs of white space collapsed. Invalid UTF-8 bytes are
// dropped, never trusted.
std::string normalize(std::string_view utf8);

}  // namespace tandem::text
