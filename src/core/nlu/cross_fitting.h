// The intent classifier's models (vectorizer, linear and embedding models,
// the optional network) fitted on some of the examples, and cross-fitting:
// every example scored once by models that never saw it, so that calibration
// and the thresholds are fitted on honest predictions (intent_training.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "nlu/embedding_model.h"
#include "nlu/intent_classifier.h"
#include "nlu/linear_model.h"
#include "nlu/neural_model.h"
#include "nlu/softmax_trainer.h"
#include "nlu/vectorizer.h"
#include "text/features.h"

namespace tandem::nlu {

struct FittedModel {
  Vectorizer vectorizer;
  CompactLinearModel linear;
  EmbeddingModel embedding;
  NeuralModel neural;  // empty unless the neural mode is trained

  struct Logits {
    std::vector<float> linear, embedding, neural;
  };

  void logits(const std::vector<text::Feature>& features, Logits& out) const;
};

// The training examples and their classes (ids: intents first, then the
// out-of-scope class if there is one): first the ones held out and scored
// (the data's own, then the built-in out-of-scope ones), then the weighted
// ones, which are only trained on.
struct Examples {
  std::vector<std::vector<text::Feature>> features;
  std::vector<uint32_t> ids;
  size_t scored = 0;
  std::vector<float> weights;  // of the weighted ones
  float weight(size_t i) const { return i < scored ? 1.0f : weights[i - scored]; }
};

// Trained on the examples in `subset`.
FittedModel fit_models(const Examples& examples, const std::vector<size_t>& subset, size_t classes,
                       size_t intents, const ClassifierOptions& options,
                       const ProgressFn& progress);

// Every scored example's logits from the fold that held it out. Examples of a
// label without a class (out of scope, no oos class) are only predicted; the
// weighted ones are in every fold's training part.
std::vector<FittedModel::Logits> cross_fit(const Examples& examples, size_t classes, size_t intents,
                                           const ClassifierOptions& options,
                                           const StageProgressFn& progress);

}  // namespace tandem::nlu
