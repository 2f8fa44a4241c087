// The demo API's HS256 tokens: the encoding, HMAC against RFC 4231's vector,
// and every way verify_hs256 refuses a token.
#include <catch2/catch.hpp>

#include "demo_api/jwt.h"

using namespace tandem::demo_api;
using nlohmann::json;

namespace {

constexpr const char* kSecret = "a-secret-of-at-least-32-bytes-for-tests";
constexpr std::int64_t kNow = 1'800'000'000;

std::string to_hex(const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : bytes) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return out;
}

// A token with any header, signed (or not) as an attacker might.
std::string forge(const std::string& header, const json& claims, const std::string& key) {
  const std::string input = base64url_encode(header) + "." + base64url_encode(claims.dump());
  return input + "." + base64url_encode(hmac_sha256(key, input));
}

TokenError error_of(const std::string& token) {
  const auto result = verify_hs256(token, kSecret, kNow);
  REQUIRE(std::holds_alternative<TokenError>(result));
  return std::get<TokenError>(result);
}

}  // namespace

TEST_CASE("base64url round-trips every length and refuses other alphabets") {
  const std::string bytes = std::string("\x00\xff\xfe", 3) + "hello?>";
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    const std::string encoded = base64url_encode(bytes.substr(0, n));
    CHECK(encoded.find_first_of("+/=") == std::string::npos);
    CHECK(base64url_decode(encoded) == bytes.substr(0, n));
  }
  CHECK(base64url_encode("?>?") == "Pz4_");
  CHECK_FALSE(base64url_decode("Pz4/").has_value());
  CHECK_FALSE(base64url_decode("aGk=").has_value());  // padding
  CHECK_FALSE(base64url_decode("a").has_value());     // no byte has 6 bits
  CHECK(base64url_decode("aGk") == "hi");
  CHECK_FALSE(base64url_decode("aGl").has_value());  // stray low bits: one spelling per token
}

TEST_CASE("HMAC-SHA256 matches RFC 4231 test case 2") {
  CHECK(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("a signed token verifies and gives back its claims") {
  const json claims = {{"sub", "cus_ada"}, {"exp", kNow + 60}};
  const auto result = verify_hs256(sign_hs256(claims, kSecret), kSecret, kNow);
  REQUIRE(std::holds_alternative<json>(result));
  CHECK(std::get<json>(result) == claims);
}

TEST_CASE("verify_hs256 refuses what it did not sign, or no longer accepts") {
  const json claims = {{"sub", "cus_ada"}, {"exp", kNow + 60}};
  const std::string token = sign_hs256(claims, kSecret);

  SECTION("another key") {
    CHECK(error_of(sign_hs256(claims, "another-secret")) == TokenError::bad_signature);
  }
  SECTION("changed claims, old signature") {
    const std::string other = sign_hs256({{"sub", "cus_grace"}, {"exp", kNow + 60}}, kSecret);
    const std::string spliced = token.substr(0, token.find('.')) +
                                other.substr(other.find('.'), other.rfind('.') - other.find('.')) +
                                token.substr(token.rfind('.'));
    CHECK(error_of(spliced) == TokenError::bad_signature);
  }
  SECTION("expired, and exactly at exp") {
    CHECK(error_of(sign_hs256({{"sub", "cus_ada"}, {"exp", kNow - 1}}, kSecret)) ==
          TokenError::expired);
    CHECK(error_of(sign_hs256({{"sub", "cus_ada"}, {"exp", kNow}}, kSecret)) ==
          TokenError::expired);
  }
  SECTION("no exp, or not a number") {
    CHECK(error_of(sign_hs256({{"sub", "cus_ada"}}, kSecret)) == TokenError::malformed);
    CHECK(error_of(sign_hs256({{"sub", "cus_ada"}, {"exp", "never"}}, kSecret)) ==
          TokenError::malformed);
  }
  SECTION("alg none, with or without a signature") {
    const std::string header = R"({"alg":"none","typ":"JWT"})";
    const std::string unsigned_token =
        base64url_encode(header) + "." + base64url_encode(claims.dump()) + ".";
    CHECK(error_of(unsigned_token) == TokenError::wrong_algorithm);
    CHECK(error_of(forge(header, claims, kSecret)) == TokenError::wrong_algorithm);
  }
  SECTION("another HMAC or a missing alg") {
    CHECK(error_of(forge(R"({"alg":"HS512"})", claims, kSecret)) == TokenError::wrong_algorithm);
    CHECK(error_of(forge(R"({"alg":"hs256"})", claims, kSecret)) == TokenError::wrong_algorithm);
    CHECK(error_of(forge(R"({"typ":"JWT"})", claims, kSecret)) == TokenError::wrong_algorithm);
  }
  SECTION("not three parts, not base64url, not JSON objects") {
    CHECK(error_of("") == TokenError::malformed);
    CHECK(error_of("abc") == TokenError::malformed);
    CHECK(error_of("a.b") == TokenError::malformed);
    CHECK(error_of(token + ".x") == TokenError::malformed);
    CHECK(error_of("!!!." + token.substr(token.find('.') + 1)) == TokenError::malformed);
    CHECK(error_of(forge("[1,2]", claims, kSecret)) == TokenError::malformed);
    CHECK(error_of(token.substr(0, token.rfind('.') + 1) + "%%") == TokenError::malformed);
  }
  SECTION("oversized") {
    CHECK(error_of(sign_hs256({{"sub", std::string(5000, 'a')}, {"exp", kNow + 60}}, kSecret)) ==
          TokenError::malformed);
  }
}
