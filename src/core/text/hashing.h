// MurmurHash3 x86_32, written out so that feature indices are the same on every
// platform: bytes are read one at a time (no endianness or alignment
// assumptions) and all arithmetic is on uint32_t.
#pragma once

#include <cstdint>
#include <string_view>

namespace tandem::text::detail {

constexpr uint32_t rotl32(uint32_t x, int r) {
  return (x << r) | (x >> (32 - r));
}

constexpr uint32_t fmix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  h ^= h >> 16;
  return h;
}

inline uint32_t murmur3_32(std::string_view key, uint32_t seed) {
  constexpr uint32_t c1 = 0xCC9E2D51u;
  constexpr uint32_t c2 = 0x1B873593u;
  const auto* data = reinterpret_cast<const unsigned char*>(key.data());
  const auto size = static_cast<uint32_t>(key.size());
  const uint32_t blocks = size / 4;
  uint32_t h = seed;
  for (uint32_t i = 0; i < blocks; ++i) {
    const unsigned char* p = data + 4 * i;
    uint32_t k = uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
    k *= c1;
    k = rotl32(k, 15);
    k *= c2;
    h ^= k;
    h = rotl32(h, 13);
    h = h * 5 + 0xE6546B64u;
  }
  const unsigned char* tail = data + 4 * blocks;
  uint32_t k = 0;
  switch (size & 3) {
    case 3:
      k ^= uint32_t{tail[2]} << 16;
      [[fallthrough]];
    case 2:
      k ^= uint32_t{tail[1]} << 8;
      [[fallthrough]];
    case 1:
      k ^= tail[0];
      k *= c1;
      k = rotl32(k, 15);
      k *= c2;
      h ^= k;
      break;
    default:
      break;
  }
  return fmix32(h ^ size);
}

}  // namespace tandem::text::detail
