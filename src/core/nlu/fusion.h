// Combines the intent scorers (linear model, embedding model and, in small
// knowledge bases, example retrieval; in the neural mode also the trained
// network) into one set of calibrated probabilities.
#pragma once

#include <vector>

#include "base/binary_codec.h"

namespace tandem::nlu {

// One message's raw scores, one value per class; all but linear may be empty.
struct ScorerLogits {
  std::vector<float> linear, embedding, retrieval, neural;
};

// Each scorer is first calibrated on its own, then their log-probabilities are
// averaged with weights and the mixture is calibrated once more. All are
// fitted on held-out predictions at training time.
struct Fusion {
  float linear_temperature = 1.0f;
  float embedding_temperature = 1.0f;
  float embedding_weight = 0.0f;  // the linear model weighs 1; 0 = linear model alone
  float temperature = 1.0f;
  // Example retrieval (saved apart, with the scorer: see IntentClassifier::save).
  float retrieval_temperature = 1.0f;
  float retrieval_weight = 0.0f;

  // Mixed log-probabilities before the final temperature.
  void mix(const ScorerLogits& scores, std::vector<float>& out) const;
  // Calibrated logits: the mixture over the final temperature.
  void logits(const ScorerLogits& scores, std::vector<float>& out) const;
  // Calibrated probabilities.
  void probabilities(const ScorerLogits& scores, std::vector<float>& out) const;

  void save(BinaryWriter& out) const;
  static Fusion load(BinaryReader& in);
};

// Fits the temperatures of `fusion` (keeping its weights) on held-out scores.
void fit_fusion(const std::vector<ScorerLogits>& heldout, const std::vector<uint32_t>& labels,
                Fusion& fusion);

// Example retrieval's vote: from a small grid of weights (0 included, so a
// scorer that does not help gets none) and of scores for the classes without
// examples, the pair whose calibrated mixture has the lowest held-out negative
// log-likelihood. Held-out retrieval scores below 0 mark classes without
// examples (ExampleRetrieval's unmatched before fitting); the chosen score for
// them is returned. Sets fusion's retrieval fields and final temperature.
float fit_retrieval_fusion(const std::vector<ScorerLogits>& heldout,
                           const std::vector<uint32_t>& labels, Fusion& fusion);

// Gives the marked scores (below 0) of held-out retrieval scores `unmatched`.
void fill_unmatched(std::vector<float>& retrieval, float unmatched);

// The neural mode: the lexical mixture (before its final temperature) counts 1,
// the trained network's calibrated log-probabilities count neural_weight, and
// the sum is calibrated once more.
struct NeuralFusion {
  float neural_temperature = 1.0f;
  float neural_weight = 0.0f;
  float temperature = 1.0f;

  void probabilities(const Fusion& lexical, const ScorerLogits& scores,
                     std::vector<float>& out) const;

  void save(BinaryWriter& out) const;
  static NeuralFusion load(BinaryReader& in);
};

// Fits the network's temperature, then takes from a small grid of weights (0
// included) the one whose calibrated mixture has the lowest held-out negative
// log-likelihood, and that mixture's temperature.
NeuralFusion fit_neural_fusion(const Fusion& lexical, const std::vector<ScorerLogits>& heldout,
                               const std::vector<uint32_t>& labels);

}  // namespace tandem::nlu
