#include "nlu/intent_classifier.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "data/labelled_data.h"
#include "nlu/random.h"

namespace tandem::nlu {
namespace {

struct Labelled {
  std::vector<std::string> names;  // in-scope intents, sorted
  std::vector<uint32_t> ids;       // per example; names.size() = out of scope
  size_t out_of_scope = 0;
};

Labelled index_labels(const std::vector<std::string>& labels) {
  Labelled out;
  std::map<std::string, uint32_t> ids;
  for (const auto& l : labels)
    if (l != data::kOutOfScope) ids.emplace(l, 0);
  for (auto& [name, id] : ids) {
    id = static_cast<uint32_t>(out.names.size());
    out.names.push_back(name);
  }
  const uint32_t oos = static_cast<uint32_t>(out.names.size());
  for (const auto& l : labels) {
    const bool is_oos = l == data::kOutOfScope;
    out.ids.push_back(is_oos ? oos : ids[l]);
    out.out_of_scope += is_oos;
  }
  return out;
}

// Stratified: every label spreads evenly over the folds, in a seeded order.
std::vector<int> assign_folds(const std::vector<uint32_t>& ids, int folds, uint64_t seed) {
  std::map<uint32_t, std::vector<uint32_t>> by_label;
  for (uint32_t i = 0; i < ids.size(); ++i) by_label[ids[i]].push_back(i);
  Random random(seed ^ 0xF01D5ull);
  std::vector<int> fold(ids.size());
  int next = 0;
  for (auto& [label, members] : by_label) {
    random.shuffle(members);
    // Continue the rotation across labels so small classes do not all start in fold 0.
    for (uint32_t i : members) fold[i] = next++ % folds;
  }
  return fold;
}

struct FittedModel {
  Vectorizer vectorizer;
  CompactLinearModel linear;
  EmbeddingModel embedding;

  void logits(const std::vector<text::Feature>& features, std::vector<float>& linear_out,
              std::vector<float>& embedding_out) const {
    SparseVector x;
    vectorizer.transform(features, x);
    linear.logits(x, linear_out);
    if (!embedding.empty()) embedding.logits(x, embedding_out);
  }
};

FittedModel fit(const std::vector<std::vector<text::Feature>>& features,
                const std::vector<uint32_t>& ids, const std::vector<size_t>& subset, size_t classes,
                const ClassifierOptions& options, const ProgressFn& progress) {
  FittedModel fitted;
  std::vector<SparseVector> inputs;
  fitted.vectorizer =
      Vectorizer::fit_subset(features, subset, options.features, options.min_df, inputs);
  std::vector<uint32_t> labels(subset.size());
  for (size_t k = 0; k < subset.size(); ++k) labels[k] = ids[subset[k]];
  const bool ensemble = options.embedding_weight > 0.0f;
  // Progress: the linear model is the first half of the work when both train.
  const DenseLinearModel dense = train_softmax(inputs, labels, fitted.vectorizer.rows(), classes,
                                               options.softmax, [&](float f) {
                                                 if (progress) progress(ensemble ? f / 2 : f);
                                               });
  fitted.linear = CompactLinearModel::compress(dense, options.prune_ratio);
  if (ensemble) {
    EmbeddingOptions embedding = options.embedding;
    embedding.seed = options.softmax.seed;
    // A small knowledge base has fewer feature rows than the table has buckets.
    embedding.buckets = std::max<uint32_t>(
        1, std::min<uint32_t>(embedding.buckets, static_cast<uint32_t>(fitted.vectorizer.rows())));
    fitted.embedding = EmbeddingModel::train(inputs, labels, classes, embedding, [&](float f) {
      if (progress) progress(0.5f + f / 2);
    });
  }
  return fitted;
}

struct HeldOutLogits {
  std::vector<std::vector<float>> linear, embedding;  // per example
};

// Cross-fitting: every example is predicted once by a model that never saw
// it, so calibration and the thresholds are fitted on honest predictions.
// Examples of a label without a class (out of scope, no oos class) are only predicted.
HeldOutLogits cross_fit(const std::vector<std::vector<text::Feature>>& features,
                        const std::vector<uint32_t>& ids, size_t classes,
                        const ClassifierOptions& options, const StageProgressFn& progress) {
  const int folds = std::max(2, options.folds);
  const std::vector<int> fold = assign_folds(ids, folds, options.softmax.seed);
  HeldOutLogits out;
  out.linear.resize(ids.size());
  out.embedding.resize(ids.size());
  for (int k = 0; k < folds; ++k) {
    std::vector<size_t> train_part;
    for (uint32_t i = 0; i < ids.size(); ++i)
      if (fold[i] != k && ids[i] < classes) train_part.push_back(i);
    const std::string stage =
        "held-out fold " + std::to_string(k + 1) + "/" + std::to_string(folds);
    const FittedModel fitted = fit(features, ids, train_part, classes, options, [&](float f) {
      if (progress) progress(stage, f);
    });
    for (uint32_t i = 0; i < ids.size(); ++i)
      if (fold[i] == k) fitted.logits(features[i], out.linear[i], out.embedding[i]);
  }
  return out;
}

HeldOutPrediction judge(const std::vector<float>& probabilities, size_t in_scope_classes,
                        uint32_t truth) {
  const auto top = std::max_element(probabilities.begin(),
                                    probabilities.begin() + static_cast<long>(in_scope_classes));
  HeldOutPrediction p;
  p.confidence = *top;
  p.out_of_scope = truth >= in_scope_classes;
  p.correct = !p.out_of_scope && uint32_t(top - probabilities.begin()) == truth;
  p.rejected_by_model = probabilities.size() > in_scope_classes && probabilities.back() > *top;
  return p;
}

}  // namespace

IntentClassifier IntentClassifier::train(const std::vector<std::string>& own_texts,
                                         const std::vector<std::string>& own_labels,
                                         const ClassifierOptions& options, TrainingReport* report,
                                         const StageProgressFn& progress) {
  std::vector<std::string> texts = own_texts, labels = own_labels;
  for (std::string_view message : options.background_out_of_scope) {
    texts.emplace_back(message);
    labels.emplace_back(data::kOutOfScope);
  }
  const size_t own_out_of_scope = static_cast<size_t>(
      std::count(own_labels.begin(), own_labels.end(), std::string(data::kOutOfScope)));
  const Labelled labelled = index_labels(labels);
  const size_t intents = labelled.names.size();
  IntentClassifier classifier;
  if (intents == 0) return classifier;
  classifier.labels_ = labelled.names;
  classifier.has_oos_class_ = options.oos_class && labelled.out_of_scope > 0;
  const size_t classes = intents + (classifier.has_oos_class_ ? 1 : 0);

  std::vector<std::vector<text::Feature>> features(texts.size());
  for (size_t i = 0; i < texts.size(); ++i)
    features[i] = text::extract_features(texts[i], options.features);

  // Examples the model trains on: out-of-scope ones only if they have a class.
  auto trainable = [&](uint32_t i) { return labelled.ids[i] < classes; };

  const HeldOutLogits heldout = cross_fit(features, labelled.ids, classes, options, progress);
  const auto& linear_logits = heldout.linear;
  const auto& embedding_logits = heldout.embedding;

  std::vector<std::vector<float>> fit_linear, fit_embedding;
  std::vector<uint32_t> fit_labels;
  for (uint32_t i = 0; i < texts.size(); ++i) {
    if (!trainable(i)) continue;
    fit_linear.push_back(linear_logits[i]);
    fit_embedding.push_back(embedding_logits[i]);
    fit_labels.push_back(labelled.ids[i]);
  }
  classifier.fusion_.embedding_weight = options.embedding_weight;
  fit_fusion(fit_linear, fit_embedding, fit_labels, classifier.fusion_);

  std::vector<HeldOutPrediction> predictions;
  size_t correct = 0, in_scope = 0;
  std::vector<float> probabilities;
  for (uint32_t i = 0; i < texts.size(); ++i) {
    classifier.fusion_.probabilities(linear_logits[i], embedding_logits[i], probabilities);
    predictions.push_back(judge(probabilities, intents, labelled.ids[i]));
    if (!predictions.back().out_of_scope) ++in_scope, correct += predictions.back().correct;
  }
  // The data's own out-of-scope examples say what this deployment must decline;
  // the generic background only stands in for them when there are none.
  std::vector<HeldOutPrediction> threshold_basis = predictions;
  if (own_out_of_scope > 0) threshold_basis.resize(own_texts.size());
  const OperatingPoint point = choose_threshold(threshold_basis, options.min_oos_recall);
  classifier.threshold_ = point.threshold;
  std::vector<HeldOutPrediction> in_scope_only;
  for (const auto& p : predictions)
    if (!p.out_of_scope) in_scope_only.push_back(p);
  const OperatingPoint answer_point = choose_threshold(in_scope_only);
  classifier.answer_threshold_ = std::max(point.threshold, answer_point.threshold);

  std::vector<size_t> all;
  for (uint32_t i = 0; i < texts.size(); ++i)
    if (trainable(i)) all.push_back(i);
  FittedModel final_model = fit(features, labelled.ids, all, classes, options, [&](float f) {
    if (progress) progress("final model", f);
  });
  classifier.vectorizer_ = std::move(final_model.vectorizer);
  classifier.linear_ = std::move(final_model.linear);
  classifier.embedding_ = std::move(final_model.embedding);

  if (report) {
    report->examples = texts.size();
    report->intents = intents;
    report->out_of_scope_examples = labelled.out_of_scope;
    report->feature_rows = classifier.vectorizer_.rows();
    report->weights_kept = classifier.linear_.entries();
    report->heldout_accuracy = in_scope ? double(correct) / in_scope : 0.0;
    report->calibration_error = expected_calibration_error(predictions);
    report->temperature = classifier.fusion_.temperature;
    report->operating_point = point;
    report->answer_point = evaluate_threshold(predictions, classifier.answer_threshold_);
  }
  return classifier;
}

Classification IntentClassifier::classify(std::string_view text, size_t top_k) const {
  SparseVector x;
  vectorizer_.transform(text, x);
  return classify(x, top_k);
}

Classification IntentClassifier::classify(const SparseVector& x, size_t top_k) const {
  Classification result;
  if (labels_.empty()) return result;
  std::vector<float> linear, embedding, probabilities;
  linear_.logits(x, linear);
  if (!embedding_.empty()) embedding_.logits(x, embedding);
  fusion_.probabilities(linear, embedding, probabilities);
  const size_t intents = labels_.size();
  std::vector<uint32_t> order(intents);
  std::iota(order.begin(), order.end(), 0u);
  const size_t k = std::min(top_k, intents);
  std::partial_sort(order.begin(), order.begin() + static_cast<long>(k), order.end(),
                    [&](uint32_t a, uint32_t b) {
                      return probabilities[a] > probabilities[b] ||
                             (probabilities[a] == probabilities[b] && a < b);
                    });
  for (size_t r = 0; r < k; ++r) result.ranked.push_back({order[r], probabilities[order[r]]});
  const float top = probabilities[order[0]];
  result.declined_by_model = has_oos_class_ && probabilities.back() > top;
  result.in_scope = !result.declined_by_model && top >= threshold_;
  return result;
}

void IntentClassifier::save(BinaryWriter& out) const {
  out.varint(labels_.size());
  for (const auto& l : labels_) out.str(l);
  out.u8(has_oos_class_ ? 1 : 0);
  fusion_.save(out);
  out.f32(threshold_);
  out.f32(answer_threshold_);
  vectorizer_.save(out);
  linear_.save(out);
  out.u8(embedding_.empty() ? 0 : 1);
  if (!embedding_.empty()) embedding_.save(out);
}

IntentClassifier IntentClassifier::load(BinaryReader& in) {
  IntentClassifier c;
  const size_t n = in.count();
  for (size_t i = 0; i < n && in.ok(); ++i) c.labels_.push_back(in.str());
  c.has_oos_class_ = in.u8() != 0;
  c.fusion_ = Fusion::load(in);
  c.threshold_ = in.f32();
  c.answer_threshold_ = in.f32();
  c.vectorizer_ = Vectorizer::load(in);
  c.linear_ = CompactLinearModel::load(in);
  if (in.u8() != 0) c.embedding_ = EmbeddingModel::load(in);
  const size_t classes = c.labels_.size() + (c.has_oos_class_ ? 1 : 0);
  if (in.ok() && c.linear_.classes() != classes)
    in.fail("model classes do not match its intent list");
  if (in.ok() && !c.embedding_.empty() && c.embedding_.classes() != classes)
    in.fail("embedding model classes do not match its intent list");
  if (in.ok() && c.linear_.rows() != c.vectorizer_.rows())
    in.fail("model rows do not match its feature table");
  if (in.ok() && !(c.threshold_ >= 0.0f && c.threshold_ <= 1.0f && c.answer_threshold_ >= 0.0f &&
                   c.answer_threshold_ <= 1.0f))
    in.fail("thresholds out of range");
  if (!in.ok()) return IntentClassifier{};
  return c;
}

}  // namespace tandem::nlu
