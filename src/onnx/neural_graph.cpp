#include "neural_graph.h"

#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

namespace tandem::onnx {
namespace {

namespace pb = ::onnx;

// Tensors go in raw_data, which ONNX defines as little-endian: the byte order
// of every machine we build on (x86-64, arm64) and of WebAssembly.
template <typename T>
void set_tensor(pb::TensorProto& tensor, const std::string& name, pb::TensorProto_DataType type,
                std::initializer_list<int64_t> dims, const std::vector<T>& values) {
  tensor.set_name(name);
  tensor.set_data_type(type);
  for (int64_t d : dims) tensor.add_dims(d);
  tensor.set_raw_data(
      std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T)));
}

template <typename T>
void add_initializer(pb::GraphProto& graph, const std::string& name, pb::TensorProto_DataType type,
                     std::initializer_list<int64_t> dims, const std::vector<T>& values) {
  set_tensor(*graph.add_initializer(), name, type, dims, values);
}

pb::NodeProto& add_node(pb::GraphProto& graph, const char* op,
                        std::initializer_list<const char*> inputs, const char* output) {
  pb::NodeProto& node = *graph.add_node();
  node.set_op_type(op);
  node.set_name(output);
  for (const char* in : inputs) node.add_input(in);
  node.add_output(output);
  return node;
}

pb::AttributeProto& add_attribute(pb::NodeProto& node, const char* name,
                                  pb::AttributeProto_AttributeType type) {
  pb::AttributeProto& a = *node.add_attribute();
  a.set_name(name);
  a.set_type(type);
  return a;
}

// A dimension is a number, or a name when it varies per message.
struct Dim {
  int64_t size = 0;
  const char* symbol = nullptr;
};

void add_value(google::protobuf::RepeatedPtrField<pb::ValueInfoProto>& values, const char* name,
               pb::TensorProto_DataType type, std::initializer_list<Dim> dims) {
  pb::ValueInfoProto& v = *values.Add();
  v.set_name(name);
  auto& tensor = *v.mutable_type()->mutable_tensor_type();
  tensor.set_elem_type(type);
  for (const Dim& d : dims) {
    auto& dim = *tensor.mutable_shape()->add_dim();
    if (d.symbol)
      dim.set_dim_param(d.symbol);
    else
      dim.set_dim_value(d.size);
  }
}

}  // namespace

pb::ModelProto build_neural_graph(const nlu::NeuralWeights& w, uint32_t fingerprint) {
  pb::ModelProto model;
  model.set_ir_version(kIrVersion);
  model.set_producer_name(kProducer);
  model.set_doc_string("Tandem intent scorer: embedding bag, ReLU layer, logits (docs/neural.md)");
  auto& opset = *model.add_opset_import();
  opset.set_domain("");
  opset.set_version(kOpset);

  pb::GraphProto& g = *model.mutable_graph();
  g.set_name("tandem_neural");
  const auto B = static_cast<int64_t>(w.buckets), d = static_cast<int64_t>(w.dim),
             h = static_cast<int64_t>(w.hidden), C = static_cast<int64_t>(w.classes);
  add_initializer(g, kTable, pb::TensorProto::INT8, {B, d}, w.table);
  add_initializer(g, kTableScale, pb::TensorProto::FLOAT, {B}, w.table_scale);
  add_initializer(g, kHiddenWeight, pb::TensorProto::FLOAT, {d, h}, w.w1);
  add_initializer(g, kHiddenBias, pb::TensorProto::FLOAT, {h}, w.b1);
  add_initializer(g, kOutputWeight, pb::TensorProto::FLOAT, {h, C}, w.w2);
  add_initializer(g, kOutputBias, pb::TensorProto::FLOAT, {C}, w.b2);
  add_initializer(g, "bag.sum_axes", pb::TensorProto::INT64, {1}, std::vector<int64_t>{0});
  add_initializer(g, "bag.column_axes", pb::TensorProto::INT64, {1}, std::vector<int64_t>{1});

  // Embedding bag: sum over the message's rows of int8 row * (row scale * feature weight).
  add_node(g, "Gather", {kTable, kRowsInput}, "bag.rows_int8");
  add_attribute(add_node(g, "Cast", {"bag.rows_int8"}, "bag.rows"), "to", pb::AttributeProto::INT)
      .set_i(pb::TensorProto::FLOAT);
  add_node(g, "Gather", {kTableScale, kRowsInput}, "bag.scales");
  add_node(g, "Mul", {"bag.scales", kWeightsInput}, "bag.row_weights");
  add_node(g, "Unsqueeze", {"bag.row_weights", "bag.column_axes"}, "bag.row_weights_column");
  add_node(g, "Mul", {"bag.rows", "bag.row_weights_column"}, "bag.weighted");
  add_attribute(add_node(g, "ReduceSum", {"bag.weighted", "bag.sum_axes"}, "bag.sum"), "keepdims",
                pb::AttributeProto::INT)
      .set_i(1);
  add_node(g, "MatMul", {"bag.sum", kHiddenWeight}, "hidden.product");
  add_node(g, "Add", {"hidden.product", kHiddenBias}, "hidden.linear");
  add_node(g, "Relu", {"hidden.linear"}, "hidden.out");
  add_node(g, "MatMul", {"hidden.out", kOutputWeight}, "output.product");
  add_node(g, "Add", {"output.product", kOutputBias}, kLogitsOutput);
  // The contract's fingerprint output is int32: the unsigned fingerprint's bits,
  // which a reader takes back as unsigned (`>>> 0` in JavaScript).
  int32_t bits = 0;
  std::memcpy(&bits, &fingerprint, sizeof bits);
  set_tensor(*add_attribute(add_node(g, "Constant", {}, kFingerprintOutput), "value",
                            pb::AttributeProto::TENSOR)
                  .mutable_t(),
             "fingerprint.value", pb::TensorProto::INT32, {1}, std::vector<int32_t>{bits});

  add_value(*g.mutable_input(), kRowsInput, pb::TensorProto::INT32, {{0, "n"}});
  add_value(*g.mutable_input(), kWeightsInput, pb::TensorProto::FLOAT, {{0, "n"}});
  add_value(*g.mutable_output(), kLogitsOutput, pb::TensorProto::FLOAT, {{1}, {C}});
  add_value(*g.mutable_output(), kFingerprintOutput, pb::TensorProto::INT32, {{1}});
  return model;
}

}  // namespace tandem::onnx
