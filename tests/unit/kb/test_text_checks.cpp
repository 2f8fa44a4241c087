#include <catch2/catch.hpp>

#include "kb/text_checks.h"

namespace tandem::kb {
namespace {

TEST_CASE("text checks accept UTF-8 and name the first bad byte", "[kb]") {
  CHECK_FALSE(check_text("plain, caf\xC3\xA9, \xE2\x82\xAC, \xF0\x9F\x98\x80", 100, "file"));
  const auto overlong = check_text("ab\xC0\xAF", 100, "file");  // overlong '/'
  REQUIRE(overlong);
  CHECK(overlong->where == "byte 2");
  const auto truncated = check_text("abc\xE2\x82", 100, "file");
  REQUIRE(truncated);
  CHECK(truncated->where == "byte 3");
  const auto too_big = check_text("12345", 4, "file");
  REQUIRE(too_big);
  CHECK(too_big->what.find("the file is 5 bytes; at most 4 bytes") != std::string::npos);
}

TEST_CASE("UTF-8 lengths and prefixes count whole characters", "[kb]") {
  const std::string euros = "\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC";  // three euro signs
  CHECK(utf8_length(euros) == 3);
  CHECK(utf8_prefix(euros, 4) == "\xE2\x82\xAC");
  CHECK(utf8_prefix(euros, 6) == "\xE2\x82\xAC\xE2\x82\xAC");
  CHECK(utf8_prefix("short", 60) == "short");
  CHECK(is_blank(" \t\r\n"));
  CHECK_FALSE(is_blank(" x "));
}

}  // namespace
}  // namespace tandem::kb
