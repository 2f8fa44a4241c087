#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "dialogue/policy.h"
#include "engine/decision_json.h"
#include "engine_io.h"
#include "neural_io.h"

namespace tandem::cli {
namespace {

constexpr const char* kAskUsage = "usage: tandem ask MODEL TEXT [--neural [--logits]]\n";

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

// The feeds and fetches of model.onnx for this message, beside the decision:
// the parity test runs the same feeds through ONNX Runtime Web.
std::string with_network_io(const std::string& decision_json, const engine::Engine& engine,
                            std::string_view message, const nlu::NeuralScores& scores) {
  nlohmann::json out = nlohmann::json::parse(decision_json, nullptr, false);
  const nlu::NeuralInput input = engine.neural_input(message);
  out["neural"] = {{"rows", input.rows},
                   {"weights", input.weights},
                   {"logits", scores.values},
                   {"fingerprint", scores.fingerprint}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

int ask_command(const Args& raw) {
  // Only these exact words are flags: a customer's message may start with '-'.
  auto flag = [&](const char* name) { return std::count(raw.begin(), raw.end(), name) > 0; };
  const bool use_neural = flag("--neural"), print_logits = flag("--logits");
  Args args;
  std::copy_if(raw.begin(), raw.end(), std::back_inserter(args),
               [](const std::string& a) { return a != "--neural" && a != "--logits"; });
  if (args.size() != 2 || (print_logits && !use_neural)) {
    std::fputs(kAskUsage, stderr);
    return 2;
  }
  auto engine = load_engine(args[0]);
  if (!engine) return report_errors("ask", engine.errors());
  // --neural answers as the widget does once ONNX Runtime Web has run the
  // .onnx sibling; without it, as the widget does before (the default).
  std::optional<nlu::NeuralScores> scores;
  if (use_neural) {
    auto network = load_neural_sibling(args[0]);
    if (!network) return report_errors("ask", network.errors());
    if (!*network)
      return report_errors(
          "ask", {Error{onnx_sibling(args[0]), "no such file: train with --neural to write it"}});
    scores = native_scores(*engine, **network, args[1]);
  }
  const nlu::NeuralScores* neural = scores ? &*scores : nullptr;
  // A knowledge-base model answers as the widget would to the first message of
  // a conversation (policy included: person requests, details to collect); a
  // model of bare labelled data answers with the intent id.
  engine::Decision decision;
  if (engine->model().from_knowledge_base) {
    dialogue::Session session;
    dialogue::Context context = host_context();
    context.neural = neural;
    decision = dialogue::to_decision(dialogue::respond(*engine, session, args[1], context));
  } else {
    decision = engine->decide(args[1], neural);
  }
  // The same writer as the widget's, so both hosts print identical decisions;
  // invalid UTF-8 from the customer becomes U+FFFD rather than an error.
  std::string json;
  engine::write_decision_json(decision, json);
  if (print_logits) json = with_network_io(json, *engine, args[1], *scores);
  std::puts(json.c_str());
  return 0;
}

}  // namespace tandem::cli
