#include "onnx_export.h"

#include <onnx/checker.h>
#include <onnx/shape_inference/implementation.h>

#include <exception>

#include "neural_graph.h"

namespace tandem::onnx {

Expected<std::string> export_neural_onnx(const nlu::NeuralModel& model) {
  if (model.empty()) return Error{"", "no neural model was trained"};
  ::onnx::ModelProto proto = build_neural_graph(model.weights(), model.fingerprint());
  // libonnx reports problems by throwing; they end here, as errors.
  try {
    ::onnx::checker::check_model(proto);
    // On a copy: inferred shapes of the intermediate values would only add bytes.
    ::onnx::ModelProto inferred = proto;
    ::onnx::shape_inference::InferShapes(inferred, ::onnx::OpSchemaRegistry::Instance(),
                                         ::onnx::ShapeInferenceOptions(true, 1));
  } catch (const std::exception& e) {
    return Error{"", std::string("the ONNX checker rejected the graph: ") + e.what()};
  }
  std::string bytes;
  if (!proto.SerializeToString(&bytes)) return Error{"", "could not serialise"};
  return bytes;
}

}  // namespace tandem::onnx
