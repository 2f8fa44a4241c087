// The engine's decision as JSON (ARCHITECTURE.md 3.1), one writer for every
// host: `tandem ask` prints it and the WASM module hands it to JavaScript.
// Written by hand: nlohmann/json's serialiser would add 16 KB gzip to every
// page that loads the widget.
#pragma once

#include <string>

#include "engine/engine.h"

namespace tandem::engine {

// Replaces `out` so its buffer is reused from call to call. Invalid UTF-8 in
// any string becomes U+FFFD, as in the CLI.
void write_decision_json(const Decision& decision, std::string& out);

}  // namespace tandem::engine
