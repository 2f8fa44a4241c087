// Training-time rewordings of a knowledge base's own examples: a customer says
// "stop" or "faulty" where the author wrote "cancel" or "broken", so each
// example also trains as a few copies with one content word replaced by a
// synonym from an English lexicon (WordNet, read by the CLI). Nothing here ships.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "nlu/intent_classifier.h"

namespace tandem::nlu {

// A lower-case word -> the words that can stand in for it, best first (multiword
// ones with spaces: "call off").
using SynonymTable = std::unordered_map<std::string, std::vector<std::string>>;

struct AugmentOptions {
  int variants_per_example = 2;
  uint64_t seed = 1;
  bool every_word = false;
};

// What training is handed: the table and how to use it (engine::compile_*
// draws the seed from the classifier's).
struct Lexicon {
  SynonymTable synonyms;
  AugmentOptions augment;
};

// The lower-case words of these texts that a variant may replace: letters only,
// not next to a digit or currency sign, not a stop word. Sorted, unique: what
// a lexicon needs to be looked up for.
std::vector<std::string> replaceable_words(const std::vector<std::string>& texts);

// Up to options.variants_per_example variants of each of texts[0, count), each
// with one replaceable word that the table knows replaced by one of its
// synonyms. Deterministic for a given seed; no variant repeats its source.
std::vector<Variant> synonym_variants(const std::vector<std::string>& texts, size_t count,
                                      const SynonymTable& synonyms, const AugmentOptions& options);

}  // namespace tandem::nlu
