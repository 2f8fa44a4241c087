#include <catch2/catch.hpp>

#include <string>

#include "kb/json_read.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

// nlohmann's own parser is the reference: read_json must agree with it value
// for value and type for type (the conversation API tests is_number_unsigned).
void check_same_as_nlohmann(const std::string& text) {
  INFO(text);
  const json expected = json::parse(text, nullptr, false);
  const json read = read_json(text);
  REQUIRE(read.is_discarded() == expected.is_discarded());
  if (expected.is_discarded()) return;
  CHECK(read == expected);
  CHECK(read.dump() == expected.dump());  // types too: 1 (unsigned) is not 1.0
}

TEST_CASE("read_json: well-formed texts read as nlohmann reads them", "[kb][json_read]") {
  for (
      const char* text : {
          R"({"op":"respond","text":"where is my refund?","now_ms":1764000000000,"today":"2026-12-02"})",
          R"( { "a" : [ 1 , -2 , 0 , -0 , 18446744073709551615 , -9223372036854775808 ] } )",
          R"([18446744073709551616, -9223372036854775809, -1e-400, 0.1, 1E+2, 2.5e-3])",
          R"({"neural":{"fingerprint":4294967295,"logits":[-3.4567890123456789,0.5,12]}})",
          R"(["quote \" back \\ slash \/ \b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "é 😀", "\u0000"])",
          R"({"k":1,"k":2})",
          R"({"session":{"version":3,"turns":[{"role":"customer","text":"hi","time_ms":1}]}})",
          "true",
          "false",
          "null",
          "\"\"",
          "{}",
          "[]",
          "[[[]]]",
          "\t\r\n 7 \n",
      })
    check_same_as_nlohmann(text);
}

TEST_CASE("read_json: malformed texts are refused as nlohmann refuses them", "[kb][json_read]") {
  for (const char* text : {
           "",
           " ",
           "{",
           "}",
           "[1,]",
           "[,1]",
           "{\"a\":1,}",
           "{\"a\" 1}",
           "{a:1}",
           "{\"a\":}",
           "[1 2]",
           "01",
           "-",
           "1.",
           ".5",
           "1e",
           "1e+",
           "+1",
           "0x10",
           "NaN",
           "Infinity",
           "tru",
           "nul",
           "truex",
           "[1]]",
           "{} {}",
           "\"open",
           "\"bad \\x escape\"",
           "\"\\u12\"",
           "\"\\ud83d alone\"",
           "\"\\ude00 low alone\"",
           "\"\\ud83d\\u0041\"",
           "'single'",
           "[1] // comment",
           "1e400",
           "[-1e400]",
       })
    check_same_as_nlohmann(text);
  // Bytes nlohmann refuses inside strings: a raw control character, invalid UTF-8.
  check_same_as_nlohmann(std::string("\"tab\there\""));
  check_same_as_nlohmann(std::string("\"\xC3\x28\""));
  check_same_as_nlohmann(std::string("\"\xED\xA0\x80\""));  // an encoded surrogate
  check_same_as_nlohmann(std::string("\"cut \xE2\x82\""));
  // nlohmann takes a NUL as the end of the text; the reader refuses what follows.
  CHECK(read_json(std::string("[1]\0", 4)).is_discarded());
  CHECK(read_json(std::string("{\"a\":1}\0 trailing", 15)).is_discarded());
}

TEST_CASE("read_json: nesting deeper than kMaxJsonDepth is refused, not a stack overflow",
          "[kb][json_read]") {
  const auto nested = [](int depth) {
    return std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']');
  };
  CHECK(read_json(nested(kMaxJsonDepth)) == json::parse(nested(kMaxJsonDepth)));
  CHECK(read_json(nested(kMaxJsonDepth + 1)).is_discarded());
  CHECK(read_json(std::string(1000000, '[')).is_discarded());
}

}  // namespace
}  // namespace tandem::kb
