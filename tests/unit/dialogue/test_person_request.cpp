#include <catch2/catch.hpp>

#include "dialogue/person_request.h"
#include "engine/model.h"

#include "../engine/engine_test_support.h"

namespace tandem::dialogue {
namespace {

using engine::testing::compiled_demo;

const nlu::BinaryClassifier& detector() {
  return compiled_demo().model.person_request;
}

TEST_CASE("person detector: trained at compile time with a held-out threshold",
          "[dialogue][person]") {
  const auto& report = compiled_demo().report.person_request;
  CHECK(report.positives >= 150);
  CHECK(report.examples - report.positives >= 300);
  CHECK(report.heldout > 100);
  CHECK(report.threshold > 0.0f);
  CHECK(report.threshold < 1.0f);
  // A held-out false positive hands a routine question to a person: rare.
  CHECK(report.heldout_false_positives <= 3);
  CHECK(report.heldout_missed <= 6);
  CHECK_FALSE(detector().empty());
  // The demo's own "talk to a person" intent is recognised as one.
  CHECK(compiled_demo().model.person_request_intents == std::vector<std::string>{"human_agent"});
}

TEST_CASE("person detector: requests it never saw", "[dialogue][person]") {
  // None of these is in the training phrasings.
  const char* requests[] = {
      "i would like to chat with a human agent please",
      "can you get me a real human",
      "let me talk to a person from your company",
      "I need to speak to somebody real",
      "put me in touch with a representative",
      "HUMAN AGENT NOW",
      "hooman pls",
      "connect me to a live person please",
      "is there a real person I can chat to?",
      "transfer me to someone from customer support",
      "speak to real agent",
      "I want to talk to someone in customer service",
  };
  for (const char* text : requests) {
    INFO(text << " p=" << detector().probability(text));
    CHECK(detector().says_yes(text));
  }
}

TEST_CASE("person detector: ordinary questions mentioning people", "[dialogue][person]") {
  const char* questions[] = {
      "can a person pay with two cards?",
      "is a human checking my application",
      "the agent at the store told me to come here",
      "can somebody else pay my bill",
      "can a person return an item without the receipt",
      "the person who delivered my parcel was rude",
      "does a real person approve refunds",
      "my brother paid with his card, can I get the refund",
      "the store staff said the order was cancelled",
      "how many people can be on one account",
      "someone stole my card",
      "can another person track my order",
      "is there a fee for adding a second person",
      "a support agent told me the refund takes 5 days",
      "how long until someone reviews my dispute",
      "can I pay for a friend's purchase",
      "my agent said I can pay in three parts",
      "what personal details do you need",
      "where is my refund",
      "how do I change my payment date",
      "can I pay early",
      "why was my card declined",
      "the human resources team needs my statement",
      "does your staff have access to my card number",
  };
  for (const char* text : questions) {
    INFO(text << " p=" << detector().probability(text));
    CHECK_FALSE(detector().says_yes(text));
  }
}

TEST_CASE("person detector: survives the model file", "[dialogue][person]") {
  const auto bytes = engine::write_model(compiled_demo().model);
  auto loaded = engine::read_model(bytes);
  REQUIRE(loaded.ok());
  const auto& copy = loaded->person_request;
  REQUIRE_FALSE(copy.empty());
  CHECK(copy.threshold() == detector().threshold());
  CHECK(copy.probability("get me a human") == detector().probability("get me a human"));
  CHECK(loaded->person_request_intents == compiled_demo().model.person_request_intents);
}

}  // namespace
}  // namespace tandem::dialogue
