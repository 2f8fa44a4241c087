// Helpers shared by the knowledge-base tests: a valid KB to break one field at
// a time, and a check that names the pointer and the problem.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include "../test_files.h"

#include "kb/knowledge_base.h"

namespace tandem::kb::testing {

using tandem::testing::read_file;

// Smallest knowledge base that parses: one intent, one faq.
inline nlohmann::json minimal_kb() {
  return nlohmann::json::parse(R"({
    "tandem_kb": 1,
    "name": "Test shop",
    "intents": [
      {"id": "refund", "examples": ["I want a refund", "money back please", "refund my order"],
       "answer": "Refunds take 5 days."},
      {"id": "delivery", "examples": ["where is my parcel", "delivery is late", "track my order"],
       "answer": "Track it in your account."}
    ],
    "faqs": [
      {"id": "hours", "questions": ["when are you open"], "answer": "9 to 5."}
    ]
  })");
}

// Parsing `text` must fail with an error at `pointer` whose message contains `fragment`.
inline void require_error(const std::string& text, const std::string& pointer,
                          const std::string& fragment) {
  const auto result = parse_knowledge_base(text);
  REQUIRE_FALSE(result.ok());
  INFO("errors:\n" << result.error_text());
  bool found = false;
  for (const auto& error : result.errors()) {
    found = found || (error.where == pointer && error.what.find(fragment) != std::string::npos);
  }
  CHECK(found);
}

inline void require_error(const nlohmann::json& kb, const std::string& pointer,
                          const std::string& fragment) {
  require_error(kb.dump(), pointer, fragment);
}

}  // namespace tandem::kb::testing
