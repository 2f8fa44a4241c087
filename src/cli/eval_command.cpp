#include <cstdio>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "engine_io.h"
#include "evaluation.h"
#include "options.h"
#include "training_data.h"

namespace tandem::cli {
namespace {

nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

void print_table(const Evaluation& e) {
  const auto& m = e.metrics;
  auto pct = [](const std::optional<double>& v) {
    return v ? std::to_string(*v * 100.0).substr(0, 5) + "%" : std::string("n/a");
  };
  std::printf("items              %zu\n", m.n);
  std::printf("accuracy           %.2f%%  (top intent, in-scope items)\n", m.accuracy * 100);
  std::printf("in-scope accuracy  %.2f%%  (answered with the right intent)\n",
              m.in_scope_accuracy * 100);
  std::printf("answered           %.2f%%  (of in-scope items)\n", m.answered * 100);
  std::printf("oos precision      %s\n", pct(m.oos_precision).c_str());
  std::printf("oos recall         %s\n", pct(m.oos_recall).c_str());
  std::printf("macro F1           %.4f\n", m.macro_f1);
  std::printf("latency p50 / p99  %.1f / %.1f us per message\n", e.latency_us_p50,
              e.latency_us_p99);
}

}  // namespace

int eval_command(const Args& raw) {
  const ParsedArgs args = parse_args(raw, {}, {"--json"});
  if (!args.error.empty() || args.positional.size() != 2) {
    std::fprintf(stderr, "%susage: tandem eval MODEL DATA [--json]\n",
                 args.error.empty() ? "" : ("tandem eval: " + args.error + "\n").c_str());
    return 2;
  }
  auto engine = load_engine(args.positional[0]);
  if (!engine) return report_errors("eval", engine.errors());
  auto data = load_training_data(args.positional[1]);
  if (!data) return report_errors("eval", data.errors());

  if (data->kb)
    std::fputs(
        "tandem eval: note: a knowledge base is scored on its own training phrasings, so these "
        "figures are optimistic; score held-out messages with a CSV (text,category)\n",
        stderr);
  const Evaluation e = evaluate(*engine, evaluation_items(data->labelled));
  if (!args.has("--json")) {
    print_table(e);
    return 0;
  }
  const auto& m = e.metrics;
  const nlohmann::json out = {
      {"n", m.n},
      {"accuracy", m.accuracy},
      {"in_scope_accuracy", m.in_scope_accuracy},
      {"answered", m.answered},
      {"oos_precision", optional_number(m.oos_precision)},
      {"oos_recall", optional_number(m.oos_recall)},
      {"macro_f1", m.macro_f1},
      {"latency_us_p50", e.latency_us_p50},
      {"latency_us_p99", e.latency_us_p99},
  };
  std::puts(out.dump(2).c_str());
  return 0;
}

}  // namespace tandem::cli
