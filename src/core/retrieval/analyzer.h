// Turns text into the two hashed views the FAQ index compares: light-stemmed
// content words (for BM25) and character trigrams of those words (for typos).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::retrieval {

struct AnalyzedText {
  std::vector<uint32_t> terms;  // sorted word hashes; a repeat is a repeated word
  std::vector<uint32_t> grams;  // sorted character-trigram hashes, repeats likewise
};

// Normalises and tokenises the text, drops function words (unless nothing else
// is left) and stems the rest so "refunds", "refunded" and "refund" meet.
AnalyzedText analyze(std::string_view utf8);

// Strips common English suffixes by a few rules; not a linguistic stemmer, only
// consistent, so inflections of one word share a form.
std::string light_stem(std::string_view word);

// FNV-1a, 32-bit: deterministic on every platform, so saved hashes stay valid.
uint32_t fnv1a(std::string_view bytes);

}  // namespace tandem::retrieval
