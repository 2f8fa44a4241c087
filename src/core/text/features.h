// Hashed sparse features: word n-grams and character n-grams of a message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::text {

struct FeatureConfig {
  uint32_t hash_bits = 18;  // feature space of 2^hash_bits buckets
  int word_ngrams = 2;      // 1 = unigrams only, 2 = + bigrams, ...
  int char_min = 3;         // character n-grams of each word with boundary marks,
  int char_max = 5;         // "<refund>" -> "<re", "ref", ..., "nd>"
  uint32_t seed = 0x7A4D3E1u;
};

// A bucket and how often it occurs in the message.
struct Feature {
  uint32_t index;
  float count;
};

// Normalises and tokenises text, then hashes its n-grams. Word and character
// n-grams live in separate hash namespaces. The result is sorted by index, one
// entry per bucket. Deterministic across platforms (native and WASM).
std::vector<Feature> extract_features(std::string_view utf8, const FeatureConfig& config);

// The hashing step alone, for a caller that reads the tokens first: word
// n-grams over `word_forms` (feature_form of each token, or the caller's own
// forms), character n-grams of each of `char_words`.
std::vector<Feature> hash_features(const std::vector<std::string>& word_forms,
                                   const std::vector<std::string_view>& char_words,
                                   const FeatureConfig& config);

}  // namespace tandem::text
