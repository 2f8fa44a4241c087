#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/features.h"
#include "text/hashing.h"

using tandem::text::extract_features;
using tandem::text::Feature;
using tandem::text::FeatureConfig;

namespace {

std::vector<std::pair<uint32_t, float>> pairs(const std::vector<Feature>& features) {
  std::vector<std::pair<uint32_t, float>> out;
  for (const Feature& f : features) out.emplace_back(f.index, f.count);
  return out;
}

float total_count(const std::vector<Feature>& features) {
  float total = 0;
  for (const Feature& f : features) total += f.count;
  return total;
}

FeatureConfig words_only(int ngrams) {
  FeatureConfig c;
  c.word_ngrams = ngrams;
  c.char_max = 0;
  return c;
}

FeatureConfig chars_only(int min, int max) {
  FeatureConfig c;
  c.word_ngrams = 0;
  c.char_min = min;
  c.char_max = max;
  return c;
}

}  // namespace

TEST_CASE("murmur3_32 matches the reference implementation", "[text]") {
  using tandem::text::detail::murmur3_32;
  CHECK(murmur3_32("", 0) == 0u);
  CHECK(murmur3_32("", 1) == 0x514E28B7u);
  CHECK(murmur3_32("test", 0) == 0xBA6BD213u);
  CHECK(murmur3_32("Hello, world!", 1234) == 0xFAF6CDB3u);
  CHECK(murmur3_32("The quick brown fox jumps over the lazy dog", 0) == 0x2E4FF723u);
}

TEST_CASE("extract_features is pinned to golden values", "[text]") {
  // If this fails, hashing changed: every trained model must be retrained.
  FeatureConfig config;
  config.word_ngrams = 1;
  config.char_min = 3;
  config.char_max = 3;
  // "hi", "<hi", "hi>".
  const std::vector<std::pair<uint32_t, float>> hi = {
      {95140u, 1.0f}, {166259u, 1.0f}, {182333u, 1.0f}};
  CHECK(pairs(extract_features("Hi", config)) == hi);

  const auto refund = extract_features("Refund my order", FeatureConfig{});
  REQUIRE(refund.size() == 35);
  CHECK(refund.front().index == 10100u);
  CHECK(refund.back().index == 258887u);
}

TEST_CASE("extract_features counts every word and character n-gram", "[text]") {
  // 3 words + 2 bigrams; "<refund>" 6+5+4, "<my>" 2+1, "<order>" 5+4+3.
  const auto features = extract_features("Refund my order", FeatureConfig{});
  CHECK(total_count(features) == 35.0f);
  CHECK(total_count(extract_features("refund", chars_only(3, 5))) == 15.0f);
  CHECK(total_count(extract_features("refund", chars_only(3, 3))) == 6.0f);
  // Code points, not bytes: "<привет>" has 8 characters but 14 bytes.
  CHECK(total_count(extract_features("привет", chars_only(3, 3))) == 6.0f);
  // Words shorter than char_min with their marks become one whole n-gram.
  CHECK(total_count(extract_features("a", chars_only(4, 5))) == 1.0f);
  CHECK(total_count(extract_features("ab", chars_only(4, 5))) == 1.0f);
  CHECK(extract_features("refund", chars_only(3, 0)).empty());
  CHECK(total_count(extract_features("refund my order", words_only(1))) == 3.0f);
  CHECK(total_count(extract_features("refund my order", words_only(3))) == 6.0f);
}

TEST_CASE("extract_features is sorted with duplicates merged", "[text]") {
  const auto single = extract_features("refund", words_only(1));
  REQUIRE(single.size() == 1);
  const auto repeated = extract_features("refund refund refund", words_only(2));
  // Unigram x3 and bigram "refund refund" x2.
  REQUIRE(repeated.size() == 2);
  CHECK(total_count(repeated) == 5.0f);
  bool found = false;
  for (const Feature& f : repeated) found = found || (f.index == single[0].index && f.count == 3);
  CHECK(found);

  const auto features = extract_features("The refund for the order, the refund!", FeatureConfig{});
  for (std::size_t i = 1; i < features.size(); ++i) {
    CHECK(features[i - 1].index < features[i].index);
  }
}

TEST_CASE("extract_features keeps word and character n-grams apart", "[text]") {
  FeatureConfig words = words_only(1);
  words.hash_bits = 32;
  FeatureConfig chars = chars_only(3, 3);
  chars.hash_bits = 32;
  // "abc" as a word, and as the middle trigram of "<abc>".
  const auto word = extract_features("abc", words);
  const auto grams = extract_features("abc", chars);
  REQUIRE(word.size() == 1);
  REQUIRE(grams.size() == 3);
  for (const Feature& g : grams) CHECK(g.index != word[0].index);
  // The word "<ab" cannot be written, but a 3-letter word and a trigram can.
  const auto word_xyz = extract_features("xyz", words);
  const auto gram_xyz = extract_features("axyzb", chars);  // "<ax" "axy" "xyz" "yzb" "zb>"
  for (const Feature& g : gram_xyz) CHECK(g.index != word_xyz[0].index);
}

TEST_CASE("extract_features respects hash_bits", "[text]") {
  for (uint32_t bits : {1u, 4u, 10u, 18u, 24u}) {
    FeatureConfig config;
    config.hash_bits = bits;
    const auto features = extract_features("Where is my refund for order 1234?", config);
    INFO("bits " << bits);
    CHECK(features.back().index < (1u << bits));
    CHECK(total_count(features) ==
          total_count(extract_features("Where is my refund for order 1234?", FeatureConfig{})));
  }
  FeatureConfig one_bit;
  one_bit.hash_bits = 1;
  CHECK(extract_features("Where is my refund?", one_bit).size() <= 2);
  FeatureConfig full;
  full.hash_bits = 32;
  CHECK(extract_features("Where is my refund?", full).size() > 30);
}

TEST_CASE("extract_features depends on the seed", "[text]") {
  FeatureConfig other;
  other.seed = 1;
  CHECK(pairs(extract_features("refund", FeatureConfig{})) !=
        pairs(extract_features("refund", other)));
}

TEST_CASE("extract_features sees through case, accents, numbers and amounts", "[text]") {
  const FeatureConfig config;
  CHECK(pairs(extract_features("CAFÉ  Crème", config)) ==
        pairs(extract_features("cafe creme", config)));
  CHECK(pairs(extract_features("refund of $25", config)) ==
        pairs(extract_features("refund of 40 EUR", config)));
  CHECK(pairs(extract_features("order 1234", config)) ==
        pairs(extract_features("order 98,765", config)));
  CHECK(pairs(extract_features("order 1234", config)) !=
        pairs(extract_features("order $1234", config)));
  CHECK(extract_features("", config).empty());
  CHECK(extract_features(" ?! ", config).empty());
}

TEST_CASE("extract_features is deterministic", "[text]") {
  const std::string text = "Hi, I'd like a refund for order #A-1234 (£12.50) — thanks…";
  const auto first = extract_features(text, FeatureConfig{});
  for (int i = 0; i < 3; ++i) CHECK(pairs(extract_features(text, FeatureConfig{})) == pairs(first));
}
