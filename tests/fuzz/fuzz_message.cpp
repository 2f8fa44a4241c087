// One customer message, as raw bytes, through everything that reads it: the
// engine's decision, the policy (details, screening, redaction of the stored
// turn) and the knowledge base's redaction rules.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dialogue/policy.h"
#include "fuzz_engine.h"
#include "privacy/redaction.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tandem;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& engine = fuzz::fuzz_engine();
  const auto decision = engine.decide(text);
  if (!(decision.confidence >= 0.0f && decision.confidence <= 1.0f)) __builtin_trap();

  dialogue::Context context;
  context.now_ms = 1764547200000;  // 2025-12-01
  context.redaction_rules = engine.model().kb.redactions;
  dialogue::Session session;
  // Twice: the second message meets the state the first one left.
  dialogue::respond(engine, session, text, context);
  dialogue::respond(engine, session, text, context);
  (void)privacy::redact(text, context.redaction_rules);
  return 0;
}
