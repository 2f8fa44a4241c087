// The policy with actions, on the demo knowledge base (web/demo/kb.json):
// details first, then the call; each outcome becomes the reply and is kept
// in the transcript.
#include <catch2/catch.hpp>

#include "dialogue/policy.h"
#include "dialogue_test_support.h"
#include "handoff/bundle.h"

namespace tandem::dialogue::testing {
namespace {

using engine::Action;

const char* kShipped = R"({"order_id":"LP-000123","shop":"Nordic Bikes","status":"shipped",
  "carrier":"DHL","tracking_status":"In transit","eta":"2026-12-14","internal_risk_score":0.91})";

std::string find_intent_answer(const std::string& id) {
  for (const auto& intent : demo_engine().model().kb.intents)
    if (intent.id == id) return intent.answer;
  return "";
}

Reply complete(Conversation& c, CallOutcome outcome, const std::string& body = "") {
  auto reply = complete_action(demo_engine(), c.session, {outcome, body, 42}, c.context);
  INFO((reply.ok() ? std::string() : reply.error_text()));
  REQUIRE(reply.ok());
  return *reply;
}

TEST_CASE("actions: the order number is asked, then the lookup is called", "[dialogue][actions]") {
  Conversation c;
  const Reply first = c.say("where is my parcel?");
  CHECK(first.action == Action::kCollect);
  CHECK(first.asking_for == DetailType::kOrderId);
  CHECK_FALSE(first.call);
  const Reply second = c.say("LP-000123");
  REQUIRE(second.call);
  CHECK(second.call->url == "http://127.0.0.1:8082/v1/orders/LP-000123");
  CHECK(second.call->needs_customer);
  CHECK(second.call->timeout_ms == 4000);
  CHECK(second.text == find_intent_answer("order_tracking"));
  const std::size_t turns = c.session.turns.size();
  const Reply answer = complete(c, CallOutcome::kResponse, kShipped);
  CHECK(answer.action == Action::kAnswer);
  CHECK(answer.text == "Order LP-000123 from Nordic Bikes is on its way with **DHL**: In transit.");
  CHECK(answer.text.find("0.91") == std::string::npos);
  REQUIRE(c.session.turns.size() == turns + 1);
  const Turn& bot = c.session.turns.back();
  REQUIRE(bot.call);
  CHECK(bot.call->action == "order_lookup");
  CHECK(bot.call->outcome == "answered");
  CHECK(bot.call->latency_ms == 42);
  CHECK(bot.call->inputs.at(0).second == "LP-000123");
  // Reported once: a second report has nothing pending.
  CHECK_FALSE(
      complete_action(demo_engine(), c.session, {CallOutcome::kResponse, kShipped, 1}, c.context)
          .ok());
}

TEST_CASE("actions: a lookup without details is called at once", "[dialogue][actions]") {
  Conversation c;
  const Reply r = c.say("when is my next payment due?");
  REQUIRE(r.call);
  CHECK(r.call->action == "next_instalment");
  const Reply answer = complete(c, CallOutcome::kResponse,
                                R"({"order_id":"LP-000123","amount":"45.20","currency":"USD",
                                    "due_date":"2026-12-14","status":"scheduled"})");
  CHECK(answer.text.find("**45.20 USD**, due on **14 December 2026**") != std::string::npos);
}

TEST_CASE("actions: not found asks the order number again, once", "[dialogue][actions]") {
  Conversation c;
  c.say("where is my parcel?");
  c.say("LP-000999");
  const Reply again = complete(c, CallOutcome::kNotFound);
  CHECK(again.action == Action::kCollect);
  CHECK(again.asking_for == DetailType::kOrderId);
  CHECK(again.text.find("couldn't find order LP-000999") != std::string::npos);
  CHECK_FALSE(c.session.detail(DetailType::kOrderId));
  const Reply retry = c.say("LP-000998");
  REQUIRE(retry.call);
  CHECK(retry.call->url.find("LP-000998") != std::string::npos);
  const Reply twice = complete(c, CallOutcome::kNotFound);
  CHECK(twice.action == Action::kHandoff);
}

TEST_CASE("actions: signed out, the customer is told and answered in general",
          "[dialogue][actions]") {
  Conversation c;
  c.say("when is my next payment due?");
  const Reply r = complete(c, CallOutcome::kNeedsSignIn);
  CHECK(r.action == Action::kAnswer);
  CHECK(r.text.find("Sign in") == 0);
  CHECK(r.text.find("Pay in 4") != std::string::npos);
  CHECK(c.session.mode == Mode::kBot);
}

TEST_CASE("actions: failures hand off with the outcome in the bundle", "[dialogue][actions]") {
  for (auto [outcome, body, name] :
       {std::tuple{CallOutcome::kTimeout, "", "timeout"},
        {CallOutcome::kNetwork, "", "network"},
        {CallOutcome::kServerError, "", "server_error"},
        {CallOutcome::kResponse, "not json", "bad_response"},
        {CallOutcome::kResponse, R"({"status":"lost"})", "bad_response"}}) {
    Conversation c;
    c.say("where is my parcel?");
    c.say("LP-000500");
    const Reply r = complete(c, outcome, body);
    INFO(name);
    CHECK(r.action == Action::kHandoff);
    CHECK(r.reason_detail.find(name) != std::string::npos);
    CHECK(c.session.mode == Mode::kHuman);
    handoff::BundleInput input{"bundle-actions-1", c.context.now_ms, {}, {}};
    auto bundle = handoff::build_bundle(demo_engine().model(), c.session, r, input);
    REQUIRE(bundle.ok());
    const auto& last = (*bundle)["transcript"].back();
    REQUIRE(last.contains("call"));
    CHECK(last["call"]["action"] == "order_lookup");
    CHECK(last["call"]["outcome"] == name);
    CHECK(last["call"]["inputs"]["order_id"] == "LP-000500");
    CHECK(last["call"]["latency_ms"] == 42);
  }
}

TEST_CASE("actions: the pending call survives the stored session", "[dialogue][actions]") {
  Conversation c;
  c.say("where is my parcel?");
  c.say("LP-000123");
  auto restored = session_from_json(to_json(c.session));
  INFO((restored.ok() ? std::string() : restored.error_text()));
  REQUIRE(restored.ok());
  REQUIRE(restored->pending_action);
  c.session = *restored;
  complete(c, CallOutcome::kResponse, kShipped);
  auto again = session_from_json(to_json(c.session));
  REQUIRE(again.ok());
  REQUIRE(again->turns.back().call);
  CHECK(again->turns.back().call->outcome == "answered");
}

}  // namespace
}  // namespace tandem::dialogue::testing
