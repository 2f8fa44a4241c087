// The policy's side of actions (docs/actions.md): filling the call from the
// session's details, and turning the browser's outcome into the reply.
#pragma once

#include <optional>
#include <string_view>

#include "dialogue/policy.h"
#include "dialogue/session.h"
#include "kb/knowledge_base.h"

namespace tandem::dialogue {

// The details an action's URL needs, in order.
std::vector<DetailType> action_details(const kb::Action& action);

// The call for `need` (an intent or FAQ id), with the pending action noted in
// the session; nothing when a URL detail is missing (declined): the need is
// then answered in general.
std::optional<ActionRequest> start_action(const kb::Action& action, const std::string& need,
                                          float confidence, Session& session);

// The reply to the pending call's outcome; handoff text and questions come
// from the caller (the policy owns them). The pending call is cleared.
Reply action_reply(const kb::KnowledgeBase& kb, Session& session, const ActionResult& result,
                   std::string_view handoff_text, std::string_view (*question_for)(DetailType));

}  // namespace tandem::dialogue
