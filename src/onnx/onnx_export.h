// Writes the trained neural scorer as model.onnx for ONNX Runtime Web.
#pragma once

#include <string>

#include "base/status.h"
#include "nlu/neural_model.h"

namespace tandem::onnx {

// The serialised ModelProto (opset 17), checked by onnx::checker and strict
// shape inference; an error when the model is empty or the checks fail.
Expected<std::string> export_neural_onnx(const nlu::NeuralModel& model);

}  // namespace tandem::onnx
