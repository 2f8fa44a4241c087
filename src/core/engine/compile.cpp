#include "engine/compile.h"

#include "engine/background_out_of_scope.h"
#include "nlu/person_request.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tandem::engine {
namespace {

// Intent examples checked against the FAQ index as negatives for its calibration.
constexpr size_t kFaqNegatives = 400;

struct ScoredMatch {
  float score;
  bool right;
};

// One-dimensional logistic regression by Newton's method, lightly regularised
// so that perfectly separated samples still give finite parameters.
FaqCalibration fit_logistic(const std::vector<ScoredMatch>& samples) {
  FaqCalibration c;
  size_t positives = 0;
  for (const auto& s : samples) positives += s.right;
  if (positives == 0 || positives == samples.size()) return c;  // keep the default
  double a = c.slope, b = c.intercept;
  const double l2 = 1e-2;
  for (int iteration = 0; iteration < 50; ++iteration) {
    double ga = l2 * a, gb = 0, haa = l2, hab = 0, hbb = 1e-9;
    for (const auto& s : samples) {
      const double p = 1.0 / (1.0 + std::exp(-(a * s.score + b)));
      const double e = p - (s.right ? 1.0 : 0.0), w = p * (1.0 - p);
      ga += e * s.score, gb += e;
      haa += w * s.score * s.score, hab += w * s.score, hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (std::fabs(det) < 1e-12) break;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  c.slope = static_cast<float>(a);
  c.intercept = static_cast<float>(b);
  return c;
}

std::vector<std::vector<std::string>> questions_of(const std::vector<kb::Faq>& faqs) {
  std::vector<std::vector<std::string>> questions;
  for (const auto& faq : faqs) questions.push_back(faq.questions);
  return questions;
}

// Leave-one-out: each phrasing of an FAQ with several is asked against an index
// that lacks it, which is how a customer's new wording meets the index.
FaqCalibration calibrate_faqs(const kb::KnowledgeBase& kb, CompileReport* report) {
  std::vector<ScoredMatch> samples;
  size_t right = 0, asked = 0;
  auto all = questions_of(kb.faqs);
  for (size_t f = 0; f < kb.faqs.size(); ++f) {
    if (all[f].size() < 2) continue;
    for (size_t q = 0; q < all[f].size(); ++q) {
      auto without = all;
      without[f].erase(without[f].begin() + static_cast<long>(q));
      const auto matches = retrieval::FaqIndex::build(without).rank(all[f][q], 1);
      if (matches.empty()) continue;
      const bool hit = matches[0].faq == f;
      samples.push_back({matches[0].score, hit});
      ++asked, right += hit;
    }
  }
  const auto index = retrieval::FaqIndex::build(all);
  size_t total = 0;
  for (const auto& intent : kb.intents) total += intent.examples.size();
  const size_t stride = std::max<size_t>(1, total / kFaqNegatives);
  size_t n = 0;
  for (const auto& intent : kb.intents) {
    for (const auto& example : intent.examples) {
      if (n++ % stride) continue;
      const auto matches = index.rank(example, 1);
      if (!matches.empty()) samples.push_back({matches[0].score, false});
    }
  }
  if (report) {
    report->faq_positive_checks = asked;
    report->faq_heldout_accuracy = asked ? double(right) / asked : 0.0;
  }
  return fit_logistic(samples);
}

// Training data lists what the bot answers and rarely what it must decline, so
// the built-in off-topic messages teach every model where its scope ends.
nlu::ClassifierOptions with_background(nlu::ClassifierOptions options) {
  options.background_out_of_scope = background_out_of_scope();
  return options;
}

size_t background_size() {
  return background_out_of_scope().size();
}

}  // namespace

Model compile_knowledge_base(const kb::KnowledgeBase& kb, const nlu::ClassifierOptions& options,
                             CompileReport* report, const nlu::StageProgressFn& progress,
                             nlu::NeuralModel* neural_out) {
  std::vector<std::string> texts, labels;
  for (const auto& intent : kb.intents) {
    for (const auto& example : intent.examples) {
      texts.push_back(example);
      labels.push_back(intent.id);
    }
  }
  // FAQ phrasings are too few to learn an FAQ from alone, but they tell the
  // classifier which words belong to the FAQ rather than to a nearby intent.
  for (const auto& faq : kb.faqs) {
    for (const auto& question : faq.questions) {
      texts.push_back(question);
      labels.push_back(faq.id);
    }
  }
  for (const auto& example : kb.out_of_scope.examples) {
    texts.push_back(example);
    labels.emplace_back(data::kOutOfScope);
  }
  Model model;
  model.from_knowledge_base = true;
  model.classifier = nlu::IntentClassifier::train(
      texts, labels, kb.out_of_scope.builtin ? with_background(options) : options,
      report ? &report->classifier : nullptr, progress, neural_out);
  if (report) report->builtin_out_of_scope = kb.out_of_scope.builtin ? background_size() : 0;
  // The shipped answer table leaves out the training text the widget does not need.
  model.kb.name = kb.name;
  model.kb.locale = kb.locale;
  model.kb.policy = kb.policy;
  model.kb.messages = kb.messages;
  model.kb.redactions = kb.redactions;
  model.kb.action_hosts = kb.action_hosts;
  model.kb.actions = kb.actions;
  for (kb::Intent intent : kb.intents) {
    intent.examples.clear();
    model.kb.intents.push_back(std::move(intent));
  }
  model.faq_index = retrieval::FaqIndex::build(questions_of(kb.faqs));
  model.faq_calibration = calibrate_faqs(kb, report);
  for (kb::Faq faq : kb.faqs) {
    faq.questions.clear();
    model.kb.faqs.push_back(std::move(faq));
  }
  if (report) report->faq_calibration = model.faq_calibration;
  model.person_request =
      nlu::PersonRequestDetector::train(report ? &report->person_request : nullptr);
  for (const auto& intent : kb.intents) {
    const auto asks =
        std::count_if(intent.examples.begin(), intent.examples.end(),
                      [&](const std::string& e) { return model.person_request.says_yes(e); });
    if (2 * static_cast<size_t>(asks) > intent.examples.size())
      model.person_request_intents.push_back(intent.id);
  }
  return model;
}

Model compile_labelled_data(const std::vector<data::Example>& examples,
                            const nlu::ClassifierOptions& options, CompileReport* report,
                            const nlu::StageProgressFn& progress, nlu::NeuralModel* neural_out) {
  std::vector<std::string> texts, labels;
  for (const auto& e : examples) {
    texts.push_back(e.text);
    labels.push_back(e.label);
  }
  Model model;
  if (report) report->builtin_out_of_scope = background_size();
  model.classifier =
      nlu::IntentClassifier::train(texts, labels, with_background(options),
                                   report ? &report->classifier : nullptr, progress, neural_out);
  model.kb.name = "labelled data";
  model.kb.policy.clarify_margin = 0.0f;
  model.kb.messages.fallback = std::string(data::kOutOfScope);
  for (const auto& label : model.classifier.labels()) {
    kb::Intent intent;
    intent.id = label;
    intent.answer = label;
    model.kb.intents.push_back(std::move(intent));
  }
  return model;
}

}  // namespace tandem::engine
