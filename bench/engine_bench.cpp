// Trains and evaluates the engine on the public benchmarks with fixed
// protocols and prints one table: quality, training time, size and latency.
//   tandem-bench [DATA_DIR]      (default: ../shared/data beside the repository)
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <string>

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

void run(const char* name, const Expected<data::LabelledData>& data) {
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
  run("BANKING77", bench::banking77_split(dir));
  run("CLINC150", bench::clinc150(dir));
  return 0;
}
