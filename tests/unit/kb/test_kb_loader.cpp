#include <algorithm>

#include <catch2/catch.hpp>

#include "kb/knowledge_base.h"
#include "kb_test_support.h"

namespace tandem::kb {
namespace {

using nlohmann::json;
using testing::minimal_kb;
using testing::read_file;
using testing::require_error;

TEST_CASE("a complete knowledge base parses into its struct", "[kb]") {
  const auto result = parse_knowledge_base(read_file(TANDEM_TEST_DATA_DIR "/kb/good.json"));
  INFO((result.ok() ? std::string() : result.error_text()));
  REQUIRE(result.ok());
  const KnowledgeBase& kb = *result;
  CHECK(kb.name == "Lumen Pay support");
  CHECK(kb.locale == "en-GB");
  CHECK(kb.messages.fallback == "Sorry, I did not get that. Could you rephrase?");
  CHECK(kb.messages.clarify == default_messages().clarify);
  CHECK(kb.messages.handoff == "Connecting you with our team now.");
  CHECK(kb.policy.answer_threshold == Approx(0.6f));
  CHECK(kb.policy.clarify_margin == Approx(0.1f));
  CHECK(kb.policy.low_confidence_turns == 3);
  CHECK(kb.policy.default_queue == "general");

  REQUIRE(kb.intents.size() == 2);
  const Intent& payment = kb.intents[0];
  CHECK(payment.id == "payment_status");
  CHECK(payment.category == "payments");
  CHECK(payment.examples == std::vector<std::string>{"where is my payment",
                                                     "has my transfer gone through",
                                                     "my payment is still pending"});
  CHECK(payment.answer == "Payments usually arrive within **1 working day**.");
  CHECK_FALSE(payment.sensitive);
  CHECK(payment.queue == "billing");
  CHECK(payment.priority == Priority::kHigh);
  CHECK(payment.details == std::vector<std::string>{"order_id", "amount"});

  const Intent& fraud = kb.intents[1];
  CHECK(fraud.category.empty());
  CHECK(fraud.sensitive);
  CHECK(fraud.queue.empty());
  CHECK(fraud.priority == Priority::kUrgent);
  CHECK(fraud.details == std::vector<std::string>{"card_last4", "email"});

  REQUIRE(kb.faqs.size() == 1);
  CHECK(kb.faqs[0].id == "opening_hours");
  CHECK(kb.faqs[0].category == "general");
  CHECK(kb.faqs[0].questions.size() == 2);
  CHECK(kb.faqs[0].answer == "We answer chats from 8:00 to 20:00, Monday to Saturday.");
}

TEST_CASE("optional fields take their documented defaults", "[kb]") {
  const auto result = parse_knowledge_base(minimal_kb().dump());
  INFO((result.ok() ? std::string() : result.error_text()));
  REQUIRE(result.ok());
  const KnowledgeBase& kb = *result;
  CHECK(kb.locale == "en");
  CHECK(kb.policy.answer_threshold == -1.0f);
  CHECK(kb.policy.clarify_margin == Approx(0.15f));
  CHECK(kb.policy.low_confidence_turns == 2);
  CHECK(kb.policy.default_queue == "support");
  CHECK_FALSE(kb.messages.fallback.empty());
  CHECK(kb.messages.fallback == default_messages().fallback);
  CHECK(kb.messages.handoff == default_messages().handoff);
  const Intent& refund = kb.intents[0];
  CHECK(refund.category.empty());
  CHECK_FALSE(refund.sensitive);
  CHECK(refund.queue.empty());
  CHECK(refund.priority == Priority::kNormal);
  CHECK(refund.details.empty());
}

TEST_CASE("answer_threshold \"auto\" means choose at training time", "[kb]") {
  json kb = minimal_kb();
  kb["policy"] = {{"answer_threshold", "auto"}};
  const auto result = parse_knowledge_base(kb.dump());
  REQUIRE(result.ok());
  CHECK(result->policy.answer_threshold < 0.0f);
}

TEST_CASE("a knowledge base with intents only or faqs only is enough", "[kb]") {
  json intents_only = minimal_kb();
  intents_only.erase("faqs");
  CHECK(parse_knowledge_base(intents_only.dump()).ok());
  json faqs_only = minimal_kb();
  faqs_only.erase("intents");
  CHECK(parse_knowledge_base(faqs_only.dump()).ok());
}

TEST_CASE("priority names round-trip", "[kb]") {
  CHECK(priority_name(Priority::kLow) == "low");
  CHECK(priority_name(Priority::kNormal) == "normal");
  CHECK(priority_name(Priority::kHigh) == "high");
  CHECK(priority_name(Priority::kUrgent) == "urgent");
  for (const auto priority :
       {Priority::kLow, Priority::kNormal, Priority::kHigh, Priority::kUrgent}) {
    json kb = minimal_kb();
    kb["intents"][0]["priority"] = std::string(priority_name(priority));
    const auto result = parse_knowledge_base(kb.dump());
    REQUIRE(result.ok());
    CHECK(result->intents[0].priority == priority);
  }
}

TEST_CASE("every problem in a file is reported, not just the first", "[kb]") {
  const auto result = parse_knowledge_base(read_file(TANDEM_TEST_DATA_DIR "/kb/bad_many.json"));
  REQUIRE_FALSE(result.ok());
  INFO(result.error_text());
  std::vector<std::string> pointers;
  for (const auto& error : result.errors()) pointers.push_back(error.where);
  std::sort(pointers.begin(), pointers.end());
  CHECK(pointers ==
        std::vector<std::string>{"/faqs/0/id", "/faqs/0/questions/0", "/intents/0/examples",
                                 "/intents/0/exmaples", "/intents/0/id", "/intents/1/answer",
                                 "/intents/1/examples", "/intents/1/priority", "/name", "/polcy"});
}

TEST_CASE("the demo knowledge base is valid", "[kb]") {
  const auto result = parse_knowledge_base(read_file(TANDEM_SOURCE_DIR "/web/demo/kb.json"));
  INFO((result.ok() ? std::string() : result.error_text()));
  REQUIRE(result.ok());
  CHECK_FALSE(result->name.empty());
  CHECK(result->intents.size() + result->faqs.size() > 0);
}

TEST_CASE("out_of_scope turns the built-in examples off and adds the KB's own", "[kb]") {
  auto kb = testing::minimal_kb();
  const auto defaults = parse_knowledge_base(kb.dump());
  REQUIRE(defaults.ok());
  CHECK(defaults->out_of_scope.builtin);
  CHECK(defaults->out_of_scope.examples.empty());

  kb["out_of_scope"] = {{"builtin", false}, {"examples", {"do you sell cars", "tell me a joke"}}};
  const auto own = parse_knowledge_base(kb.dump());
  REQUIRE(own.ok());
  CHECK_FALSE(own->out_of_scope.builtin);
  CHECK(own->out_of_scope.examples ==
        std::vector<std::string>{"do you sell cars", "tell me a joke"});

  kb["out_of_scope"] = {{"examples", {"I want a refund"}}};
  testing::require_error(kb.dump(), "/out_of_scope/examples/0", "also at /intents/0/examples/0");
  kb["out_of_scope"] = {{"builtin", "no"}};
  testing::require_error(kb.dump(), "/out_of_scope/builtin", "boolean");
  kb["out_of_scope"] = {{"exampels", {"x y z"}}};
  testing::require_error(kb.dump(), "/out_of_scope/exampels", "did you mean \"examples\"");
}

}  // namespace
}  // namespace tandem::kb
