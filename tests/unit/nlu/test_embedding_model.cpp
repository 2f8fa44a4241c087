#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "nlu/embedding_model.h"
#include "nlu/random.h"

using tandem::BinaryReader;
using tandem::BinaryWriter;
using namespace tandem::nlu;

namespace {

// Three classes; each example holds two of its class's five rows (40-54) plus
// two rows shared by all classes (0-39), L2-normalised like TF-IDF vectors.
struct Toy {
  std::vector<SparseVector> inputs;
  std::vector<uint32_t> labels;
};

Toy make_toy(size_t n, uint64_t seed) {
  Toy toy;
  Random random(seed);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t label = static_cast<uint32_t>(i % 3);
    SparseVector x;
    x.push_back({static_cast<uint32_t>(random.below(40)), 0.5f});
    x.push_back({static_cast<uint32_t>(random.below(40)), 0.5f});
    x.push_back({40 + label * 5 + static_cast<uint32_t>(random.below(5)), 0.5f});
    x.push_back({40 + label * 5 + static_cast<uint32_t>(random.below(5)), 0.5f});
    toy.inputs.push_back(x);
    toy.labels.push_back(label);
  }
  return toy;
}

uint32_t argmax(const std::vector<float>& v) {
  return static_cast<uint32_t>(std::max_element(v.begin(), v.end()) - v.begin());
}

double accuracy(const EmbeddingModel& model, const Toy& toy) {
  std::vector<float> z;
  size_t right = 0;
  for (size_t i = 0; i < toy.inputs.size(); ++i) {
    model.logits(toy.inputs[i], z);
    right += argmax(z) == toy.labels[i];
  }
  return double(right) / toy.inputs.size();
}

EmbeddingOptions small_options() {
  EmbeddingOptions o;
  o.buckets = 64;
  o.dim = 8;
  o.epochs = 10;
  o.seed = 7;
  return o;
}

}  // namespace

TEST_CASE("embedding model learns a separable problem", "[nlu]") {
  const Toy train = make_toy(300, 1), test = make_toy(90, 2);
  const EmbeddingModel model =
      EmbeddingModel::train(train.inputs, train.labels, 3, small_options());
  REQUIRE(model.classes() == 3);
  CHECK(accuracy(model, test) == 1.0);
}

TEST_CASE("embedding model folds rows beyond its table into the buckets", "[nlu]") {
  // 16 buckets for 55 rows: class rows collide with shared ones, yet the
  // class evidence still decides most messages.
  EmbeddingOptions o = small_options();
  o.buckets = 16;
  const Toy train = make_toy(300, 3), test = make_toy(90, 4);
  const EmbeddingModel model = EmbeddingModel::train(train.inputs, train.labels, 3, o);
  CHECK(accuracy(model, test) > 0.8);
}

TEST_CASE("embedding model training is deterministic for a seed", "[nlu]") {
  const Toy train = make_toy(120, 5);
  const EmbeddingModel a = EmbeddingModel::train(train.inputs, train.labels, 3, small_options());
  const EmbeddingModel b = EmbeddingModel::train(train.inputs, train.labels, 3, small_options());
  BinaryWriter wa, wb;
  a.save(wa);
  b.save(wb);
  CHECK(wa.bytes() == wb.bytes());
}

TEST_CASE("embedding model save/load round-trip gives identical scores", "[nlu]") {
  const Toy train = make_toy(150, 6);
  const EmbeddingModel model =
      EmbeddingModel::train(train.inputs, train.labels, 3, small_options());
  BinaryWriter w;
  model.save(w);
  BinaryReader r(w.bytes());
  const EmbeddingModel loaded = EmbeddingModel::load(r);
  REQUIRE(r.ok());
  CHECK(r.at_end());
  std::vector<float> before, after;
  for (const auto& x : train.inputs) {
    model.logits(x, before);
    loaded.logits(x, after);
    REQUIRE(before == after);
  }
}

TEST_CASE("embedding model load of truncated bytes fails cleanly", "[nlu]") {
  const Toy train = make_toy(60, 8);
  const EmbeddingModel model =
      EmbeddingModel::train(train.inputs, train.labels, 3, small_options());
  BinaryWriter w;
  model.save(w);
  const std::string& bytes = w.bytes();
  for (size_t cut : {size_t{0}, size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    BinaryReader r(std::string_view(bytes).substr(0, cut));
    const EmbeddingModel loaded = EmbeddingModel::load(r);
    CHECK_FALSE(r.ok());
    CHECK(loaded.empty());
    std::vector<float> z;
    loaded.logits(train.inputs[0], z);
    CHECK(z.empty());
  }
}

TEST_CASE("embedding model rejects layers that do not fit together", "[nlu]") {
  BinaryWriter w;
  w.f32s({0.0f, 0.0f});  // two classes
  for (int layer = 0; layer < 2; ++layer) {
    w.varint(3);  // width 3: the output layer would need width 2
    w.varint(1);
    w.f32(1.0f);
    const int8_t row[3] = {1, 2, 3};
    w.raw(row, 3);
  }
  BinaryReader r(w.bytes());
  CHECK(EmbeddingModel::load(r).empty());
  CHECK_FALSE(r.ok());
}
