#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "base/binary_codec.h"
#include "nlu/augment.h"
#include "nlu/intent_classifier.h"

namespace tandem::nlu {
namespace {

const SynonymTable& table() {
  static const SynonymTable synonyms = {
      {"cancel", {"call off", "scrub"}},
      {"broken", {"damaged", "faulty"}},
      {"purchase", {"buy"}},
      {"card", {"plastic"}},
  };
  return synonyms;
}

TEST_CASE("replaceable words leave out stop words, numbers, money and glued words", "[augment]") {
  const auto words = replaceable_words(
      {"Please CANCEL my order 5 of $20", "can I get a 3rd card for e-mail", "don't stop"});
  CHECK(words == std::vector<std::string>{"cancel", "card", "order", "stop"});
  CHECK(replaceable_words({"", "12 34", "ok hi"}).empty());
}

TEST_CASE("a variant replaces one word of its source by a synonym, multiword ones spelled out",
          "[augment]") {
  const std::vector<std::string> texts = {"Cancel my order please", "my phone arrived broken",
                                          "how much is it", "purchase a new card"};
  AugmentOptions options;
  options.variants_per_example = 2;
  const auto variants = synonym_variants(texts, texts.size(), table(), options);
  const std::vector<std::string> allowed_0 = {"call off my order please", "scrub my order please"};
  size_t of_first = 0, of_last = 0;
  for (const auto& v : variants) {
    REQUIRE(v.source < texts.size());
    CHECK(v.text != texts[v.source]);
    CHECK(v.source != 2);  // nothing in it the table knows
    if (v.source == 0) {
      ++of_first;
      CHECK(std::find(allowed_0.begin(), allowed_0.end(), v.text) != allowed_0.end());
    }
    if (v.source == 3) {
      ++of_last;
      CHECK((v.text == "buy a new card" || v.text == "purchase a new plastic"));
    }
  }
  CHECK(of_first == 2);
  CHECK(of_last == 2);
  CHECK(variants.size() == 6);
}

TEST_CASE("variants are deterministic for a seed, and only of the first `count` texts",
          "[augment]") {
  const std::vector<std::string> texts = {"cancel the broken card purchase",
                                          "cancel the broken card purchase"};
  AugmentOptions options;
  options.variants_per_example = 3;
  auto text_of = [](const std::vector<Variant>& variants) {
    std::vector<std::string> out;
    for (const auto& v : variants) out.push_back(v.text);
    return out;
  };
  const auto once = synonym_variants(texts, 1, table(), options);
  CHECK(once.size() == 3);
  for (const auto& v : once) CHECK(v.source == 0);
  CHECK(text_of(once) == text_of(synonym_variants(texts, 1, table(), options)));
  options.variants_per_example = 0;
  CHECK(synonym_variants(texts, 2, table(), options).empty());
  CHECK(synonym_variants(texts, 5, {}, AugmentOptions{}).empty());
}

// Two intents whose examples share no word with the test messages except
// through the synonyms the variants teach.
struct Toy {
  std::vector<std::string> texts = {"cancel my subscription",
                                    "cancel the plan now",
                                    "cancel it today",
                                    "cancel my membership",
                                    "please cancel this",
                                    "cancel everything",
                                    "my parcel arrived broken",
                                    "broken screen on arrival",
                                    "the lamp came broken",
                                    "broken item in the box",
                                    "it is broken",
                                    "broken when delivered"};
  std::vector<std::string> labels = {"cancel",  "cancel",  "cancel",  "cancel",
                                     "cancel",  "cancel",  "damaged", "damaged",
                                     "damaged", "damaged", "damaged", "damaged"};
};

ClassifierOptions toy_options() {
  ClassifierOptions options;
  options.folds = 2;
  options.min_df = 1;
  return options;
}

TEST_CASE("variants train the classifier but are never held out", "[augment]") {
  const Toy toy;
  ClassifierOptions options = toy_options();
  const SynonymTable synonyms = {{"cancel", {"terminate"}}, {"broken", {"faulty"}}};
  options.variants = synonym_variants(toy.texts, toy.texts.size(), synonyms, AugmentOptions{});
  REQUIRE(options.variants.size() == toy.texts.size());
  TrainingReport with, without;
  const auto augmented = IntentClassifier::train(toy.texts, toy.labels, options, &with);
  const auto plain = IntentClassifier::train(toy.texts, toy.labels, toy_options(), &without);
  CHECK(with.heldout_examples.size() == toy.texts.size());
  CHECK(with.heldout.size() == without.heldout.size());
  CHECK(with.examples == without.examples);

  auto probability_of = [](const IntentClassifier& c, const char* text, const char* label) {
    for (const auto& s : c.classify(text).ranked)
      if (c.labels()[s.intent] == label) return s.probability;
    return 0.0f;
  };
  CHECK(probability_of(augmented, "terminate", "cancel") >
        probability_of(plain, "terminate", "cancel"));
  CHECK(probability_of(augmented, "faulty", "damaged") >
        probability_of(plain, "faulty", "damaged"));
}

TEST_CASE("a variant of no example is ignored, not a crash", "[augment]") {
  const Toy toy;
  ClassifierOptions options = toy_options();
  options.variants = {{static_cast<uint32_t>(toy.texts.size()), "terminate"}, {999999, "x"}};
  BinaryWriter with, without;
  IntentClassifier::train(toy.texts, toy.labels, options).save(with);
  IntentClassifier::train(toy.texts, toy.labels, toy_options()).save(without);
  CHECK(with.take() == without.take());
}

}  // namespace
}  // namespace tandem::nlu
