// A yes/no text classifier on the intent classifier's features: TF-IDF over
// hashed word and character n-grams and logistic regression, with a decision
// threshold fitted on a held-out share of the training texts.
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
  float heldout_share = 0.25f;
  // The threshold minimises missed positives + false_positive_cost x false positives.
  float false_positive_cost = 2.0f;
  float prune_ratio = 0.02f;
};

// Measured on the held-out share by a model trained on the rest.
struct BinaryReport {
  size_t examples = 0, positives = 0, heldout = 0;
  size_t heldout_false_positives = 0, heldout_missed = 0;
  float threshold = 0.5f;
};

class BinaryClassifier {
 public:
  BinaryClassifier() = default;

  // Deterministic for given options; positive[i] says whether texts[i] is a yes.
  static BinaryClassifier train(const std::vector<std::string_view>& texts,
                                const std::vector<bool>& positive, const BinaryOptions& options,
                                BinaryReport* report = nullptr);

  float probability(std::string_view text) const;
  // An untrained classifier never says yes.
  bool says_yes(std::string_view text) const { return !empty() && probability(text) >= threshold_; }
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
