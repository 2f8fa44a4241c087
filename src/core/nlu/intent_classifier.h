// The intent classifier: TF-IDF over hashed word and character n-grams scored
// by a pruned int8 logistic-regression model and a small fastText-style
// embedding model, their votes fused and calibrated, and an out-of-scope
// threshold, all fitted by train() from labelled examples alone.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/binary_codec.h"
#include "nlu/calibration.h"
#include "nlu/embedding_model.h"
#include "nlu/fusion.h"
#include "nlu/linear_model.h"
#include "nlu/softmax_trainer.h"
#include "nlu/vectorizer.h"

namespace tandem::nlu {

struct ClassifierOptions {
  text::FeatureConfig features;
  int min_df = 2;
  SoftmaxOptions softmax;
  float prune_ratio = 0.1f;  // see CompactLinearModel::compress
  EmbeddingOptions embedding;
  // How much the embedding model's vote counts against the linear model's 1;
  // 0 trains the linear model alone (see docs/engine.md for the measurements).
  float embedding_weight = 2.0f;
  // The out-of-scope threshold is the one with the best held-out in-scope
  // accuracy among those declining at least this share of held-out
  // out-of-scope examples (see choose_threshold).
  float min_oos_recall = 0.85f;
  // Generic messages to decline, trained as out of scope on top of the data's
  // own. When the data has out-of-scope examples of its own, the threshold is
  // fitted on those alone: they, not the generic ones, show what this
  // deployment must decline.
  std::vector<std::string_view> background_out_of_scope;
  int folds = 5;  // cross-fitting folds for calibration; >= 2
  // Train the out-of-scope examples as a class of their own (besides the threshold).
  bool oos_class = true;
};

// What training measured on held-out folds, as the shipped model would behave.
struct TrainingReport {
  size_t examples = 0, intents = 0, out_of_scope_examples = 0;
  size_t feature_rows = 0, weights_kept = 0;
  double heldout_accuracy = 0.0;   // top intent, in-scope items, no rejection
  double calibration_error = 0.0;  // after temperature scaling
  float temperature = 1.0f;        // the final one of the fusion
  OperatingPoint operating_point;  // where the out-of-scope threshold was set
  OperatingPoint answer_point;     // where the answer threshold was set (in-scope items)
};

struct IntentScore {
  uint32_t intent;    // index into labels()
  float probability;  // calibrated
};

struct Classification {
  std::vector<IntentScore> ranked;  // best first, in-scope intents only
  bool in_scope = false;            // the top intent clears the threshold
  bool declined_by_model = false;   // the out-of-scope class outscored every intent
};

// Training stages report (stage name, fraction of that stage done).
using StageProgressFn = std::function<void(std::string_view stage, float fraction)>;

class IntentClassifier {
 public:
  IntentClassifier() = default;

  // labels[i] is texts[i]'s intent; data::kOutOfScope ("oos") marks examples the
  // bot must decline. Deterministic for given options (including the seed).
  static IntentClassifier train(const std::vector<std::string>& texts,
                                const std::vector<std::string>& labels,
                                const ClassifierOptions& options, TrainingReport* report = nullptr,
                                const StageProgressFn& progress = {});

  Classification classify(std::string_view text, size_t top_k = 5) const;

  // Intent names, excluding the out-of-scope class.
  const std::vector<std::string>& labels() const { return labels_; }
  // Out-of-scope operating point: below it the message is declined.
  float threshold() const { return threshold_; }
  // Where answers become a coin toss on in-scope messages: a knowledge base's
  // "auto" answer threshold, stricter than the out-of-scope one.
  float answer_threshold() const { return answer_threshold_; }
  bool empty() const { return labels_.empty(); }

  void save(BinaryWriter& out) const;
  static IntentClassifier load(BinaryReader& in);

 private:
  Classification classify(const SparseVector& x, size_t top_k) const;

  std::vector<std::string> labels_;
  bool has_oos_class_ = false;  // if so, it is the last class of the model
  Vectorizer vectorizer_;
  CompactLinearModel linear_;
  EmbeddingModel embedding_;  // empty when trained without it
  Fusion fusion_;
  float threshold_ = 0.0f;
  float answer_threshold_ = 0.0f;
};

}  // namespace tandem::nlu
