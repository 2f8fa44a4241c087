// IntentClassifier::train: the models cross-fitted on folds of the examples,
// the fusion, calibration and both operating points chosen on what they
// predicted held out, then the models shipped fitted on every example.
#include "nlu/intent_classifier.h"

#include <algorithm>
#include <map>

#include "data/labelled_data.h"
#include "nlu/cross_fitting.h"
#include "nlu/out_of_scope_prior.h"

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

HeldOutPrediction judge(const std::vector<float>& probabilities, size_t in_scope_classes,
                        uint32_t truth) {
  const auto top = std::max_element(probabilities.begin(),
                                    probabilities.begin() + static_cast<long>(in_scope_classes));
  HeldOutPrediction p;
  p.confidence = *top;
  for (size_t c = 0; c < in_scope_classes; ++c)
    if (probabilities.begin() + static_cast<long>(c) != top)
      p.runner_up = std::max(p.runner_up, probabilities[c]);
  p.out_of_scope = truth >= in_scope_classes;
  p.correct = !p.out_of_scope && uint32_t(top - probabilities.begin()) == truth;
  p.rejected_by_model = probabilities.size() > in_scope_classes && probabilities.back() > *top;
  return p;
}

// A mode's operating points, chosen on its held-out predictions.
struct ModeFit {
  float threshold = 0.0f, answer_threshold = 0.0f;
  OperatingPoint point, answer_point;
  double accuracy = 0.0, calibration_error = 0.0;
};

// threshold_examples: how many leading examples the out-of-scope threshold is
// fitted on. probabilities_of(i, out) gives example i's calibrated probabilities.
template <typename ProbabilitiesOf>
ModeFit fit_mode(const std::vector<uint32_t>& ids, size_t intents, size_t threshold_examples,
                 const ClassifierOptions& options, ProbabilitiesOf&& probabilities_of) {
  std::vector<HeldOutPrediction> predictions;
  size_t correct = 0, in_scope = 0;
  std::vector<float> probabilities;
  for (uint32_t i = 0; i < ids.size(); ++i) {
    probabilities_of(i, probabilities);
    predictions.push_back(judge(probabilities, intents, ids[i]));
    if (!predictions.back().out_of_scope) ++in_scope, correct += predictions.back().correct;
  }
  ModeFit mode;
  std::vector<HeldOutPrediction> threshold_basis(
      predictions.begin(), predictions.begin() + static_cast<long>(threshold_examples));
  mode.point = choose_threshold(threshold_basis, options.min_oos_recall, options.oos_recall_z);
  mode.threshold = mode.point.threshold;
  mode.answer_threshold = std::max(
      mode.threshold,
      choose_answer_threshold(predictions, options.wrong_answer_cost, options.out_of_scope_share)
          .threshold);
  mode.answer_point = evaluate_threshold(predictions, mode.answer_threshold);
  mode.accuracy = in_scope ? double(correct) / in_scope : 0.0;
  mode.calibration_error = expected_calibration_error(predictions);
  return mode;
}

}  // namespace

IntentClassifier IntentClassifier::train(const std::vector<std::string>& own_texts,
                                         const std::vector<std::string>& own_labels,
                                         const ClassifierOptions& options, TrainingReport* report,
                                         const StageProgressFn& progress, NeuralModel* neural_out) {
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

  const std::vector<FittedModel::Logits> heldout =
      cross_fit(features, labelled.ids, classes, intents, options, progress);

  std::vector<std::vector<float>> fit_linear, fit_embedding, fit_neural;
  std::vector<uint32_t> fit_labels;
  for (uint32_t i = 0; i < texts.size(); ++i) {
    if (!trainable(i)) continue;
    fit_linear.push_back(heldout[i].linear);
    fit_embedding.push_back(heldout[i].embedding);
    fit_neural.push_back(heldout[i].neural);
    fit_labels.push_back(labelled.ids[i]);
  }
  classifier.fusion_.embedding_weight = options.embedding_weight;
  fit_fusion(fit_linear, fit_embedding, fit_labels, classifier.fusion_);

  // The data's own out-of-scope examples say what this deployment must decline;
  // the generic background only stands in for them when there are none.
  const size_t threshold_examples = own_out_of_scope > 0 ? own_texts.size() : texts.size();
  if (classifier.has_oos_class_)
    classifier.out_of_scope_odds_ = out_of_scope_odds(
        texts.size() - labelled.out_of_scope, labelled.out_of_scope, options.out_of_scope_share);
  const float odds = classifier.out_of_scope_odds_;
  const ModeFit lexical = fit_mode(
      labelled.ids, intents, threshold_examples, options, [&](uint32_t i, std::vector<float>& out) {
        classifier.fusion_.probabilities(heldout[i].linear, heldout[i].embedding, out);
        correct_prior(intents, odds, out);
      });
  classifier.threshold_ = lexical.threshold;
  classifier.answer_threshold_ = lexical.answer_threshold;
  if (report) {
    std::vector<float> probabilities;
    for (uint32_t i = 0; i < texts.size(); ++i) {
      classifier.fusion_.probabilities(heldout[i].linear, heldout[i].embedding, probabilities);
      correct_prior(intents, odds, probabilities);
      const HeldOutPrediction p = judge(probabilities, intents, labelled.ids[i]);
      report->heldout.push_back(p);
      if (i >= own_texts.size()) continue;
      const auto top = std::max_element(probabilities.begin(),
                                        probabilities.begin() + static_cast<long>(intents));
      report->heldout_examples.push_back({i, labelled.ids[i],
                                          static_cast<uint32_t>(top - probabilities.begin()),
                                          p.confidence, p.rejected_by_model});
    }
  }

  std::optional<ModeFit> neural;
  if (options.neural.enabled) {
    NeuralMode mode;
    mode.fusion =
        fit_neural_fusion(classifier.fusion_, fit_linear, fit_embedding, fit_neural, fit_labels);
    neural = fit_mode(labelled.ids, intents, threshold_examples, options,
                      [&](uint32_t i, std::vector<float>& out) {
                        mode.fusion.probabilities(classifier.fusion_, heldout[i].linear,
                                                  heldout[i].embedding, heldout[i].neural, out);
                        correct_prior(intents, odds, out);
                      });
    mode.threshold = neural->threshold;
    mode.answer_threshold = neural->answer_threshold;
    classifier.neural_ = mode;
  }

  std::vector<size_t> all;
  for (uint32_t i = 0; i < texts.size(); ++i)
    if (trainable(i)) all.push_back(i);
  FittedModel final_model =
      fit_models(features, labelled.ids, all, classes, intents, options, [&](float f) {
        if (progress) progress("final model", f);
      });
  classifier.vectorizer_ = std::move(final_model.vectorizer);
  classifier.linear_ = std::move(final_model.linear);
  classifier.embedding_ = std::move(final_model.embedding);
  if (classifier.neural_) {
    classifier.neural_->fingerprint = final_model.neural.fingerprint();
    classifier.neural_->buckets = final_model.neural.weights().buckets;
    if (neural_out) *neural_out = std::move(final_model.neural);
  }

  if (report) {
    report->examples = texts.size();
    report->intents = intents;
    report->out_of_scope_examples = labelled.out_of_scope;
    report->feature_rows = classifier.vectorizer_.rows();
    report->weights_kept = classifier.linear_.entries();
    report->heldout_accuracy = lexical.accuracy;
    report->calibration_error = lexical.calibration_error;
    report->temperature = classifier.fusion_.temperature;
    report->operating_point = lexical.point;
    report->answer_point = lexical.answer_point;
    report->out_of_scope_odds = classifier.out_of_scope_odds_;
    report->neural = neural.has_value();
    if (neural) {
      report->neural_heldout_accuracy = neural->accuracy;
      report->neural_calibration_error = neural->calibration_error;
      report->neural_weight = classifier.neural_->fusion.neural_weight;
      report->neural_operating_point = neural->point;
      report->neural_answer_point = neural->answer_point;
    }
  }
  return classifier;
}

}  // namespace tandem::nlu
