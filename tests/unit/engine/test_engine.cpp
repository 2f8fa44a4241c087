#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/engine.h"
#include "engine_test_support.h"

namespace tandem::engine {
namespace {

const Engine& demo_engine() {
  static const Engine engine(testing::compiled_demo().model);
  return engine;
}

const kb::Faq& faq_with_question(const std::string& question) {
  const auto& faqs = testing::demo_kb().faqs;
  const auto it = std::find_if(faqs.begin(), faqs.end(), [&](const kb::Faq& faq) {
    return std::find(faq.questions.begin(), faq.questions.end(), question) != faq.questions.end();
  });
  REQUIRE(it != faqs.end());
  return *it;
}

const kb::Intent& demo_intent(const std::string& id) {
  const auto& intents = testing::demo_kb().intents;
  const auto it = std::find_if(intents.begin(), intents.end(),
                               [&](const kb::Intent& intent) { return intent.id == id; });
  REQUIRE(it != intents.end());
  return *it;
}

// What every decision must satisfy, whatever the message.
void check_well_formed(const Decision& d) {
  CHECK(d.confidence >= 0.0f);
  CHECK(d.confidence <= 1.0f);
  CHECK_FALSE(d.reply.empty());
  CHECK(d.candidates.size() <= 5);
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    CHECK(d.candidates[i].confidence >= 0.0f);
    CHECK(d.candidates[i].confidence <= 1.0f);
    if (i > 0) CHECK(d.candidates[i].confidence <= d.candidates[i - 1].confidence);
  }
  if (d.intent) {
    REQUIRE_FALSE(d.candidates.empty());
    CHECK(*d.intent == d.candidates[0].id);
    CHECK(d.confidence == d.candidates[0].confidence);
  }
  CHECK((d.action == Action::kHandoff) == (d.reason != HandoffReason::kNone));
  if (d.action == Action::kFallback) CHECK(d.reply == demo_engine().model().kb.messages.fallback);
}

TEST_CASE("action names and reason codes are the contract's strings", "[engine]") {
  CHECK(action_name(Action::kAnswer) == "answer");
  CHECK(action_name(Action::kClarify) == "clarify");
  CHECK(action_name(Action::kCollect) == "collect");
  CHECK(action_name(Action::kHandoff) == "handoff");
  CHECK(action_name(Action::kFallback) == "fallback");
  CHECK(reason_code(HandoffReason::kNone).empty());
  CHECK(reason_code(HandoffReason::kAskedForPerson) == "asked_for_person");
  CHECK(reason_code(HandoffReason::kSensitive) == "sensitive");
  CHECK(reason_code(HandoffReason::kLowConfidence) == "low_confidence");
  CHECK(reason_code(HandoffReason::kRepeatedFailure) == "repeated_failure");
  CHECK(reason_code(HandoffReason::kFrustration) == "frustration");
  CHECK(reason_code(HandoffReason::kNotHelpful) == "not_helpful");
}

TEST_CASE("routine questions are answered with the right intent", "[engine]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"when is my next payment due?", "due_dates"},
      {"where is my refund", "refund_status"},
      {"my card was declined", "declined_payment"},
  };
  for (const auto& [message, intent] : cases) {
    const Decision d = demo_engine().decide(message);
    INFO(message << " -> " << action_name(d.action) << " " << d.intent.value_or("(none)") << " "
                 << d.confidence);
    check_well_formed(d);
    CHECK(d.action == Action::kAnswer);
    CHECK(d.intent == intent);
    CHECK(d.reply == demo_intent(intent).answer);
    CHECK(d.confidence >= demo_engine().answer_threshold());
  }
}

TEST_CASE("a fraud report is handed to a person as sensitive", "[engine]") {
  const Decision d = demo_engine().decide("someone used my account to buy things I never ordered");
  INFO(d.intent.value_or("(none)") << " " << d.confidence);
  check_well_formed(d);
  CHECK(d.action == Action::kHandoff);
  CHECK(d.reason == HandoffReason::kSensitive);
  CHECK(reason_code(d.reason) == "sensitive");
  REQUIRE(d.intent);
  CHECK(demo_intent(*d.intent).sensitive);
}

TEST_CASE("an FAQ asked as the knowledge base phrases it gets the FAQ's answer", "[engine]") {
  for (const std::string question :
       {"What are your opening hours?", "Is Lumen Pay interest-free?"}) {
    const kb::Faq& faq = faq_with_question(question);
    const Decision d = demo_engine().decide(question);
    INFO(question << " -> " << action_name(d.action) << " " << d.intent.value_or("(none)"));
    check_well_formed(d);
    CHECK(d.action == Action::kAnswer);
    CHECK(d.intent == faq.id);
    REQUIRE_FALSE(d.candidates.empty());
    CHECK(d.candidates[0].is_faq);
    CHECK(d.reply == faq.answer);
  }
}

TEST_CASE("odd messages never crash and give a valid decision", "[engine]") {
  const std::vector<std::string> messages = {
      "",
      " \t\n ",
      std::string(10 * 1024, 'a'),
      [] {
        std::string long_text;
        while (long_text.size() < 10 * 1024) long_text += "where is my refund? ";
        return long_text;
      }(),
      "\xff\xfe\xfd",
      "refund \xc3\x28 \xe2\x82 please \xf0\x9f",
      std::string("nul\0inside", 10),
      "\xF0\x9F\x98\x80\xF0\x9F\x98\xA1\xF0\x9F\x92\xB3",  // emoji only
      "?!?!...",
      "asdkjh qwpoeiru zxmcnv",
  };
  for (const auto& message : messages) {
    INFO("message of " << message.size() << " bytes: " << message.substr(0, 40));
    const Decision d = demo_engine().decide(message);
    check_well_formed(d);
  }
}

TEST_CASE("messages with nothing to answer, or off topic, are not answered", "[engine]") {
  const std::vector<std::string> messages = {
      "",
      " \t\n ",
      "?!?!...",
      "\xff\xfe\xfd",
      "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
      "asdkjh qwpoeiru zxmcnv",
      "tell me a joke",
      "what's the weather like tomorrow",
      "who won the football last night",
  };
  for (const auto& message : messages) {
    const Decision d = demo_engine().decide(message);
    INFO("'" << message << "' -> " << action_name(d.action) << " " << d.intent.value_or("(none)")
             << " at " << d.confidence);
    CHECK(d.action != Action::kAnswer);
  }
}

TEST_CASE("the answer threshold is trained when the KB says auto, and a pinned one is kept",
          "[engine]") {
  REQUIRE(testing::demo_kb().policy.answer_threshold < 0.0f);
  CHECK(demo_engine().answer_threshold() > 0.0f);
  CHECK(demo_engine().answer_threshold() < 1.0f);

  Model strict = testing::compiled_demo().model;
  strict.kb.policy.answer_threshold = 0.999f;
  const Engine engine(std::move(strict));
  CHECK(engine.answer_threshold() == 0.999f);
  const Decision d = engine.decide("where is my refund");
  INFO(action_name(d.action) << " at " << d.confidence);
  CHECK(d.confidence < 0.999f);
  CHECK(d.action != Action::kAnswer);
}

TEST_CASE("a pinned answer threshold replaces the trained out-of-scope cut too", "[engine]") {
  // A threshold below every confidence answers whatever the classifier's
  // out-of-scope class does not claim; the trained cut no longer applies.
  Model lenient = testing::compiled_demo().model;
  lenient.kb.policy.answer_threshold = 0.001f;
  const Engine engine(std::move(lenient));
  CHECK(engine.answer_threshold() == 0.001f);
  const auto& classifier = engine.model().classifier;
  size_t answered = 0, vetoed = 0;
  for (const char* message : {"where is my refund", "my card payment was declined",
                              "what's the weather in madrid", "who won the match last night"}) {
    const Decision d = engine.decide(message);
    const nlu::Classification c = classifier.classify(message);
    INFO(message << ": " << action_name(d.action) << " " << basis_name(d.basis));
    CHECK(d.answer_threshold == 0.001f);
    if (d.candidates.front().is_faq) continue;
    if (c.declined_by_model) {
      ++vetoed;
      CHECK(d.action != Action::kAnswer);
      CHECK(d.basis == Basis::kOutOfScope);
    } else {
      ++answered;
      CHECK(d.basis == Basis::kConfident);
      CHECK((d.action == Action::kAnswer || d.action == Action::kHandoff));
    }
  }
  CHECK(answered >= 1);
}

TEST_CASE("a routine question below the threshold gets its likely candidates to choose from",
          "[engine]") {
  // Just above the top candidate: nothing is confident, yet two or three
  // plausible candidates together clear the threshold.
  size_t clarified = 0;
  for (const char* message : {"refund", "payment", "card", "my account", "fees"}) {
    const Decision base = demo_engine().decide(message);
    if (base.candidates.size() < 2 || base.candidates[1].confidence < 0.1f) continue;
    Model model = testing::compiled_demo().model;
    model.kb.policy.answer_threshold = base.candidates[0].confidence + 1e-4f;
    model.kb.policy.clarify_margin = 0.0f;
    const Engine engine(std::move(model));
    const Decision d = engine.decide(message);
    INFO(message << ": " << action_name(d.action) << " " << basis_name(d.basis));
    CHECK(d.action != Action::kAnswer);
    if (d.basis == Basis::kOutOfScope) continue;
    CHECK(d.basis == Basis::kBelowThreshold);
    CHECK(d.action == Action::kClarify);
    CHECK(d.reply == engine.model().kb.messages.clarify);
    ++clarified;
  }
  CHECK(clarified >= 1);
}

// The demo compiled with the neural mode too.
const testing::CompiledDemo& neural_demo() {
  static const testing::CompiledDemo demo = [] {
    nlu::ClassifierOptions options;
    options.folds = 2;
    options.neural.enabled = true;
    testing::CompiledDemo out;
    out.model = compile_knowledge_base(testing::demo_kb(), options, &out.report);
    return out;
  }();
  return demo;
}

uint32_t class_of(const Engine& engine, const std::string& id) {
  const auto& labels = engine.model().classifier.labels();
  const auto it = std::find(labels.begin(), labels.end(), id);
  REQUIRE(it != labels.end());
  return uint32_t(it - labels.begin());
}

void check_same_decision(const Decision& a, const Decision& b) {
  CHECK(a.action == b.action);
  CHECK(a.intent == b.intent);
  CHECK(a.confidence == b.confidence);
  CHECK(a.answer_threshold == b.answer_threshold);
  CHECK(a.neural == b.neural);
  REQUIRE(a.candidates.size() == b.candidates.size());
  for (size_t i = 0; i < a.candidates.size(); ++i) {
    CHECK(a.candidates[i].id == b.candidates[i].id);
    CHECK(a.candidates[i].confidence == b.candidates[i].confidence);
  }
}

TEST_CASE("the trained network's logits reach the decision when they fit the model",
          "[engine][neural]") {
  const Engine engine(neural_demo().model);
  const nlu::IntentClassifier& classifier = engine.model().classifier;
  REQUIRE(classifier.has_neural());
  INFO("neural weight " << neural_demo().report.classifier.neural_weight);
  REQUIRE(neural_demo().report.classifier.neural_weight > 0.0f);
  const std::string message = "where is my refund";
  const nlu::NeuralInput input = engine.neural_input(message);
  REQUIRE_FALSE(input.rows.empty());
  CHECK(input.rows.size() == input.weights.size());
  for (int32_t row : input.rows) CHECK(row >= 0);
  CHECK(demo_engine().neural_input(message).rows.empty());

  const Decision lexical = engine.decide(message);
  CHECK(lexical.intent == "refund_status");
  CHECK(lexical.answer_threshold == engine.answer_threshold());
  nlu::NeuralScores scores;
  scores.fingerprint = classifier.neural_fingerprint();
  scores.values.assign(classifier.classes(), 0.0f);
  scores.values[class_of(engine, "due_dates")] = 1000.0f;
  const Decision fused = engine.decide(message, &scores);
  check_well_formed(fused);
  CHECK(fused.intent == "due_dates");
  CHECK(fused.neural);
  CHECK_FALSE(lexical.neural);

  scores.fingerprint ^= 1;
  check_same_decision(engine.decide(message, &scores), lexical);
  scores.fingerprint ^= 1;
  scores.values.pop_back();
  check_same_decision(engine.decide(message, &scores), lexical);
}

TEST_CASE("an encoder's log-probabilities are fused with the lexical scores", "[engine][neural]") {
  const Engine& engine = demo_engine();
  const std::string message = "where is my refund";
  const Decision lexical = engine.decide(message);
  REQUIRE(lexical.intent == "refund_status");
  const size_t intents = engine.model().classifier.labels().size();
  nlu::NeuralScores encoder;
  encoder.kind = nlu::NeuralScores::Kind::kEncoderLogProbabilities;
  encoder.values.assign(intents, std::log(0.01f / float(intents - 1)));
  encoder.values[class_of(engine, "payment_status")] = std::log(0.99f);
  encoder.weight = 10.0f;
  const Decision shifted = engine.decide(message, &encoder);
  check_well_formed(shifted);
  CHECK(shifted.intent == "payment_status");
  CHECK(shifted.neural);
  CHECK(shifted.answer_threshold == lexical.answer_threshold);

  encoder.values[0] = std::nanf("");
  check_same_decision(engine.decide(message, &encoder), lexical);
}

}  // namespace
}  // namespace tandem::engine
