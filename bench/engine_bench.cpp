// Trains and evaluates the engine on the public benchmarks with fixed
// protocols and prints one table: quality, training time, size and latency.
//   tandem-bench [DATA_DIR]      (default: ../shared/data beside the repository)
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/compile.h"
#include "evaluation.h"
#include "protocols.h"

namespace {

using namespace tandem;

size_t gzip_size(const std::string& bytes) {
  uLongf size = compressBound(bytes.size()) + 32;
  std::string out(size, '\0');
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);  // 31: gzip framing
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  const size_t produced = z.total_out;
  deflateEnd(&z);
  return produced;
}

std::string percent(const std::optional<double>& v) {
  if (!v) return "   n/a";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%6.2f", *v * 100);
  return buf;
}

// The peers' protocol for CLINC150: the out-of-scope threshold chosen on the
// evaluation data itself, as the best in-scope accuracy at >= 85% recall. An
// upper bound for comparison only; the engine's own threshold is chosen at
// training time without seeing the evaluation data.
std::string peer_protocol(const char* name, const engine::Engine& engine,
                          const std::vector<data::Example>& items) {
  const auto& classifier = engine.model().classifier;
  std::vector<nlu::HeldOutPrediction> predictions;
  for (const auto& item : items) {
    const nlu::Classification c = classifier.classify(item.text, 1);
    nlu::HeldOutPrediction p;
    p.confidence = c.ranked.empty() ? 0.0f : c.ranked[0].probability;
    p.out_of_scope = item.label == data::kOutOfScope;
    p.correct = !p.out_of_scope && !c.ranked.empty() &&
                classifier.labels()[c.ranked[0].intent] == item.label;
    p.rejected_by_model = c.declined_by_model;
    predictions.push_back(p);
  }
  const nlu::OperatingPoint best = nlu::choose_threshold(predictions, 0.85f);
  char line[256];
  std::snprintf(line, sizeof line,
                "%s, threshold chosen on the evaluation data (peers' protocol): in-scope %.2f%%, "
                "oos recall %.2f%% (threshold %.3f; the shipped one, chosen in training: %.3f)",
                name, best.in_scope_accuracy * 100, best.oos_recall * 100, best.threshold,
                classifier.threshold());
  return line;
}

void run(const char* name, const Expected<data::LabelledData>& data,
         std::vector<std::string>& notes) {
  if (!data) {
    std::fprintf(stderr, "%s: skipped: %s\n", name, data.error_text().c_str());
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  const engine::Model model = engine::compile_labelled_data(data->train, nlu::ClassifierOptions{});
  const double train_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string file = engine::write_model(model);
  auto engine = engine::Engine::load(file);
  if (!engine) {
    std::fprintf(stderr, "%s: model did not load back: %s\n", name, engine.error_text().c_str());
    return;
  }
  const cli::Evaluation e = cli::evaluate(*engine, data->eval);
  const auto& m = e.metrics;
  std::printf(
      "| %-9s | %5zu / %4zu | %6.2f | %6.2f | %s | %s | %6.4f | %6.1f | %7.0f | %6.0f | %5.1f | "
      "%5.1f |\n",
      name, data->train.size(), data->eval.size(), m.accuracy * 100, m.in_scope_accuracy * 100,
      percent(m.oos_precision).c_str(), percent(m.oos_recall).c_str(), m.macro_f1, train_s,
      file.size() / 1024.0, gzip_size(file) / 1024.0, e.latency_us_p50, e.latency_us_p99);
  std::fflush(stdout);
  if (m.oos_recall) notes.push_back(peer_protocol(name, *engine, data->eval));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : TANDEM_DEFAULT_DATA_DIR;
  std::printf("data: %s\n\n", dir.c_str());
  std::printf(
      "| data set  | train / eval | acc %%  | in-scope %% | oos P %% | oos R %% | macro-F1 | train "
      "s | "
      "model KB | gzip KB | p50 us | p99 us |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  std::vector<std::string> notes;
  run("BANKING77", bench::banking77_split(dir), notes);
  run("CLINC150", bench::clinc150(dir), notes);
  if (!notes.empty()) std::printf("\n");
  for (const auto& note : notes) std::printf("%s\n", note.c_str());
  return 0;
}
