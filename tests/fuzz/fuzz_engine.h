// The engine the message and conversation fuzzers talk to: compiled once per
// process from a small knowledge base with sensitive intents, details to
// collect, FAQs and a redaction rule, so every branch of the policy is reachable.
// Included by exactly one file of each fuzz target, which it gives its
// LLVMFuzzerInitialize.
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

// Training runs once, before the first input: under the sanitizers on a busy
// machine it can take longer than libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  tandem::fuzz::fuzz_engine();
  return 0;
}
