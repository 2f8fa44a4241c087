#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/metrics.h"

namespace tandem::engine {
namespace {

Decision decided(Action action, const std::string& intent,
                 HandoffReason reason = HandoffReason::kNone) {
  Decision d;
  d.action = action;
  d.intent = intent;
  d.reason = reason;
  return d;
}

TEST_CASE("commits: answering, collecting and sensitive handoffs commit to the intent",
          "[engine]") {
  CHECK(commits(decided(Action::kAnswer, "a")));
  CHECK(commits(decided(Action::kCollect, "a")));
  CHECK(commits(decided(Action::kHandoff, "a", HandoffReason::kSensitive)));
  CHECK_FALSE(commits(decided(Action::kHandoff, "a", HandoffReason::kLowConfidence)));
  CHECK_FALSE(commits(decided(Action::kClarify, "a")));
  CHECK_FALSE(commits(decided(Action::kFallback, "a")));
  Decision no_intent;
  no_intent.action = Action::kAnswer;
  CHECK_FALSE(commits(no_intent));
}

TEST_CASE("score gives the exact figures on a hand-made evaluation", "[engine]") {
  const std::vector<data::Example> items = {
      {"1", "a"},   {"2", "a"}, {"3", "b"}, {"4", "b"}, {"5", "oos"},
      {"6", "oos"}, {"7", "c"}, {"8", "a"}, {"9", "c"},
  };
  const std::vector<Decision> decisions = {
      decided(Action::kAnswer, "a"),                                  // right
      decided(Action::kAnswer, "b"),                                  // wrong
      decided(Action::kFallback, "b"),                                // declined, top right
      decided(Action::kHandoff, "b", HandoffReason::kSensitive),      // right
      decided(Action::kFallback, "a"),                                // oos declined
      decided(Action::kAnswer, "a"),                                  // oos answered
      decided(Action::kClarify, "c"),                                 // declined, top right
      decided(Action::kHandoff, "a", HandoffReason::kLowConfidence),  // declined, top right
      decided(Action::kAnswer, "d"),  // wrong, with a label that is never true
  };
  const Metrics m = score(items, decisions);
  CHECK(m.n == 9);
  // In scope: 1,2,3,4,7,8,9. Top intent right: 1,3,4,7,8. Committed and right: 1,4.
  CHECK(m.accuracy == Approx(5.0 / 7));
  CHECK(m.in_scope_accuracy == Approx(2.0 / 7));
  CHECK(m.answered == Approx(4.0 / 7));  // 1,2,4,9
  // Declined: 3,5,7,8, of which 5 is out of scope; out of scope: 5,6.
  REQUIRE(m.oos_recall);
  REQUIRE(m.oos_precision);
  CHECK(*m.oos_recall == Approx(0.5));
  CHECK(*m.oos_precision == Approx(0.25));
  // F1 over true labels: a P=1/2 R=1/3 -> 0.4; b P=1/2 R=1/2 -> 0.5; c -> 0;
  // d is never true, so it only lowers precision elsewhere.
  CHECK(m.macro_f1 == Approx((0.4 + 0.5 + 0.0) / 3));
}

TEST_CASE("score leaves out-of-scope figures empty when no item is out of scope", "[engine]") {
  const Metrics m = score({{"x", "a"}, {"y", "b"}},
                          {decided(Action::kAnswer, "a"), decided(Action::kAnswer, "b")});
  CHECK_FALSE(m.oos_recall);
  CHECK_FALSE(m.oos_precision);
  CHECK(m.accuracy == 1.0);
  CHECK(m.in_scope_accuracy == 1.0);
  CHECK(m.macro_f1 == 1.0);
  CHECK(score({}, {}).n == 0);
}

}  // namespace
}  // namespace tandem::engine
