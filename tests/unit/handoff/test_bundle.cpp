#include <catch2/catch.hpp>

#include <dirent.h>

#include "../dialogue/dialogue_test_support.h"
#include "schema_check.h"

#include "dialogue/policy_config.h"
#include "handoff/bundle.h"
#include "text/clip.h"

namespace tandem::handoff {
namespace {

using dialogue::testing::Conversation;
using engine::testing::compiled_demo;
using tandem::testing::read_file;

const testing::SchemaCheck& schema() {
  static const testing::SchemaCheck check(
      nlohmann::json::parse(read_file(TANDEM_SOURCE_DIR "/docs/handoff-bundle.schema.json")));
  return check;
}

BundleInput input(std::string id = "h_01JDQ7Z3K9V4X2M8N6P5R0T1W3") {
  BundleInput in;
  in.id = std::move(id);
  in.created_at_ms = 1764079421512;  // 2025-11-25T14:03:41.512Z
  in.page = {"https://shop.example.com/orders/LP-48213", "Order LP-48213", "en-GB",
             "Mozilla/5.0 (X11; Linux x86_64)"};
  in.customer = {"Ada Lovelace", "ada@example.com", "cust-1815"};
  return in;
}

// Builds the bundle of a conversation's last reply and checks it against the schema.
nlohmann::json bundle_of(const Conversation& c, const BundleInput& in = input()) {
  auto bundle = build_bundle(compiled_demo().model, c.session, c.replies.back(), in);
  INFO((bundle.ok() ? "" : bundle.error_text()));
  REQUIRE(bundle.ok());
  const auto problems = schema().problems(*bundle);
  for (const auto& p : problems) INFO(p);
  INFO(bundle->dump(2));
  CHECK(problems.empty());
  return *bundle;
}

TEST_CASE("schema check: accepts the documented example, rejects each invalid bundle",
          "[handoff][bundle]") {
  const std::string dir = TANDEM_SOURCE_DIR "/tests/data/bundles/";
  CHECK(schema().problems(nlohmann::json::parse(read_file(dir + "example.json"))).empty());
  DIR* invalid = opendir((dir + "invalid").c_str());
  REQUIRE(invalid);
  int checked = 0;
  while (const dirent* entry = readdir(invalid)) {
    const std::string name = entry->d_name;
    if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
    INFO(name);
    CHECK_FALSE(
        schema().problems(nlohmann::json::parse(read_file(dir + "invalid/" + name))).empty());
    ++checked;
  }
  closedir(invalid);
  CHECK(checked >= 20);
}

TEST_CASE("bundle: a refused detail is listed as missing, and why", "[handoff][bundle]") {
  Conversation c;
  c.say("I lost my job and can't pay this month");
  c.say("I'd rather not share my email here");
  REQUIRE(c.replies.back().action == engine::Action::kHandoff);
  const auto b = bundle_of(c);
  CHECK(b["missing"] == nlohmann::json::parse(R"([{"detail": "email", "why": "refused"}])"));
  CHECK_FALSE(b["details"].contains("email"));

  Conversation unasked;
  unasked.say("I was charged twice, I want to dispute it, put me through to a person");
  REQUIRE(unasked.replies.back().action == engine::Action::kHandoff);
  const auto first = bundle_of(unasked);
  REQUIRE(first.contains("missing"));
  for (const auto& item : first["missing"]) CHECK(item["why"] == "not_asked");

  Conversation complete;
  complete.say("I was charged twice last Friday, I want to dispute it");
  complete.say("order LP-482913, it was 49.90 euros");
  REQUIRE(complete.replies.back().action == engine::Action::kHandoff);
  CHECK_FALSE(bundle_of(complete).contains("missing"));
}

TEST_CASE("bundle: a sensitive dispute with its details", "[handoff][bundle]") {
  Conversation c;
  c.say("hi");
  c.say("I was charged twice last Friday, I want to dispute it");
  c.say("order LP-482913");
  c.say("it was 49.90 euros, paid with 4111 1111 1111 1111");
  REQUIRE(c.replies.back().action == engine::Action::kHandoff);
  const auto b = bundle_of(c);
  CHECK(b["schema"] == "tandem.handoff/1");
  CHECK(b["id"] == "h_01JDQ7Z3K9V4X2M8N6P5R0T1W3");
  CHECK(b["created_at"] == "2025-11-25T14:03:41.512Z");
  CHECK(b["reason"]["code"] == "sensitive");
  CHECK(b["intent"]["candidates"][0]["id"] == "billing_dispute");
  CHECK(b["intent"]["candidates"][0]["kind"] == "intent");
  CHECK(b["intent"]["category"] == "disputes");
  CHECK(b["intent"]["queue"] == "disputes");
  CHECK(b["intent"]["priority"] == "high");
  CHECK(b["details"]["order_id"]["value"] == "LP-482913");
  CHECK(b["details"]["order_id"]["turn"] == 4);
  CHECK(b["details"]["amount"]["value"] == "49.90 EUR");
  CHECK(b["details"]["date"]["value"] == "2025-11-21");
  CHECK(b["transcript"].size() == 8);
  CHECK(b["transcript"][0]["role"] == "customer");
  CHECK(b["transcript"][1]["intent"] == "greeting");
  CHECK(b["transcript"][7]["action"] == "handoff");
  CHECK(b["page"]["locale"] == "en-GB");
  CHECK(b["customer"]["id"] == "cust-1815");
  REQUIRE(b["redactions"].size() == 1);
  CHECK(b["redactions"][0] == nlohmann::json{{"kind", "card_number"}, {"count", 1}});
  // The card number survives nowhere, grouped or not.
  const std::string all = b.dump();
  CHECK(all.find("4111 1111 1111 1111") == std::string::npos);
  CHECK(all.find("4111111111111111") == std::string::npos);
  CHECK(all.find("1111 1111") == std::string::npos);
}

TEST_CASE("bundle: the summary reads in two seconds", "[handoff][bundle]") {
  Conversation c;
  c.say("someone stole my card and bought things with it yesterday, order LP-777123");
  c.say("jane@example.com");
  REQUIRE(c.replies.back().action == engine::Action::kHandoff);
  const std::string summary = bundle_of(c)["summary"];
  INFO(summary);
  CHECK(summary.rfind("Report fraud · urgent · needs a person · order LP-777123", 0) == 0);
  CHECK(summary.find("“someone stole my card") != std::string::npos);
  CHECK(text::code_points(summary) <= dialogue::kSummaryMaxChars);

  Conversation longer;
  longer.say(std::string("I want to make a complaint because ") + std::string(400, 'x'));
  longer.say("I don't want to say");
  const std::string cut = bundle_of(longer)["summary"];
  INFO(cut);
  CHECK(text::code_points(cut) <= dialogue::kSummaryMaxChars);
  CHECK(cut.find("…") != std::string::npos);
}

TEST_CASE("bundle: every escalation path gives a valid bundle", "[handoff][bundle]") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> paths = {
      {{"where is my refund", "just get me a human"}, "asked_for_person"},
      {{"I want to talk to a person"}, "asked_for_person"},
      {{"asdf qwer zxcv", "blorp fnord"}, "low_confidence"},
      {{"what fees do you charge", "so how much extra will I have to pay in charges?"},
       "repeated_failure"},
      {{"what are your opening hours", "that didn't help at all"}, "not_helpful"},
      {{"ugh, this is so annoying!!!", "WHY IS THIS SO DAMN COMPLICATED, USELESS"}, "frustration"},
      {{"I'm struggling to pay since I lost my job", "I don't have one", "no"}, "sensitive"},
  };
  for (const auto& [messages, code] : paths) {
    Conversation c;
    for (const auto& m : messages) c.say(m);
    INFO(messages.front() << " -> " << code);
    REQUIRE(c.replies.back().action == engine::Action::kHandoff);
    const auto b = bundle_of(c);
    CHECK(b["reason"]["code"] == code);
    CHECK_FALSE(b["reason"]["detail"].get<std::string>().empty());
  }
}

TEST_CASE("bundle: answers tried carry their feedback", "[handoff][bundle]") {
  Conversation c;
  const auto answer = c.say("what fees do you charge");
  auto reply = dialogue::record_feedback(dialogue::testing::demo_engine(), c.session, answer.turn,
                                         false, c.context);
  REQUIRE(reply.ok());
  REQUIRE(reply->has_value());
  c.replies.push_back(**reply);
  const auto b = bundle_of(c);
  CHECK(b["reason"]["code"] == "not_helpful");
  REQUIRE(b["answers_tried"].size() == 1);
  CHECK(b["answers_tried"][0] ==
        nlohmann::json{{"intent", "fees_and_charges"}, {"turn", 1}, {"feedback", "not_helpful"}});
}

TEST_CASE("bundle: bad ids, no handoff, and caller fields cut and masked", "[handoff][bundle]") {
  Conversation c;
  c.say("I want to talk to a human");
  const auto& model = compiled_demo().model;
  CHECK_FALSE(build_bundle(model, c.session, c.replies.back(), input("short")).ok());
  CHECK_FALSE(build_bundle(model, c.session, c.replies.back(), input("has space 123")).ok());

  Conversation calm;
  calm.say("what are your opening hours");
  CHECK_FALSE(build_bundle(model, calm.session, calm.replies.back(), input()).ok());

  BundleInput odd = input();
  odd.page.title = std::string(600, 't') + " card 4242 4242 4242 4242";
  odd.page.url.clear();
  odd.customer = {};
  odd.customer.name = "bad \xff utf8";
  const auto b = bundle_of(c, odd);
  CHECK_FALSE(b["page"].contains("url"));
  CHECK(b["customer"].size() == 1);
  CHECK(b.dump().find("4242 4242") == std::string::npos);
  CHECK(b["intent"]["candidates"].is_array());
}

TEST_CASE("bundle: a card, an IBAN and a KB pattern are masked everywhere", "[handoff][bundle]") {
  Conversation c;
  c.say("someone used my card 4242 4242 4242 4242 and took money from GB82 WEST 1234 5698 7654 32");
  c.say("my customer number is LC778899, just get me a person");
  REQUIRE(c.replies.back().action == engine::Action::kHandoff);
  const std::string all = bundle_of(c).dump();
  INFO(all);
  CHECK(all.find("4242 4242 4242 4242") == std::string::npos);
  CHECK(all.find("GB82 WEST 1234 5698 7654 32") == std::string::npos);
  CHECK(all.find("LC778899") == std::string::npos);
  CHECK(all.find("[customer_number]") != std::string::npos);
}

TEST_CASE("bundle: the summary quotes the message that caused the handoff", "[handoff][bundle]") {
  Conversation c;
  c.say("when is my next payment due? it was on 3 November last time");
  c.say("I want to talk to a person about a charge I don't recognise");
  REQUIRE(c.replies.back().action == engine::Action::kHandoff);
  const std::string summary = bundle_of(c)["summary"];
  INFO(summary);
  CHECK(summary.find("asked for a person") != std::string::npos);
  CHECK(summary.find("“I want to talk to a person") != std::string::npos);
  CHECK(summary.find("when is my next payment") == std::string::npos);
  CHECK(summary.find("2025-11-03") == std::string::npos);  // the date was about another turn
}

TEST_CASE("bundle: times are RFC 3339 in UTC", "[handoff][bundle]") {
  CHECK(rfc3339_utc(0) == "1970-01-01T00:00:00.000Z");
  CHECK(rfc3339_utc(1764079421512) == "2025-11-25T14:03:41.512Z");
  CHECK(rfc3339_utc(951782400000) == "2000-02-29T00:00:00.000Z");
  CHECK(rfc3339_utc(-5) == "1970-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace tandem::handoff
