// One test per class of problem kb.json can have: each names the exact JSON
// pointer and says what is wrong.
#include <catch2/catch.hpp>

#include "kb/knowledge_base.h"
#include "kb_test_support.h"

namespace tandem::kb {
namespace {

using nlohmann::json;
using testing::minimal_kb;
using testing::read_file;
using testing::require_error;

TEST_CASE("input over 8 MiB is refused before parsing", "[kb]") {
  const std::string huge(kMaxKnowledgeBaseBytes + 1, ' ');
  require_error(huge, "", "at most 8388608 bytes");
}

TEST_CASE("NUL bytes and invalid UTF-8 are reported with their byte offset", "[kb]") {
  std::string with_nul = minimal_kb().dump();
  with_nul[10] = '\0';
  require_error(with_nul, "byte 10", "binary or non-UTF-8");

  std::string latin1 = R"({"tandem_kb": 1, "name": "Caf)";
  latin1 += '\xE9';  // é in Latin-1: a lone lead byte in UTF-8
  latin1 += R"("})";
  require_error(latin1, "byte 29", "binary or non-UTF-8");
  require_error(std::string("{\"name\": \"\xED\xA0\x80\"}"), "byte 10", "non-UTF-8");  // surrogate
}

TEST_CASE("JSON syntax errors give the line and column", "[kb]") {
  require_error(read_file(TANDEM_TEST_DATA_DIR "/kb/bad_syntax.json"), "line 5, column 53",
                "syntax error");
  require_error(std::string("{\n  \"tandem_kb\": 1,\n"), "line 3, column 1", "end of input");
  require_error(std::string(""), "line 1, column 1", "syntax error");
}

TEST_CASE("the root must be an object", "[kb]") {
  require_error(std::string("[1, 2]"), "", "must be a JSON object");
  require_error(std::string("\"kb\""), "", "got a string");
}

TEST_CASE("required fields are reported missing", "[kb]") {
  for (const char* key : {"tandem_kb", "name"}) {
    json kb = minimal_kb();
    kb.erase(key);
    require_error(kb, std::string("/") + key, "is missing");
  }
  for (const char* key : {"id", "examples", "answer"}) {
    json kb = minimal_kb();
    kb["intents"][1].erase(key);
    require_error(kb, std::string("/intents/1/") + key, "required field \"" + std::string(key));
  }
  for (const char* key : {"id", "questions", "answer"}) {
    json kb = minimal_kb();
    kb["faqs"][0].erase(key);
    require_error(kb, std::string("/faqs/0/") + key, "is missing");
  }
}

TEST_CASE("wrong types say what was expected and what was found", "[kb]") {
  json kb = minimal_kb();
  kb["name"] = 42;
  require_error(kb, "/name", "expected a string, got an integer");

  kb = minimal_kb();
  kb["intents"][0]["sensitive"] = "yes";
  require_error(kb, "/intents/0/sensitive", "expected a boolean (true or false), got a string");

  kb = minimal_kb();
  kb["intents"] = json::object();
  require_error(kb, "/intents", "expected an array, got an object");

  kb = minimal_kb();
  kb["faqs"][0] = "hours";
  require_error(kb, "/faqs/0", "expected an object, got a string");

  kb = minimal_kb();
  kb["intents"][0]["examples"][1] = nullptr;
  require_error(kb, "/intents/0/examples/1", "expected a string, got null");

  kb = minimal_kb();
  kb["tandem_kb"] = "1";
  require_error(kb, "/tandem_kb", "expected an integer, got a string");
}

TEST_CASE("unknown fields are errors that list the allowed ones", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][0]["exmaples"] = kb["intents"][0]["examples"];
  require_error(kb, "/intents/0/exmaples", "did you mean \"examples\"");
  require_error(kb, "/intents/0/exmaples", "allowed fields here: id, label, category, examples");

  kb = minimal_kb();
  kb["faqs"][0]["question"] = "typo";
  require_error(kb, "/faqs/0/question", "did you mean \"questions\"");

  kb = minimal_kb();
  kb["policy"] = {{"threshold", 0.5}};
  require_error(kb, "/policy/threshold", "unknown field \"threshold\"");

  kb = minimal_kb();
  kb["messages"] = {{"greting", "Hi"}};
  require_error(kb, "/messages/greting",
                "allowed fields here: fallback, clarify, handoff, greeting, subtitle, placeholder, "
                "contact");

  kb = minimal_kb();
  kb["a/b~c"] = true;  // RFC 6901 escaping of the pointer
  require_error(kb, "/a~1b~0c", "unknown field \"a/b~c\"");
}

TEST_CASE("only format version 1 is read", "[kb]") {
  json kb = minimal_kb();
  kb["tandem_kb"] = 2;
  require_error(kb, "/tandem_kb", "unsupported format version 2");
}

TEST_CASE("ids must match the id pattern", "[kb]") {
  for (const char* bad : {"Refund", "refund order", "_refund", "",
                          "r\xC3\xA9"
                          "fund"}) {
    json kb = minimal_kb();
    kb["intents"][0]["id"] = bad;
    require_error(kb, "/intents/0/id", "is not valid");
  }
  json kb = minimal_kb();
  kb["intents"][0]["id"] = std::string(65, 'a');
  require_error(kb, "/intents/0/id", "1 to 64 characters");
  kb["intents"][0]["id"] = std::string(64, 'a');
  CHECK(parse_knowledge_base(kb.dump()).ok());
  kb["intents"][0]["id"] = "0.refund-v2_x";
  CHECK(parse_knowledge_base(kb.dump()).ok());
}

TEST_CASE("ids are unique across intents and faqs", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][1]["id"] = "refund";
  require_error(kb, "/intents/1/id", "already used at /intents/0/id");

  kb = minimal_kb();
  kb["faqs"][0]["id"] = "delivery";
  require_error(kb, "/faqs/0/id", "duplicate id \"delivery\": already used at /intents/1/id");
}

TEST_CASE("an intent needs 3 examples and a faq 1 question", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][0]["examples"].erase(2);
  require_error(kb, "/intents/0/examples", "intent \"refund\" needs at least 3 examples, got 2");

  kb = minimal_kb();
  kb["faqs"][0]["questions"] = json::array();
  require_error(kb, "/faqs/0/questions", "needs at least 1 question, got 0");
}

TEST_CASE("empty or whitespace-only texts are errors", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][0]["examples"][1] = " \t ";
  require_error(kb, "/intents/0/examples/1", "example is empty or only whitespace");

  kb = minimal_kb();
  kb["faqs"][0]["questions"][0] = "";
  require_error(kb, "/faqs/0/questions/0", "question is empty");

  kb = minimal_kb();
  kb["intents"][1]["answer"] = "\n";
  require_error(kb, "/intents/1/answer", "answer is empty");

  kb = minimal_kb();
  kb["name"] = "  ";
  require_error(kb, "/name", "name is empty");

  kb = minimal_kb();
  kb["messages"] = {{"handoff", ""}};
  require_error(kb, "/messages/handoff", "empty");
}

TEST_CASE("duplicate examples within an intent are errors", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][0]["examples"].push_back("I want a refund");
  require_error(kb, "/intents/0/examples/3", "same text as /intents/0/examples/0");

  kb = minimal_kb();  // case and spacing do not make a new example
  kb["intents"][0]["examples"].push_back("  i want A   refund");
  require_error(kb, "/intents/0/examples/3", "duplicate example");
}

TEST_CASE("the same text in two intents is a contradictory label", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][1]["examples"].push_back("money back please");
  require_error(kb, "/intents/1/examples/3",
                "is also at /intents/0/examples/1 in intent \"refund\"");

  kb = minimal_kb();
  kb["faqs"][0]["questions"].push_back("track my order");
  require_error(kb, "/faqs/0/questions/1", "is also at /intents/1/examples/2");
}

TEST_CASE("examples, questions and answers have length limits", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][0]["examples"][0] = std::string(501, 'x');
  require_error(kb, "/intents/0/examples/0", "501 characters long; at most 500");

  kb = minimal_kb();
  kb["faqs"][0]["questions"][0] = std::string(600, 'q');
  require_error(kb, "/faqs/0/questions/0", "at most 500");

  kb = minimal_kb();
  kb["faqs"][0]["answer"] = std::string(4001, 'a');
  require_error(kb, "/faqs/0/answer", "4001 characters long; at most 4000");

  kb = minimal_kb();  // characters, not bytes: 500 two-byte letters fit
  std::string accents;
  for (int i = 0; i < 500; ++i) accents += "\xC3\xA9";
  kb["intents"][0]["examples"][0] = accents;
  CHECK(parse_knowledge_base(kb.dump()).ok());
}

TEST_CASE("details must be known detail types", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][0]["details"] = {"order_id", "zip_code"};
  require_error(kb, "/intents/0/details/1",
                "unknown detail type \"zip_code\": expected one of order_id, email, phone, "
                "amount, date, card_last4");

  kb = minimal_kb();
  kb["intents"][0]["details"] = {"email", "email"};
  require_error(kb, "/intents/0/details/1", "listed twice");
}

TEST_CASE("priority must be one of the four levels", "[kb]") {
  json kb = minimal_kb();
  kb["intents"][1]["priority"] = "critical";
  require_error(kb, "/intents/1/priority",
                "unknown priority \"critical\": expected one of low, normal, high, urgent");
}

TEST_CASE("policy values are range-checked", "[kb]") {
  const auto policy_error = [](const json& policy, const std::string& key,
                               const std::string& fragment) {
    json kb = minimal_kb();
    kb["policy"] = policy;
    require_error(kb, "/policy/" + key, fragment);
  };
  policy_error({{"answer_threshold", 1.0}}, "answer_threshold", "greater than 0 and less than 1");
  policy_error({{"answer_threshold", 0}}, "answer_threshold", "got 0");
  policy_error({{"answer_threshold", "high"}}, "answer_threshold", "expected \"auto\"");
  policy_error({{"clarify_margin", 1}}, "clarify_margin", "up to (not including) 1");
  policy_error({{"clarify_margin", -0.1}}, "clarify_margin", "got -0.1");
  policy_error({{"low_confidence_turns", 0}}, "low_confidence_turns", "from 1 to 10, got 0");
  policy_error({{"low_confidence_turns", 11}}, "low_confidence_turns", "got 11");
  policy_error({{"low_confidence_turns", 2.5}}, "low_confidence_turns", "expected an integer");
  policy_error({{"default_queue", ""}}, "default_queue", "empty");
  policy_error({{"order_id_prefix", "LP #"}}, "order_id_prefix", "letters, digits or '-'");
  policy_error({{"order_id_prefix", "-LP"}}, "order_id_prefix", "starting with a letter");
  policy_error({{"order_id_prefix", "ABCDEFGHI"}}, "order_id_prefix", "1 to 8");
  policy_error({{"order_id_prefix", 7}}, "order_id_prefix", "string");
}

TEST_CASE("redaction rules are checked and kept", "[kb]") {
  json kb = minimal_kb();
  kb["redact"] = json::array({{{"name", "national_id"}, {"pattern", "999-99-9999"}}});
  const auto parsed = parse_knowledge_base(kb.dump());
  REQUIRE(parsed.ok());
  REQUIRE(parsed->redactions.size() == 1);
  CHECK(parsed->redactions[0].name == "national_id");

  kb["redact"] = json::array({{{"name", "Bad Name"}, {"pattern", "9999"}}});
  require_error(kb, "/redact/0/name", "is not valid");
  kb["redact"] = json::array({{{"name", "ok"}, {"pattern", ""}}});
  CHECK_FALSE(parse_knowledge_base(kb.dump()).ok());
  kb["redact"] = json::array({{{"name", "ok"}, {"patern", "9999"}}});
  require_error(kb, "/redact/0/patern", "unknown field");
}

TEST_CASE("an order id prefix is kept", "[kb]") {
  json kb = minimal_kb();
  kb["policy"] = {{"order_id_prefix", "LP-"}};
  const auto parsed = parse_knowledge_base(kb.dump());
  REQUIRE(parsed.ok());
  CHECK(parsed->policy.order_id_prefix == "LP-");
}

TEST_CASE("locale must look like a language tag", "[kb]") {
  json kb = minimal_kb();
  for (const char* good : {"de", "pt-BR", "zh-Hant-TW", "es-419"}) {
    kb["locale"] = good;
    CHECK(parse_knowledge_base(kb.dump()).ok());
  }
  for (const char* bad : {"english", "e", "en_US", "en-", "1a"}) {
    kb["locale"] = bad;
    require_error(kb, "/locale", "is not a language tag");
  }
}

TEST_CASE("a knowledge base needs at least one intent or faq", "[kb]") {
  json kb = minimal_kb();
  kb["intents"] = json::array();
  kb.erase("faqs");
  require_error(kb, "", "no intents and no faqs");
}

TEST_CASE("at most 2000 intents and faqs", "[kb]") {
  json kb = minimal_kb();
  for (int i = 0; i < 1999; ++i) {
    kb["faqs"].push_back({{"id", "faq" + std::to_string(i)},
                          {"questions", {"question " + std::to_string(i)}},
                          {"answer", "yes"}});
  }
  require_error(kb, "", "2002 intents and faqs; at most 2000");
  kb["faqs"].erase(0);
  kb["faqs"].erase(0);
  CHECK(parse_knowledge_base(kb.dump()).ok());
}

TEST_CASE("at most 100000 examples in total", "[kb]") {
  json kb = minimal_kb();
  json& examples = kb["intents"][0]["examples"];
  for (int i = 0; i < 99994; ++i) examples.push_back("e" + std::to_string(i));
  require_error(kb, "", "100001 examples and questions; at most 100000");
}

}  // namespace
}  // namespace tandem::kb
