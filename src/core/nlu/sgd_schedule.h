// The training loop both scorers share: every example once per epoch in a
// seeded order, with a learning rate that decays linearly to zero.
#pragma once

#include <algorithm>
#include <numeric>
#include <vector>

#include "nlu/random.h"
#include "nlu/softmax_trainer.h"

namespace tandem::nlu {

// Calls step(example index, learning rate) for every example of every epoch.
template <typename Step>
void run_sgd(size_t examples, int epochs, float learning_rate, Random& random,
             const ProgressFn& progress, Step&& step) {
  std::vector<uint32_t> order(examples);
  std::iota(order.begin(), order.end(), 0u);
  const double total_steps = double(epochs) * std::max<size_t>(1, examples);
  double done = 0;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    random.shuffle(order);
    for (uint32_t i : order) {
      step(i, learning_rate * float(1.0 - done / total_steps));
      ++done;
    }
    if (progress) progress(float(epoch + 1) / float(epochs));
  }
}

}  // namespace tandem::nlu
