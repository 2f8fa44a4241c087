#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/compile.h"
#include "engine/engine.h"
#include "engine_test_support.h"

namespace tandem::engine {
namespace {

TEST_CASE("a compiled knowledge base ships answers and policy but no training text", "[engine]") {
  const kb::KnowledgeBase& source = testing::demo_kb();
  const auto& [model, report] = testing::compiled_demo();
  CHECK(model.from_knowledge_base);
  CHECK(model.kb.name == source.name);
  CHECK(model.kb.messages.fallback == source.messages.fallback);
  CHECK(model.kb.policy.clarify_margin == source.policy.clarify_margin);

  std::set<std::string> sensitive;
  for (const auto& intent : source.intents)
    if (intent.sensitive) sensitive.insert(intent.id);
  REQUIRE(model.kb.intents.size() == source.intents.size());
  for (const auto& intent : model.kb.intents) {
    INFO(intent.id);
    CHECK(intent.examples.empty());
    CHECK_FALSE(intent.answer.empty());
    CHECK(intent.sensitive == (sensitive.count(intent.id) == 1));
  }
  REQUIRE(model.kb.faqs.size() == source.faqs.size());
  for (size_t i = 0; i < model.kb.faqs.size(); ++i) {
    CHECK(model.kb.faqs[i].id == source.faqs[i].id);
    CHECK(model.kb.faqs[i].questions.empty());
    CHECK(model.kb.faqs[i].answer == source.faqs[i].answer);
  }
  CHECK(model.faq_index.size() == source.faqs.size());

  CHECK(report.classifier.intents >= source.intents.size());
  CHECK(report.classifier.heldout_accuracy > 0.5);
  CHECK(report.faq_positive_checks > 0);
}

TEST_CASE("labelled data compiles to a model that answers with the intent id", "[engine]") {
  const std::vector<data::Example> examples = {
      {"where is my parcel", "delivery"},       {"my package has not arrived", "delivery"},
      {"track my parcel", "delivery"},          {"when will my package arrive", "delivery"},
      {"parcel delivery status", "delivery"},   {"is my package on its way", "delivery"},
      {"I want my money back", "refund"},       {"refund my purchase", "refund"},
      {"can I get a refund", "refund"},         {"money back for my order", "refund"},
      {"how do refunds work", "refund"},        {"request a refund please", "refund"},
      {"reset my password", "password"},        {"I forgot my password", "password"},
      {"password does not work", "password"},   {"change my password", "password"},
      {"cannot remember password", "password"}, {"new password please", "password"},
  };
  nlu::ClassifierOptions options;
  options.folds = 2;
  options.min_df = 1;
  const Model model = compile_labelled_data(examples, options);
  CHECK_FALSE(model.from_knowledge_base);
  REQUIRE(model.kb.intents.size() == 3);
  for (const auto& intent : model.kb.intents) CHECK(intent.answer == intent.id);
  CHECK(model.kb.faqs.empty());

  const Engine engine(model);
  for (const auto& [text, label] : std::vector<std::pair<std::string, std::string>>{
           {"I forgot my password", "password"}, {"where is my parcel", "delivery"}}) {
    const Decision d = engine.decide(text);
    INFO(text << " -> " << action_name(d.action) << " " << d.confidence);
    CHECK(d.intent == label);
    if (d.action == Action::kAnswer) CHECK(d.reply == label);
    if (d.action == Action::kFallback) CHECK(d.reply == model.kb.messages.fallback);
    CHECK(d.action != Action::kClarify);  // bare labelled data has no clarify policy
  }
}

}  // namespace
}  // namespace tandem::engine
