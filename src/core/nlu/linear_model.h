// Multinomial logistic regression over sparse vectors: the intent scorer.
#pragma once

#include <cstdint>
#include <vector>

#include "base/binary_codec.h"
#include "nlu/sparse.h"

namespace tandem::nlu {

// Full-precision weights, as training produces them.
struct DenseLinearModel {
  size_t rows = 0;
  size_t classes = 0;
  std::vector<float> weights;  // rows x classes, row-major
  std::vector<float> bias;     // classes

  void logits(const SparseVector& x, std::vector<float>& out) const;
};

// The shipped form: per row, only the weights that matter, as int8 with a
// per-row scale. Pruning and quantisation shrink the model about 20x at a cost
// in accuracy that the trainer measures (see docs/engine.md).
class CompactLinearModel {
 public:
  CompactLinearModel() = default;
  // Keeps, in each row, the weights whose magnitude is at least
  // prune_ratio x the row's largest magnitude.
  static CompactLinearModel compress(const DenseLinearModel& dense, float prune_ratio);

  void logits(const SparseVector& x, std::vector<float>& out) const;
  size_t classes() const { return bias_.size(); }
  size_t rows() const { return row_scale_.size(); }
  size_t entries() const { return entry_class_.size(); }

  void save(BinaryWriter& out) const;
  static CompactLinearModel load(BinaryReader& in);

 private:
  std::vector<float> bias_;
  std::vector<float> row_scale_;
  std::vector<uint32_t> row_start_;  // rows + 1 offsets into the entry arrays
  std::vector<uint16_t> entry_class_;
  std::vector<int8_t> entry_weight_;
};

}  // namespace tandem::nlu
