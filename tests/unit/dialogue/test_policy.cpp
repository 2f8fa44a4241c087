#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "dialogue/policy.h"
#include "dialogue_test_support.h"

namespace tandem::dialogue::testing {
namespace {

using engine::Action;
using engine::HandoffReason;

std::string describe(const Reply& r) {
  return std::string(engine::action_name(r.action)) + " " + std::string(reason_code(r.reason)) +
         " " + r.intent.value_or("-") + " \"" + r.text + "\"";
}

TEST_CASE("policy: asking for a person hands off, in many phrasings", "[dialogue][policy]") {
  const char* asks[] = {
      "I want to talk to a human",           "agent please",   "get me a real person",
      "can I speak to someone from support", "REPRESENTATIVE", "let me talk to a persn"};
  for (const char* text : asks) {
    Conversation c;
    c.say("where is my refund");
    const Reply& r = c.say(text);
    INFO(text << " -> " << describe(r));
    CHECK(hands_off(r, HandoffReason::kAskedForPerson));
    // The need the person picks up is the refund, not the request itself.
    CHECK(r.intent == std::optional<std::string>("refund_status"));
    CHECK(c.session.mode == Mode::kHuman);
    REQUIRE(c.session.handoff);
    CHECK(c.session.handoff->reason == HandoffReason::kAskedForPerson);
  }
}

TEST_CASE("policy: a person mentioned in a question is not a request", "[dialogue][policy]") {
  Conversation c;
  const Reply& r = c.say("can a person pay with two cards?");
  INFO(describe(r));
  CHECK(r.action != Action::kHandoff);
  CHECK(r.intent != std::optional<std::string>("human_agent"));
}

TEST_CASE("policy: a sensitive intent collects its details, then hands off", "[dialogue][policy]") {
  Conversation c;
  const Reply& first = c.say("I want to dispute a charge");
  INFO(describe(first));
  CHECK(acts_on(first, Action::kCollect, "billing_dispute"));
  CHECK(first.asking_for == DetailType::kOrderId);
  CHECK(first.text.find("order number") != std::string::npos);

  const Reply& second = c.say("it's order LP-482913");
  INFO(describe(second));
  CHECK(second.action == Action::kCollect);
  CHECK(second.asking_for == DetailType::kAmount);
  CHECK(second.text.find("How much") != std::string::npos);

  const Reply& third = c.say("$45.20");
  INFO(describe(third));
  CHECK(hands_off(third, HandoffReason::kSensitive));
  CHECK(third.intent == std::optional<std::string>("billing_dispute"));
  CHECK(third.reason_detail.find("collected order_id, amount") != std::string::npos);
  REQUIRE(c.session.detail(DetailType::kOrderId));
  CHECK(c.session.detail(DetailType::kOrderId)->value == "LP-482913");
  REQUIRE(c.session.detail(DetailType::kAmount));
  CHECK(c.session.detail(DetailType::kAmount)->value == "45.20 USD");
}

TEST_CASE("policy: a sensitive need's own answer is shown once, with its first question",
          "[dialogue][policy]") {
  const kb::KnowledgeBase& kb = demo_engine().model().kb;
  auto answer_of = [&](const std::string& id) {
    for (const auto& intent : kb.intents)
      if (intent.id == id) return intent.answer;
    return std::string();
  };
  Conversation c;
  const Reply& first = c.say("someone got into my account and bought things I never ordered");
  INFO(describe(first));
  REQUIRE(acts_on(first, Action::kCollect, "fraud_report"));
  // The safety advice first ("never share login codes"), then the question.
  CHECK(first.text.rfind(answer_of("fraud_report"), 0) == 0);
  CHECK(first.text.find("What email address") != std::string::npos);
  const Reply& second = c.say("it's sam@example.com");
  INFO(describe(second));
  CHECK(second.action == Action::kHandoff);
  CHECK(second.text.find("never share") == std::string::npos);

  // Nothing left to ask: the answer comes with the handoff.
  Conversation at_once;
  const Reply& h = at_once.say("I want to dispute a charge of $45.20 on order LP-482913");
  INFO(describe(h));
  REQUIRE(h.action == Action::kHandoff);
  CHECK(h.reason == HandoffReason::kSensitive);
  CHECK(h.text.rfind(answer_of("billing_dispute"), 0) == 0);
  CHECK(h.text.find(kb.messages.handoff) != std::string::npos);

  // A request for a person shows the handoff text alone, not the person intent's answer.
  Conversation asks;
  const Reply& p = asks.say("I want to talk to a human");
  CHECK(p.action == Action::kHandoff);
  CHECK(p.text == kb.messages.handoff);
}

TEST_CASE("policy: a complaint about staff collects its details; asking for staff hands off",
          "[dialogue][policy]") {
  Conversation about;
  const Reply& r = about.say("the agent on the phone was rude to me and I want to complain");
  INFO(describe(r));
  CHECK(acts_on(r, Action::kCollect, "complaint"));
  CHECK(r.asking_for == DetailType::kEmail);

  Conversation asks;
  const Reply& h = asks.say("I want to complain, let me talk to a member of staff");
  INFO(describe(h));
  CHECK(h.action == Action::kHandoff);
}

TEST_CASE("policy: details instead of a pick between a sensitive and a routine need",
          "[dialogue][policy]") {
  Conversation c;
  const Reply& first = c.say("money taken after I returned it");
  INFO(describe(first));
  REQUIRE(first.action == Action::kClarify);
  REQUIRE(std::any_of(first.choices.begin(), first.choices.end(),
                      [](const Choice& ch) { return ch.id == "billing_dispute"; }));
  const Reply& second = c.say("order LP-998812");
  INFO(describe(second));
  CHECK(acts_on(second, Action::kCollect, "billing_dispute"));
  CHECK(second.asking_for == DetailType::kAmount);
}

TEST_CASE("policy: a bare number answers 'How much was the payment?'", "[dialogue][policy]") {
  Conversation c;
  c.say("I want to dispute a charge on order LP-482913");
  REQUIRE(c.replies.back().asking_for == DetailType::kAmount);
  const Reply& r = c.say("19.99");
  INFO(describe(r));
  CHECK(r.action == Action::kHandoff);
  REQUIRE(c.session.detail(DetailType::kAmount));
  CHECK(c.session.detail(DetailType::kAmount)->value == "19.99 USD");
  // Outside that question a bare number is no amount.
  Conversation other;
  other.say("19.99");
  CHECK_FALSE(other.session.detail(DetailType::kAmount));
}

TEST_CASE("policy: a detail the host showed is a bot turn and a detail never asked for",
          "[dialogue][policy]") {
  Conversation c;
  const std::string shown = "Your parcel is delayed. Order LP-000124 is held at the depot.";
  const auto record = [&](DetailType type, const std::string& value, const std::string& words) {
    return record_known_detail(demo_engine(), c.session, type, value, words, c.context);
  };
  CHECK_FALSE(record(DetailType::kOrderId, "soon", shown));
  CHECK_FALSE(record(DetailType::kEmail, "LP-000124", shown));
  CHECK_FALSE(record(DetailType::kOrderId, "LP-000124 and LP-000125", shown));
  CHECK_FALSE(record(DetailType::kOrderId, "LP-000124", " \n"));
  CHECK(c.session.details.empty());
  CHECK(c.session.turns.empty());
  c.context.details.order_id_prefix.clear();  // the knowledge base's prefix applies
  REQUIRE(record(DetailType::kOrderId, "LP-000124", shown));
  REQUIRE(c.session.turns.size() == 1);
  CHECK(c.session.turns[0].role == Role::kBot);
  CHECK(c.session.turns[0].text == shown);
  CHECK(c.session.turns[0].action == Action::kAnswer);
  const CollectedDetail* order = c.session.detail(DetailType::kOrderId);
  REQUIRE(order);
  CHECK(order->value == "LP-000124");
  CHECK(order->text.empty());
  CHECK(order->turn == 0);
  // The stored session restores: the detail names a turn it has.
  CHECK(session_from_json(to_json(c.session)));
  const Reply& r = c.say("I want to dispute a charge");
  INFO(describe(r));
  CHECK(r.action == Action::kCollect);
  CHECK(r.asking_for != DetailType::kOrderId);
}

TEST_CASE("policy: details given up front are not asked again", "[dialogue][policy]") {
  Conversation c;
  const Reply& r = c.say("I was charged twice for order LP-123456, 45 dollars");
  INFO(describe(r));
  CHECK(hands_off(r, HandoffReason::kSensitive));
  CHECK(c.session.turns.size() == 2);
}

TEST_CASE("policy: a refused detail is noted as missing and never asked again",
          "[dialogue][policy]") {
  for (const char* refusal :
       {"I don't have it", "I don't want to give that", "why does it matter", "not telling you"}) {
    Conversation c;
    CHECK(c.say("my card was stolen and someone is using it").action == Action::kCollect);
    const Reply& last = c.say(refusal);
    INFO(refusal << ": " << describe(last));
    CHECK(last.action == Action::kHandoff);
    // A curt refusal ("not telling you") may also read as wanting no more of
    // the bot; either way the need goes to a person at once, with its intent.
    CHECK((last.reason == HandoffReason::kSensitive ||
           last.reason == HandoffReason::kAskedForPerson));
    CHECK(last.intent == std::optional<std::string>("fraud_report"));
    CHECK(last.reason_detail.find("did not give email") != std::string::npos);
    CHECK(c.session.declined_detail(DetailType::kEmail));
  }
}

TEST_CASE("policy: a routine intent is answered at once, keeping details given with it",
          "[dialogue][policy]") {
  Conversation c;
  const Reply& answer = c.say("where is my refund? order LP-482913");
  INFO(describe(answer));
  CHECK(acts_on(answer, Action::kAnswer, "refund_status"));
  CHECK(answer.text == engine::testing::demo_kb().intents[3].answer);
  REQUIRE(c.session.detail(DetailType::kOrderId));
  CHECK(c.session.detail(DetailType::kOrderId)->value == "LP-482913");

  // The demo KB's policy says order numbers start with "LP-": a bare one is read as such.
  Conversation prefixed;
  prefixed.context.details.order_id_prefix.clear();
  prefixed.say("where is my refund? it's lp 482913");
  REQUIRE(prefixed.session.detail(DetailType::kOrderId));
  CHECK(prefixed.session.detail(DetailType::kOrderId)->value == "LP-482913");

  Conversation bare;
  const Reply& plain = bare.say("where is my refund");
  CHECK(acts_on(plain, Action::kAnswer, "refund_status"));
}

TEST_CASE("policy: a new question leaves a detail question behind", "[dialogue][policy]") {
  Conversation c;
  CHECK(c.say("someone used my card to buy stuff").action == Action::kCollect);
  const Reply& r = c.say("what are your opening hours");
  INFO(describe(r));
  CHECK(acts_on(r, Action::kAnswer, "faq.support_hours"));
  CHECK(c.session.collecting.empty());
}

TEST_CASE("policy: low confidence for the KB's number of turns hands off", "[dialogue][policy]") {
  REQUIRE(engine::testing::demo_kb().policy.low_confidence_turns == 2);
  Conversation c;
  const Reply& first = c.say("asdf qwer zxcv");
  CHECK(first.action == Action::kFallback);
  CHECK(first.text == engine::testing::demo_kb().messages.fallback);
  const Reply& second = c.say("blorp fnord");
  INFO(describe(second));
  CHECK(hands_off(second, HandoffReason::kLowConfidence));
}

TEST_CASE("policy: an answer in between resets the low-confidence count", "[dialogue][policy]") {
  Conversation c;
  CHECK(c.say("asdf qwer zxcv").action == Action::kFallback);
  CHECK(c.say("what are your opening hours").action == Action::kAnswer);
  CHECK(c.say("blorp fnord").action == Action::kFallback);
}

TEST_CASE("policy: the same need right after its answer is a repeated failure",
          "[dialogue][policy]") {
  Conversation c;
  CHECK(c.say("what fees do you charge").action == Action::kAnswer);
  const Reply& r = c.say("so how much extra will I have to pay in charges?");
  INFO(describe(r));
  CHECK(hands_off(r, HandoffReason::kRepeatedFailure));
  CHECK(r.intent == std::optional<std::string>("fees_and_charges"));
}

TEST_CASE("policy: greetings repeat without a handoff", "[dialogue][policy]") {
  Conversation c;
  CHECK(c.say("hi").action == Action::kAnswer);
  CHECK(c.say("hello").action == Action::kAnswer);
}

TEST_CASE("policy: 'not helpful' feedback hands off", "[dialogue][policy]") {
  Conversation c;
  const Reply answer = c.say("what fees do you charge");
  REQUIRE(answer.action == Action::kAnswer);
  auto helpful = record_feedback(demo_engine(), c.session, answer.turn, true, c.context);
  REQUIRE(helpful.ok());
  CHECK_FALSE(helpful->has_value());
  CHECK(c.session.answers.back().feedback == Feedback::kHelpful);

  auto not_helpful = record_feedback(demo_engine(), c.session, answer.turn, false, c.context);
  REQUIRE(not_helpful.ok());
  REQUIRE(not_helpful->has_value());
  const Reply& r = **not_helpful;
  CHECK(hands_off(r, HandoffReason::kNotHelpful));
  CHECK(r.intent == std::optional<std::string>("fees_and_charges"));
  CHECK(c.session.answers.back().feedback == Feedback::kNotHelpful);
  CHECK(c.session.mode == Mode::kHuman);

  CHECK_FALSE(record_feedback(demo_engine(), c.session, 0, true, c.context).ok());
}

TEST_CASE("policy: saying an answer did not help hands off", "[dialogue][policy]") {
  Conversation c;
  CHECK(c.say("what are your opening hours").action == Action::kAnswer);
  const Reply& r = c.say("that didn't help at all");
  INFO(describe(r));
  CHECK(hands_off(r, HandoffReason::kNotHelpful));
  CHECK(c.session.answers.back().feedback == Feedback::kNotHelpful);
}

TEST_CASE("policy: frustration builds up and hands off", "[dialogue][policy]") {
  Conversation c;
  CHECK(c.say("how do I change my payment date").action != Action::kHandoff);
  const Reply& annoyed = c.say("ugh, this is so annoying!!!");
  INFO(describe(annoyed));
  CHECK(annoyed.reason != HandoffReason::kFrustration);
  CHECK(c.session.frustration > 0.0f);
  const Reply& angry = c.say("WHY IS THIS SO DAMN COMPLICATED, USELESS");
  INFO(describe(angry));
  CHECK(hands_off(angry, HandoffReason::kFrustration));
}

TEST_CASE("policy: frustration decays over calm messages", "[dialogue][policy]") {
  Conversation c;
  c.say("ugh, this is so annoying!!!");
  const float after = c.session.frustration;
  c.say("what are your opening hours");
  c.say("which cards do you accept");
  CHECK(c.session.frustration < after / 2);
}

TEST_CASE("policy: ten ordinary turns never escalate", "[dialogue][policy]") {
  Conversation c;
  const char* turns[] = {"hi",
                         "how does it work",
                         "do you charge interest",
                         "which cards do you accept",
                         "can a person pay with two cards?",
                         "what are your opening hours",
                         "what fees do you charge",
                         "is there a mobile app",
                         "do you do a credit check",
                         "thanks"};
  for (const char* text : turns) {
    const Reply& r = c.say(text);
    INFO(text << " -> " << describe(r));
    CHECK(r.action != Action::kHandoff);
  }
  CHECK(c.session.mode == Mode::kBot);
  CHECK(c.session.turns.size() == 20);
}

TEST_CASE("policy: clarify offers the two close candidates", "[dialogue][policy]") {
  // Any message the engine finds ambiguous: the policy passes the choice on.
  const char* texts[] = {"payment", "card", "account", "my payment date and fees",
                         "refund or cancel"};
  bool seen = false;
  for (const char* text : texts) {
    Conversation c;
    const Reply& r = c.say(text);
    if (r.action != Action::kClarify) continue;
    seen = true;
    INFO(describe(r));
    // The two candidates, then "something else" and "talk to a person".
    REQUIRE(r.choices.size() == 4);
    CHECK(r.choices[0].id == r.candidates[0].id);
    CHECK(r.text.find(r.choices[1].label) != std::string::npos);
    CHECK(r.choices[2].id == kChoiceOther);
    CHECK(r.choices[3].id == kChoicePerson);
  }
  CHECK(seen);
}

TEST_CASE("policy: after handoff the bot is silent until the customer returns",
          "[dialogue][policy]") {
  Conversation c;
  c.say("I want to talk to a human");
  REQUIRE(c.session.mode == Mode::kHuman);
  const Reply& quiet = c.say("hello? anyone?");
  CHECK(quiet.text.empty());
  CHECK(quiet.action == Action::kHandoff);
  add_agent_turn(c.session, "Hi, I'm Sam. How can I help?", c.context);
  CHECK(c.session.turns.back().role == Role::kAgent);
  return_to_bot(c.session);
  CHECK(c.say("what are your opening hours").action == Action::kAnswer);
}

TEST_CASE("policy: stored turns are redacted", "[dialogue][policy]") {
  Conversation c;
  c.say("my card 4242 4242 4242 4242 was stolen");
  for (const auto& t : c.session.turns) CHECK(t.text.find("4242 4242") == std::string::npos);
  REQUIRE(c.session.redactions.size() == 1);
  CHECK(c.session.redactions[0].kind == "card_number");
}

TEST_CASE("policy: the knowledge base's own patterns are masked too", "[dialogue][policy]") {
  Conversation c;  // the demo KB masks customer numbers (LC + 6 digits)
  c.say("my customer number is LC123456 and someone used my card");
  for (const auto& t : c.session.turns) CHECK(t.text.find("LC123456") == std::string::npos);
  CHECK(c.session.turns.front().text.find("[customer_number]") != std::string::npos);
}

TEST_CASE("policy: scores from a model run in the browser reach the decision, and say so",
          "[dialogue][policy][neural]") {
  Conversation plain, fused;
  const auto& labels = demo_engine().model().classifier.labels();
  const auto due = std::find(labels.begin(), labels.end(), "due_dates");
  REQUIRE(due != labels.end());
  nlu::NeuralScores encoder;
  encoder.kind = nlu::NeuralScores::Kind::kEncoderLogProbabilities;
  encoder.values.assign(labels.size(), std::log(0.01f / float(labels.size() - 1)));
  encoder.values[size_t(due - labels.begin())] = std::log(0.99f);
  encoder.weight = 10.0f;
  fused.context.neural = &encoder;

  const Reply& alone = plain.say("where is my refund");
  CHECK(alone.intent == "refund_status");
  CHECK_FALSE(alone.neural);
  const Reply& with_encoder = fused.say("where is my refund");
  CHECK(with_encoder.intent == "due_dates");
  CHECK(with_encoder.neural);
}

}  // namespace
}  // namespace tandem::dialogue::testing
