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

// Trained on the examples in `subset`; ids[i] is example i's class (intents
// first, then the out-of-scope class if there is one).
FittedModel fit_models(const std::vector<std::vector<text::Feature>>& features,
                       const std::vector<uint32_t>& ids, const std::vector<size_t>& subset,
                       size_t classes, size_t intents, const ClassifierOptions& options,
                       const ProgressFn& progress);

// Every example's logits from the fold that held it out. Examples of a label
// without a class (out of scope, no oos class) are only predicted.
std::vector<FittedModel::Logits> cross_fit(const std::vector<std::vector<text::Feature>>& features,
                                           const std::vector<uint32_t>& ids, size_t classes,
                                           size_t intents, const ClassifierOptions& options,
                                           const StageProgressFn& progress);

}  // namespace tandem::nlu
