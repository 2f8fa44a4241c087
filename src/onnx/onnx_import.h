// Reads model.onnx back into the native evaluator (`tandem eval` / `ask`).
#pragma once

#include <string_view>

#include "base/status.h"
#include "nlu/neural_model.h"

namespace tandem::onnx {

// Accepts only what export_neural_onnx writes: the same graph, the parameters
// of sizes that fit together, and a fingerprint that matches the weights. A
// foreign, corrupt, truncated or edited file gives a clear error.
Expected<nlu::NeuralModel> import_neural_onnx(std::string_view bytes);

}  // namespace tandem::onnx
