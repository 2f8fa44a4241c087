#include <catch2/catch.hpp>

#include "nlu/softmax_trainer.h"

using namespace tandem::nlu;

namespace {

float probability_of_first(const DenseLinearModel& model, const SparseVector& x) {
  std::vector<float> z;
  model.logits(x, z);
  softmax(z);
  return z[0];
}

}  // namespace

TEST_CASE("an example's weight scales its pull on the linear model", "[nlu]") {
  // One input labelled 0 at weight 1 and 1 at weight 0.25: the weighted
  // cross-entropy is least at p(0) = 1 / 1.25 = 0.8; unweighted, the two
  // labels pull alike. A light example alone still wins where nothing
  // contradicts it.
  const SparseVector shared = {{0, 1.0f}}, alone = {{1, 1.0f}};
  const std::vector<SparseVector> inputs = {shared, shared, alone};
  const std::vector<uint32_t> labels = {0, 1, 1};
  SoftmaxOptions options;
  options.epochs = 300;
  options.l2 = 0.0f;
  const DenseLinearModel weighted =
      train_softmax(inputs, labels, 2, 2, options, {}, {1.0f, 0.25f, 0.25f});
  const DenseLinearModel even = train_softmax(inputs, labels, 2, 2, options);
  CHECK(probability_of_first(weighted, shared) == Approx(0.8).margin(0.03));
  CHECK(probability_of_first(weighted, alone) < 0.5f);
  CHECK(probability_of_first(even, shared) == Approx(0.5).margin(0.03));
}
