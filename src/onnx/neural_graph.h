// The trained network's ONNX graph, built in one place: the exporter writes it
// and the importer rebuilds it to check that a file's graph is exactly ours.
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>

#include "nlu/neural_model.h"

namespace tandem::onnx {

// Opset 17: ONNX Runtime Web runs it, and it is libonnx 1.12's newest.
constexpr int64_t kOpset = 17;
constexpr int64_t kIrVersion = 8;  // libonnx 1.12
constexpr const char* kProducer = "tandem";

// The feeds and fetches the browser's worker names (docs/neural.md).
constexpr const char* kRowsInput = "rows";
constexpr const char* kWeightsInput = "weights";
constexpr const char* kLogitsOutput = "logits";
constexpr const char* kFingerprintOutput = "fingerprint";

// Initializers: the network's parameters, in NeuralWeights' layout.
constexpr const char* kTable = "embedding.table";       // int8 [buckets, dim]
constexpr const char* kTableScale = "embedding.scale";  // float [buckets]
constexpr const char* kHiddenWeight = "hidden.weight";  // float [dim, hidden]
constexpr const char* kHiddenBias = "hidden.bias";      // float [hidden]
constexpr const char* kOutputWeight = "output.weight";  // float [hidden, classes]
constexpr const char* kOutputBias = "output.bias";      // float [classes]

::onnx::ModelProto build_neural_graph(const nlu::NeuralWeights& weights, uint32_t fingerprint);

}  // namespace tandem::onnx
