// Ranks FAQs for a message. FAQs have one or a few phrasings each, too few to
// train a classifier on, so they are matched by similarity instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/binary_codec.h"
#include "retrieval/postings.h"

namespace tandem::retrieval {

struct FaqMatch {
  uint32_t faq;  // index into the list the index was built from
  float score;   // similarity in [0, 1]; 1 = the message is one of the phrasings
};

class FaqIndex {
 public:
  FaqIndex() = default;
  static FaqIndex build(const std::vector<std::vector<std::string>>& questions_per_faq);

  // The k best FAQs, best first, each scored by its best-matching phrasing.
  std::vector<FaqMatch> rank(std::string_view message, size_t k) const;
  size_t size() const;

  void save(BinaryWriter& out) const;
  // Reads what save() wrote; on failure the reader holds the error.
  static FaqIndex load(BinaryReader& in);

 private:
  // Each phrasing is a document; kept as given because load() rebuilds from them,
  // which is fast and keeps the file independent of the scoring internals.
  std::vector<std::vector<std::string>> questions_;
  std::vector<uint32_t> doc_faq_;  // document -> FAQ
  std::vector<float> doc_self_;    // BM25 of each document against itself
  float avg_doc_len_ = 1.0f;
  Postings words_;  // BM25 contributions of stemmed words
  Postings grams_;  // character trigrams, TF-IDF weights divided by the document's norm
};

}  // namespace tandem::retrieval
