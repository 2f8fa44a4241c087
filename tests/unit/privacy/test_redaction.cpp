#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "privacy/redaction.h"
#include "text/utf8.h"

using tandem::privacy::redact;
using tandem::privacy::Redacted;
using tandem::privacy::RedactionRule;
using tandem::privacy::rule_problem;

namespace {

const std::string kDot = "\u2022";
const std::string kFourDots = kDot + kDot + kDot + kDot;

std::string card_mask(const std::string& last_four) {
  return "[card " + kFourDots + " " + last_four + "]";
}

std::size_t count_of(const Redacted& r, const std::string& kind) {
  for (const auto& red : r.redactions) {
    if (red.kind == kind) return red.count;
  }
  return 0;
}

std::string digits_only(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t cp = 0;
    const std::size_t len = tandem::text::detail::decode_utf8(s, pos, cp);
    if (len == 0) return false;
    pos += len;
  }
  return true;
}

// The same sequence on every platform, unlike std::uniform_int_distribution.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint32_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33);
  }
  std::size_t below(std::size_t n) { return next() % n; }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  uint64_t state_;
};

std::string luhn_card(Rng& rng) {
  const std::size_t length = 13 + rng.below(7);
  std::string digits(1, static_cast<char>('1' + rng.below(9)));
  while (digits.size() + 1 < length) digits.push_back(static_cast<char>('0' + rng.below(10)));
  int sum = 0;
  bool doubled = true;  // the check digit will be appended to the right
  for (std::size_t k = digits.size(); k-- > 0;) {
    int v = digits[k] - '0';
    if (doubled) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    doubled = !doubled;
  }
  digits.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
  return digits;
}

}  // namespace

TEST_CASE("test numbers of every major brand are masked in any grouping", "[redaction]") {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"4111111111111111", card_mask("1111")},
      {"4242 4242 4242 4242", card_mask("4242")},
      {"4242-4242-4242-4242", card_mask("4242")},
      {"5555 5555 5555 4444", card_mask("4444")},
      {"5105105105105100", card_mask("5100")},
      {"2223 0031 2200 3222", card_mask("3222")},
      {"3782 822463 10005", card_mask("0005")},
      {"378282246310005", card_mask("0005")},
      {"3714-496353-98431", card_mask("8431")},
      {"6011 1111 1111 1117", card_mask("1117")},
      {"6011000990139424", card_mask("9424")},
      {"3056 9309 0259 04", card_mask("5904")},
      {"3566 0020 2036 0505", card_mask("0505")},
      {"6200000000000005", card_mask("0005")},
      {"4222222222222", card_mask("2222")},
      {"4000 0566 5566 5556", card_mask("5556")},
      {"6759 6498 2643 8453", card_mask("8453")},
      {"4111 1111 1111 1111 003", card_mask("1003")},  // 19 digits, Luhn-valid as a whole
      {"4111.1111.1111.1111", card_mask("1111")},
      {"4111 - 1111 - 1111 - 1111", card_mask("1111")},
      {"41 11 11 11 11 11 11 11", card_mask("1111")},
      {"4111\u00a01111\u00a01111\u00a01111", card_mask("1111")},  // no-break spaces
      {"4111\u20131111\u20131111\u20131111", card_mask("1111")},  // en dashes
      {"\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11"
       "\uff11\uff11",
       card_mask("1111")},  // fullwidth digits
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Redacted r = redact(c.text);
    CHECK(r.text == c.expected);
    CHECK(count_of(r, "card_number") == 1);
  }
}

TEST_CASE("cards inside sentences, at the edges and next to punctuation", "[redaction]") {
  const std::string mask = card_mask("4444");
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"my card is 5555 5555 5555 4444 thanks", "my card is " + mask + " thanks"},
      {"5555555555554444 was declined", mask + " was declined"},
      {"It was charged to 5555-5555-5555-4444.", "It was charged to " + mask + "."},
      {"(5555 5555 5555 4444)", "(" + mask + ")"},
      {"card:5555555555554444,exp 12/26", "card:" + mask + ",exp 12/26"},
      {"\"5555 5555 5555 4444\"?", "\"" + mask + "\"?"},
      {"Número de tarjeta: 5555 5555 5555 4444 — gracias",
       "Número de tarjeta: " + mask + " — gracias"},
      {"line one\n5555 5555 5555 4444\nline three", "line one\n" + mask + "\nline three"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(redact(c.text).text == c.expected);
  }
}

TEST_CASE("a card written next to other numbers is still masked", "[redaction]") {
  SECTION("expiry and cvv after it") {
    const Redacted r = redact("4111 1111 1111 1111 12 26 123");
    CHECK(digits_only(r.text).find("4111111111111111") == std::string::npos);
    CHECK(r.text.find("[card ") == 0);
  }
  SECTION("a reference before it") {
    const Redacted r = redact("ref 77 4242 4242 4242 4242");
    CHECK(digits_only(r.text).find("4242424242424242") == std::string::npos);
    CHECK(count_of(r, "card_number") == 1);
  }
  SECTION("two cards in a row are two masks") {
    const Redacted r = redact("4242 4242 4242 4242 5555 5555 5555 4444");
    CHECK(r.text == card_mask("4242") + " " + card_mask("4444"));
    CHECK(count_of(r, "card_number") == 2);
  }
}

TEST_CASE("digits glued to letters are masked when Luhn-valid", "[redaction]") {
  CHECK(redact("AB4242424242424242CD").text == "AB" + card_mask("4242") + "CD");
  CHECK(redact("id:x4111111111111111").text == "id:x" + card_mask("1111"));
}

TEST_CASE("numbers that fail Luhn or have the wrong length are left alone", "[redaction]") {
  const std::vector<std::string> texts = {
      "order 4111111111111112 has not arrived",
      "call me on +44 20 7946 0958 or 0161 496 0000",
      "tracking 9400111899223197428490 please",  // 22 digits, no separators
      "4242 4242 4242 4241",
      "my order number is 1234567890123",
      "amount 1,234,567.89 on 2024-03-15 at 10:30",
      "424242424242",  // 12 digits: too short, even though Luhn-valid
  };
  for (const std::string& t : texts) {
    INFO(t);
    const Redacted r = redact(t);
    CHECK(r.text == t);
    CHECK(r.redactions.empty());
  }
}

TEST_CASE("cvv codes near card words are masked, other numbers are not", "[redaction]") {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"the cvv is 123", "the cvv is [cvv]"},
      {"CVC: 4567", "CVC: [cvv]"},
      {"cvv2 321", "cvv2 [cvv]"},
      {"cvv123", "cvv[cvv]"},
      {"security code 987 and expiry 12/26", "security code [cvv] and expiry 12/26"},
      {"the code on the back says 554", "the code on the back says [cvv]"},
      {"it's 123, the 3 digits on the back", "it's [cvv], the 3 digits on the back"},
      {"Amex: the 4 digit code on the front of the card is 1234",
       "Amex: the 4 digit code on the front of the card is [cvv]"},
      {"código de seguridad 321", "código de seguridad [cvv]"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Redacted r = redact(c.text);
    CHECK(r.text == c.expected);
    CHECK(count_of(r, "cvv") == 1);
  }
}

TEST_CASE("numbers far from card words or naming the last four are untouched", "[redaction]") {
  const std::vector<std::string> texts = {
      "I paid 120 dollars",
      "order 5521 shipped in 2024",
      "my card ending in 4242 was charged 120",
      "card ending 4242 - do you need the security code?",
      "last four 4242 but the cvv on the back is worn off",
      "cvv? I do not know it. Anyway, I paid 120 dollars for order 5521 in total",
  };
  for (const std::string& t : texts) {
    INFO(t);
    CHECK(redact(t).text == t);
  }
}

TEST_CASE("a card and its cvv in one message", "[redaction]") {
  const Redacted r = redact("Visa 4111 1111 1111 1111, exp 09/27, cvv 737");
  CHECK(r.text == "Visa " + card_mask("1111") + ", exp 09/27, cvv [cvv]");
  CHECK(count_of(r, "card_number") == 1);
  CHECK(count_of(r, "cvv") == 1);
}

TEST_CASE("valid IBANs are masked keeping country and last four", "[redaction]") {
  const std::string dots = kDot + kDot + " " + kFourDots + " ";
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"GB82 WEST 1234 5698 7654 32", "[iban GB" + dots + "5432]"},
      {"GB82WEST12345698765432", "[iban GB" + dots + "5432]"},
      {"pay to DE89 3704 0044 0532 0130 00 today", "pay to [iban DE" + dots + "3000] today"},
      {"iban: de89370400440532013000.", "iban: [iban DE" + dots + "3000]."},
      {"NO93 8601 1117 947", "[iban NO" + dots + "7947]"},
      {"FR14 2004 1010 0505 0001 3M02 606", "[iban FR" + dots + "2606]"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Redacted r = redact(c.text);
    CHECK(r.text == c.expected);
    CHECK(count_of(r, "iban") == 1);
    CHECK(count_of(r, "card_number") == 0);
  }
}

TEST_CASE("IBANs with a wrong checksum are untouched", "[redaction]") {
  const std::vector<std::string> texts = {
      "GB82 WEST 1234 5698 7654 33",
      "DE88 3704 0044 0532 0130 00",
      "XX00 1234 5678 9012 34",
      "GB82 WEST",
  };
  for (const std::string& t : texts) {
    INFO(t);
    const Redacted r = redact(t);
    CHECK(r.text == t);
    CHECK(count_of(r, "iban") == 0);
  }
}

TEST_CASE("knowledge-base rules mask their matches", "[redaction]") {
  const std::vector<RedactionRule> rules = {
      {"national_id", "9999-9999-99"},
      {"policy_number", "POL-AA999"},
      {"member_ref", "m\\9*"},
  };
  for (const auto& rule : rules) CHECK_FALSE(rule_problem(rule));

  SECTION("whole-token matches, ASCII case ignored in literals") {
    const Redacted r = redact("id 1234-5678-90 and pol-xy123, ref M9abc7.", rules);
    CHECK(r.text == "id [national_id] and [policy_number], ref [member_ref].");
    CHECK(count_of(r, "national_id") == 1);
    CHECK(count_of(r, "policy_number") == 1);
    CHECK(count_of(r, "member_ref") == 1);
  }
  SECTION("no match inside a longer token") {
    const std::string t = "ids 91234-5678-90 and 1234-5678-901 and POL-XY1234";
    CHECK(redact(t, rules).text == t);
  }
  SECTION("several matches are counted") {
    const Redacted r = redact("1111-2222-33, 4444-5555-66 and 7777-8888-99", rules);
    CHECK(r.text == "[national_id], [national_id] and [national_id]");
    CHECK(count_of(r, "national_id") == 3);
  }
  SECTION("a rule wins over the cvv guess") {
    const Redacted r = redact("cvv for ORD-123?", {{"order_id", "ORD-999"}});
    CHECK(r.text == "cvv for [order_id]?");
    CHECK(count_of(r, "cvv") == 0);
  }
  SECTION("a rule cannot claim part of a card") {
    const Redacted r = redact("4242 4242 4242 4242", {{"group", "9999"}});
    CHECK(r.text == card_mask("4242"));
    CHECK(count_of(r, "group") == 0);
  }
  SECTION("escapes make class characters literal") {
    const std::vector<RedactionRule> literal = {{"code", "\\A\\9\\?-9"}};
    CHECK(redact("A9?-5 and B8x-5", literal).text == "[code] and B8x-5");
  }
}

TEST_CASE("unusable rules are reported and skipped", "[redaction]") {
  CHECK(rule_problem({"", "999"}));
  CHECK(rule_problem({"id", ""}));
  CHECK(rule_problem({"id", "99\\"}));
  CHECK(rule_problem({"id", "*9"}));
  CHECK(rule_problem({"id", std::string(65, '9')}));
  CHECK(rule_problem({"id", "\xff"}));
  CHECK(rule_problem({"a]b", "999"}));
  CHECK(rule_problem({"cvv", "999"}));
  const Redacted r = redact("code 123", {{"id", "*9"}});
  CHECK(r.text == "code 123");
  CHECK(r.redactions.empty());
}

TEST_CASE("several kinds in one text are listed in a fixed order", "[redaction]") {
  const std::vector<RedactionRule> rules = {{"order_id", "ORD-99999"}};
  const Redacted r = redact(
      "Order ORD-55210: refund to GB82 WEST 1234 5698 7654 32, not to card "
      "4242 4242 4242 4242 (security code 123) nor 5555555555554444.",
      rules);
  CHECK(r.text == "Order [order_id]: refund to [iban GB" + kDot + kDot + " " + kFourDots +
                      " 5432], not to card " + card_mask("4242") + " (security code [cvv]) nor " +
                      card_mask("4444") + ".");
  REQUIRE(r.redactions.size() == 4);
  CHECK(r.redactions[0].kind == "card_number");
  CHECK(r.redactions[0].count == 2);
  CHECK(r.redactions[1].kind == "cvv");
  CHECK(r.redactions[2].kind == "iban");
  CHECK(r.redactions[3].kind == "order_id");
}

TEST_CASE("text without anything to mask comes back unchanged", "[redaction]") {
  const std::string t = "Hello! Where is my parcel? Café ☕ 😀 — 3 items, 12.50 €";
  const Redacted r = redact(t);
  CHECK(r.text == t);
  CHECK(r.redactions.empty());
  CHECK(redact("").text.empty());
}

TEST_CASE("invalid UTF-8 becomes U+FFFD per byte and never hides a card", "[redaction]") {
  const Redacted r = redact("card \xff\xfe 4111111111111111 \xe2\x82 end\xc3");
  CHECK(r.text == "card \uFFFD\uFFFD " + card_mask("1111") + " \uFFFD\uFFFD end\uFFFD");
  CHECK(valid_utf8(r.text));
  // A broken byte between digit groups is not a separator: the two halves are separate numbers.
  CHECK(redact("41111111\xff"
               "11111111")
            .text == "41111111\uFFFD11111111");
}

TEST_CASE("property: no generated card survives in any form", "[redaction]") {
  Rng rng(20240601);
  const std::vector<std::string> separators = {" ", "-", ".", " - ", "\u00a0", "\u2013", "  "};
  const std::vector<std::string> words = {"my",    "card",  "is", "please", "refund", "the",
                                          "order", "12",    "3",  "café",   "😀",      "no,",
                                          "ok.",   "(see)", "x",  "€5",     "total:", "\n"};
  const std::vector<std::string> edges = {" ", ": ", "(", "\"", "#", "AB", "\n", ""};
  for (int n = 0; n < 2000; ++n) {
    const std::string card = luhn_card(rng);
    std::string written;
    const std::string& sep = rng.pick(separators);
    for (std::size_t i = 0; i < card.size();) {
      const std::size_t group = 1 + rng.below(6);
      if (i > 0) written += rng.below(3) == 0 ? rng.pick(separators) : sep;
      written += card.substr(i, group);
      i += group;
    }
    std::string text;
    for (std::size_t w = rng.below(6); w > 0; --w) text += rng.pick(words) + " ";
    text += rng.pick(edges) + written + rng.pick(edges);
    for (std::size_t w = rng.below(6); w > 0; --w) text += " " + rng.pick(words);

    const Redacted r = redact(text);
    INFO(text);
    INFO(r.text);
    REQUIRE(r.text.find(written) == std::string::npos);
    REQUIRE(digits_only(r.text).find(card) == std::string::npos);
    REQUIRE(count_of(r, "card_number") >= 1);
    REQUIRE(valid_utf8(r.text));
  }
}

TEST_CASE("hostile input completes", "[redaction]") {
  SECTION("100 KB of digits is one long number, not a card") {
    const std::string digits(100 * 1024, '7');
    CHECK(redact(digits).text == digits);
  }
  SECTION("100 KB of single digits between spaces") {
    std::string text;
    while (text.size() < 100 * 1024) text += "4 2 ";
    const Redacted r = redact(text);
    CHECK(valid_utf8(r.text));
    CHECK(digits_only(r.text).find("4242424242424") == std::string::npos);
  }
  SECTION("100 KB of random bytes") {
    Rng rng(7);
    std::string bytes;
    for (int i = 0; i < 100 * 1024; ++i) bytes.push_back(static_cast<char>(rng.below(256)));
    const std::vector<RedactionRule> rules = {{"any", "*"}, {"dashed", "-*-*"}};
    const Redacted r = redact(bytes, rules);
    CHECK(valid_utf8(r.text));
  }
  SECTION("100 KB of card words and short numbers") {
    std::string text;
    while (text.size() < 100 * 1024) text += "cvv 123 on the back 4567 GB82 ";
    const Redacted r = redact(text);
    CHECK(r.text.find("123") == std::string::npos);
    CHECK(valid_utf8(r.text));
  }
}
