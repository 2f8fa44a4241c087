// The intent classifier: TF-IDF over hashed word and character n-grams scored
// by a pruned int8 logistic-regression model and a small fastText-style
// embedding model, their votes fused and calibrated, and an out-of-scope
// threshold, all fitted by train() from labelled examples alone. Optionally a
// second mode adds the vote of a trained network that runs outside the engine
// (neural_model.h): its scores come back with the message, or never.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/binary_codec.h"
#include "nlu/calibration.h"
#include "nlu/embedding_model.h"
#include "nlu/fusion.h"
#include "nlu/linear_model.h"
#include "nlu/neural_model.h"
#include "nlu/neural_scores.h"
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
  // ... met by the recall's one-sided lower confidence bound at this z, not
  // the point estimate (1.2816: 90%), so it holds on new messages; 0: the point.
  float oos_recall_z = 1.2816f;
  // Generic messages to decline, trained as out of scope on top of the data's
  // own. When the data has out-of-scope examples of its own, the threshold is
  // fitted on those alone: they, not the generic ones, show what this
  // deployment must decline.
  std::vector<std::string_view> background_out_of_scope;
  // The share of a deployment's messages that are out of scope. When the
  // out-of-scope examples make up more of the training data than this (a small
  // knowledge base with the ~400 built-in ones), the out-of-scope class's
  // probability is corrected to this prior before anything is decided; a
  // larger trained share is left alone (see docs/engine.md).
  float out_of_scope_share = 0.25f;
  // What a wrong answer costs against a right one's gain of 1 (a decline costs
  // 0): sets the "auto" answer threshold of knowledge bases (see
  // choose_answer_threshold).
  float wrong_answer_cost = 1.0f;
  int folds = 5;  // cross-fitting folds for calibration; >= 2
  // Examples of one label at least this similar (TF-IDF cosine) are held out
  // in the same fold, so held-out scores are not flattered by near-twins in
  // training (see near_duplicate_groups); above 1 groups nothing.
  float near_duplicate_similarity = 0.8f;
  // Train the out-of-scope examples as a class of their own (besides the threshold).
  bool oos_class = true;
  // The trained network of the neural mode; its seed is softmax.seed, as the embedding model's.
  NeuralOptions neural;
};

// One of the data's own examples as a model that never saw it scored it.
struct HeldOutExample {
  uint32_t example;    // index into the texts train() was given
  uint32_t truth;      // index into labels(); labels().size() = out of scope
  uint32_t predicted;  // the top in-scope intent
  float confidence;    // its calibrated probability
  bool declined_by_model;
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
  float out_of_scope_odds = 1.0f;  // the prior correction applied (1 = none)
  // The lexical mode's held-out predictions: every example (the built-in
  // out-of-scope ones included), so any other threshold can be judged.
  std::vector<HeldOutPrediction> heldout;
  std::vector<HeldOutExample> heldout_examples;  // the data's own examples only
  // The neural mode, the same held-out measures (only when it was trained).
  bool neural = false;
  double neural_heldout_accuracy = 0.0;
  double neural_calibration_error = 0.0;
  float neural_weight = 0.0f;  // the network's vote against the lexical mixture's 1
  OperatingPoint neural_operating_point, neural_answer_point;
};

struct IntentScore {
  uint32_t intent;    // index into labels()
  float probability;  // calibrated
};

struct Classification {
  std::vector<IntentScore> ranked;  // best first, in-scope intents only
  bool in_scope = false;            // the top intent clears the threshold
  bool declined_by_model = false;   // the out-of-scope class outscored every intent
  bool neural = false;              // the trained network's logits were fused in
  // The operating points of the mode that scored it (see IntentClassifier's accessors).
  float threshold = 0.0f, answer_threshold = 0.0f;
};

// Training stages report (stage name, fraction of that stage done).
using StageProgressFn = std::function<void(std::string_view stage, float fraction)>;

class IntentClassifier {
 public:
  IntentClassifier() = default;

  // labels[i] is texts[i]'s intent; data::kOutOfScope ("oos") marks examples the
  // bot must decline. Deterministic for given options (including the seed).
  // With options.neural.enabled, neural_out (if given) receives the network the
  // neural mode expects; the classifier keeps only its fingerprint.
  static IntentClassifier train(const std::vector<std::string>& texts,
                                const std::vector<std::string>& labels,
                                const ClassifierOptions& options, TrainingReport* report = nullptr,
                                const StageProgressFn& progress = {},
                                NeuralModel* neural_out = nullptr);

  // Scores that do not fit (see NeuralScores) give exactly the lexical result.
  Classification classify(std::string_view text, size_t top_k = 5,
                          const NeuralScores* neural = nullptr) const;

  bool has_neural() const { return neural_.has_value(); }
  uint32_t neural_fingerprint() const { return neural_ ? neural_->fingerprint : 0; }
  // What the trained network reads for this text (empty without the neural mode).
  NeuralInput neural_input(std::string_view text) const;
  // Whether classify() would use these scores rather than ignore them.
  bool fits(const NeuralScores& scores) const;

  // Intent names, excluding the out-of-scope class.
  const std::vector<std::string>& labels() const { return labels_; }
  // The model's classes: the intents, then the out-of-scope class if it was trained.
  size_t classes() const { return labels_.size() + (has_oos_class_ ? 1 : 0); }
  // Out-of-scope operating point: below it the message is declined.
  float threshold() const { return threshold_; }
  // Where answers become a coin toss on in-scope messages: a knowledge base's
  // "auto" answer threshold, stricter than the out-of-scope one.
  float answer_threshold() const { return answer_threshold_; }
  bool empty() const { return labels_.empty(); }

  void save(BinaryWriter& out) const;
  static IntentClassifier load(BinaryReader& in);

 private:
  Classification classify(const SparseVector& x, size_t top_k, const NeuralScores* neural) const;

  // Everything the neural mode needs besides the network, which runs elsewhere.
  struct NeuralMode {
    uint32_t fingerprint = 0;
    uint32_t buckets = 0;  // of the network's table: neural_input() folds rows into it
    NeuralFusion fusion;
    float threshold = 0.0f, answer_threshold = 0.0f;
  };

  std::vector<std::string> labels_;
  bool has_oos_class_ = false;  // if so, it is the last class of the model
  Vectorizer vectorizer_;
  CompactLinearModel linear_;
  EmbeddingModel embedding_;  // empty when trained without it
  Fusion fusion_;
  float threshold_ = 0.0f;
  float answer_threshold_ = 0.0f;
  // Multiplies the out-of-scope class's odds (a prior correction; 1 = none).
  float out_of_scope_odds_ = 1.0f;
  std::optional<NeuralMode> neural_;
};

}  // namespace tandem::nlu
