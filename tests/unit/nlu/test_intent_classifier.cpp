#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "base/binary_codec.h"
#include "data/labelled_data.h"
#include "nlu/intent_classifier.h"
#include "nlu_test_support.h"

namespace tandem::nlu {
namespace {

const data::LabelledData& clinc() {
  static const data::LabelledData data = [] {
    auto parsed =
        data::parse_clinc_json(testing::read_file(TANDEM_TEST_DATA_DIR "/clinc150/sample.json"));
    REQUIRE(parsed.ok());
    return std::move(parsed).value();
  }();
  return data;
}

IntentClassifier train_clinc(uint64_t seed) {
  std::vector<std::string> texts, labels;
  for (const auto& e : clinc().train) {
    texts.push_back(e.text);
    labels.push_back(e.label);
  }
  ClassifierOptions options;
  options.folds = 2;
  options.softmax.seed = seed;
  return IntentClassifier::train(texts, labels, options);
}

const IntentClassifier& clinc_classifier() {
  static const IntentClassifier classifier = train_clinc(1);
  return classifier;
}

std::string saved(const IntentClassifier& classifier) {
  BinaryWriter out;
  classifier.save(out);
  return out.take();
}

struct OosScore {
  double in_scope_accuracy, oos_recall;
};

// As a deployed bot: an in-scope item counts only when answered with its intent.
OosScore score_with_rejection(const IntentClassifier& classifier,
                              const std::vector<data::Example>& items) {
  size_t in_scope = 0, right = 0, oos = 0, declined = 0;
  for (const auto& e : items) {
    const Classification c = classifier.classify(e.text);
    if (e.label == data::kOutOfScope) {
      ++oos;
      declined += !c.in_scope;
    } else {
      ++in_scope;
      right += c.in_scope && classifier.labels()[c.ranked.at(0).intent] == e.label;
    }
  }
  return {double(right) / in_scope, double(declined) / oos};
}

TEST_CASE("held-out BANKING77 accuracy is far above chance", "[nlu]") {
  const auto& split = testing::banking_split();
  const IntentClassifier& classifier = testing::banking_classifier();
  REQUIRE(classifier.labels().size() == 77);
  size_t right = 0;
  for (const auto& e : split.heldout)
    right += classifier.labels()[classifier.classify(e.text).ranked.at(0).intent] == e.label;
  const double accuracy = double(right) / split.heldout.size();
  INFO("held-out top-1 accuracy " << accuracy << " over " << split.heldout.size());
  CHECK(accuracy > 0.6);  // chance is 1/77
}

TEST_CASE("classify ranks in-scope intents best first with calibrated probabilities", "[nlu]") {
  const IntentClassifier& classifier = clinc_classifier();
  REQUIRE(classifier.labels().size() == 20);  // "oos" is not an intent
  const Classification c = classifier.classify("what is my bank balance", 3);
  REQUIRE(c.ranked.size() == 3);
  CHECK(classifier.labels()[c.ranked[0].intent] == "balance");
  float total = 0.0f;
  for (size_t r = 0; r < c.ranked.size(); ++r) {
    CHECK(c.ranked[r].probability >= 0.0f);
    if (r > 0) CHECK(c.ranked[r].probability <= c.ranked[r - 1].probability);
    total += c.ranked[r].probability;
  }
  CHECK(total <= 1.0f + 1e-5f);
  CHECK(classifier.classify("anything", 100).ranked.size() == 20);
}

TEST_CASE("CLINC out-of-scope messages are declined while in-scope ones are answered", "[nlu]") {
  const OosScore score = score_with_rejection(clinc_classifier(), clinc().eval);
  INFO("in-scope accuracy " << score.in_scope_accuracy << ", oos recall " << score.oos_recall);
  CHECK(score.in_scope_accuracy > 0.7);
  CHECK(score.oos_recall > 0.5);
}

TEST_CASE("training is deterministic for a seed", "[nlu]") {
  const std::string first = saved(clinc_classifier());
  CHECK(saved(train_clinc(1)) == first);

  const IntentClassifier other = train_clinc(7);
  CHECK(saved(other) != first);
  CHECK(other.labels() == clinc_classifier().labels());
  const OosScore score = score_with_rejection(other, clinc().eval);
  CHECK(score.in_scope_accuracy > 0.7);
  CHECK(score.oos_recall > 0.5);
}

TEST_CASE("a saved classifier loads back and classifies identically", "[nlu]") {
  const IntentClassifier& original = clinc_classifier();
  const std::string bytes = saved(original);
  BinaryReader in(bytes);
  const IntentClassifier loaded = IntentClassifier::load(in);
  REQUIRE(in.ok());
  CHECK(in.at_end());
  CHECK(loaded.labels() == original.labels());
  CHECK(loaded.threshold() == original.threshold());
  CHECK(saved(loaded) == bytes);
  for (const auto& e : clinc().eval) {
    const Classification a = original.classify(e.text), b = loaded.classify(e.text);
    REQUIRE(a.ranked.size() == b.ranked.size());
    CHECK(a.in_scope == b.in_scope);
    for (size_t r = 0; r < a.ranked.size(); ++r) {
      CHECK(a.ranked[r].intent == b.ranked[r].intent);
      CHECK(a.ranked[r].probability == b.ranked[r].probability);
    }
  }
}

TEST_CASE("a truncated classifier fails to load instead of half-loading", "[nlu]") {
  const std::string bytes = saved(clinc_classifier());
  for (size_t length : {size_t{0}, size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    BinaryReader in(std::string_view(bytes).substr(0, length));
    const IntentClassifier loaded = IntentClassifier::load(in);
    INFO("length " << length);
    CHECK_FALSE(in.ok());
    CHECK(loaded.empty());
    CHECK(loaded.classify("hello").ranked.empty());
  }
}

TEST_CASE("training without any in-scope label gives an empty classifier", "[nlu]") {
  const IntentClassifier none = IntentClassifier::train({"hi", "hello"}, {"oos", "oos"}, {});
  CHECK(none.empty());
  CHECK(none.classify("hi").ranked.empty());
  CHECK_FALSE(none.classify("hi").in_scope);
}

}  // namespace
}  // namespace tandem::nlu
