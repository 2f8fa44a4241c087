#include <catch2/catch.hpp>

#include "dialogue/screening.h"
#include "dialogue_test_support.h"

namespace tandem::dialogue::testing {
namespace {

TEST_CASE("screening: outcomes of conversations without a person", "[dialogue][screening]") {
  Conversation resolved;
  resolved.say("what are your opening hours");
  resolved.say("which cards do you accept");
  auto s = screen(resolved.session);
  REQUIRE(s);
  CHECK(s->outcome == Outcome::kResolved);
  CHECK(s->intents == std::vector<std::string>{"faq.support_hours", "faq.accepted_cards"});

  Conversation abandoned;
  abandoned.say("someone used my card to buy stuff");  // asked for an email, never given
  s = screen(abandoned.session);
  REQUIRE(s);
  CHECK(s->outcome == Outcome::kAbandoned);
  CHECK(s->intents == std::vector<std::string>{"fraud_report"});

  Conversation rated;
  const Reply answer = rated.say("what fees do you charge");
  REQUIRE(record_feedback(demo_engine(), rated.session, answer.turn, true, rated.context).ok());
  CHECK(screen(rated.session)->outcome == Outcome::kHelpful);

  CHECK(outcome_name(Outcome::kNotHelpful) == "not_helpful");
  CHECK(screen(Session{})->outcome == Outcome::kAbandoned);
}

TEST_CASE("screening: a handed-off conversation has its bundle instead", "[dialogue][screening]") {
  Conversation c;
  c.say("I want to talk to a human");
  CHECK_FALSE(screen(c.session));
}

}  // namespace
}  // namespace tandem::dialogue::testing
