// The small-knowledge-base protocol: what a small company's KB of 5, 10 or 20
// examples per intent gets right, trained exactly as `tandem train kb.json`
// does (the knowledge-base path: built-in out-of-scope examples, the KB's
// "auto" answer threshold, clarifications) and decided by Engine::decide, as
// `tandem eval` scores it.
//   - CLINC150: one KB per domain of domains.json (15 intents), its examples
//     drawn with a fixed seed from train; evaluated on that domain's val items
//     plus every oos_val item.
//   - BANKING77: 10 examples per intent from the 80/20 split's training part,
//     evaluated on its held-out fifth (no out-of-scope items).
//   tandem-small-kb-bench [DATA_DIR] [--dump DIR] [--seed N] [--per-intent N]
// --seed draws other examples (11 by default; a second draw checks a choice is
// not tuned to one); --per-intent runs one CLINC150 size instead of 10, 5, 20.
// --dump writes each KB as kb.json and its evaluation items as eval.csv, so
// `tandem train DIR/x/kb.json -o m.tandem && tandem eval m.tandem DIR/x/eval.csv`
// reproduces a row.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/compile.h"
#include "evaluation.h"
#include "files.h"
#include "gzip_size.h"
#include "protocols.h"

namespace {

using namespace tandem;

// What one KB's decisions gave on its evaluation items.
struct Row {
  double top1 = 0, answered_correct = 0, wrong = 0, oos_answered = 0, oos_recall = 0;
  double clarified = 0;  // in-scope items answered with a clarification
  // What the training report predicts from its held-out folds at the shipped threshold.
  double predicted_answered_correct = 0, predicted_oos_recall = 0;
  double linear_top1 = 0;  // the engine's linear model alone (TF-IDF + LR), top-1
  bool has_oos = false;
  double train_seconds = 0;
  double gzip_kb = 0;  // the .tandem file the widget downloads
};

Row measure(const bench::SmallKb& small) {
  Row row;
  const auto start = std::chrono::steady_clock::now();
  engine::CompileReport report;
  const engine::Model model =
      engine::compile_knowledge_base(small.kb, nlu::ClassifierOptions{}, &report);
  row.train_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const nlu::OperatingPoint predicted =
      nlu::evaluate_threshold(report.classifier.heldout, report.classifier.answer_point.threshold,
                              nlu::ClarifyRule{model.kb.policy.clarify_margin});
  row.predicted_answered_correct = predicted.in_scope_accuracy;
  row.predicted_oos_recall = predicted.oos_recall;
  const std::string file = engine::write_model(model);
  row.gzip_kb = bench::gzip_size(file) / 1024.0;
  auto loaded = engine::Engine::load(file);
  if (!loaded) {
    std::fprintf(stderr, "%s: model did not load back: %s\n", small.kb.name.c_str(),
                 loaded.error_text().c_str());
    return row;
  }
  const engine::Engine& deployed = *loaded;
  const cli::Evaluation e = cli::evaluate(deployed, small.eval);
  row.top1 = e.metrics.accuracy;
  row.answered_correct = e.metrics.in_scope_accuracy;
  size_t in_scope = 0, oos = 0, wrong = 0, oos_answered = 0, clarified = 0;
  for (size_t i = 0; i < small.eval.size(); ++i) {
    const auto& d = e.decisions[i];
    const bool commits = engine::commits(d);
    if (small.eval[i].label == data::kOutOfScope) {
      ++oos, oos_answered += commits;
      continue;
    }
    ++in_scope;
    wrong += commits && *d.intent != small.eval[i].label;
    clarified += d.action == engine::Action::kClarify;
  }
  row.wrong = in_scope ? double(wrong) / in_scope : 0;
  row.clarified = in_scope ? double(clarified) / in_scope : 0;
  row.has_oos = oos > 0;
  row.oos_answered = oos ? double(oos_answered) / oos : 0;
  row.oos_recall = e.metrics.oos_recall.value_or(0.0);

  nlu::ClassifierOptions linear_only;
  linear_only.embedding_weight = 0.0f;
  const engine::Engine linear(engine::compile_knowledge_base(small.kb, linear_only));
  row.linear_top1 = cli::evaluate(linear, small.eval).metrics.accuracy;
  return row;
}

void print_header() {
  std::printf(
      "| KB | intents x per intent | eval (oos) | top-1 %% | answered-correct %% | wrong %% of "
      "in-scope | clarified %% | oos answered %% | oos recall %% | linear alone top-1 %% | "
      "train s | gzip KB | predicted answered-correct %% | predicted oos recall %% |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
}

void print_row(const std::string& name, const bench::SmallKb& small, const Row& r) {
  size_t oos = 0;
  for (const auto& e : small.eval) oos += e.label == data::kOutOfScope;
  auto pct = [&](double v, bool present) {
    char buf[16];
    if (!present) return std::string("n/a");
    std::snprintf(buf, sizeof buf, "%.1f", v * 100);
    return std::string(buf);
  };
  std::printf(
      "| %s | %zu x %zu | %zu (%zu) | %s | %s | %s | %s | %s | %s | %s | %.1f | %.0f | %.1f | %.1f "
      "|\n",
      name.c_str(), small.kb.intents.size(), small.per_intent, small.eval.size(), oos,
      pct(r.top1, true).c_str(), pct(r.answered_correct, true).c_str(), pct(r.wrong, true).c_str(),
      pct(r.clarified, true).c_str(), pct(r.oos_answered, r.has_oos).c_str(),
      pct(r.oos_recall, r.has_oos).c_str(), pct(r.linear_top1, true).c_str(), r.train_seconds,
      r.gzip_kb, r.predicted_answered_correct * 100, r.predicted_oos_recall * 100);
  std::fflush(stdout);
}

void dump(const std::string& dir, const std::string& name, const bench::SmallKb& small) {
  const std::string at = dir + "/" + name;
  std::filesystem::create_directories(at);
  const auto kb = cli::write_file(at + "/kb.json", bench::knowledge_base_json(small.kb));
  const auto eval = cli::write_file(at + "/eval.csv", bench::labelled_csv(small.eval));
  if (!kb || !eval) std::fprintf(stderr, "could not write %s\n", at.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = TANDEM_DEFAULT_DATA_DIR, dump_dir;
  uint64_t seed = bench::kSmallKbSeed;
  std::vector<size_t> sizes = {10, 5, 20};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--dump" && i + 1 < argc)
      dump_dir = argv[++i];
    else if (arg == "--seed" && i + 1 < argc)
      seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--per-intent" && i + 1 < argc)
      sizes = {static_cast<size_t>(std::strtoul(argv[++i], nullptr, 10))};
    else
      dir = arg;
  }
  const auto domains = bench::clinc150_domains(dir);
  const auto clinc = bench::clinc150(dir);
  const auto banking77 = bench::banking77_split(dir);
  std::printf("data: %s, examples drawn with seed %llu\n", dir.c_str(),
              static_cast<unsigned long long>(seed));
  if (!domains || !clinc) {
    std::fprintf(stderr, "CLINC150 domains skipped: %s%s\n", domains.error_text().c_str(),
                 clinc.error_text().c_str());
  } else {
    for (size_t per_intent : sizes) {
      std::printf("\nCLINC150 domains, %zu examples per intent:\n\n", per_intent);
      print_header();
      Row mean;
      double worst = 1.0;
      std::string worst_name;
      for (const auto& [name, intents] : *domains) {
        const bench::SmallKb small =
            bench::clinc150_domain_kb(*clinc, name, intents, per_intent, seed);
        if (!dump_dir.empty()) dump(dump_dir, name + "_" + std::to_string(per_intent), small);
        const Row r = measure(small);
        print_row(name, small, r);
        mean.top1 += r.top1, mean.answered_correct += r.answered_correct, mean.wrong += r.wrong;
        mean.clarified += r.clarified, mean.oos_answered += r.oos_answered;
        mean.oos_recall += r.oos_recall, mean.linear_top1 += r.linear_top1;
        mean.train_seconds += r.train_seconds, mean.gzip_kb += r.gzip_kb;
        mean.predicted_answered_correct += r.predicted_answered_correct;
        mean.predicted_oos_recall += r.predicted_oos_recall;
        if (r.answered_correct < worst) worst = r.answered_correct, worst_name = name;
      }
      const double n = double(domains->size());
      std::printf(
          "| **mean** | | | %.1f | **%.1f** | %.1f | %.1f | %.1f | **%.1f** | %.1f | %.1f | %.0f "
          "| %.1f | %.1f |\n",
          mean.top1 / n * 100, mean.answered_correct / n * 100, mean.wrong / n * 100,
          mean.clarified / n * 100, mean.oos_answered / n * 100, mean.oos_recall / n * 100,
          mean.linear_top1 / n * 100, mean.train_seconds / n, mean.gzip_kb / n,
          mean.predicted_answered_correct / n * 100, mean.predicted_oos_recall / n * 100);
      std::printf("worst domain (answered-correct): %s %.1f%%\n", worst_name.c_str(), worst * 100);
    }
  }
  if (!banking77) {
    std::fprintf(stderr, "BANKING77 skipped: %s\n", banking77.error_text().c_str());
    return 0;
  }
  std::printf("\nBANKING77, 10 examples per intent (80/20 split of train.csv):\n\n");
  print_header();
  const bench::SmallKb small = bench::labelled_kb(*banking77, 10, seed);
  if (!dump_dir.empty()) dump(dump_dir, "banking77_10", small);
  print_row("BANKING77", small, measure(small));
  return 0;
}
