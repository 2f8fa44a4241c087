#include <catch2/catch.hpp>

#include "dialogue/session.h"
#include "dialogue_test_support.h"

namespace tandem::dialogue::testing {
namespace {

Session sample_session() {
  Conversation c;
  c.say("hi");
  c.say("I want to dispute a charge");
  c.say("order LP-482913, card 4111 1111 1111 1111");
  c.say("it was 45 euros");
  return c.session;
}

TEST_CASE("session: JSON round trip keeps everything", "[dialogue][session]") {
  const Session s = sample_session();
  REQUIRE(s.handoff);
  auto back = session_from_json_text(to_json(s).dump());
  INFO((back.ok() ? "" : back.error_text()));
  REQUIRE(back.ok());
  CHECK(to_json(*back) == to_json(s));
  CHECK(back->mode == Mode::kHuman);
  CHECK(back->turns.size() == s.turns.size());
  CHECK(back->turns[1].intent == "greeting");
  CHECK(back->detail(DetailType::kOrderId)->value == "LP-482913");
  CHECK(back->handoff->reason == engine::HandoffReason::kSensitive);
  CHECK(back->redactions.at(0).kind == "card_number");
}

TEST_CASE("session: corrupted stored sessions give errors", "[dialogue][session]") {
  const nlohmann::json good = to_json(sample_session());
  CHECK_FALSE(session_from_json_text("{\"version\": 1, ").ok());
  CHECK_FALSE(session_from_json_text("[]").ok());
  CHECK_FALSE(session_from_json_text("").ok());

  auto broken = [&](auto edit) {
    nlohmann::json j = good;
    edit(j);
    return session_from_json(j);
  };
  auto expect_error = [](const Expected<Session>& s, const std::string& where) {
    REQUIRE_FALSE(s.ok());
    INFO(s.error_text());
    CHECK(s.error_text().find(where) != std::string::npos);
  };
  expect_error(broken([](auto& j) { j["version"] = 99; }), "/version");
  expect_error(broken([](auto& j) { j["mode"] = "robot"; }), "/mode");
  expect_error(broken([](auto& j) { j["turns"][0]["role"] = 3; }), "/turns/0/role");
  expect_error(broken([](auto& j) { j["turns"][1]["confidence"] = 7.5; }), "/turns/1/confidence");
  expect_error(broken([](auto& j) { j["turns"][0]["text"] = std::string(5000, 'a'); }),
               "/turns/0/text");
  expect_error(broken([](auto& j) {
                 j["details"]["shoe_size"] = {{"value", "9"}};
               }),
               "/details/shoe_size");
  expect_error(broken([](auto& j) { j["details"]["order_id"]["turn"] = 500; }),
               "/details/order_id/turn");
  expect_error(broken([](auto& j) { j["frustration"] = -1; }), "/frustration");
  expect_error(broken([](auto& j) { j["failures"] = -3; }), "/failures");
  expect_error(broken([](auto& j) { j["handoff"]["reason"] = "bored"; }), "/handoff/reason");
  expect_error(broken([](auto& j) { j["handoff"] = nullptr; }), "/handoff");
  expect_error(broken([](auto& j) { j["surprise"] = true; }), "surprise");
  expect_error(broken([](auto& j) { j.erase("turns"); }), "turns");
}

TEST_CASE("session: size stays bounded", "[dialogue][session]") {
  Session s;
  for (int i = 0; i < 130; ++i) {
    Turn t;
    t.role = i % 2 ? Role::kBot : Role::kCustomer;
    t.text = std::string(3000, 'x') + "é";
    t.time_ms = i;
    const TurnNumber n = add_turn(s, t);
    if (t.role == Role::kBot) s.answers.push_back({"thanks", n, Feedback::kNone});
  }
  CHECK(s.turns.size() == kMaxTurns);
  CHECK(s.dropped_turns == 30);
  CHECK(s.next_turn() == 130);
  CHECK(s.turn(29) == nullptr);
  REQUIRE(s.turn(30) != nullptr);
  CHECK(s.turn(30)->time_ms == 30);
  CHECK(s.turns[0].text.size() == kMaxTurnChars);
  CHECK(s.answers.size() <= kMaxAnswersTried);
  for (const auto& a : s.answers) CHECK(a.turn >= s.dropped_turns);
  CHECK(session_from_json(to_json(s)).ok());
}

TEST_CASE("session: a detail keeps its latest value", "[dialogue][session]") {
  Session s;
  remember_detail(s, {DetailType::kEmail, "a@example.com", "a@example.com", 0});
  remember_detail(s, {DetailType::kEmail, "b@example.com", "b@example.com", 2});
  REQUIRE(s.details.size() == 1);
  CHECK(s.detail(DetailType::kEmail)->value == "b@example.com");
  CHECK(s.detail(DetailType::kPhone) == nullptr);
}

}  // namespace
}  // namespace tandem::dialogue::testing
