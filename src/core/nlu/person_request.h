// Whether a message asks for a person (agent, representative, someone from
// support, "not a machine", a complaint about the bot) rather than mentioning
// one: "can a person pay with two cards?" is an ordinary question, and so is
// "I don't need an agent, just the fee". A yes/no classifier over the
// message's n-grams, with the words a negation governs read as negated,
// trained on built-in phrasings (person_request_phrasings.h).
#pragma once

#include <string_view>
#include <vector>

#include "base/binary_codec.h"
#include "nlu/binary_classifier.h"

namespace tandem::nlu {

class PersonRequestDetector {
 public:
  PersonRequestDetector() = default;

  // Trained once per `tandem train` (deterministic); the model file stores it.
  static PersonRequestDetector train(BinaryReport* report = nullptr);

  float probability(std::string_view message) const;
  // An untrained detector never says yes.
  bool says_yes(std::string_view message) const {
    return !empty() && probability(message) >= threshold();
  }
  float threshold() const { return classifier_.threshold(); }
  bool empty() const { return classifier_.empty(); }

  void save(BinaryWriter& out) const { classifier_.save(out); }
  static PersonRequestDetector load(BinaryReader& in);

 private:
  BinaryClassifier classifier_;
};

// The detector's reading of a message (exposed for its tests): the hashed
// word and character n-grams, where a word governed by a negation ("not",
// "don't", "no need"...) takes a negated form and gives no character n-grams,
// so that "I don't need an agent" and "I need an agent" share little.
std::vector<text::Feature> person_request_features(std::string_view message,
                                                   const text::FeatureConfig& config);

}  // namespace tandem::nlu
