// Reads WordNet 3.0's database files (Debian's wordnet-base puts them in
// /usr/share/wordnet) into the synonym table the core's training-time
// augmentation takes (nlu/augment.h). Only training reads it; nothing ships.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "nlu/augment.h"

namespace tandem::cli {

constexpr const char* kDefaultWordnetDir = "/usr/share/wordnet";

struct WordnetOptions {
  // A word with more senses than this in its part of speech is left alone: the
  // fewer its senses, the likelier its first sense is the one meant.
  int max_senses = 3;
  size_t max_synonyms = 3;  // per word, from its first sense, in WordNet's order
};

// For each of `words` (lower case) that WordNet lists: the other lemmas of the
// first sense of its part of speech with the most sense-tagged uses (ties:
// noun, verb, adjective, adverb), "call_off" as "call off", capitalised ones
// (names) left out. A missing or unreadable file is an error naming it.
Expected<nlu::SynonymTable> read_wordnet(const std::string& dir,
                                         const std::vector<std::string>& words,
                                         const WordnetOptions& options = {});

}  // namespace tandem::cli
