// model.onnx written and read back: the same network, and every kind of bad
// file refused with an error rather than loaded.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "neural_graph.h"
#include "onnx_export.h"
#include "onnx_import.h"

namespace {

// Qualified: libonnx's own namespace is ::onnx.
namespace io = tandem::onnx;
namespace nlu = tandem::nlu;
using tandem::Expected;

// A small network with every parameter distinct, so that a misplaced value
// changes the logits.
nlu::NeuralModel small_model() {
  nlu::NeuralWeights w;
  w.buckets = 11;
  w.dim = 4;
  w.hidden = 6;
  w.classes = 5;
  for (uint32_t i = 0; i < w.buckets * w.dim; ++i)
    w.table.push_back(static_cast<int8_t>(static_cast<int>(i * 37 % 255) - 127));
  for (uint32_t i = 0; i < w.buckets; ++i) w.table_scale.push_back(0.01f + 0.002f * i);
  for (uint32_t i = 0; i < w.dim * w.hidden; ++i) w.w1.push_back(0.1f * ((i * 7 % 13) - 6.0f));
  for (uint32_t i = 0; i < w.hidden; ++i) w.b1.push_back(0.05f * i - 0.1f);
  for (uint32_t i = 0; i < w.hidden * w.classes; ++i) w.w2.push_back(0.2f * ((i * 5 % 11) - 5.0f));
  for (uint32_t i = 0; i < w.classes; ++i) w.b2.push_back(0.03f * i);
  bool ok = false;
  nlu::NeuralModel model = nlu::NeuralModel::from_weights(std::move(w), &ok);
  REQUIRE(ok);
  return model;
}

std::string exported(const nlu::NeuralModel& model) {
  auto bytes = io::export_neural_onnx(model);
  REQUIRE(bytes.ok());
  return *bytes;
}

::onnx::ModelProto parsed(const std::string& bytes) {
  ::onnx::ModelProto proto;
  REQUIRE(proto.ParseFromString(bytes));
  return proto;
}

std::string first_error(const Expected<nlu::NeuralModel>& result) {
  REQUIRE_FALSE(result.ok());
  return result.error_text();
}

}  // namespace

TEST_CASE("the exported graph has the contract's opset, feeds and fetches", "[onnx]") {
  const ::onnx::ModelProto proto = parsed(exported(small_model()));
  REQUIRE(proto.opset_import_size() == 1);
  CHECK(proto.opset_import(0).version() == 17);
  CHECK(proto.producer_name() == "tandem");
  const auto& g = proto.graph();
  REQUIRE(g.input_size() == 2);
  CHECK(g.input(0).name() == "rows");
  CHECK(g.input(0).type().tensor_type().elem_type() == ::onnx::TensorProto::INT32);
  CHECK(g.input(0).type().tensor_type().shape().dim(0).dim_param() == "n");
  CHECK(g.input(1).name() == "weights");
  REQUIRE(g.output_size() == 2);
  CHECK(g.output(0).name() == "logits");
  CHECK(g.output(0).type().tensor_type().shape().dim(1).dim_value() == 5);
  CHECK(g.output(1).name() == "fingerprint");
  CHECK(g.output(1).type().tensor_type().elem_type() == ::onnx::TensorProto::INT32);
}

TEST_CASE("a model read back is the model written", "[onnx]") {
  const nlu::NeuralModel model = small_model();
  auto back = io::import_neural_onnx(exported(model));
  REQUIRE(back.ok());
  CHECK(back->fingerprint() == model.fingerprint());
  CHECK(back->weights().table == model.weights().table);
  CHECK(back->weights().w2 == model.weights().w2);

  const nlu::NeuralInput input{{0, 3, 10, 3}, {0.5f, 1.0f, 0.25f, 2.0f}};
  std::vector<float> expected, actual;
  model.logits(input, expected);
  back->logits(input, actual);
  REQUIRE(expected.size() == 5);
  CHECK(actual == expected);
}

TEST_CASE("an empty model is not exported", "[onnx]") {
  auto bytes = io::export_neural_onnx(nlu::NeuralModel{});
  REQUIRE_FALSE(bytes.ok());
  CHECK_THAT(bytes.error_text(), Catch::Contains("no neural model"));
}

TEST_CASE("corrupt, truncated and foreign files are refused", "[onnx]") {
  const std::string bytes = exported(small_model());

  CHECK_THAT(first_error(io::import_neural_onnx("\x08\x07 this is not protobuf \xff\xff")),
             Catch::Contains("not an ONNX model"));
  CHECK_FALSE(io::import_neural_onnx(bytes.substr(0, bytes.size() / 2)).ok());
  CHECK_FALSE(io::import_neural_onnx(bytes.substr(0, bytes.size() - 3)).ok());
  CHECK_FALSE(io::import_neural_onnx("").ok());

  ::onnx::ModelProto foreign = parsed(bytes);
  foreign.set_producer_name("pytorch");
  CHECK_THAT(first_error(io::import_neural_onnx(foreign.SerializeAsString())),
             Catch::Contains("producer 'pytorch'"));

  ::onnx::ModelProto missing = parsed(bytes);
  missing.mutable_graph()->mutable_initializer()->RemoveLast();
  missing.mutable_graph()->mutable_initializer(0)->set_name("renamed");
  const std::string missing_error =
      first_error(io::import_neural_onnx(missing.SerializeAsString()));
  CHECK_THAT(missing_error, Catch::Contains("embedding.table: missing"));
}

TEST_CASE("an edited file is refused: weights, graph or sizes", "[onnx]") {
  const std::string bytes = exported(small_model());
  auto find = [](::onnx::ModelProto& proto, const char* name) {
    for (auto& t : *proto.mutable_graph()->mutable_initializer())
      if (t.name() == name) return &t;
    FAIL("no initializer " << name);
    return static_cast<::onnx::TensorProto*>(nullptr);
  };

  SECTION("one weight changed: the fingerprint no longer matches") {
    ::onnx::ModelProto proto = parsed(bytes);
    std::string& raw = *find(proto, io::kOutputBias)->mutable_raw_data();
    const float changed = 9.0f;
    std::memcpy(raw.data(), &changed, sizeof changed);
    CHECK_THAT(first_error(io::import_neural_onnx(proto.SerializeAsString())),
               Catch::Contains("node 'fingerprint' differs"));
  }
  SECTION("a node changed: the browser would compute something else") {
    ::onnx::ModelProto proto = parsed(bytes);
    for (auto& node : *proto.mutable_graph()->mutable_node())
      if (node.op_type() == "Relu") node.set_op_type("Sigmoid");
    CHECK_THAT(first_error(io::import_neural_onnx(proto.SerializeAsString())),
               Catch::Contains("node 'hidden.out' differs"));
  }
  SECTION("a layer of the wrong size") {
    ::onnx::ModelProto proto = parsed(bytes);
    auto* bias = find(proto, io::kHiddenBias);
    bias->set_dims(0, 5);
    bias->mutable_raw_data()->resize(5 * sizeof(float));
    CHECK_THAT(first_error(io::import_neural_onnx(proto.SerializeAsString())),
               Catch::Contains("do not fit together"));
  }
  SECTION("a tensor whose data is shorter than its shape") {
    ::onnx::ModelProto proto = parsed(bytes);
    find(proto, io::kTable)->mutable_raw_data()->resize(7);
    CHECK_THAT(first_error(io::import_neural_onnx(proto.SerializeAsString())),
               Catch::Contains("holds 7 bytes instead of 44"));
  }
}
