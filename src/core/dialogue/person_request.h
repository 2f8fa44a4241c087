// Whether a message asks for a person (agent, representative, someone from
// support) rather than mentioning one: "can a person pay with two cards?" is
// an ordinary question. A yes/no classifier trained on built-in phrasings.
#pragma once

#include <string_view>
#include <vector>

#include "nlu/binary_classifier.h"

namespace tandem::dialogue {

// The built-in training phrasings: requests for a person, and ordinary support
// messages that mention people, humans, agents or staff without asking for one.
const std::vector<std::string_view>& person_request_phrasings();
const std::vector<std::string_view>& person_mention_phrasings();

// Trained once per `tandem train`; the model file stores the result.
nlu::BinaryClassifier train_person_request_detector(nlu::BinaryReport* report = nullptr);

}  // namespace tandem::dialogue
