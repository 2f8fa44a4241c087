#include "nlu/softmax_trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "nlu/random.h"
#include "nlu/sgd_schedule.h"

namespace tandem::nlu {
namespace {
// The weights are kept as scale x stored so that L2 decay of every weight is one
// multiplication per step; the stored values are folded back before the scale
// underflows.
constexpr float kMinScale = 1e-4f;

void fold_scale(DenseLinearModel& model, float& scale) {
  for (auto& w : model.weights) w *= scale;
  scale = 1.0f;
}
}  // namespace

void softmax(std::vector<float>& logits) {
  if (logits.empty()) return;
  const float top = *std::max_element(logits.begin(), logits.end());
  float sum = 0.0f;
  for (auto& v : logits) sum += (v = std::exp(v - top));
  for (auto& v : logits) v /= sum;
}

DenseLinearModel train_softmax(const std::vector<SparseVector>& inputs,
                               const std::vector<uint32_t>& labels, size_t rows, size_t classes,
                               const SoftmaxOptions& options, const ProgressFn& progress) {
  DenseLinearModel model;
  model.rows = rows;
  model.classes = classes;
  model.weights.assign(rows * classes, 0.0f);
  model.bias.assign(classes, 0.0f);

  Random random(options.seed);
  std::vector<float> p(classes);
  float scale = 1.0f;
  run_sgd(inputs.size(), options.epochs, options.learning_rate, random, progress,
          [&](uint32_t i, float lr) {
            const SparseVector& x = inputs[i];
            p.assign(model.bias.begin(), model.bias.end());
            for (const auto& t : x) {
              const float v = t.value * scale;
              const float* w = &model.weights[size_t{t.row} * classes];
              for (size_t c = 0; c < classes; ++c) p[c] += v * w[c];
            }
            softmax(p);
            p[labels[i]] -= 1.0f;  // p is now the gradient of the loss w.r.t. the logits

            scale *= 1.0f - lr * options.l2;
            if (scale < kMinScale) fold_scale(model, scale);
            const float step_size = lr / scale;
            for (const auto& t : x) {
              float* w = &model.weights[size_t{t.row} * classes];
              const float g = step_size * t.value;
              for (size_t c = 0; c < classes; ++c) w[c] -= g * p[c];
            }
            for (size_t c = 0; c < classes; ++c) model.bias[c] -= lr * p[c];
          });
  fold_scale(model, scale);
  return model;
}

}  // namespace tandem::nlu
