#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "nlu/encoder_companion.h"
#include "nlu/sentence_encoder.h"

using tandem::BinaryReader;
using tandem::BinaryWriter;
using tandem::nlu::EncoderCompanion;
using tandem::nlu::EncoderIndex;
using tandem::nlu::pool_sentence;

namespace {

std::vector<float> unit(std::vector<float> v) {
  double norm = 0.0;
  for (float x : v) norm += x * x;
  for (float& x : v) x = static_cast<float>(x / std::sqrt(norm));
  return v;
}

// Two labels, two phrasings each, in the plane of the first two axes.
EncoderIndex two_label_index() {
  auto index = EncoderIndex::build(
      {"refund", "refund", "hours", "hours"},
      {unit({1, 0.1f, 0}), unit({1, -0.1f, 0.1f}), unit({0.1f, 1, 0}), unit({0, 1, 0.2f})});
  REQUIRE(index.ok());
  return std::move(index).value();
}

float probability_sum(const std::vector<float>& log_probabilities) {
  float sum = 0.0f;
  for (float lp : log_probabilities) sum += std::exp(lp);
  return sum;
}

}  // namespace

TEST_CASE("pooling averages the unmasked tokens and scales to unit length", "[encoder]") {
  // Token 3 is padding: its huge values must not count.
  const auto pooled = pool_sentence({1, 0, 3, 4, 100, 100}, 3, 2, {1, 1, 0});
  REQUIRE(pooled.ok());
  CHECK(pooled.value()[0] == Approx(std::sqrt(0.5)));
  CHECK(pooled.value()[1] == Approx(std::sqrt(0.5)));

  CHECK_THAT(pool_sentence({1, 2, 3}, 2, 2, {1, 1}).error_text(), Catch::Contains("2 tokens x 2"));
  CHECK_THAT(pool_sentence({1, 2, 3, 4}, 2, 2, {1}).error_text(), Catch::Contains("mask"));
  CHECK_THAT(pool_sentence({1, 2, 3, 4}, 2, 2, {0, 0}).error_text(), Catch::Contains("zero"));
  CHECK_FALSE(pool_sentence({NAN, 0}, 1, 2, {1}).ok());
}

TEST_CASE("the encoder index scores each label by its best phrasing", "[encoder]") {
  const EncoderIndex index = two_label_index();
  CHECK(index.labels() == std::vector<std::string>{"refund", "hours"});
  CHECK(index.size() == 4);
  CHECK(index.dims() == 3);
  const auto near_refund = index.log_probabilities(unit({1, 0, 0.05f}));
  REQUIRE(near_refund.size() == 2);
  CHECK(near_refund[0] > near_refund[1]);
  CHECK(probability_sum(near_refund) == Approx(1.0f));
  const auto near_hours = index.log_probabilities(unit({0, 1, 0.1f}));
  CHECK(near_hours[1] > near_hours[0]);
  // A query of another size (another encoder) gets no scores at all.
  CHECK(index.log_probabilities({1, 0}).empty());
}

TEST_CASE("the encoder index fits a sharper temperature when labels separate well", "[encoder]") {
  const EncoderIndex separated = two_label_index();
  // The same phrasings with labels crossed: nearest neighbours are the wrong label,
  // so a confident softmax would be punished and the fit flattens it.
  const auto crossed = EncoderIndex::build(
      {"refund", "hours", "refund", "hours"},
      {unit({1, 0.1f, 0}), unit({1, -0.1f, 0.1f}), unit({0.1f, 1, 0}), unit({0, 1, 0.2f})});
  REQUIRE(crossed.ok());
  CHECK(separated.temperature() < crossed->temperature());
  CHECK(separated.temperature() >= 0.005f);
  CHECK(crossed->temperature() <= 1.0f);
}

TEST_CASE("the encoder index refuses vectors it cannot compare", "[encoder]") {
  CHECK_THAT(EncoderIndex::build({"a"}, {{1, 1}}).error_text(), Catch::Contains("not a unit"));
  CHECK_THAT(EncoderIndex::build({"a", "b"}, {{1, 0}, {1, 0, 0}}).error_text(),
             Catch::Contains("vector 1"));
  CHECK_FALSE(EncoderIndex::build({}, {}).ok());
  CHECK_FALSE(EncoderIndex::build({"a"}, {{1, 0}, {0, 1}}).ok());
  CHECK_THAT(EncoderIndex::build({""}, {{1, 0}}).error_text(), Catch::Contains("no label"));
}

TEST_CASE("the encoder index round-trips and validates its binary form", "[encoder]") {
  const EncoderIndex index = two_label_index();
  BinaryWriter out;
  index.save(out);
  BinaryReader in(out.bytes());
  const auto loaded = EncoderIndex::load(in);
  REQUIRE(loaded.ok());
  CHECK(in.at_end());
  CHECK(loaded->labels() == index.labels());
  CHECK(loaded->temperature() == index.temperature());
  const auto query = unit({0.3f, 1, 0});
  CHECK(loaded->log_probabilities(query) == index.log_probabilities(query));

  std::string bad = out.bytes();
  bad[0] = 0;  // zero dimensions
  BinaryReader bad_in(bad);
  CHECK_FALSE(EncoderIndex::load(bad_in).ok());
  BinaryReader truncated(std::string_view(out.bytes()).substr(0, out.bytes().size() - 2));
  CHECK_FALSE(EncoderIndex::load(truncated).ok());
}

TEST_CASE("an encoder companion file holds tokenizer, index and weight", "[encoder]") {
  auto tokenizer = tandem::text::WordPieceTokenizer::from_vocab_text("[UNK]\n[CLS]\n[SEP]\nhi\n");
  REQUIRE(tokenizer.ok());
  EncoderCompanion companion;
  companion.tokenizer = std::move(tokenizer).value();
  companion.max_tokens = 64;
  companion.index = two_label_index();
  companion.weight = 0.75f;
  const std::string bytes = save_encoder_companion(companion);

  const auto loaded = tandem::nlu::load_encoder_companion(bytes);
  REQUIRE(loaded.ok());
  CHECK(loaded->max_tokens == 64);
  CHECK(loaded->weight == 0.75f);
  CHECK(loaded->tokenizer.encode("hi there", 64).input_ids == std::vector<int32_t>{1, 3, 0, 2});
  CHECK(loaded->index.labels() == companion.index.labels());

  const auto error_of = [](std::string_view b) {
    const auto result = tandem::nlu::load_encoder_companion(b);
    REQUIRE_FALSE(result.ok());
    return result.error_text();
  };
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  CHECK_THAT(error_of(flipped), Catch::Contains("checksum"));
  CHECK_THAT(error_of("TNDM...."), Catch::Contains("magic"));
  CHECK_THAT(error_of(bytes.substr(0, bytes.size() - 1)), Catch::Contains("checksum"));
  std::string future = bytes;
  future[4] = 9;
  CHECK_THAT(error_of(future), Catch::Contains("version 9"));
}
