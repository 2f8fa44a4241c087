// The trained neural scorer: an embedding bag over the message's weighted
// feature buckets, one hidden ReLU layer, and a softmax layer. It ships as
// model.onnx for ONNX Runtime Web (src/onnx writes it); logits() computes
// exactly that graph in float32 so native evaluation and the browser agree.
#pragma once

#include <cstdint>
#include <vector>

#include "nlu/neural_scores.h"
#include "nlu/softmax_trainer.h"
#include "nlu/sparse.h"

namespace tandem::nlu {

struct NeuralOptions {
  bool enabled = false;  // train it at all (`tandem train --neural`)
  uint32_t buckets = 16384;
  uint32_t dim = 64;
  uint32_t hidden = 128;
  // Dropout needs more passes than plain SGD to converge (16 undertrain it).
  int epochs = 24;
  // Decays linearly to zero over the run; 0.2 diverges on BANKING77, 0.02-0.05
  // train equally well (docs/engine.md).
  float learning_rate = 0.04f;
  uint64_t seed = 1;
  // Training-time dropout, each in [0, 1): of every feature term and of every
  // hidden unit, afresh for each example and epoch. Without it the network
  // learns the n-grams the lexical models already rely on and its fused vote
  // adds nothing; with it, it must spread its evidence (docs/engine.md).
  float input_dropout = 0.5f;
  float hidden_dropout = 0.5f;
};

// The largest table a model file may ask for (a bound on what a browser tab must spare).
inline constexpr uint32_t kMaxNeuralBuckets = 1u << 22;

// The network's parameters in the layout of the ONNX graph.
struct NeuralWeights {
  uint32_t buckets = 0, dim = 0, hidden = 0, classes = 0;
  std::vector<int8_t> table;       // buckets x dim, int8
  std::vector<float> table_scale;  // buckets: one scale per row
  std::vector<float> w1, b1;       // dim x hidden, hidden
  std::vector<float> w2, b2;       // hidden x classes, classes
};

// The network's input for a vector: its rows folded into the table's buckets,
// their values as weights (what input() gives, for holders of the bucket count alone).
NeuralInput bucket_input(const SparseVector& x, uint32_t buckets);

class NeuralModel {
 public:
  NeuralModel() = default;
  // Checks every size; a model from an untrusted file goes through here.
  static NeuralModel from_weights(NeuralWeights weights, bool* ok);

  // Deterministic for a given seed. labels[i] < classes.
  static NeuralModel train(const std::vector<SparseVector>& inputs,
                           const std::vector<uint32_t>& labels, size_t classes,
                           const NeuralOptions& options, const ProgressFn& progress = {});

  NeuralInput input(const SparseVector& x) const;
  void logits(const NeuralInput& input, std::vector<float>& out) const;

  // Changes with every weight: tells the engine the browser's model.onnx is
  // the one this .tandem file was trained with.
  uint32_t fingerprint() const { return fingerprint_; }
  const NeuralWeights& weights() const { return weights_; }
  bool empty() const { return weights_.classes == 0; }

 private:
  NeuralWeights weights_;
  uint32_t fingerprint_ = 0;
};

}  // namespace tandem::nlu
