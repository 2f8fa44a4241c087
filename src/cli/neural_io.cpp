#include "neural_io.h"

#include <fstream>

#include "files.h"
#include "onnx_import.h"

namespace tandem::cli {
namespace {
constexpr size_t kMaxOnnxBytes = size_t{256} << 20;
}

std::string onnx_sibling(const std::string& model_path) {
  const size_t slash = model_path.find_last_of('/');
  const size_t dot = model_path.find_last_of('.');
  const bool has_extension =
      dot != std::string::npos && dot > 0 && (slash == std::string::npos || dot > slash + 1);
  return (has_extension ? model_path.substr(0, dot) : model_path) + ".onnx";
}

Expected<std::optional<nlu::NeuralModel>> load_neural_sibling(const std::string& model_path) {
  const std::string path = onnx_sibling(model_path);
  if (!std::ifstream(path)) return std::optional<nlu::NeuralModel>{};
  auto bytes = read_file(path, kMaxOnnxBytes);
  if (!bytes) return bytes.errors();
  auto network = onnx::import_neural_onnx(*bytes);
  if (!network) {
    std::vector<Error> errors = network.errors();
    for (auto& e : errors) e.where = e.where.empty() ? path : path + ": " + e.where;
    return errors;
  }
  return std::optional<nlu::NeuralModel>(std::move(network).value());
}

nlu::NeuralScores native_scores(const engine::Engine& engine, const nlu::NeuralModel& network,
                                std::string_view message) {
  nlu::NeuralScores scores;
  scores.kind = nlu::NeuralScores::Kind::kTrainedLogits;
  scores.fingerprint = network.fingerprint();
  network.logits(engine.neural_input(message), scores.values);
  return scores;
}

}  // namespace tandem::cli
