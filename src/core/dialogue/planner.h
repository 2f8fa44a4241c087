// Plans the bot's reply to one message in bot mode: answer, clarify, confirm,
// ask for a detail, call an action or hand off. The caller (policy.cpp)
// records the reply in the session. Internal to dialogue/.
#pragma once

#include <optional>
#include <string_view>

#include "dialogue/policy.h"
#include "dialogue/reading.h"
#include "dialogue/session.h"
#include "engine/engine.h"

namespace tandem::dialogue {

// The message being planned: `decision` is the engine's reading of it (or
// the customer's own choice); `message` is empty for a choice.
struct PlanInput {
  const engine::Engine& engine;
  Session& session;
  std::string_view message;
  const engine::Decision& decision;
  TurnNumber customer_turn;
};

// `asked`: the detail the bot's question was waiting for, if any;
// `rejects_confirmation`: a "no" to the bot's "Did you mean ...?". A request
// for a person is never left with the bot, however else the message read.
Reply plan_message(const PlanInput& in, bool asks_for_person, const Given& given,
                   std::optional<DetailType> asked, bool rejects_confirmation);
// The customer chose this need themselves (a chip, or yes to a confirmation).
Reply plan_choice(const PlanInput& in, const engine::Candidate& choice);
// The customer chose "talk to a person".
Reply plan_person(const PlanInput& in);
// "No" to "Did you mean ...?" or "something else": not understood, so a second
// miss hands off; the customer is asked for other words, and told a person is there.
Reply plan_rejected(const PlanInput& in);

}  // namespace tandem::dialogue
