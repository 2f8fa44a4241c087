// A third intent scorer for small knowledge bases: how close a message is to
// each intent's own training examples (the mean cosine of its nearest ones over
// the same TF-IDF vectors), as FAQ-style retrieval does. With a few examples an
// intent is a handful of wordings rather than a region, and a message that
// repeats one of them should win even where the linear model's weights, spread
// over every n-gram, do not say so (see docs/engine.md for the measurements).
#pragma once

#include <cstdint>
#include <vector>

#include "base/binary_codec.h"
#include "nlu/sparse.h"

namespace tandem::nlu {

struct RetrievalOptions {
  // Only knowledge bases of at most this many in-scope examples keep them: the
  // stored vectors cost bytes and time linear in the examples.
  size_t max_examples = 800;
  int neighbours = 2;  // an intent's score is the mean of its top `neighbours` cosines
};

class ExampleRetrieval {
 public:
  ExampleRetrieval() = default;

  // Keeps the examples of labels < intents (empty beyond options.max_examples).
  // Values are quantised to a byte here, so training scores what ships.
  static ExampleRetrieval build(const std::vector<SparseVector>& inputs,
                                const std::vector<uint32_t>& labels, size_t intents, size_t classes,
                                const RetrievalOptions& options);

  bool empty() const { return examples_ == 0; }
  size_t classes() const { return classes_; }
  // One score per class, 20 x the cosine; classes without examples (the
  // out-of-scope one) get `unmatched`, the score below which the scorer votes
  // for declining.
  void logits(const SparseVector& x, std::vector<float>& out) const;
  float unmatched() const { return unmatched_; }
  void set_unmatched(float score) { unmatched_ = score; }

  // Feature rows the postings cover (at most the vectoriser's).
  size_t rows() const { return postings_.size(); }

  void save(BinaryWriter& out) const;
  static ExampleRetrieval load(BinaryReader& in);

 private:
  struct Posting {
    uint32_t example;
    uint8_t value;  // the example's TF-IDF value x 255
  };

  size_t classes_ = 0;
  int neighbours_ = 1;
  float unmatched_ = -1.0f;  // below any cosine until fitted (fit_retrieval_fusion)
  uint32_t examples_ = 0;
  std::vector<uint32_t> label_;                 // per example
  std::vector<std::vector<Posting>> postings_;  // per feature row
};

}  // namespace tandem::nlu
