// A fastText-style intent scorer: a message is the TF-IDF-weighted sum of learned
// embeddings of its feature rows, and a softmax layer reads the intent from that
// sum. The low-rank bottleneck shares evidence between related n-grams, so its
// mistakes differ from the linear model's and averaging the two helps (see
// docs/engine.md for the measurements).
#pragma once

#include <cstdint>
#include <vector>

#include "base/binary_codec.h"
#include "nlu/softmax_trainer.h"
#include "nlu/sparse.h"

namespace tandem::nlu {

struct EmbeddingOptions {
  // Feature rows share embeddings modulo this: the table, not the vocabulary,
  // sets the model size, and collisions cost little in a dense embedding.
  uint32_t buckets = 8192;
  // At most this many rows per in-scope training example: the table is most of
  // a small knowledge base's bytes (bench/small_kb_bench.cpp; docs/engine.md).
  // Data sets of 911+ such examples hit `buckets` first and are unchanged. 0 leaves
  // the table at `buckets`.
  float rows_per_example = 9.0f;
  uint32_t dim = 48;
  int epochs = 20;
  float learning_rate = 0.2f;  // decays linearly to zero over the run
  uint64_t seed = 1;
};

class EmbeddingModel {
 public:
  EmbeddingModel() = default;

  // Deterministic for a given seed. labels[i] < classes. The shipped weights are
  // int8 with a scale per row; training ends by quantising them.
  static EmbeddingModel train(const std::vector<SparseVector>& inputs,
                              const std::vector<uint32_t>& labels, size_t classes,
                              const EmbeddingOptions& options, const ProgressFn& progress = {});

  void logits(const SparseVector& x, std::vector<float>& out) const;
  size_t classes() const { return bias_.size(); }
  bool empty() const { return bias_.empty(); }

  void save(BinaryWriter& out) const;
  static EmbeddingModel load(BinaryReader& in);

 private:
  // An int8 matrix with one float scale per row.
  struct QuantisedMatrix {
    size_t rows = 0, cols = 0;
    std::vector<float> scale;
    std::vector<int8_t> values;
  };
  static QuantisedMatrix quantise(const std::vector<float>& weights, size_t rows, size_t cols);
  static void save_matrix(const QuantisedMatrix& m, BinaryWriter& out);
  static QuantisedMatrix load_matrix(BinaryReader& in);

  QuantisedMatrix input_;   // buckets x dim
  QuantisedMatrix output_;  // dim x classes
  std::vector<float> bias_;
};

}  // namespace tandem::nlu
