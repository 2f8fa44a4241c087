// A conversation with the engine compiled from the demo knowledge base, one
// message at a time, for the policy, screening and bundle tests.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../engine/engine_test_support.h"

#include "dialogue/policy.h"
#include "engine/engine.h"

namespace tandem::dialogue::testing {

inline const engine::Engine& demo_engine() {
  static const engine::Engine engine(engine::testing::compiled_demo().model);
  return engine;
}

// The reply hands the conversation to a person for this reason.
inline bool hands_off(const Reply& reply, engine::HandoffReason reason) {
  return reply.action == engine::Action::kHandoff && reply.reason == reason;
}

// The reply takes this action for this intent (one check, so a failure's
// INFO line shows both).
inline bool acts_on(const Reply& reply, engine::Action action, const std::string& intent) {
  return reply.action == action && reply.intent == intent;
}

struct Conversation {
  Session session;
  Context context;
  std::vector<Reply> replies;

  Conversation() {
    context.now_ms = 1764079378004;  // 2025-11-25T14:02:58.004Z
    context.details.today = {2025, 11, 25};
    context.details.order_id_prefix = "LP-";  // the demo shop's order numbers
  }

  const Reply& say(const std::string& text) {
    context.now_ms += 15000;
    replies.push_back(respond(demo_engine(), session, text, context));
    return replies.back();
  }

  // A click on an offered chip: an intent or FAQ id, kChoiceOther or kChoicePerson.
  const Reply& click(std::string_view id) {
    context.now_ms += 15000;
    auto reply = choose(demo_engine(), session, id, context);
    REQUIRE(reply);
    replies.push_back(std::move(reply).value());
    return replies.back();
  }
};

}  // namespace tandem::dialogue::testing
