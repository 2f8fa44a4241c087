#include <cmath>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "nlu/neural_model.h"

namespace tandem::nlu {
namespace {

// Three classes, each told apart by its own two feature rows; every example also
// carries a shared, uninformative row.
struct Task {
  std::vector<SparseVector> inputs;
  std::vector<uint32_t> labels;
};

Task separable_task() {
  Task task;
  for (uint32_t i = 0; i < 60; ++i) {
    const uint32_t label = i % 3;
    const uint32_t own = 10 + 2 * label + (i / 3) % 2;
    task.inputs.push_back({{own, 0.8f}, {1, 0.6f}});
    task.labels.push_back(label);
  }
  return task;
}

NeuralOptions small_options() {
  NeuralOptions options;
  options.buckets = 32;
  options.dim = 8;
  options.hidden = 16;
  options.epochs = 30;
  return options;
}

uint32_t top(const std::vector<float>& logits) {
  return uint32_t(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

// buckets 3, dim 2, hidden 2, classes 2: small enough to compute by hand.
NeuralWeights hand_weights() {
  NeuralWeights w;
  w.buckets = 3, w.dim = 2, w.hidden = 2, w.classes = 2;
  w.table = {1, -2, 3, 4, -5, 6};
  w.table_scale = {0.5f, 0.25f, 2.0f};
  w.w1 = {1.0f, -1.0f, 0.5f, 2.0f};  // row-major dim x hidden
  w.b1 = {0.1f, -0.2f};
  w.w2 = {1.0f, 2.0f, -1.0f, 3.0f};  // hidden x classes
  w.b2 = {0.5f, -0.5f};
  return w;
}

TEST_CASE("the network learns a small separable task", "[nlu][neural]") {
  const Task task = separable_task();
  const NeuralModel model = NeuralModel::train(task.inputs, task.labels, 3, small_options());
  REQUIRE_FALSE(model.empty());
  CHECK(model.weights().table.size() == 32u * 8u);
  std::vector<float> logits;
  for (size_t i = 0; i < task.inputs.size(); ++i) {
    model.logits(model.input(task.inputs[i]), logits);
    REQUIRE(logits.size() == 3);
    CHECK(top(logits) == task.labels[i]);
  }
}

TEST_CASE("training is deterministic for a seed and differs across seeds", "[nlu][neural]") {
  const Task task = separable_task();
  NeuralOptions options = small_options();
  const NeuralModel a = NeuralModel::train(task.inputs, task.labels, 3, options);
  const NeuralModel b = NeuralModel::train(task.inputs, task.labels, 3, options);
  CHECK(a.fingerprint() == b.fingerprint());
  CHECK(a.weights().table == b.weights().table);
  CHECK(a.weights().w2 == b.weights().w2);
  options.seed = 2;
  const NeuralModel c = NeuralModel::train(task.inputs, task.labels, 3, options);
  CHECK(a.fingerprint() != c.fingerprint());
}

TEST_CASE("dropout can be turned off, and changes what is learned", "[nlu][neural]") {
  const Task task = separable_task();
  NeuralOptions plain = small_options();
  plain.input_dropout = 0.0f;
  plain.hidden_dropout = 0.0f;
  const NeuralModel without = NeuralModel::train(task.inputs, task.labels, 3, plain);
  const NeuralModel with = NeuralModel::train(task.inputs, task.labels, 3, small_options());
  CHECK(without.fingerprint() != with.fingerprint());
  std::vector<float> logits;
  for (size_t i = 0; i < task.inputs.size(); ++i) {
    without.logits(without.input(task.inputs[i]), logits);
    CHECK(top(logits) == task.labels[i]);
  }
}

TEST_CASE("training refuses dropout rates outside [0, 1)", "[nlu][neural]") {
  const Task task = separable_task();
  for (float rate : {1.0f, -0.1f, std::numeric_limits<float>::quiet_NaN()}) {
    NeuralOptions options = small_options();
    options.input_dropout = rate;
    CHECK(NeuralModel::train(task.inputs, task.labels, 3, options).empty());
    options = small_options();
    options.hidden_dropout = rate;
    CHECK(NeuralModel::train(task.inputs, task.labels, 3, options).empty());
  }
}

TEST_CASE("input() folds feature rows into the table's buckets", "[nlu][neural]") {
  const Task task = separable_task();
  const NeuralModel model = NeuralModel::train(task.inputs, task.labels, 3, small_options());
  const NeuralInput in = model.input({{5, 0.5f}, {37, 0.25f}, {64, 1.0f}});
  CHECK(in.rows == std::vector<int32_t>{5, 5, 0});
  CHECK(in.weights == std::vector<float>{0.5f, 0.25f, 1.0f});
}

TEST_CASE("logits() computes the exported graph exactly", "[nlu][neural]") {
  bool ok = false;
  const NeuralModel model = NeuralModel::from_weights(hand_weights(), &ok);
  REQUIRE(ok);
  // v = (0.5 * 2) * (1, -2) + (2.0 * 1) * (-5, 6) = (-9, 10)
  // h = relu((-9, 10) W1 + b1) = relu((-9 + 5 + 0.1, 9 + 20 - 0.2)) = (0, 28.8)
  // logits = (0, 28.8) W2 + b2 = (-28.8 + 0.5, 86.4 - 0.5)
  std::vector<float> logits;
  model.logits({{0, 2}, {2.0f, 1.0f}}, logits);
  REQUIRE(logits.size() == 2);
  CHECK(logits[0] == Approx(-28.3f).epsilon(1e-6));
  CHECK(logits[1] == Approx(85.9f).epsilon(1e-6));
  // No terms: h = relu(b1) = (0.1, 0).
  model.logits({}, logits);
  CHECK(logits == std::vector<float>{0.1f * 1.0f + 0.5f, 0.1f * 2.0f - 0.5f});
}

TEST_CASE("from_weights rejects wrong sizes, limits and non-finite values", "[nlu][neural]") {
  bool ok = true;
  NeuralModel::from_weights(hand_weights(), &ok);
  CHECK(ok);
  auto rejected = [](NeuralWeights w) {
    bool good = true;
    const NeuralModel m = NeuralModel::from_weights(std::move(w), &good);
    return !good && m.empty();
  };
  NeuralWeights w = hand_weights();
  w.table.pop_back();
  CHECK(rejected(w));
  w = hand_weights();
  w.table_scale.push_back(1.0f);
  CHECK(rejected(w));
  w = hand_weights();
  w.hidden = 3;
  CHECK(rejected(w));
  w = hand_weights();
  w.b2.pop_back();
  CHECK(rejected(w));
  w = hand_weights();
  w.w1[2] = std::numeric_limits<float>::quiet_NaN();
  CHECK(rejected(w));
  w = hand_weights();
  w.table_scale[1] = std::numeric_limits<float>::infinity();
  CHECK(rejected(w));
  w = hand_weights();
  w.table_scale[1] = -1.0f;
  CHECK(rejected(w));
  CHECK(rejected(NeuralWeights{}));
  w = hand_weights();
  w.buckets = 1u << 30;  // the sizes no longer match, and the table would be too large
  CHECK(rejected(w));
}

TEST_CASE("the fingerprint changes with any one weight and fits a positive int32",
          "[nlu][neural]") {
  bool ok = false;
  const uint32_t base = NeuralModel::from_weights(hand_weights(), &ok).fingerprint();
  REQUIRE(ok);
  CHECK(base > 0u);
  CHECK(base <= 0x7FFFFFFFu);
  NeuralWeights w = hand_weights();
  w.table[3] += 1;
  CHECK(NeuralModel::from_weights(w, &ok).fingerprint() != base);
  w = hand_weights();
  w.b2[1] = std::nextafter(w.b2[1], 1.0f);
  CHECK(NeuralModel::from_weights(w, &ok).fingerprint() != base);
  w = hand_weights();
  w.table_scale[0] *= 2.0f;
  CHECK(NeuralModel::from_weights(w, &ok).fingerprint() != base);
  CHECK(NeuralModel::from_weights(hand_weights(), &ok).fingerprint() == base);
}

TEST_CASE("logits ignore rows outside the table instead of reading past it", "[nlu][neural]") {
  bool ok = false;
  const NeuralModel model = NeuralModel::from_weights(hand_weights(), &ok);
  REQUIRE(ok);
  std::vector<float> with_bad, without;
  model.logits({{0, 3, -1}, {2.0f, 5.0f, 5.0f}}, with_bad);
  model.logits({{0}, {2.0f}}, without);
  CHECK(with_bad == without);
}

}  // namespace
}  // namespace tandem::nlu
