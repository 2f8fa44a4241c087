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

// Sweeps the cut between consecutive held-out scores; the cost of a cut counts
// the positives below it and the weighted negatives at or above it.
float choose_threshold(std::vector<Scored> scored, float false_positive_cost,
                       BinaryReport* report) {
  std::sort(scored.begin(), scored.end(),
            [](const Scored& a, const Scored& b) { return a.p < b.p; });
  size_t negatives_above = 0;
  for (const auto& s : scored) negatives_above += !s.positive;
  size_t missed = 0, best_missed = 0, best_fp = negatives_above;
  double best_cost = false_positive_cost * negatives_above;
  float best = scored.empty() ? 0.5f : scored.front().p;
  for (size_t i = 0; i < scored.size(); ++i) {
    missed += scored[i].positive;
    negatives_above -= !scored[i].positive;
    const float cut = i + 1 < scored.size() ? (scored[i].p + scored[i + 1].p) / 2 : 1.0f;
    const double cost = missed + false_positive_cost * negatives_above;
    if (cost < best_cost)
      best_cost = cost, best = cut, best_missed = missed, best_fp = negatives_above;
  }
  if (report) report->heldout_missed = best_missed, report->heldout_false_positives = best_fp;
  return best;
}

}  // namespace

BinaryClassifier BinaryClassifier::train(const std::vector<std::string_view>& texts,
                                         const std::vector<bool>& positive,
                                         const BinaryOptions& options, BinaryReport* report) {
  std::vector<std::vector<text::Feature>> features;
  features.reserve(texts.size());
  for (auto t : texts) features.push_back(text::extract_features(t, options.features));

  // Stratified split: both classes keep their share in the held-out part.
  std::vector<size_t> yes, no, train_part, heldout_part;
  for (size_t i = 0; i < texts.size(); ++i) (positive[i] ? yes : no).push_back(i);
  Random random(options.softmax.seed ^ 0xB1A5ull);
  for (auto* group : {&yes, &no}) {
    random.shuffle(*group);
    const size_t held = static_cast<size_t>(group->size() * options.heldout_share);
    heldout_part.insert(heldout_part.end(), group->begin(), group->begin() + held);
    train_part.insert(train_part.end(), group->begin() + held, group->end());
  }

  BinaryClassifier classifier;
  if (yes.empty() || no.empty()) return classifier;
  const Fitted probe = fit(features, positive, train_part, options);
  std::vector<Scored> scored;
  for (size_t i : heldout_part)
    scored.push_back({probability_of(probe.vectorizer, probe.linear, features[i]), positive[i]});

  std::vector<size_t> all(texts.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  Fitted final_model = fit(features, positive, all, options);
  classifier.vectorizer_ = std::move(final_model.vectorizer);
  classifier.linear_ = std::move(final_model.linear);
  classifier.threshold_ = choose_threshold(std::move(scored), options.false_positive_cost, report);
  if (report) {
    report->examples = texts.size();
    report->positives = yes.size();
    report->heldout = heldout_part.size();
    report->threshold = classifier.threshold_;
  }
  return classifier;
}

float BinaryClassifier::probability(std::string_view text) const {
  if (empty()) return 0.0f;
  return probability_of(vectorizer_, linear_, text::extract_features(text, vectorizer_.config()));
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
