// The engine the message and conversation fuzzers talk to: compiled once per
// process from a small knowledge base with sensitive intents, details to
// collect, FAQs and a redaction rule, so every branch of the policy is reachable.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "engine/compile.h"
#include "engine/engine.h"
#include "kb/knowledge_base.h"

namespace tandem::fuzz {

inline const engine::Engine& fuzz_engine() {
  static const engine::Engine engine = [] {
    std::ifstream file(TANDEM_SOURCE_DIR "/tests/fuzz/fuzz_kb.json", std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    auto kb = kb::parse_knowledge_base(text.str());
    if (!kb) __builtin_trap();  // the fuzzers' own input is broken: nothing to fuzz
    nlu::ClassifierOptions options;
    options.folds = 2;
    return engine::Engine(engine::compile_knowledge_base(*kb, options));
  }();
  return engine;
}

}  // namespace tandem::fuzz
