#include "engine/engine.h"

#include <algorithm>

#include "nlu/calibration.h"

namespace tandem::engine {
namespace {
constexpr size_t kCandidates = 5;
// A question below the answer threshold is still worth a "did you mean" when a
// few candidates this likely together reach the threshold: a choice of likely
// answers beats a dead end.
constexpr float kPlausible = 0.1f;
constexpr size_t kClarifyOptions = 3;

// A knowledge base may pin the threshold; "auto" uses the one training chose for
// the mode that scored the message. Bare labelled data has no answers to hold
// back, only out-of-scope messages to decline.
float answer_threshold_for(const Model& model, float threshold, float answer_threshold) {
  const float pinned = model.kb.policy.answer_threshold;
  return pinned >= 0.0f ? pinned : model.from_knowledge_base ? answer_threshold : threshold;
}

}  // namespace

std::string_view action_name(Action action) {
  switch (action) {
    case Action::kAnswer:
      return "answer";
    case Action::kClarify:
      return "clarify";
    case Action::kCollect:
      return "collect";
    case Action::kHandoff:
      return "handoff";
    case Action::kFallback:
      return "fallback";
  }
  return "fallback";
}

std::string_view basis_name(Basis basis) {
  switch (basis) {
    case Basis::kConfident:
      return "confident";
    case Basis::kNothingKnown:
      return "nothing_known";
    case Basis::kOutOfScope:
      return "out_of_scope";
    case Basis::kBelowThreshold:
      return "below_threshold";
    case Basis::kCloseCall:
      return "close_call";
  }
  return "nothing_known";
}

std::string_view reason_code(HandoffReason reason) {
  switch (reason) {
    case HandoffReason::kNone:
      return "";
    case HandoffReason::kAskedForPerson:
      return "asked_for_person";
    case HandoffReason::kSensitive:
      return "sensitive";
    case HandoffReason::kLowConfidence:
      return "low_confidence";
    case HandoffReason::kRepeatedFailure:
      return "repeated_failure";
    case HandoffReason::kFrustration:
      return "frustration";
    case HandoffReason::kNotHelpful:
      return "not_helpful";
  }
  return "";
}

std::string_view fallback_reason(Basis basis) {
  switch (basis) {
    case Basis::kConfident:
      return "";
    case Basis::kNothingKnown:
    case Basis::kOutOfScope:
      return "out_of_scope";
    case Basis::kBelowThreshold:
      return "below_threshold";
    case Basis::kCloseCall:
      return "ambiguous";
  }
  return "";
}

Engine::Engine(Model model) : model_(std::move(model)) {
  lexical_answer_threshold_ = answer_threshold_for(model_, model_.classifier.threshold(),
                                                   model_.classifier.answer_threshold());
  for (const auto& label : model_.classifier.labels()) {
    Candidate target{label, false, 0, 0.0f};
    for (uint32_t i = 0; i < model_.kb.intents.size(); ++i)
      if (model_.kb.intents[i].id == label) target.index = i;
    for (uint32_t i = 0; i < model_.kb.faqs.size(); ++i)
      if (model_.kb.faqs[i].id == label) target.is_faq = true, target.index = i;
    targets_.push_back(std::move(target));
  }
}

Expected<Engine> Engine::load(std::string_view model_bytes) {
  auto model = read_model(model_bytes);
  if (!model) return model.errors();
  return Engine(std::move(model).value());
}

// Intent probabilities and FAQ probabilities live on one scale: the best FAQs
// take the probability their calibrated similarity gives them, and the
// classifier's classes (intents, and FAQs learnt from their phrasings) share
// the rest.
Engine::Ranking Engine::rank(std::string_view message, const nlu::NeuralScores* neural) const {
  Ranking ranking;
  std::vector<Candidate>& candidates = ranking.candidates;
  const nlu::Classification intents = model_.classifier.classify(message, kCandidates, neural);
  ranking.declined_by_model = intents.declined_by_model;
  // A knowledge base's own number replaces the trained out-of-scope cut too:
  // it is the one threshold the author set, and it is the one applied.
  ranking.classifier_in_scope =
      model_.kb.policy.answer_threshold >= 0.0f ? !intents.declined_by_model : intents.in_scope;
  ranking.neural = neural && model_.classifier.fits(*neural);
  ranking.answer_threshold =
      answer_threshold_for(model_, intents.threshold, intents.answer_threshold);
  float faq_share = 0.0f;
  if (model_.faq_index.size() > 0) {
    const auto matches = model_.faq_index.rank(message, 2);
    for (size_t i = 0; i < matches.size(); ++i) {
      const float p = model_.faq_calibration.probability(matches[i].score) * (1.0f - faq_share);
      candidates.push_back({model_.kb.faqs[matches[i].faq].id, true, matches[i].faq, p});
      faq_share += p;
    }
  }
  for (const auto& s : intents.ranked) {
    Candidate c = targets_[s.intent];
    c.confidence = s.probability * (1.0f - faq_share);
    auto same = std::find_if(candidates.begin(), candidates.end(),
                             [&](const Candidate& other) { return other.id == c.id; });
    if (same != candidates.end())
      same->confidence += c.confidence;
    else
      candidates.push_back(std::move(c));
  }
  std::stable_sort(
      candidates.begin(), candidates.end(),
      [](const Candidate& a, const Candidate& b) { return a.confidence > b.confidence; });
  if (candidates.size() > kCandidates) candidates.resize(kCandidates);
  return ranking;
}

nlu::NeuralInput Engine::neural_input(std::string_view message) const {
  return model_.classifier.neural_input(message);
}

Decision Engine::decide(std::string_view message, const nlu::NeuralScores* neural) const {
  Decision d;
  Ranking ranking = rank(message, neural);
  d.candidates = std::move(ranking.candidates);
  d.answer_threshold = ranking.answer_threshold;
  d.neural = ranking.neural;
  const float answer_threshold = ranking.answer_threshold;
  const bool classifier_in_scope = ranking.classifier_in_scope;
  if (d.candidates.empty()) {
    d.reply = model_.kb.messages.fallback;
    return d;
  }
  const Candidate& top = d.candidates.front();
  d.intent = top.id;
  d.confidence = top.confidence;

  // The out-of-scope class of the classifier can veto an intent answer even above
  // the threshold; an FAQ answer stands on its own calibrated similarity.
  const bool vetoed = !top.is_faq && ranking.declined_by_model;
  const bool confident = top.confidence >= answer_threshold && (top.is_faq || classifier_in_scope);
  const float second = d.candidates.size() > 1 ? d.candidates[1].confidence : 0.0f;
  const bool close_call =
      model_.from_knowledge_base &&
      nlu::ClarifyRule{model_.kb.policy.clarify_margin}.asks(top.confidence, second);
  float likely = 0.0f;
  size_t plausible = 0;
  for (size_t i = 0; i < d.candidates.size() && i < kClarifyOptions; ++i)
    if (d.candidates[i].confidence >= kPlausible) likely += d.candidates[i].confidence, ++plausible;
  const bool worth_asking =
      model_.from_knowledge_base && !vetoed && plausible >= 2 && likely >= answer_threshold;

  if (close_call && (confident || top.confidence + second >= answer_threshold)) {
    d.action = Action::kClarify;
    d.reply = model_.kb.messages.clarify;
    d.basis = Basis::kCloseCall;
    return d;
  }
  if (!confident) {
    d.basis = vetoed ? Basis::kOutOfScope : close_call ? Basis::kCloseCall : Basis::kBelowThreshold;
    d.action = worth_asking ? Action::kClarify : Action::kFallback;
    d.reply = worth_asking ? model_.kb.messages.clarify : model_.kb.messages.fallback;
    return d;
  }
  d.basis = Basis::kConfident;
  d.action = Action::kAnswer;
  if (top.is_faq) {
    d.reply = model_.kb.faqs[top.index].answer;
    return d;
  }
  const kb::Intent& intent = model_.kb.intents[top.index];
  d.reply = intent.answer;
  if (intent.sensitive) {
    d.action = Action::kHandoff;
    d.reason = HandoffReason::kSensitive;
  }
  return d;
}

}  // namespace tandem::engine
