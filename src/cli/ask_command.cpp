#include <chrono>
#include <cstdio>
#include <ctime>

#include "commands.h"
#include "dialogue/policy.h"
#include "engine/decision_json.h"
#include "engine_io.h"

namespace tandem::cli {
namespace {

// What the policy needs from the host: the time, and today's date for
// relative dates ("yesterday") in the message.
dialogue::Context host_context() {
  dialogue::Context context;
  const auto now = std::chrono::system_clock::now();
  context.now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm local{};
  localtime_r(&seconds, &local);
  context.details.today = {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  return context;
}

}  // namespace

int ask_command(const Args& args) {
  if (args.size() != 2) {
    std::fputs("usage: tandem ask MODEL TEXT\n", stderr);
    return 2;
  }
  auto engine = load_engine(args[0]);
  if (!engine) return report_errors("ask", engine.errors());
  // A knowledge-base model answers as the widget would to the first message of
  // a conversation (policy included: person requests, details to collect); a
  // model of bare labelled data answers with the intent id.
  engine::Decision decision;
  if (engine->model().from_knowledge_base) {
    dialogue::Session session;
    decision = dialogue::to_decision(dialogue::respond(*engine, session, args[1], host_context()));
  } else {
    decision = engine->decide(args[1]);
  }
  // The same writer as the widget's, so both hosts print identical decisions;
  // invalid UTF-8 from the customer becomes U+FFFD rather than an error.
  std::string json;
  engine::write_decision_json(decision, json);
  std::puts(json.c_str());
  return 0;
}

}  // namespace tandem::cli
