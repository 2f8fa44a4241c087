// The demo knowledge base (web/demo/kb.json) and the model compiled from it,
// shared by the engine tests: compiling once keeps the suite fast under WASM.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include "../test_files.h"

#include "engine/compile.h"
#include "kb/knowledge_base.h"

namespace tandem::engine::testing {

using tandem::testing::read_file;

inline const kb::KnowledgeBase& demo_kb() {
  static const kb::KnowledgeBase kb = [] {
    auto parsed = kb::parse_knowledge_base(read_file(TANDEM_SOURCE_DIR "/web/demo/kb.json"));
    INFO((parsed.ok() ? std::string() : parsed.error_text()));
    REQUIRE(parsed.ok());
    return std::move(parsed).value();
  }();
  return kb;
}

struct CompiledDemo {
  Model model;
  CompileReport report;
};

inline const CompiledDemo& compiled_demo() {
  static const CompiledDemo demo = [] {
    nlu::ClassifierOptions options;
    options.folds = 2;
    CompiledDemo out;
    out.model = compile_knowledge_base(demo_kb(), options, &out.report);
    return out;
  }();
  return demo;
}

}  // namespace tandem::engine::testing
