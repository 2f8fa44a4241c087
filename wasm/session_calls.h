// The conversation API of the WASM module: the dialogue policy over a session
// the module holds, and the handoff bundle built from it. One JSON request in,
// one JSON answer out (docs/wasm.md, "Conversations"), so the C ABI stays one
// function however the API grows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dialogue/policy.h"
#include "dialogue/session.h"
#include "engine/engine.h"

namespace tandem::wasm {

struct Conversation {
  dialogue::Session session;
  // The reply that handed off, which the bundle describes; none after a
  // restore, when the bundle was built (and queued) before the reload.
  std::optional<dialogue::Reply> handoff;
  // The current call's reply, written as JSON text into the answer.
  std::string reply_json;
};

// Answers {"session", ...} or {"error": "..."}; never throws.
std::string session_call(const engine::Engine& engine, Conversation& conversation,
                         std::string_view request);

}  // namespace tandem::wasm
