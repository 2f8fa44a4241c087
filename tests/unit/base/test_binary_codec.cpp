#include <catch2/catch.hpp>

#include <iterator>
#include <limits>

#include "base/binary_codec.h"

using tandem::BinaryReader;
using tandem::BinaryWriter;

TEST_CASE("binary codec round-trips every field type") {
  BinaryWriter w;
  w.u8(7);
  w.u32(0xDEADBEEF);
  w.f32(-1.5f);
  w.varint(300);
  w.varint(0);
  w.str("héllo");
  w.f32s({0.25f, 3.0f});

  BinaryReader r(w.bytes());
  CHECK(r.u8() == 7);
  CHECK(r.u32() == 0xDEADBEEF);
  CHECK(r.f32() == -1.5f);
  CHECK(r.varint() == 300);
  CHECK(r.varint() == 0);
  CHECK(r.str() == "héllo");
  CHECK(r.f32s() == std::vector<float>{0.25f, 3.0f});
  CHECK(r.ok());
  CHECK(r.at_end());
}

TEST_CASE("binary reader fails cleanly on truncated input") {
  BinaryWriter w;
  w.u32(42);
  w.u32(43);
  std::string bytes = w.take();
  BinaryReader r(std::string_view(bytes).substr(0, 6));
  CHECK(r.u32() == 42);
  CHECK(r.u32() == 0);
  CHECK_FALSE(r.ok());
  CHECK(r.error().find("truncated") != std::string::npos);
  // A failure sticks: later reads return zeros, not garbage.
  CHECK(r.u8() == 0);
  CHECK(r.str().empty());
}

TEST_CASE("binary reader rejects counts larger than the remaining input") {
  BinaryWriter w;
  w.varint(1u << 30);  // claims a billion floats in a 5-byte file
  BinaryReader r(w.bytes());
  CHECK(r.f32s().empty());
  CHECK_FALSE(r.ok());
  CHECK(r.error().find("exceeds") != std::string::npos);
}

TEST_CASE("crc32 matches the standard check value") {
  CHECK(tandem::crc32("123456789") == 0xCBF43926u);
  CHECK(tandem::crc32("") == 0u);
}

TEST_CASE("scale16 stores a rounded scale exactly in two bytes") {
  const float scales[] = {0.0f, 1.0f, 0.0123f, 3.7e-5f, 250.0f};
  BinaryWriter w;
  for (float s : scales) w.scale16(tandem::round_to_scale16(s));
  REQUIRE(w.bytes().size() == 2 * std::size(scales));
  BinaryReader r(w.bytes());
  for (float s : scales) {
    const float back = r.scale16();
    CHECK(back == tandem::round_to_scale16(s));
    CHECK(back == Approx(s).epsilon(1.0 / 256));  // 8 bits of precision
  }
  CHECK(r.ok());
  CHECK(r.at_end());
  // Ties round to even: 1 + 2^-8 lies halfway between 1 and 1 + 2^-7.
  CHECK(tandem::round_to_scale16(1.0f + 1.0f / 256) == 1.0f);
}

TEST_CASE("scale16 rejects a non-finite value and a truncated one") {
  BinaryWriter w;
  w.scale16(std::numeric_limits<float>::infinity());
  BinaryReader inf(w.bytes());
  CHECK(inf.scale16() == 0.0f);
  CHECK_FALSE(inf.ok());
  BinaryReader half(w.bytes().substr(0, 1));
  half.scale16();
  CHECK_FALSE(half.ok());
}
