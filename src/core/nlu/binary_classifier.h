// A yes/no text classifier over hashed features (the intent classifier's word
// and character n-grams, or a caller's own): TF-IDF and logistic regression,
// with a decision threshold fitted on cross-fitted (out-of-fold) scores of the
// training texts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/binary_codec.h"
#include "nlu/linear_model.h"
#include "nlu/softmax_trainer.h"
#include "nlu/vectorizer.h"

namespace tandem::nlu {

struct BinaryOptions {
  text::FeatureConfig features;
  int min_df = 1;  // the training sets are small: a rare n-gram may be the telling one
  SoftmaxOptions softmax{30, 0.5f, 1e-5f, 11};
  int folds = 4;  // the threshold is fitted on out-of-fold scores (folds + 1 fits)
  // The threshold lets this share of the held-out negatives through, at most.
  float max_false_positive_rate = 0.07f;
  float prune_ratio = 0.02f;
};

// Measured on the out-of-fold scores: every training text scored by a model
// fitted without it.
struct BinaryReport {
  size_t examples = 0, positives = 0, heldout = 0;
  size_t heldout_false_positives = 0, heldout_missed = 0;
  float threshold = 0.5f;
};

class BinaryClassifier {
 public:
  BinaryClassifier() = default;

  // Deterministic for given options; positive[i] says whether features[i], a
  // text's features (sorted by index, as text::extract_features gives them),
  // is a yes. The caller chooses the features (see nlu/person_request.cpp).
  static BinaryClassifier train(const std::vector<std::vector<text::Feature>>& features,
                                const std::vector<bool>& positive, const BinaryOptions& options,
                                BinaryReport* report = nullptr);

  float probability(const std::vector<text::Feature>& features) const;
  const text::FeatureConfig& feature_config() const { return vectorizer_.config(); }
  float threshold() const { return threshold_; }
  bool empty() const { return linear_.classes() != 2; }

  void save(BinaryWriter& out) const;
  static BinaryClassifier load(BinaryReader& in);

 private:
  Vectorizer vectorizer_;
  CompactLinearModel linear_;
  float threshold_ = 0.5f;
};

}  // namespace tandem::nlu
