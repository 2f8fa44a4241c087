// Trains and evaluates the engine on the public benchmarks with fixed
// protocols and prints two tables: the engine alone (quality, training time,
// size, latency), then the same protocols with the neural model (the network
// alone and fused with the engine, as the widget answers once it has loaded).
//   tandem-bench [DATA_DIR]      (default: ../shared/data beside the repository)
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "engine/compile.h"
#include "evaluation.h"
#include "gzip_size.h"
#include "neural_io.h"
#include "onnx_export.h"
#include "protocols.h"

namespace {

using namespace tandem;
using bench::gzip_size;

std::string percent(const std::optional<double>& v) {
  if (!v) return "   n/a";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%6.2f", *v * 100);
  return buf;
}

struct Trained {
  engine::Engine engine;
  std::string file;            // the .tandem bytes
  nlu::NeuralModel network;    // empty unless trained with it
  double train_seconds = 0.0;  // everything `tandem train` does, the network included
};

Expected<Trained> train(const data::LabelledData& data, bool neural) {
  nlu::ClassifierOptions options;
  options.neural.enabled = neural;
  nlu::NeuralModel network;
  const auto start = std::chrono::steady_clock::now();
  const engine::Model model =
      engine::compile_labelled_data(data.train, options, nullptr, {}, &network);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string file = engine::write_model(model);
  auto engine = engine::Engine::load(file);
  if (!engine) return engine.errors();
  return Trained{std::move(engine).value(), std::move(file), std::move(network), seconds};
}

// The peers' protocol for CLINC150: the out-of-scope threshold chosen on the
// evaluation data itself, as the best in-scope accuracy at >= 85% recall. An
// upper bound for comparison only; the engine's own threshold is chosen at
// training time without seeing the evaluation data.
std::string peer_protocol(const char* name, const engine::Engine& engine,
                          const std::vector<data::Example>& items) {
  const nlu::OperatingPoint best = nlu::choose_threshold(bench::predictions(engine, items), 0.85f);
  char line[256];
  std::snprintf(line, sizeof line,
                "%s, threshold chosen on the evaluation data (peers' protocol): in-scope %.2f%%, "
                "oos recall %.2f%% (threshold %.3f; the shipped one, chosen in training: %.3f)",
                name, best.in_scope_accuracy * 100, best.oos_recall * 100, best.threshold,
                engine.model().classifier.threshold());
  return line;
}

// Returns the trained engine for the neural table to compare against.
std::optional<Trained> run(const char* name, const Expected<data::LabelledData>& data,
                           std::vector<std::string>& notes) {
  if (!data) {
    std::fprintf(stderr, "%s: skipped: %s\n", name, data.error_text().c_str());
    return std::nullopt;
  }
  auto trained = train(*data, false);
  if (!trained) {
    std::fprintf(stderr, "%s: model did not load back: %s\n", name, trained.error_text().c_str());
    return std::nullopt;
  }
  const cli::Evaluation e = cli::evaluate(trained->engine, data->eval);
  const auto& m = e.metrics;
  std::printf(
      "| %-9s | %5zu / %4zu | %6.2f | %6.2f | %s | %s | %6.4f | %6.1f | %7.0f | %6.0f | %5.1f | "
      "%5.1f |\n",
      name, data->train.size(), data->eval.size(), m.accuracy * 100, m.in_scope_accuracy * 100,
      percent(m.oos_precision).c_str(), percent(m.oos_recall).c_str(), m.macro_f1,
      trained->train_seconds, trained->file.size() / 1024.0,
      bench::gzip_size(trained->file) / 1024.0, e.latency_us_p50, e.latency_us_p99);
  std::fflush(stdout);
  if (m.oos_recall) notes.push_back(peer_protocol(name, trained->engine, data->eval));
  return std::move(trained).value();
}

// The fused model against the engine alone at the same in-scope accuracy: the
// one the engine alone reaches with its shipped threshold. Both thresholds are
// swept on the evaluation data to reach it, so neither side has an edge.
std::string equal_in_scope(const char* name, const engine::Engine& lexical,
                           const engine::Engine& engine, const nlu::NeuralModel& network,
                           const std::vector<data::Example>& items) {
  const auto alone = bench::predictions(lexical, items);
  const double target =
      nlu::evaluate_threshold(alone, lexical.model().classifier.threshold()).in_scope_accuracy;
  const nlu::OperatingPoint a = bench::best_recall_at(alone, target);
  const nlu::OperatingPoint f = bench::best_recall_at(
      bench::predictions(
          engine, items,
          [&](const std::string& text) { return cli::native_scores(engine, network, text); }),
      target);
  char line[320];
  std::snprintf(line, sizeof line,
                "%s, out-of-scope recall at equal in-scope accuracy (%.2f%%, the engine alone's "
                "with its shipped threshold; thresholds swept on the evaluation data): engine "
                "alone %.2f%% (in-scope %.2f%%), fused %.2f%% (in-scope %.2f%%)",
                name, target * 100, a.oos_recall * 100, a.in_scope_accuracy * 100,
                f.oos_recall * 100, f.in_scope_accuracy * 100);
  return line;
}

void run_neural(const char* name, const Expected<data::LabelledData>& data,
                const std::optional<Trained>& lexical, std::vector<std::string>& notes) {
  if (!data || !lexical) return;  // reported by run()
  auto trained = train(*data, true);
  if (!trained) {
    std::fprintf(stderr, "%s: model did not load back: %s\n", name, trained.error_text().c_str());
    return;
  }
  auto onnx = onnx::export_neural_onnx(trained->network);
  if (!onnx) {
    std::fprintf(stderr, "%s: no model.onnx: %s\n", name, onnx.error_text().c_str());
    return;
  }
  const cli::Evaluation neural =
      cli::evaluate_neural(trained->engine, trained->network, data->eval);
  const cli::Evaluation fused = cli::evaluate_fused(trained->engine, trained->network, data->eval);
  const std::pair<const char*, const cli::Evaluation*> rows[] = {{"neural alone", &neural},
                                                                 {"fused", &fused}};
  for (const auto& [how, e] : rows) {
    const auto& m = e->metrics;
    std::printf(
        "| %-9s | %-12s | %6.2f | %6.2f | %s | %s | %6.4f | %6.1f | %7.0f | %7.0f | %6.0f | %5.1f "
        "| "
        "%5.1f |\n",
        name, how, m.accuracy * 100, m.in_scope_accuracy * 100, percent(m.oos_precision).c_str(),
        percent(m.oos_recall).c_str(), m.macro_f1, trained->train_seconds,
        trained->file.size() / 1024.0, onnx->size() / 1024.0, bench::gzip_size(*onnx) / 1024.0,
        e->latency_us_p50, e->latency_us_p99);
  }
  std::fflush(stdout);
  if (fused.metrics.oos_recall)
    notes.push_back(
        equal_in_scope(name, lexical->engine, trained->engine, trained->network, data->eval));
}

void print_notes(const std::vector<std::string>& notes) {
  if (!notes.empty()) std::printf("\n");
  for (const auto& note : notes) std::printf("%s\n", note.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : TANDEM_DEFAULT_DATA_DIR;
  const auto banking77 = bench::banking77_split(dir);
  const auto clinc150 = bench::clinc150(dir);
  const auto banking77_10 = bench::few_shot(banking77, 10);
  std::printf("data: %s\n\n", dir.c_str());
  std::printf(
      "| data set  | train / eval | acc %%  | in-scope %% | oos P %% | oos R %% | macro-F1 | train "
      "s | "
      "model KB | gzip KB | p50 us | p99 us |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  std::vector<std::string> notes;
  const auto banking77_engine = run("BANKING77", banking77, notes);
  const auto clinc150_engine = run("CLINC150", clinc150, notes);
  const auto banking77_10_engine = run("B77 10/int", banking77_10, notes);
  notes.push_back(
      "B77 10/int: BANKING77's split with 10 training examples per intent (a small "
      "knowledge base's amount of data), the same evaluation items.");
  print_notes(notes);

  // Same splits; train s is `tandem train --neural` in full, model KB the
  // .tandem file (which carries no network weights), latency the native
  // featurisation + forward pass (+ decision when fused) per message.
  std::printf(
      "\nwith neural (model.onnx):\n\n"
      "| data set  | answered by  | acc %%  | in-scope %% | oos P %% | oos R %% | macro-F1 | "
      "train s | model KB | onnx KB | gzip KB | p50 us | p99 us |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  std::vector<std::string> neural_notes;
  run_neural("BANKING77", banking77, banking77_engine, neural_notes);
  run_neural("CLINC150", clinc150, clinc150_engine, neural_notes);
  run_neural("B77 10/int", banking77_10, banking77_10_engine, neural_notes);
  print_notes(neural_notes);
  return 0;
}
