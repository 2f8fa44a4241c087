// Little-endian, length-prefixed encoding for the compiled model file. Reading
// never trusts the input: every read is bounds-checked and a failure sticks, so
// a truncated or hostile file yields one clear error instead of a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

class BinaryWriter {
 public:
  void u8(uint8_t v) { bytes_.push_back(v); }
  void u32(uint32_t v);
  void f32(float v);
  // The upper half of an f32 (bfloat16): a per-row scale needs its 8 bits of
  // precision, not 24. v should be a round_to_scale16 value, or it is truncated.
  void scale16(float v);
  void varint(uint64_t v);  // LEB128: small counts and deltas take one byte
  void str(std::string_view s);
  void raw(const void* data, size_t size);
  void f32s(const std::vector<float>& values);

  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view bytes) : bytes_(bytes) {}

  uint8_t u8();
  uint32_t u32();
  float f32();      // a NaN or infinity fails the read: no trainer writes one
  float scale16();  // as f32()
  uint64_t varint();
  std::string str();
  std::string_view raw(size_t size);
  std::vector<float> f32s();
  // A count that will size an allocation: rejected when it could not fit in
  // the remaining bytes at min_bytes_each, so corrupt counts cannot exhaust memory.
  size_t count(size_t min_bytes_each = 1);

  bool ok() const { return error_.empty(); }
  bool at_end() const { return pos_ == bytes_.size(); }
  size_t position() const { return pos_; }
  const std::string& error() const { return error_; }
  void fail(std::string message);

 private:
  bool need(size_t size);

  std::string_view bytes_;
  size_t pos_ = 0;
  std::string error_;
};

// The nearest float that scale16 stores exactly (ties to even).
float round_to_scale16(float v);

// CRC-32 (IEEE 802.3), the checksum of the model file's payload.
uint32_t crc32(std::string_view bytes);

}  // namespace tandem
