#include "base/binary_codec.h"

#include <array>
#include <cmath>
#include <cstring>

namespace tandem {

void BinaryWriter::u32(uint32_t v) {
  for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void BinaryWriter::f32(float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  u32(bits);
}

void BinaryWriter::scale16(float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  bytes_.push_back(static_cast<char>((bits >> 16) & 0xFF));
  bytes_.push_back(static_cast<char>(bits >> 24));
}

float round_to_scale16(float v) {
  if (!std::isfinite(v)) return v;
  uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  bits += 0x7FFF + ((bits >> 16) & 1);
  bits &= 0xFFFF0000u;
  float rounded;
  std::memcpy(&rounded, &bits, sizeof rounded);
  return rounded;
}

void BinaryWriter::varint(uint64_t v) {
  while (v >= 0x80) {
    bytes_.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  bytes_.push_back(static_cast<char>(v));
}

void BinaryWriter::str(std::string_view s) {
  varint(s.size());
  bytes_.append(s.data(), s.size());
}

void BinaryWriter::raw(const void* data, size_t size) {
  bytes_.append(static_cast<const char*>(data), size);
}

void BinaryWriter::f32s(const std::vector<float>& values) {
  varint(values.size());
  for (float v : values) f32(v);
}

void BinaryReader::fail(std::string message) {
  if (error_.empty()) error_ = "byte " + std::to_string(pos_) + ": " + std::move(message);
  pos_ = bytes_.size();
}

bool BinaryReader::need(size_t size) {
  if (!ok()) return false;
  if (bytes_.size() - pos_ < size) {
    fail("file is truncated (needed " + std::to_string(size) + " more bytes)");
    return false;
  }
  return true;
}

uint8_t BinaryReader::u8() {
  if (!need(1)) return 0;
  return static_cast<uint8_t>(bytes_[pos_++]);
}

uint32_t BinaryReader::u32() {
  if (!need(4)) return 0;
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t(static_cast<uint8_t>(bytes_[pos_ + i])) << (8 * i);
  pos_ += 4;
  return v;
}

float BinaryReader::scale16() {
  if (!need(2)) return 0.0f;
  const uint32_t bits = (uint32_t(static_cast<uint8_t>(bytes_[pos_])) << 16) |
                        (uint32_t(static_cast<uint8_t>(bytes_[pos_ + 1])) << 24);
  pos_ += 2;
  float v;
  std::memcpy(&v, &bits, sizeof v);
  if (!std::isfinite(v)) {
    fail("number is not finite");
    return 0.0f;
  }
  return v;
}

float BinaryReader::f32() {
  uint32_t bits = u32();
  float v;
  std::memcpy(&v, &bits, sizeof v);
  // No trainer writes NaN or infinity; one in a file would poison every score
  // after it (a "confidence": null, or every reply a fallback).
  if (ok() && !std::isfinite(v)) {
    fail("number is not finite");
    return 0.0f;
  }
  return v;
}

uint64_t BinaryReader::varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = u8();
    if (!ok()) return 0;
    v |= uint64_t(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  fail("malformed variable-length integer");
  return 0;
}

size_t BinaryReader::count(size_t min_bytes_each) {
  uint64_t n = varint();
  if (!ok()) return 0;
  if (min_bytes_each == 0) min_bytes_each = 1;
  if (n > (bytes_.size() - pos_) / min_bytes_each) {
    fail("count " + std::to_string(n) + " exceeds what the file can hold");
    return 0;
  }
  return static_cast<size_t>(n);
}

std::string BinaryReader::str() {
  size_t n = count();
  if (!need(n)) return {};
  std::string s(bytes_.substr(pos_, n));
  pos_ += n;
  return s;
}

std::string_view BinaryReader::raw(size_t size) {
  if (!need(size)) return {};
  auto v = bytes_.substr(pos_, size);
  pos_ += size;
  return v;
}

std::vector<float> BinaryReader::f32s() {
  size_t n = count(4);
  std::vector<float> values(n);
  for (auto& v : values) v = f32();
  return values;
}

namespace {
std::array<uint32_t, 256> make_crc_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}
}  // namespace

uint32_t crc32(std::string_view bytes) {
  static const auto table = make_crc_table();
  uint32_t c = 0xFFFFFFFFu;
  for (char ch : bytes) c = table[(c ^ static_cast<uint8_t>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

}  // namespace tandem
