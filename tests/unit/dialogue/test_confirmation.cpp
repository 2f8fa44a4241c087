// "Did you mean X?": a routine reading just below the answer threshold is
// confirmed instead of dropped into a fallback. Yes answers, no asks for other
// words (a second miss hands off), a person is one chip away; sensitive
// readings are never confirmed into a routine answer. Also: the reasons a
// person-request detector fire keeps when the message is something more.
#include <algorithm>
#include <utility>

#include <catch2/catch.hpp>

#include "dialogue/policy.h"
#include "dialogue/policy_config.h"
#include "dialogue_test_support.h"

namespace tandem::dialogue::testing {
namespace {

using engine::Action;
using engine::HandoffReason;

// Below the demo's answer threshold, yet clearly the prepaid cards FAQ.
constexpr const char* kNearThreshold = "can I use a prepaid visa for this";

TEST_CASE("confirm: a near-threshold routine top is offered as one choice", "[dialogue][confirm]") {
  Conversation c;
  const Reply& r = c.say(kNearThreshold);
  REQUIRE(r.action == Action::kClarify);
  REQUIRE(r.confirm);
  CHECK(r.confirm->id == "faq.prepaid_cards");
  CHECK(r.text.find(r.confirm->label) != std::string::npos);
  REQUIRE(r.choices.size() == 3);
  CHECK(r.choices[0].id == "faq.prepaid_cards");
  CHECK(r.choices[1].id == kChoiceOther);
  CHECK(r.choices[2].id == kChoicePerson);
  CHECK(c.session.confirming == "faq.prepaid_cards");

  SECTION("the yes chip answers, and the turn records what was clicked") {
    const Reply& yes = c.click("faq.prepaid_cards");
    CHECK(acts_on(yes, Action::kAnswer, "faq.prepaid_cards"));
    CHECK(c.session.confirming.empty());
  }
  SECTION("a typed yes answers too") {
    const Reply& yes = c.say("yes please");
    CHECK(acts_on(yes, Action::kAnswer, "faq.prepaid_cards"));
  }
  SECTION("no asks for other words; a second no hands off, never a loop") {
    const Reply& no = c.click(kChoiceOther);
    CHECK(no.action == Action::kFallback);
    CHECK(no.text == texts::kConfirmRejected);
    CHECK(c.session.turns[c.session.turns.size() - 2].text == texts::kConfirmOther);
    REQUIRE(c.say(kNearThreshold).confirm);
    const Reply& again = c.say("no");
    CHECK(hands_off(again, HandoffReason::kLowConfidence));
  }
  SECTION("the person chip hands off at once") {
    const Reply& person = c.click(kChoicePerson);
    CHECK(hands_off(person, HandoffReason::kAskedForPerson));
    CHECK(c.session.mode == Mode::kHuman);
  }
  SECTION("a new question is read as one, and the confirmation is over") {
    const Reply& next = c.say("how do I track my order LP-123456");
    CHECK(acts_on(next, Action::kAnswer, "order_tracking"));
    CHECK(c.session.confirming.empty());
    CHECK(c.say("yes").action != Action::kAnswer);
  }
}

TEST_CASE("confirm: the offer survives a reload; older sessions restore", "[dialogue][confirm]") {
  Conversation c;
  REQUIRE(c.say(kNearThreshold).confirm);
  auto restored = session_from_json(to_json(c.session));
  REQUIRE(restored);
  CHECK(restored->confirming == "faq.prepaid_cards");
  c.session = std::move(restored).value();
  CHECK(c.say("yep").intent == std::optional<std::string>("faq.prepaid_cards"));

  auto stored = to_json(c.session);
  stored["version"] = 2;
  stored.erase("confirming");
  stored.erase("refused");
  CHECK(session_from_json(stored));
  stored["version"] = kSessionFormatVersion + 1;
  CHECK_FALSE(session_from_json(stored));
}

TEST_CASE("confirm: never a routine answer for a sensitive reading", "[dialogue][confirm]") {
  const kb::KnowledgeBase& kb = demo_engine().model().kb;
  for (const char* message :
       {"I returned it but the payment is still there",
        "my card was used in a shop I never visited", "you charged me twice for one thing",
        "I can't afford my next instalment", "im 17, am I allowed to sign up?",
        "will signing up hurt my credit score", "something happened with my payment",
        "the money went out but the order isn't there"}) {
    Conversation c;
    const Reply& r = c.say(message);
    INFO(message);
    if (!r.confirm) continue;
    for (const auto& candidate : r.candidates) {
      if (candidate.is_faq) continue;
      const auto& intent = kb.intents[candidate.index];
      CHECK_FALSE((intent.sensitive && candidate.confidence >= kSensitiveFloor &&
                   intent.id != "human_agent"));
    }
    CHECK_FALSE(kb.intents.end() !=
                std::find_if(kb.intents.begin(), kb.intents.end(),
                             [&](auto& i) { return i.id == r.confirm->id && i.sensitive; }));
  }
}

// A small KB (the hotel of bench/data, 8-10 examples per intent) finds a
// routine question in words it never saw more likely off-topic than any
// intent, with its intent far ahead of the rest: it is confirmed, not dropped.
TEST_CASE("confirm: a clear routine top behind the out-of-scope class is offered",
          "[dialogue][confirm]") {
  static const engine::Engine hotel = [] {
    auto parsed = kb::parse_knowledge_base(
        tandem::testing::read_file(TANDEM_SOURCE_DIR "/bench/data/hotel_kb.json"));
    REQUIRE(parsed.ok());
    return engine::Engine(engine::compile_knowledge_base(parsed.value(), {}, nullptr));
  }();
  Session session;
  Context context;
  for (const char* message : {"how much is it to leave my car with you"}) {
    INFO(message);
    const engine::Decision d = hotel.decide(message);
    REQUIRE(d.basis == engine::Basis::kOutOfScope);
    REQUIRE(d.candidates.size() > 1);
    REQUIRE(d.candidates[0].confidence >= kConfirmOutOfScopeFloor);
    REQUIRE(d.candidates[0].confidence >= kConfirmLead * d.candidates[1].confidence);
    const Reply r = respond(hotel, session, message, context);
    CHECK(r.action == Action::kClarify);
    REQUIRE(r.confirm);
    CHECK(r.confirm->id == d.candidates[0].id);
  }
  SECTION("an off-topic message with no clear top stays a fallback") {
    const char* message = "how far is the train station";
    REQUIRE(hotel.decide(message).basis == engine::Basis::kOutOfScope);
    const Reply r = respond(hotel, session, message, context);
    CHECK(r.action == Action::kFallback);
    CHECK_FALSE(r.confirm);
  }
}

TEST_CASE("reasons: a refusal keeps its need's reason and is recorded as refused",
          "[dialogue][escape]") {
  Conversation c;
  REQUIRE(c.say("I lost my job and can't pay this month").action == Action::kCollect);
  const Reply& r = c.say("I'd rather not share my email here");
  CHECK(hands_off(r, HandoffReason::kSensitive));
  CHECK(r.intent == std::optional<std::string>("financial_hardship"));
  CHECK(c.session.refused == std::vector<DetailType>{DetailType::kEmail});
  CHECK(c.session.declined_detail(DetailType::kEmail));
}

TEST_CASE("reasons: a refusal that names a person is a request for one", "[dialogue][escape]") {
  Conversation c;
  REQUIRE(c.say("someone is using my lumen account without permission").action == Action::kCollect);
  const Reply& r = c.say("no I am not giving you my email, just get me a person");
  CHECK(hands_off(r, HandoffReason::kAskedForPerson));
  CHECK(c.session.refused == std::vector<DetailType>{DetailType::kEmail});
}

TEST_CASE("reasons: not helpful after an answer stays not helpful", "[dialogue][escape]") {
  Conversation c;
  REQUIRE(c.say("every time i try to pay the instalment it bounces").action == Action::kAnswer);
  const Reply& r = c.say("no, that's not what I asked");
  CHECK(hands_off(r, HandoffReason::kNotHelpful));
}

}  // namespace
}  // namespace tandem::dialogue::testing
