#include <chrono>
#include <cstdio>

#include "commands.h"
#include "engine/compile.h"
#include "engine_io.h"
#include "files.h"
#include "neural_io.h"
#include "onnx_export.h"
#include "options.h"
#include "training_advice.h"
#include "training_data.h"

namespace tandem::cli {
namespace {

constexpr const char* kTrainUsage =
    "usage: tandem train DATA -o MODEL [--seed N] [--folds K] [--neural]\n";

// One line per stage as it completes, so logs stay readable in CI and pipes.
class Progress {
 public:
  void operator()(std::string_view stage, float fraction) {
    if (fraction < 1.0f) return;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "  %-22.*s done  (%.1f s)\n", static_cast<int>(stage.size()), stage.data(),
                 seconds);
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

void print_report(const engine::CompileReport& r, bool has_faqs) {
  const auto& c = r.classifier;
  const auto& op = c.operating_point;
  std::fprintf(stderr,
               "held-out (%zu-example cross-fitting, as the shipped model behaves):\n"
               "  classes %zu (intents and FAQs), examples %zu (%zu out of scope)\n"
               "  top-1 accuracy        %.2f%%\n"
               "  calibration error     %.2f%% (temperature %.3f)\n"
               "  out-of-scope cut      %.3f -> in-scope accuracy %.2f%%, answered %.2f%%",
               c.examples, c.intents, c.examples, c.out_of_scope_examples, c.heldout_accuracy * 100,
               c.calibration_error * 100, c.temperature, op.threshold, op.in_scope_accuracy * 100,
               op.answered * 100);
  if (c.out_of_scope_examples)
    std::fprintf(stderr,
                 ", out-of-scope recall %.2f%% of %zu (its 90%%-confidence lower bound %.2f%%, "
                 "the figure held to %.0f%% so that new messages get it too)",
                 op.oos_recall * 100, op.out_of_scope, op.oos_recall_bound * 100,
                 nlu::ClassifierOptions{}.min_oos_recall * 100);
  std::fputs("\n", stderr);
  std::fprintf(stderr, "  features %zu, weights kept %zu\n", c.feature_rows, c.weights_kept);
  if (c.neural) {
    const auto& np = c.neural_operating_point;
    std::fprintf(stderr,
                 "  with the neural model (once the widget has loaded it): top-1 accuracy %.2f%%, "
                 "calibration error %.2f%%, its vote %.2f\n"
                 "  out-of-scope cut      %.3f -> in-scope accuracy %.2f%%, answered %.2f%%",
                 c.neural_heldout_accuracy * 100, c.neural_calibration_error * 100, c.neural_weight,
                 np.threshold, np.in_scope_accuracy * 100, np.answered * 100);
    if (c.out_of_scope_examples)
      std::fprintf(stderr, ", out-of-scope recall %.2f%%", np.oos_recall * 100);
    std::fputs("\n", stderr);
  }
  if (has_faqs)
    std::fprintf(stderr, "  FAQ leave-one-out top-1 %.2f%% over %zu phrasings\n",
                 r.faq_heldout_accuracy * 100, r.faq_positive_checks);
}

// The network goes beside the model file, which carries only its fingerprint
// and fusion parameters: the widget's first load does not grow.
int write_network(const nlu::NeuralModel& network, const std::string& model_path) {
  const std::string path = onnx_sibling(model_path);
  auto bytes = onnx::export_neural_onnx(network);
  if (!bytes) return report_errors("train", {Error{path, bytes.error_text()}});
  auto written = write_file(path, *bytes);
  if (!written) return report_errors("train", written.errors());
  std::fprintf(stderr, "wrote %s (%zu bytes; the widget loads it lazily, see docs/neural.md)\n",
               path.c_str(), bytes->size());
  return 0;
}

}  // namespace

int train_command(const Args& raw) {
  const ParsedArgs args = parse_args(raw, {"-o", "--seed", "--folds"}, {"--neural"});
  if (!args.error.empty() || args.positional.size() != 1 || !args.value("-o")) {
    std::fprintf(stderr, "%s%s",
                 args.error.empty() ? "" : ("tandem train: " + args.error + "\n").c_str(),
                 kTrainUsage);
    return 2;
  }
  nlu::ClassifierOptions options;
  if (auto seed = args.value("--seed")) {
    auto n = parse_count(*seed);
    if (!n) return report_errors("train", {Error{"--seed", "expects a whole number"}});
    options.softmax.seed = static_cast<uint64_t>(*n);
  }
  if (auto folds = args.value("--folds")) {
    auto n = parse_count(*folds);
    if (!n || *n < 2 || *n > 20) return report_errors("train", {Error{"--folds", "expects 2..20"}});
    options.folds = static_cast<int>(*n);
  }
  options.neural.enabled = args.has("--neural");

  const std::string& path = args.positional[0];
  std::fprintf(stderr, "reading %s\n", path.c_str());
  auto data = load_training_data(path);
  if (!data) return report_errors("train", data.errors());
  if (data->labelled.train.empty())
    return report_errors("train", {Error{path, "no training examples"}});
  if (auto problem = data::check_trainable(data->labelled.train))
    return report_errors("train", {Error{path, problem->what}});

  const auto start = std::chrono::steady_clock::now();
  engine::CompileReport report;
  Progress progress;
  nlu::NeuralModel network;
  std::fprintf(stderr, "training on %zu examples\n", data->labelled.train.size());
  const engine::Model model =
      data->kb ? engine::compile_knowledge_base(*data->kb, options, &report, std::ref(progress),
                                                &network)
               : engine::compile_labelled_data(data->labelled.train, options, &report,
                                               std::ref(progress), &network);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_report(report, data->kb && !data->kb->faqs.empty());
  std::vector<std::string> texts;
  for (const auto& e : data->labelled.train) texts.push_back(e.text);
  if (data->kb)
    for (const auto& e : data->kb->out_of_scope.examples) texts.push_back(e);
  print_advice(report, model, texts, stderr);

  const std::string bytes = engine::write_model(model);
  auto written = write_file(*args.value("-o"), bytes);
  if (!written) return report_errors("train", written.errors());
  std::fprintf(stderr, "wrote %s (%zu bytes) in %.1f s\n", args.value("-o")->c_str(), bytes.size(),
               seconds);
  return options.neural.enabled ? write_network(network, *args.value("-o")) : 0;
}

}  // namespace tandem::cli
