#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dialogue/details.h"

using tandem::dialogue::CalendarDate;
using tandem::dialogue::Detail;
using tandem::dialogue::DetailContext;
using tandem::dialogue::DetailType;
using tandem::dialogue::extract_details;
using Values = std::vector<std::string>;

namespace {

// Friday 20 November 2026.
DetailContext context_on(CalendarDate today, std::string prefix = "") {
  DetailContext context;
  context.today = today;
  context.order_id_prefix = std::move(prefix);
  return context;
}

const DetailContext kFriday = context_on({2026, 11, 20});
const DetailContext kLuckyParcel = context_on({2026, 11, 20}, "LP-");

Values found(std::string_view message, DetailType type, const DetailContext& context = kFriday) {
  Values values;
  for (const Detail& d : extract_details(message, context)) {
    if (d.type == type) values.push_back(d.value);
  }
  return values;
}

// Every detail as "name=value", to show that nothing else was taken.
Values everything(std::string_view message, const DetailContext& context = kFriday) {
  Values values;
  for (const Detail& d : extract_details(message, context)) {
    values.push_back(std::string(tandem::dialogue::detail_name(d.type)) + "=" + d.value);
  }
  return values;
}

}  // namespace

TEST_CASE("detail names are the knowledge base's and round-trip", "[details]") {
  for (const DetailType type : {DetailType::kOrderId, DetailType::kEmail, DetailType::kPhone,
                                DetailType::kAmount, DetailType::kDate, DetailType::kCardLast4}) {
    CHECK(tandem::dialogue::detail_from_name(tandem::dialogue::detail_name(type)) == type);
  }
  CHECK(tandem::dialogue::detail_name(DetailType::kOrderId) == "order_id");
  CHECK(tandem::dialogue::detail_name(DetailType::kCardLast4) == "card_last4");
  CHECK_FALSE(tandem::dialogue::detail_from_name("Order_ID").has_value());
  CHECK_FALSE(tandem::dialogue::detail_from_name("").has_value());
}

TEST_CASE("a detail keeps the customer's text and its byte offsets", "[details]") {
  const std::string message = "Hi, order lp 482913 was charged £5 twice";
  const auto details = extract_details(message, kLuckyParcel);
  REQUIRE(details.size() == 2);
  CHECK(details[0].type == DetailType::kOrderId);
  CHECK(details[0].value == "LP-482913");
  CHECK(details[0].text == "lp 482913");
  CHECK(message.substr(details[0].begin, details[0].end - details[0].begin) == "lp 482913");
  CHECK(details[1].type == DetailType::kAmount);
  CHECK(details[1].value == "5 GBP");
  CHECK(details[1].text == "£5");
  CHECK(message.substr(details[1].begin, details[1].end - details[1].begin) == "£5");
}

TEST_CASE("order ids with the knowledge base's prefix", "[details]") {
  const auto order = [](std::string_view m) {
    return found(m, DetailType::kOrderId, kLuckyParcel);
  };
  CHECK(order("Where is LP-482913?") == Values{"LP-482913"});
  CHECK(order("my parcel lp482913 never came") == Values{"LP-482913"});
  CHECK(order("order lp 482913 is late") == Values{"LP-482913"});
  CHECK(order("Re: #LP-482913") == Values{"LP-482913"});
  CHECK(order("LP-482913 and LP-100200 both") == Values{"LP-482913", "LP-100200"});
  // Customers drop the prefix after a cue; the knowledge base says what it is.
  CHECK(order("my order number is 482913") == Values{"LP-482913"});
  CHECK(order("order #A12-9981") == Values{"A12-9981"});
  // Not the prefix: inside a word, without a number, too short, a phone.
  CHECK(order("help482913").empty());
  CHECK(order("LP- is the shop").empty());
  CHECK(order("LP-12 arrived").empty());
  CHECK(order("call me on 07700 900123").empty());
}

TEST_CASE("order ids after cue words when no prefix is configured", "[details]") {
  const auto order = [](std::string_view m) { return found(m, DetailType::kOrderId); };
  CHECK(order("My order number 123456 has not arrived") == Values{"123456"});
  CHECK(order("order #A12-9981 is wrong") == Values{"A12-9981"});
  CHECK(order("order no. 778899") == Values{"778899"});
  CHECK(order("Booking reference: ab12cd34") == Values{"AB12CD34"});
  CHECK(order("ref 2024-77-1183") == Values{"2024-77-1183"});
  CHECK(order("can you check #98765 please") == Values{"98765"});
  CHECK(order("reference is X9Y8Z7") == Values{"X9Y8Z7"});
  // A bare number is not an order, nor a count, a price or a date after "order".
  CHECK(order("123456 is my lucky number").empty());
  CHECK(order("I want to order 2 more").empty());
  CHECK(order("my order of $45.20 was wrong").empty());
  CHECK(order("the order 45.20 total").empty());
  CHECK(order("order on 2026-11-03").empty());
  CHECK(order("I ordered 3 days ago").empty());
  CHECK(order("iPhone 15 order").empty());
}

TEST_CASE("order ids never take card, phone, amount or date digits", "[details]") {
  CHECK(everything("order 4242 4242 4242 4242") == Values{});
  CHECK(everything("order 2026-11-03 came broken") == Values{"date=2026-11-03"});
  CHECK(everything("order cost $45.20") == Values{"amount=45.20 USD"});
  CHECK(everything("order last Friday, card ending 4242") ==
        Values{"date=2026-11-13", "card_last4=4242"});
}

TEST_CASE("emails", "[details]") {
  const auto email = [](std::string_view m) { return found(m, DetailType::kEmail); };
  CHECK(email("my email is jane@example.com") == Values{"jane@example.com"});
  CHECK(email("Jane.Doe+orders@Mail.Example.co.uk.") ==
        Values{"jane.doe+orders@mail.example.co.uk"});
  CHECK(email("(j_smith-99@sub.domain.io)") == Values{"j_smith-99@sub.domain.io"});
  CHECK(email("emails: a@x.org, b@y.net") == Values{"a@x.org", "b@y.net"});
  CHECK(email("contact:bob@host-name.com") == Values{"bob@host-name.com"});
  CHECK(email("old one was x@@y.com then x@y.com") == Values{"x@y.com"});
  CHECK(email("tweet @username about it").empty());
  CHECK(email("a@b").empty());
  CHECK(email("jane@localhost").empty());
  CHECK(email("jane@example.c").empty());
  CHECK(email("jane@-example.com").empty());
  CHECK(email("jane..doe@example.com").empty());
  CHECK(email("@@@@ @.@ .@. @com").empty());
  // Its digits belong to the address.
  CHECK(everything("mail 4155550132@example.com") == Values{"email=4155550132@example.com"});
}

TEST_CASE("phone numbers", "[details]") {
  const auto phone = [](std::string_view m) { return found(m, DetailType::kPhone); };
  CHECK(phone("call me on +44 20 7946 0958") == Values{"+442079460958"});
  CHECK(phone("(415) 555-0132 is my cell") == Values{"4155550132"});
  CHECK(phone("415.555.0132") == Values{"4155550132"});
  CHECK(phone("it's 07700 900123 thanks") == Values{"07700900123"});
  CHECK(phone("+1 (415) 555-0132") == Values{"+14155550132"});
  CHECK(phone("1-800-555-0199") == Values{"18005550199"});
  CHECK(phone("+33612345678") == Values{"+33612345678"});
  CHECK(phone("+44 (0)20 7946 0958") == Values{"+442079460958"});
  CHECK(phone("020 7946 0958") == Values{"02079460958"});
  CHECK(phone("my number is 4155550132") == Values{"4155550132"});
  // A bare run of digits without a cue may be anything.
  CHECK(phone("4155550132").empty());
  CHECK(phone("+44").empty());
  CHECK(phone("5550132").empty());
  CHECK(phone("room 12 34").empty());
}

TEST_CASE("phones are not orders, cards, amounts or dates", "[details]") {
  CHECK(everything("order number 123456, phone 415-555-0132") ==
        Values{"order_id=123456", "phone=4155550132"});
  CHECK(everything("4242 4242 4242 4242") == Values{});
  CHECK(everything("1234 5678 9012 3456") == Values{});
  CHECK(everything("charged $4,155,550.13") == Values{"amount=4155550.13 USD"});
  CHECK(everything("on 2026-11-03 and 03/11/2026") == Values{"date=2026-11-03", "date=2026-03-11"});
  CHECK(everything("between 12 03 2026") == Values{});
}

TEST_CASE("amounts with a currency", "[details]") {
  const auto amount = [](std::string_view m) { return found(m, DetailType::kAmount); };
  CHECK(amount("I was charged $45.20 twice") == Values{"45.20 USD"});
  CHECK(amount("45.20 USD") == Values{"45.20 USD"});
  CHECK(amount("it was €12") == Values{"12 EUR"});
  CHECK(amount("12,50 € für nichts") == Values{"12.50 EUR"});
  CHECK(amount("12,50\xC2\xA0€") == Values{"12.50 EUR"});  // no-break space
  CHECK(amount("just £5") == Values{"5 GBP"});
  CHECK(amount("45 dollars") == Values{"45 USD"});
  CHECK(amount("a charge of 30 bucks") == Values{"30 USD"});
  CHECK(amount("EUR 1.299,00 then usd 25") == Values{"1299.00 EUR", "25 USD"});
  CHECK(amount("US$5 or C$7") == Values{"5 USD", "7 CAD"});
  CHECK(amount("$1,299.99 usd") == Values{"1299.99 USD"});
  CHECK(amount("50eur") == Values{"50 EUR"});
  CHECK(amount("₹500") == Values{"500 INR"});
}

TEST_CASE("bare numbers are amounts only after words about paying", "[details]") {
  const auto amount = [](std::string_view m) { return found(m, DetailType::kAmount); };
  CHECK(amount("you charged me 45.20 yesterday") == Values{"45.20 USD"});
  CHECK(amount("I paid 30 for it") == Values{"30 USD"});
  CHECK(amount("a refund of 12.99 please") == Values{"12.99 USD"});
  CHECK(amount("paid 45.99 each") == Values{"45.99 USD"});
  CHECK(amount("a transaction of 99.99 on the 3rd") == Values{"99.99 USD"});
  CHECK(amount("they billed 80.") == Values{"80 USD"});
  DetailContext euros = kFriday;
  euros.default_currency = "eur";
  CHECK(found("overcharged 7", DetailType::kAmount, euros) == Values{"7 EUR"});
  euros.default_currency.clear();
  CHECK(found("overcharged 7", DetailType::kAmount, euros).empty());
  CHECK(amount("I have 45").empty());
  CHECK(amount("45.20").empty());
  CHECK(amount("charged 3 times").empty());
  CHECK(amount("paid for 2 items").empty());
  CHECK(amount("paid 10% more").empty());
  CHECK(amount("paid at 10:30").empty());
  CHECK(amount("$ alone, and usd with nothing").empty());
}

TEST_CASE("words for days relative to today", "[details]") {
  const auto date = [](std::string_view m) { return found(m, DetailType::kDate); };
  CHECK(date("today") == Values{"2026-11-20"});
  CHECK(date("Yesterday I was charged") == Values{"2026-11-19"});
  CHECK(date("by tomorrow?") == Values{"2026-11-21"});
  CHECK(date("the day before yesterday") == Values{"2026-11-18"});
  CHECK(date("the day after tomorrow") == Values{"2026-11-22"});
  CHECK(date("3 days ago") == Values{"2026-11-17"});
  CHECK(date("a week ago") == Values{"2026-11-13"});
  CHECK(date("two months ago") == Values{"2026-09-20"});
  CHECK(date("1000 days ago") == Values{"2024-02-24"});
}

TEST_CASE("weekdays: last, next, and bare meaning the latest past one", "[details]") {
  const auto date = [](std::string_view m) { return found(m, DetailType::kDate); };
  // Today is a Friday.
  CHECK(date("last Friday") == Values{"2026-11-13"});
  CHECK(date("on Friday") == Values{"2026-11-20"});
  CHECK(date("on Monday") == Values{"2026-11-16"});
  CHECK(date("Saturday") == Values{"2026-11-14"});
  CHECK(date("last saturday") == Values{"2026-11-14"});
  CHECK(date("next Tuesday") == Values{"2026-11-24"});
  CHECK(date("next friday") == Values{"2026-11-27"});
  CHECK(date("this past Wed") == Values{"2026-11-18"});
  CHECK(date("on thu") == Values{"2026-11-19"});
  CHECK(date("the sun was out").empty());
  CHECK(date("last week").empty());
  CHECK(date("next time").empty());
}

TEST_CASE("the nth: the latest such day not after today", "[details]") {
  const auto date = [](std::string_view m, const DetailContext& c = kFriday) {
    return found(m, DetailType::kDate, c);
  };
  CHECK(date("on the 3rd") == Values{"2026-11-03"});
  CHECK(date("on the 20th") == Values{"2026-11-20"});
  CHECK(date("the 25th") == Values{"2026-10-25"});
  CHECK(date("on the 31st") == Values{"2026-10-31"});
  CHECK(date("on the 31st", context_on({2026, 3, 30})) == Values{"2026-01-31"});
  CHECK(date("the 30th", context_on({2024, 3, 1})) == Values{"2024-01-30"});
  CHECK(date("the 29th", context_on({2024, 3, 1})) == Values{"2024-02-29"});
  CHECK(date("on the 22nd", context_on({2027, 1, 2})) == Values{"2026-12-22"});
  CHECK(date("the 3rd time I ask").empty());
  CHECK(date("on the 2nd attempt").empty());
  CHECK(date("3rd time I ask").empty());
  CHECK(date("on the 32nd").empty());
  CHECK(date("on the 3").empty());
}

TEST_CASE("dates with a month name", "[details]") {
  const auto date = [](std::string_view m) { return found(m, DetailType::kDate); };
  CHECK(date("Nov 3") == Values{"2026-11-03"});
  CHECK(date("on 3 November") == Values{"2026-11-03"});
  CHECK(date("November 3rd") == Values{"2026-11-03"});
  CHECK(date("the 3rd of November") == Values{"2026-11-03"});
  CHECK(date("Nov. 3, 2025") == Values{"2025-11-03"});
  CHECK(date("3rd Nov 2024") == Values{"2024-11-03"});
  CHECK(date("Sept 9") == Values{"2026-09-09"});
  // The latest one, unless it comes within a month: "due Nov 25" is this year's.
  CHECK(date("due Nov 25th") == Values{"2026-11-25"});
  CHECK(date("Dec 3") == Values{"2026-12-03"});
  CHECK(date("May 20") == Values{"2026-05-20"});
  CHECK(date("Dec 30") == Values{"2025-12-30"});
  CHECK(date("Feb 29") == Values{"2024-02-29"});
  CHECK(date("Feb 30").empty());
  CHECK(date("you may 3").size() == 1);  // "may" is a month before a day number
  CHECK(date("in March").empty());
  CHECK(date("Nov 3:30").empty());
}

TEST_CASE("numeric dates: ISO, en-US month first unless the day shows", "[details]") {
  const auto date = [](std::string_view m) { return found(m, DetailType::kDate); };
  CHECK(date("2026-11-03") == Values{"2026-11-03"});
  CHECK(date("2026/11/3") == Values{"2026-11-03"});
  CHECK(date("03/11/2026") == Values{"2026-03-11"});
  CHECK(date("13/11/2026") == Values{"2026-11-13"});
  CHECK(date("11/13/2026") == Values{"2026-11-13"});
  CHECK(date("3-11-26") == Values{"2026-03-11"});
  CHECK(date("03.11.2026") == Values{"2026-11-03"});  // dots: day first
  CHECK(date("2024-02-29") == Values{"2024-02-29"});
  CHECK(date("2026-02-29").empty());
  CHECK(date("31/02/2026").empty());
  CHECK(date("2026-13-01").empty());
  CHECK(date("version 3.1.2").empty());
  CHECK(date("2026-11-03-12").empty());
  CHECK(date("1/2").empty());
}

TEST_CASE("calendar arithmetic crosses month, year and leap day boundaries", "[details]") {
  const auto date = [](std::string_view m, CalendarDate today) {
    return found(m, DetailType::kDate, context_on(today));
  };
  CHECK(date("yesterday", {2027, 1, 1}) == Values{"2026-12-31"});
  CHECK(date("yesterday", {2028, 3, 1}) == Values{"2028-02-29"});
  CHECK(date("yesterday", {2100, 3, 1}) == Values{"2100-02-28"});
  CHECK(date("tomorrow", {2026, 12, 31}) == Values{"2027-01-01"});
  CHECK(date("last Friday", {2027, 1, 2}) == Values{"2027-01-01"});
  CHECK(date("3 days ago", {2027, 1, 2}) == Values{"2026-12-30"});
  CHECK(date("a month ago", {2026, 3, 31}) == Values{"2026-02-28"});
  CHECK(date("a year ago", {2028, 2, 29}) == Values{"2027-02-28"});
  CHECK(date("Dec 28", {2027, 1, 2}) == Values{"2026-12-28"});
  CHECK(date("Jan 5", {2026, 12, 28}) == Values{"2027-01-05"});
  CHECK(date("next monday", {2026, 12, 30}) == Values{"2027-01-04"});
  // No valid today: relative dates are left out, absolute ones stay.
  CHECK(date("yesterday on the 3rd, Nov 3, next Monday", {2026, 2, 30}).empty());
  CHECK(date("2026-11-03 yesterday", {0, 0, 0}) == Values{"2026-11-03"});
  CHECK(date("tomorrow", {9999, 12, 31}).empty());
}

TEST_CASE("card last four digits need a cue or a mask", "[details]") {
  const auto last4 = [](std::string_view m) { return found(m, DetailType::kCardLast4); };
  CHECK(last4("the card ending in 4242") == Values{"4242"});
  CHECK(last4("visa ending 4242") == Values{"4242"});
  CHECK(last4("last four digits 4242") == Values{"4242"});
  CHECK(last4("my card **** 4242") == Values{"4242"});
  CHECK(last4("last 4: 4242") == Values{"4242"});
  CHECK(last4("the last four digits of my card are 1881") == Values{"1881"});
  CHECK(last4("xxxx-xxxx-xxxx-0005") == Values{"0005"});
  CHECK(last4("•••• 4444") == Values{"4444"});
  CHECK(last4("ends with 1234.") == Values{"1234"});
  CHECK(last4("4242").empty());
  CHECK(last4("my pin is 4242").empty());
  CHECK(last4("last 4 days").empty());
  CHECK(last4("ending in 42424").empty());
  CHECK(last4("* 4242").empty());
  CHECK(everything("card ending in 4242") == Values{"card_last4=4242"});
}

TEST_CASE("full card numbers are never returned as any detail", "[details]") {
  CHECK(everything("my card is 4242 4242 4242 4242 exp 12/28") == Values{});
  CHECK(everything("4111-1111-1111-1111") == Values{});
  CHECK(everything("charged 4242424242424242 $45") == Values{"amount=45 USD"});
  CHECK(everything("order 378282246310005") == Values{});
  CHECK(everything("phone 5555555555554444") == Values{});
  // Mistyped, but written like a card: still a card, so not an order.
  CHECK(everything("order 4242 4242 4242 4241") == Values{});
  CHECK(everything("order 4242-4242-4242-4241") == Values{});
  // A long reference in one piece that fails the Luhn check can be an order.
  CHECK(everything("order 1234567890123") == Values{"order_id=1234567890123"});
}

TEST_CASE("a message with several details", "[details]") {
  const std::string message =
      "Hi, I'm jane.doe@example.com. Order LP-482913 was charged €45.20 on 3 November "
      "with my card ending in 4242; call me on +44 20 7946 0958.";
  CHECK(everything(message, kLuckyParcel) ==
        Values{"email=jane.doe@example.com", "order_id=LP-482913", "amount=45.20 EUR",
               "date=2026-11-03", "card_last4=4242", "phone=+442079460958"});
}

TEST_CASE("hostile input neither crashes nor slows down", "[details]") {
  CHECK(everything("\xFF\xFE order \xC3 LP-482913 \xE2\x82 $5 \xF0\x9F", kLuckyParcel) ==
        Values{"order_id=LP-482913", "amount=5 USD"});
  CHECK(everything(std::string(5000, '7')) == Values{});
  CHECK(everything("order " + std::string(5000, '1')) == Values{});
  CHECK(everything("paid " + std::string(5000, '9')) == Values{});
  CHECK(everything("+" + std::string(5000, '4')) == Values{});
  CHECK(everything(std::string(10000, '@')) == Values{});
  CHECK(everything(std::string("\0\0 today", 8)) == Values{"date=2026-11-20"});

  // 100 KB each: must simply complete.
  std::string digits_and_dashes, mixed, masks, emails, ids;
  while (digits_and_dashes.size() < 100000) digits_and_dashes += "1-2 3.4/5,";
  while (mixed.size() < 100000) mixed += "order #a1-b2 ending in last 4 on the 3rd $ \xC3 ";
  while (masks.size() < 100000) masks += "*x*-";
  while (emails.size() < 100000) emails += "a.b-c+d@e.f-g.";
  while (ids.size() < 100000) ids += "a1";
  for (const std::string& text : {digits_and_dashes, mixed, masks, emails, ids}) {
    CHECK(extract_details(text, kLuckyParcel).size() <= tandem::dialogue::kMaxDetailsPerMessage);
  }
  std::string many;
  while (many.size() < 100000) many += "yesterday ";
  CHECK(extract_details(many, kFriday).size() == tandem::dialogue::kMaxDetailsPerMessage);
}
