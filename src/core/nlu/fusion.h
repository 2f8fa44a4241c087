// Combines the intent scorers (linear model and embedding model, and in the
// neural mode the trained network) into one set of calibrated probabilities.
#pragma once

#include <vector>

#include "base/binary_codec.h"

namespace tandem::nlu {

// Each scorer is first calibrated on its own, then their log-probabilities are
// averaged with weights and the mixture is calibrated once more. All four
// numbers are fitted on held-out predictions at training time.
struct Fusion {
  float linear_temperature = 1.0f;
  float embedding_temperature = 1.0f;
  float embedding_weight = 0.0f;  // the linear model weighs 1; 0 = linear model alone
  float temperature = 1.0f;

  // Mixed log-probabilities before the final temperature; embedding may be empty.
  void mix(const std::vector<float>& linear, const std::vector<float>& embedding,
           std::vector<float>& out) const;
  // Calibrated logits: the mixture over the final temperature.
  void logits(const std::vector<float>& linear, const std::vector<float>& embedding,
              std::vector<float>& out) const;
  // Calibrated probabilities.
  void probabilities(const std::vector<float>& linear, const std::vector<float>& embedding,
                     std::vector<float>& out) const;

  void save(BinaryWriter& out) const;
  static Fusion load(BinaryReader& in);
};

// Fits the temperatures of `fusion` (keeping its embedding_weight) on held-out
// logits of both scorers.
void fit_fusion(const std::vector<std::vector<float>>& linear,
                const std::vector<std::vector<float>>& embedding,
                const std::vector<uint32_t>& labels, Fusion& fusion);

// The neural mode: the lexical mixture (before its final temperature) counts 1,
// the trained network's calibrated log-probabilities count neural_weight, and
// the sum is calibrated once more.
struct NeuralFusion {
  float neural_temperature = 1.0f;
  float neural_weight = 0.0f;
  float temperature = 1.0f;

  void probabilities(const Fusion& lexical, const std::vector<float>& linear,
                     const std::vector<float>& embedding, const std::vector<float>& neural,
                     std::vector<float>& out) const;

  void save(BinaryWriter& out) const;
  static NeuralFusion load(BinaryReader& in);
};

// Fits the network's temperature, then takes from a small grid of weights (0
// included) the one whose calibrated mixture has the lowest held-out negative
// log-likelihood, and that mixture's temperature.
NeuralFusion fit_neural_fusion(const Fusion& lexical, const std::vector<std::vector<float>>& linear,
                               const std::vector<std::vector<float>>& embedding,
                               const std::vector<std::vector<float>>& neural,
                               const std::vector<uint32_t>& labels);

}  // namespace tandem::nlu
