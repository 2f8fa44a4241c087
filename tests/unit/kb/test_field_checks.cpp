// The checks every knowledge-base reader shares: ids, quoting in messages,
// blank texts and lengths counted in characters.
#include <catch2/catch.hpp>

#include "kb/field_checks.h"

namespace tandem::kb {
namespace {

TEST_CASE("ids are 1 to 64 of a-z, 0-9, '_', '.', '-', starting with a letter or digit", "[kb]") {
  for (const char* good : {"refund", "payment_status", "a", "9lives", "v1.2-beta"}) {
    CHECK(is_valid_id(good));
  }
  for (const char* bad : {"", "Refund", "_hidden", "-x", "two words", "caf\xc3\xa9"}) {
    CHECK_FALSE(is_valid_id(bad));
  }
  CHECK(is_valid_id(std::string(64, 'a')));
  CHECK_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST_CASE("quoted texts are cut after 60 bytes, never inside a character", "[kb]") {
  CHECK(in_quotes("refund") == "\"refund\"");
  CHECK(in_quotes(std::string(60, 'x')) == "\"" + std::string(60, 'x') + "\"");
  CHECK(in_quotes(std::string(61, 'x')) == "\"" + std::string(60, 'x') + "...\"");
  // 59 bytes, then a two-byte character that does not fit in the 60th.
  const std::string text = std::string(59, 'x') + "\xc3\xa9" + "tail";
  CHECK(in_quotes(text) == "\"" + std::string(59, 'x') + "...\"");
}

TEST_CASE("blank texts and texts over the limit are recorded at their pointer", "[kb]") {
  std::vector<Error> errors;
  CHECK(non_blank(nlohmann::json(" \t\n"), "/name", "name", errors) == " \t\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where == "/name");
  CHECK(errors[0].what == "name is empty or only whitespace");
  CHECK(non_blank(nlohmann::json("Shop"), "/name", "name", errors) == "Shop");
  CHECK(errors.size() == 1);

  // Characters, not bytes: five two-byte characters fit a limit of five.
  check_length("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "/answer", "answer", 5, errors);
  CHECK(errors.size() == 1);
  check_length("abcdef", "/answer", "answer", 5, errors);
  REQUIRE(errors.size() == 2);
  CHECK(errors[1].where == "/answer");
  CHECK(errors[1].what == "answer is 6 characters long; at most 5 are allowed");
}

}  // namespace
}  // namespace tandem::kb
