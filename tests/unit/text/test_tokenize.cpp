#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/normalize.h"
#include "text/tokenize.h"

using tandem::text::feature_form;
using tandem::text::normalize;
using tandem::text::Token;
using tandem::text::tokenize;
using tandem::text::TokenKind;

namespace {

// "w:word n:12 m:25 usd" joined by " | ", to compare whole token lists at once.
std::string show(std::string_view raw) {
  std::string out;
  for (const Token& t : tokenize(normalize(raw))) {
    if (!out.empty()) out += " | ";
    out += t.kind == TokenKind::kWord ? "w:" : t.kind == TokenKind::kNumber ? "n:" : "m:";
    out += t.text;
  }
  return out;
}

}  // namespace

TEST_CASE("tokenize splits words and keeps inner apostrophes", "[text]") {
  CHECK(show("Don't cancel the customer's order!") ==
        "w:don't | w:cancel | w:the | w:customer's | w:order");
  CHECK(show("don\xE2\x80\x99t") == "w:don't");
  CHECK(show("'quoted' customers' rights") == "w:quoted | w:customers | w:rights");
  CHECK(show("e-mail/password, (ok)") == "w:e | w:mail | w:password | w:ok");
  CHECK(show("a123b 4g 3rd mp3") == "w:a123b | w:4g | w:3rd | w:mp3");
  CHECK(show("") == "");
  CHECK(show("?!... --") == "");
}

TEST_CASE("tokenize treats non-ASCII letters as letters", "[text]") {
  CHECK(show("Привет, мир!") == "w:привет | w:мир");
  CHECK(show("ΚΑΛΗΜΕΡΑ σας") == "w:καλημερα | w:σασ");
  CHECK(show("naïve café") == "w:naive | w:cafe");
  CHECK(show("مرحبا بك") == "w:مرحبا | w:بك");
}

TEST_CASE("tokenize makes each ideograph and emoji a token", "[text]") {
  CHECK(show("退款😀ok") == "w:退 | w:款 | w:😀 | w:ok");
  CHECK(show("great👍🏽") == "w:great | w:👍");  // skin tone modifier dropped
}

TEST_CASE("tokenize reads numbers with inner separators", "[text]") {
  CHECK(show("12") == "n:12");
  CHECK(show("1,299.00") == "n:1,299.00");
  CHECK(show("3.5 stars") == "n:3.5 | w:stars");
  CHECK(show("on 07/12 at 10:30") == "w:on | n:07/12 | w:at | n:10:30");
  CHECK(show("since 2024-01-05") == "w:since | n:2024-01-05");
  CHECK(show("order #12345.") == "w:order | n:12345");
  CHECK(show("1, 2, 3") == "n:1 | n:2 | n:3");
  CHECK(show("3.5gb") == "n:3.5 | w:gb");
  CHECK(show("-5") == "n:5");
}

TEST_CASE("tokenize joins amounts and currencies into one money token", "[text]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"$25", "25 usd"},
      {"25$", "25 usd"},
      {"$ 25", "25 usd"},
      {"€5.50", "5.50 eur"},
      {"5,50 €", "5.50 eur"},
      {"£ 12", "12 gbp"},
      {"£5 pounds", "5 gbp"},
      {"25 eur", "25 eur"},
      {"25 EUR", "25 eur"},
      {"25 usd", "25 usd"},
      {"25usd", "25 usd"},
      {"USD 25", "25 usd"},
      {"usd25", "25 usd"},
      {"12.99 dollars", "12.99 usd"},
      {"20 bucks", "20 usd"},
      {"10 euros", "10 eur"},
      {"$1,299.00", "1299.00 usd"},
      {"1.299,00 EUR", "1299.00 eur"},
      {"1.000.000 yen", "1000000 jpy"},
      {"$25 CAD", "25 cad"},
      {"¥300", "300 jpy"},
      {"₹499", "499 inr"},
      {"Rs 500", "500 inr"},
      {"rs500", "500 inr"},
      {"＄２５", "25 usd"},
      {"300 zł", "300 pln"},
  };
  for (const auto& [input, money] : cases) {
    INFO(input);
    CHECK(show(input) == "m:" + money);
  }
}

TEST_CASE("tokenize finds money inside sentences", "[text]") {
  CHECK(show("I was charged $25 twice for order 1234") ==
        "w:i | w:was | w:charged | m:25 usd | w:twice | w:for | w:order | n:1234");
  CHECK(show("refund 12.99 dollars, not 10") == "w:refund | m:12.99 usd | w:not | n:10");
  CHECK(show("5 €10 vouchers") == "n:5 | m:10 eur | w:vouchers");
  CHECK(show("between $10 and $20.") == "w:between | m:10 usd | w:and | m:20 usd");
}

TEST_CASE("tokenize does not invent money", "[text]") {
  CHECK(show("try 3 times") == "w:try | n:3 | w:times");
  CHECK(show("php 8") == "w:php | n:8");
  CHECK(show("costs $, 25") == "w:costs | n:25");  // only spaces may separate them
  CHECK(show("$ alone") == "w:alone");
  CHECK(show("$10-15") == "n:10-15");  // a range is not an amount
  CHECK(show("25 apples") == "n:25 | w:apples");
}

TEST_CASE("tokenize survives raw, invalid input", "[text]") {
  CHECK(tokenize("\xFF"
                 "abc\xC3")
            .size() == 1);
  CHECK(tokenize("\xFF"
                 "abc\xC3")
            .front()
            .text == "abc");
  CHECK(tokenize("A1 \xE2\x82").front().text == "A1");
}

TEST_CASE("feature_form hides numbers and amounts behind placeholders", "[text]") {
  CHECK(feature_form({TokenKind::kWord, "refund"}) == "refund");
  CHECK(feature_form({TokenKind::kNumber, "1,299.00"}) == "<num>");
  CHECK(feature_form({TokenKind::kMoney, "25 usd"}) == "<money>");
  CHECK(tandem::text::kNumberForm == "<num>");
  CHECK(tandem::text::kMoneyForm == "<money>");
}
