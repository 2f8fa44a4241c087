// "A or B?" instead of a dead end: a question the engine declined, with two
// plausible readings, offers both with "something else" and "talk to a
// person"; every clarification has those two ways out. The offer is a guess:
// "something else" after it counts towards the low-confidence handoff.
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

// Declined by the demo's engine, its top two readings close and both plausible.
constexpr const char* kTwoReadings = "until what time is support open on saturdays";

bool ends_with_ways_out(const Reply& r) {
  const auto n = r.choices.size();
  return n >= 2 && r.choices[n - 2].id == kChoiceOther && r.choices[n - 1].id == kChoicePerson;
}

TEST_CASE("offer: a declined question with two plausible readings offers both",
          "[dialogue][offer]") {
  const engine::Decision d = demo_engine().decide(kTwoReadings);
  REQUIRE(d.action == Action::kFallback);
  REQUIRE(d.candidates.size() > 1);
  REQUIRE(d.candidates[0].confidence >= kOfferFloor);
  REQUIRE(d.candidates[1].confidence >= kOfferRunnerUp);
  REQUIRE(d.candidates[0].confidence < kConfirmLead * d.candidates[1].confidence);
  Conversation c;
  const Reply& r = c.say(kTwoReadings);
  REQUIRE(r.action == Action::kClarify);
  CHECK_FALSE(r.confirm);
  CHECK(r.guess);
  REQUIRE(r.choices.size() == 4);
  CHECK(r.choices[0].id == d.candidates[0].id);
  CHECK(r.choices[1].id == d.candidates[1].id);
  CHECK(ends_with_ways_out(r));
  CHECK(r.text.find(r.choices[0].label) != std::string::npos);
  CHECK(r.text.find(r.choices[1].label) != std::string::npos);

  SECTION("a chip takes its need up") {
    const Reply& chosen = c.click("faq.support_hours");
    CHECK(chosen.action == Action::kAnswer);
    CHECK(chosen.intent == std::optional<std::string>("faq.support_hours"));
    CHECK(c.session.low_confidence_turns == 0);
  }
  SECTION("something else asks for other words; a second miss hands off") {
    const Reply& other = c.click(kChoiceOther);
    CHECK(other.action == Action::kFallback);
    CHECK(other.text == texts::kConfirmRejected);
    REQUIRE(c.say(kTwoReadings).action == Action::kClarify);
    CHECK(hands_off(c.click(kChoiceOther), HandoffReason::kLowConfidence));
  }
  SECTION("talk to a person hands off") {
    CHECK(hands_off(c.click(kChoicePerson), HandoffReason::kAskedForPerson));
  }
}

TEST_CASE("offer: a close call between readings has the ways out too", "[dialogue][offer]") {
  Conversation c;
  const Reply& r =
      c.say("the shop says they refunded me but my instalments are still the same amount");
  REQUIRE(r.action == Action::kClarify);
  CHECK_FALSE(r.guess);
  REQUIRE(r.choices.size() == kClarifyChoices + 2);
  CHECK(r.choices[0].id == "billing_dispute");  // the sensitive reading first
  CHECK(r.choices[1].id == "refund_status");
  CHECK(ends_with_ways_out(r));
}

TEST_CASE("offer: gibberish and off-topic messages stay fallbacks", "[dialogue][offer]") {
  for (const char* message : {"asdf qwer zxcv", "what is the capital of peru", "tell me a joke"}) {
    INFO(message);
    Conversation c;
    const Reply& r = c.say(message);
    CHECK(r.action == Action::kFallback);
    CHECK(r.choices.empty());
  }
}

}  // namespace
}  // namespace tandem::dialogue::testing
