// The engine's decision as the JSON text `tandem ask` prints (same keys and
// values), written by hand: nlohmann/json's serialiser would add its size to
// every page that loads the widget.
#pragma once

#include <string>

#include "engine/engine.h"

namespace tandem::wasm {

// Replaces `out` so its buffer is reused from call to call. Invalid UTF-8 in
// any string becomes U+FFFD, as in the CLI.
void write_decision_json(const engine::Decision& decision, std::string& out);

}  // namespace tandem::wasm
