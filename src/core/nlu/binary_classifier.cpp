#include "nlu/binary_classifier.h"

#include <algorithm>

#include "nlu/random.h"

namespace tandem::nlu {
namespace {

struct Fitted {
  Vectorizer vectorizer;
  CompactLinearModel linear;
};

Fitted fit(const std::vector<std::vector<text::Feature>>& features,
           const std::vector<bool>& positive, const std::vector<size_t>& subset,
           const BinaryOptions& options) {
  Fitted fitted;
  std::vector<SparseVector> inputs;
  fitted.vectorizer =
      Vectorizer::fit_subset(features, subset, options.features, options.min_df, inputs);
  std::vector<uint32_t> labels(subset.size());
  for (size_t k = 0; k < subset.size(); ++k) labels[k] = positive[subset[k]] ? 1 : 0;
  const DenseLinearModel dense =
      train_softmax(inputs, labels, fitted.vectorizer.rows(), 2, options.softmax);
  fitted.linear = CompactLinearModel::compress(dense, options.prune_ratio);
  return fitted;
}

float probability_of(const Vectorizer& vectorizer, const CompactLinearModel& linear,
                     const std::vector<text::Feature>& features) {
  SparseVector x;
  vectorizer.transform(features, x);
  std::vector<float> logits;
  linear.logits(x, logits);
  softmax(logits);
  return logits[1];
}

struct Scored {
  float p;
  bool positive;
};

// The lowest cut that keeps the held-out negatives scoring at or above it to
// max_false_positive_rate of them: a quantile of the negatives' scores, so a
// few more or fewer training texts move it little.
float choose_threshold(std::vector<Scored> scored, float max_false_positive_rate,
                       BinaryReport* report) {
  std::sort(scored.begin(), scored.end(),
            [](const Scored& a, const Scored& b) { return a.p > b.p; });
  size_t negatives = 0;
  for (const auto& s : scored) negatives += !s.positive;
  const auto allowed = static_cast<size_t>(max_false_positive_rate * negatives);
  // Walk down from the top score; stop before the negative that would exceed the allowance.
  size_t false_positives = 0, caught = 0, positives = 0;
  float cut = 1.0f;
  for (size_t i = 0; i < scored.size(); ++i) {
    if (!scored[i].positive && false_positives == allowed) {
      cut = i > 0 ? (scored[i - 1].p + scored[i].p) / 2 : std::min(1.0f, scored[i].p + 1e-6f);
      break;
    }
    false_positives += !scored[i].positive;
    caught += scored[i].positive;
    cut = scored[i].p;
  }
  for (const auto& s : scored) positives += s.positive;
  if (report) {
    report->heldout_missed = positives - caught;
    report->heldout_false_positives = false_positives;
  }
  return cut;
}

}  // namespace

BinaryClassifier BinaryClassifier::train(const std::vector<std::vector<text::Feature>>& features,
                                         const std::vector<bool>& positive,
                                         const BinaryOptions& options, BinaryReport* report) {
  // Stratified folds: both classes keep their share in each, and every text is
  // scored by the model fitted on the other folds.
  std::vector<size_t> yes, no;
  for (size_t i = 0; i < features.size(); ++i) (positive[i] ? yes : no).push_back(i);
  const int folds = std::max(options.folds, 2);
  std::vector<int> fold_of(features.size());
  Random random(options.softmax.seed ^ 0xB1A5ull);
  for (auto* group : {&yes, &no}) {
    random.shuffle(*group);
    for (size_t k = 0; k < group->size(); ++k) fold_of[(*group)[k]] = static_cast<int>(k % folds);
  }

  BinaryClassifier classifier;
  if (yes.empty() || no.empty()) return classifier;
  std::vector<Scored> scored;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<size_t> train_part, heldout_part;
    for (size_t i = 0; i < features.size(); ++i)
      (fold_of[i] == fold ? heldout_part : train_part).push_back(i);
    const Fitted probe = fit(features, positive, train_part, options);
    for (size_t i : heldout_part)
      scored.push_back({probability_of(probe.vectorizer, probe.linear, features[i]), positive[i]});
  }
  const size_t heldout = scored.size();
  std::vector<size_t> all(features.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  Fitted final_model = fit(features, positive, all, options);
  classifier.vectorizer_ = std::move(final_model.vectorizer);
  classifier.linear_ = std::move(final_model.linear);
  classifier.threshold_ =
      choose_threshold(std::move(scored), options.max_false_positive_rate, report);
  if (report) {
    report->examples = features.size();
    report->positives = yes.size();
    report->heldout = heldout;
    report->threshold = classifier.threshold_;
  }
  return classifier;
}

float BinaryClassifier::probability(const std::vector<text::Feature>& features) const {
  return empty() ? 0.0f : probability_of(vectorizer_, linear_, features);
}

void BinaryClassifier::save(BinaryWriter& out) const {
  out.f32(threshold_);
  vectorizer_.save(out);
  linear_.save(out);
}

BinaryClassifier BinaryClassifier::load(BinaryReader& in) {
  BinaryClassifier c;
  c.threshold_ = in.f32();
  c.vectorizer_ = Vectorizer::load(in);
  c.linear_ = CompactLinearModel::load(in);
  if (in.ok() && (c.linear_.classes() != 2 || c.linear_.rows() != c.vectorizer_.rows()))
    in.fail("the yes/no classifier's tables disagree");
  if (in.ok() && !(c.threshold_ >= 0.0f && c.threshold_ <= 1.0f))
    in.fail("the yes/no classifier's threshold is out of range");
  return c;
}

}  // namespace tandem::nlu
