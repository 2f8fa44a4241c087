#include "onnx_import.h"

#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "neural_graph.h"

namespace tandem::onnx {
namespace {

namespace pb = ::onnx;

const pb::TensorProto* find_initializer(const pb::GraphProto& graph, const std::string& name) {
  for (const auto& t : graph.initializer())
    if (t.name() == name) return &t;
  return nullptr;
}

// Copies one initializer of the expected type and rank; its dimensions go to
// `dims` so that the caller can check they fit together.
template <typename T>
Expected<bool> read_tensor(const pb::GraphProto& graph, const char* name,
                           pb::TensorProto_DataType type, size_t rank, std::vector<T>& out,
                           std::vector<uint32_t>& dims) {
  const pb::TensorProto* t = find_initializer(graph, name);
  if (!t) return Error{name, "missing: not a model written by tandem train --neural"};
  if (t->data_type() != type || static_cast<size_t>(t->dims_size()) != rank)
    return Error{name, "has the wrong type or rank"};
  size_t count = 1;
  dims.clear();
  for (int64_t d : t->dims()) {
    if (d < 0 || d > INT32_MAX) return Error{name, "has an impossible dimension"};
    dims.push_back(static_cast<uint32_t>(d));
    count *= static_cast<size_t>(d);
  }
  if (t->raw_data().size() != count * sizeof(T))
    return Error{name, "holds " + std::to_string(t->raw_data().size()) + " bytes instead of " +
                           std::to_string(count * sizeof(T)) + " (truncated or external data)"};
  out.resize(count);
  std::memcpy(out.data(), t->raw_data().data(), t->raw_data().size());
  return true;
}

Expected<nlu::NeuralWeights> read_weights(const pb::GraphProto& graph) {
  nlu::NeuralWeights w;
  std::vector<uint32_t> table, scale, w1, b1, w2, b2;
  std::vector<Error> errors;
  auto keep = [&](const Expected<bool>& r) {
    if (!r) errors.insert(errors.end(), r.errors().begin(), r.errors().end());
  };
  keep(read_tensor(graph, kTable, pb::TensorProto::INT8, 2, w.table, table));
  keep(read_tensor(graph, kTableScale, pb::TensorProto::FLOAT, 1, w.table_scale, scale));
  keep(read_tensor(graph, kHiddenWeight, pb::TensorProto::FLOAT, 2, w.w1, w1));
  keep(read_tensor(graph, kHiddenBias, pb::TensorProto::FLOAT, 1, w.b1, b1));
  keep(read_tensor(graph, kOutputWeight, pb::TensorProto::FLOAT, 2, w.w2, w2));
  keep(read_tensor(graph, kOutputBias, pb::TensorProto::FLOAT, 1, w.b2, b2));
  if (!errors.empty()) return errors;
  // NeuralModel::from_weights checks the vector sizes against these.
  w.buckets = table[0];
  w.dim = table[1];
  w.hidden = w1[1];
  w.classes = w2[1];
  if (scale[0] != w.buckets || w1[0] != w.dim || b1[0] != w.hidden || w2[0] != w.hidden ||
      b2[0] != w.classes)
    return Error{"", "the layers' sizes do not fit together"};
  return w;
}

// Nodes, feeds and fetches must be those tandem writes for these weights: the
// browser runs the file's graph, the native evaluator its own.
Expected<bool> check_graph(const pb::GraphProto& file, const pb::GraphProto& ours) {
  if (file.node_size() != ours.node_size() || file.input_size() != ours.input_size() ||
      file.output_size() != ours.output_size())
    return Error{"", "its graph is not the one tandem train --neural writes"};
  for (int i = 0; i < ours.node_size(); ++i)
    if (file.node(i).SerializeAsString() != ours.node(i).SerializeAsString())
      return Error{"", "node '" + ours.node(i).name() +
                           "' differs from the graph tandem writes (an edited file, or "
                           "weights that do not match its fingerprint)"};
  for (int i = 0; i < ours.input_size(); ++i)
    if (file.input(i).SerializeAsString() != ours.input(i).SerializeAsString())
      return Error{"", "input '" + ours.input(i).name() + "' differs"};
  for (int i = 0; i < ours.output_size(); ++i)
    if (file.output(i).SerializeAsString() != ours.output(i).SerializeAsString())
      return Error{"", "output '" + ours.output(i).name() + "' differs"};
  return true;
}

}  // namespace

Expected<nlu::NeuralModel> import_neural_onnx(std::string_view bytes) {
  pb::ModelProto proto;
  if (bytes.size() > INT_MAX || !proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return Error{"", "not an ONNX model (corrupt or truncated file)"};
  if (proto.producer_name() != kProducer)
    return Error{
        "", "not written by tandem train --neural" +
                (proto.producer_name().empty() ? std::string()
                                               : " (producer '" + proto.producer_name() + "')")};
  auto weights = read_weights(proto.graph());
  if (!weights) return weights.errors();
  bool ok = false;
  nlu::NeuralModel model = nlu::NeuralModel::from_weights(std::move(weights).value(), &ok);
  if (!ok) return Error{"", "the parameters' sizes are inconsistent"};
  auto same =
      check_graph(proto.graph(), build_neural_graph(model.weights(), model.fingerprint()).graph());
  if (!same) return same.errors();
  return model;
}

}  // namespace tandem::onnx
