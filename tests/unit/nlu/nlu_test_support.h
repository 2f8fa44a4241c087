// Real data for the classifier and calibration tests: a deterministic,
// stratified 75/25 split of the BANKING77 sample and one classifier trained on
// it, shared by every test file (training is the slow part, above all in WASM).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../test_files.h"

#include "data/labelled_data.h"
#include "nlu/intent_classifier.h"

namespace tandem::nlu::testing {

using tandem::testing::read_file;

struct Split {
  std::vector<std::string> train_texts, train_labels;
  std::vector<data::Example> heldout;
};

// Every fourth example of each label (in file order) is held out.
inline Split split_stratified(const std::vector<data::Example>& examples) {
  Split split;
  std::map<std::string, int> seen;
  for (const auto& e : examples) {
    if (seen[e.label]++ % 4 == 3) {
      split.heldout.push_back(e);
    } else {
      split.train_texts.push_back(e.text);
      split.train_labels.push_back(e.label);
    }
  }
  return split;
}

inline const Split& banking_split() {
  static const Split split = [] {
    const auto data = data::parse_csv(read_file(TANDEM_TEST_DATA_DIR "/banking77/sample.csv"));
    REQUIRE(data.ok());
    return split_stratified(data->train);
  }();
  return split;
}

// Trained with the default options except for fewer cross-fitting folds: the
// calibration checks need an honest model, not the last point of accuracy.
inline const IntentClassifier& banking_classifier() {
  static const IntentClassifier classifier = [] {
    ClassifierOptions options;
    options.folds = 2;
    const Split& split = banking_split();
    return IntentClassifier::train(split.train_texts, split.train_labels, options);
  }();
  return classifier;
}

}  // namespace tandem::nlu::testing
