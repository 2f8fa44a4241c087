// The engine's facade: one message in, one decision out. The path reads top to
// bottom in engine.cpp: normalise -> features -> intent scores + FAQ scores ->
// fuse -> policy -> reply.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "engine/model.h"

namespace tandem::engine {

enum class Action { kAnswer, kClarify, kCollect, kHandoff, kFallback };
std::string_view action_name(Action action);

// Handoff reason codes of the bundle contract (ARCHITECTURE.md 3.3).
enum class HandoffReason {
  kNone,
  kAskedForPerson,
  kSensitive,
  kLowConfidence,
  kRepeatedFailure,
  kFrustration,
  kNotHelpful
};
std::string_view reason_code(HandoffReason reason);

// Why a decision did not simply answer its top candidate, for the author's
// loop (`tandem eval --errors`) and `tandem ask`.
enum class Basis {
  kConfident,       // the top candidate cleared the answer threshold
  kNothingKnown,    // no candidate at all
  kOutOfScope,      // the classifier found the message more likely out of scope than any intent
  kBelowThreshold,  // the top candidate is below the answer threshold
  kCloseCall,       // the top two are within the clarify margin
};
std::string_view basis_name(Basis basis);
// The `reason` of a fallback in `tandem ask` and the widget's reply: nothing
// known fits (out_of_scope), the best fit is too unsure (below_threshold), or
// two fits are too close to call and together still too unsure (ambiguous);
// empty for a decision that answered.
std::string_view fallback_reason(Basis basis);

// An intent or FAQ the message may be about, with one fused confidence.
struct Candidate {
  std::string id;
  bool is_faq = false;
  uint32_t index = 0;  // into the model's kb.faqs or kb.intents
  float confidence = 0.0f;
};

struct Decision {
  Action action = Action::kFallback;
  std::optional<std::string> intent;  // top candidate id; none when nothing is known
  float confidence = 0.0f;            // calibrated probability that `intent` is right
  std::string reply;                  // what the customer sees
  HandoffReason reason = HandoffReason::kNone;
  std::vector<Candidate> candidates;  // best first; clarify offers the first ones
  // The answer threshold this decision was held to: the neural mode has its own.
  float answer_threshold = 0.0f;
  bool neural = false;  // neural scores took part (they had arrived and fit the model)
  Basis basis = Basis::kNothingKnown;
};

class Engine {
 public:
  explicit Engine(Model model);
  // Loads a compiled .tandem file; a bad file gives one clear error.
  static Expected<Engine> load(std::string_view model_bytes);

  // Decides about one message on its own (the dialogue layer adds context).
  // Neural scores for this message, when they have arrived, are fused in;
  // scores that do not fit the model are ignored.
  Decision decide(std::string_view message, const nlu::NeuralScores* neural = nullptr) const;
  // What the trained network needs for this message (empty without one).
  nlu::NeuralInput neural_input(std::string_view message) const;

  const Model& model() const { return model_; }
  // The lexical mode's; Decision::answer_threshold says which one a decision used.
  float answer_threshold() const { return lexical_answer_threshold_; }

 private:
  struct Ranking {
    std::vector<Candidate> candidates;
    bool classifier_in_scope = false;
    bool declined_by_model = false;  // the classifier's out-of-scope class won
    float answer_threshold = 0.0f;
    bool neural = false;
  };
  Ranking rank(std::string_view message, const nlu::NeuralScores* neural) const;

  Model model_;
  float lexical_answer_threshold_;
  std::vector<Candidate> targets_;  // per classifier class: what it answers with
};

}  // namespace tandem::engine
