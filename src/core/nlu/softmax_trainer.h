// Trains multinomial logistic regression by stochastic gradient descent.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "nlu/linear_model.h"

namespace tandem::nlu {

struct SoftmaxOptions {
  int epochs = 12;
  float learning_rate = 1.0f;  // decays linearly to zero over the run
  float l2 = 1e-5f;            // per-example L2 penalty on the weights
  uint64_t seed = 1;
};

// fraction_done in [0, 1], called once per epoch.
using ProgressFn = std::function<void(float fraction_done)>;

// Deterministic for a given seed. labels[i] < classes; rows bounds every Term.
DenseLinearModel train_softmax(const std::vector<SparseVector>& inputs,
                               const std::vector<uint32_t>& labels, size_t rows, size_t classes,
                               const SoftmaxOptions& options, const ProgressFn& progress = {});

// Numerically stable in-place softmax; returns nothing so callers keep buffers.
void softmax(std::vector<float>& logits);

}  // namespace tandem::nlu
