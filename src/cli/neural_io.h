// The neural model beside a compiled model file (site.tandem -> site.onnx),
// and the native evaluator standing in for ONNX Runtime Web.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "engine/engine.h"
#include "nlu/neural_model.h"
#include "nlu/neural_scores.h"

namespace tandem::cli {

// Same folder and stem, extension .onnx.
std::string onnx_sibling(const std::string& model_path);

// Reads MODEL's .onnx sibling: nullopt when there is none, an error when it is
// unreadable or not a model tandem wrote.
Expected<std::optional<nlu::NeuralModel>> load_neural_sibling(const std::string& model_path);

// What the browser hands the engine after running model.onnx on the engine's
// own feeds, computed natively.
nlu::NeuralScores native_scores(const engine::Engine& engine, const nlu::NeuralModel& network,
                                std::string_view message);

}  // namespace tandem::cli
