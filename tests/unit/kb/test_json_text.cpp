#include <catch2/catch.hpp>

#include <cmath>

#include "kb/json_text.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

TEST_CASE("json_text: values read back as nlohmann wrote them", "[kb][json_text]") {
  const json value = json::parse(
      R"({"b":[1,-2,18446744073709551615,-9223372036854775808,true,false,null],)"
      R"("a":{"s":"quote \" back \\ slash \n line \u0001 é 😀"},"f":[0.5,1e-9,123456.789,-3.25e20]})");
  const std::string text = json_text(value);
  CHECK(json::parse(text) == value);
  CHECK(text.rfind("{\"a\":", 0) == 0);  // keys in nlohmann's (sorted) order
}

TEST_CASE("json_text: floats and doubles round trip, non-finite numbers are null",
          "[kb][json_text]") {
  for (float f :
       {0.1f, 1.0f / 3.0f, 3.4e38f, 1.17549435e-38f, -0.2f, 12345.678f, 0.935353457928f}) {
    std::string out;
    append_number(f, out);
    INFO(out);
    CHECK(static_cast<float>(std::stod(out)) == f);
  }
  std::string out;
  append_number(std::nan(""), out);
  append_number(INFINITY, out);
  CHECK(out == "nullnull");
}

TEST_CASE("json_text: invalid UTF-8 becomes U+FFFD", "[kb][json_text]") {
  std::string out;
  append_json_string(
      "a\xff"
      "b",
      out);
  CHECK(out ==
        "\"a\xEF\xBF\xBD"
        "b\"");
}

}  // namespace
}  // namespace tandem::kb
