// What passes between the engine and a neural model it does not run itself
// (ONNX Runtime Web in the browser, or the native evaluator in the CLI): the
// engine featurises, the runtime only moves tensors, the engine fuses.
#pragma once

#include <cstdint>
#include <vector>

namespace tandem::nlu {

// What the trained network reads: feature buckets and their weights.
struct NeuralInput {
  std::vector<int32_t> rows;
  std::vector<float> weights;
};

// Scores handed back to the engine for fusion. Scores that do not fit the model
// (another fingerprint, wrong size, not finite) are ignored: the engine answers
// on its lexical scores alone, as it does before the neural model has loaded.
struct NeuralScores {
  enum class Kind { kTrainedLogits, kEncoderLogProbabilities };
  Kind kind = Kind::kTrainedLogits;
  // kTrainedLogits: must equal IntentClassifier::neural_fingerprint().
  uint32_t fingerprint = 0;
  // kTrainedLogits: one logit per classifier class (the out-of-scope class last).
  // kEncoderLogProbabilities: one log-probability per in-scope label, in labels() order.
  std::vector<float> values;
  // kEncoderLogProbabilities: the encoder's vote against the lexical scores' 1.
  float weight = 1.0f;
};

}  // namespace tandem::nlu
