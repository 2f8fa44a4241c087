// An inverted index over hashed terms: for each term, the documents holding it
// with a precomputed weight, so a query only touches the documents it shares
// terms with.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace tandem::retrieval {

class Postings {
 public:
  struct Entry {
    uint32_t doc;
    float weight;
  };
  struct Term {
    float idf = 0.0f;
    const Entry* begin = nullptr;
    const Entry* end = nullptr;
  };
  // Gives an entry's weight from the term's frequency in the document and its IDF.
  using WeightFn = std::function<float(uint32_t doc, uint32_t tf, float idf)>;

  Postings() = default;
  // docs[d] holds document d's sorted term hashes, a repeat meaning a higher frequency.
  Postings(const std::vector<std::vector<uint32_t>>& docs, const WeightFn& weight);

  // BM25's IDF, always positive; a term absent from every document gets the largest.
  static float idf(uint32_t doc_count, uint32_t doc_freq);

  // The term's postings, or an empty range with the absent-term IDF.
  Term find(uint32_t term) const;
  float unseen_idf() const { return unseen_idf_; }

  // Per document, the sum of its entries' weights (squared if asked): self-scores and norms.
  std::vector<float> doc_totals(bool squared) const;
  // Multiplies every entry of document d by factors[d].
  void scale_docs(const std::vector<float>& factors);

 private:
  std::vector<uint32_t> keys_;    // sorted term hashes
  std::vector<uint32_t> starts_;  // entries of keys_[i]: [starts_[i], starts_[i + 1])
  std::vector<float> idfs_;
  std::vector<Entry> entries_;
  uint32_t doc_count_ = 0;
  float unseen_idf_ = 0.0f;
};

}  // namespace tandem::retrieval
