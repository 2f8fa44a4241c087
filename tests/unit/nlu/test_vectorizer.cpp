#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "base/binary_codec.h"
#include "nlu/vectorizer.h"

namespace tandem::nlu {
namespace {

// A vectorizer's serialised form with the given feature configuration and one row.
std::string vectorizer_bytes(uint64_t hash_bits, uint64_t word_ngrams, uint64_t char_min,
                             uint64_t char_max) {
  BinaryWriter out;
  out.varint(hash_bits);
  out.varint(word_ngrams);
  out.varint(char_min);
  out.varint(char_max);
  out.u32(7);
  out.varint(1);  // one row: bucket 5, idf 1
  out.varint(5);
  out.u8(0);
  return out.take();
}

bool loads(const std::string& bytes) {
  BinaryReader in(bytes);
  const Vectorizer v = Vectorizer::load(in);
  return in.ok() && v.rows() == 1;
}

TEST_CASE("a vectorizer loads only feature configurations a trainer writes", "[vectorizer]") {
  CHECK(loads(vectorizer_bytes(18, 2, 3, 5)));
  CHECK(loads(vectorizer_bytes(18, 2, 0, 0)));  // words only
  // A negative length written as the trainer writes ints (two's complement in
  // a varint) was read back as a negative int, overflowed, and asked for ~283 GB.
  const uint64_t minus_one = static_cast<uint64_t>(int64_t{-1});
  CHECK_FALSE(loads(vectorizer_bytes(18, 2, minus_one, 5)));
  CHECK_FALSE(loads(vectorizer_bytes(18, 2, 3, minus_one)));
  CHECK_FALSE(loads(vectorizer_bytes(18, 2, 0, 5)));  // zero-length n-grams
  CHECK_FALSE(loads(vectorizer_bytes(18, 2, 6, 5)));  // min above max
  CHECK_FALSE(loads(vectorizer_bytes(18, 0, 0, 0)));  // no features at all
  CHECK_FALSE(loads(vectorizer_bytes(18, 9, 3, 5)));
  // Once truncated to 32 bits, 2^32 + 18 looked like a valid 18.
  CHECK_FALSE(loads(vectorizer_bytes((uint64_t{1} << 32) + 18, 2, 3, 5)));
  CHECK_FALSE(loads(vectorizer_bytes(0, 2, 3, 5)));
  CHECK_FALSE(loads(vectorizer_bytes(25, 2, 3, 5)));
}

}  // namespace
}  // namespace tandem::nlu
