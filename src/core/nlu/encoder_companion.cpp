#include "nlu/encoder_companion.h"

#include <cmath>

#include "base/binary_codec.h"

namespace tandem::nlu {
namespace {

constexpr char kMagic[4] = {'T', 'N', 'D', 'E'};
constexpr size_t kHeaderBytes = sizeof kMagic + 4 + 4;  // magic, version, checksum

Expected<EncoderCompanion> companion_error(std::string what) {
  return Error{"", "not a valid encoder companion file: " + std::move(what)};
}

}  // namespace

std::string save_encoder_companion(const EncoderCompanion& companion) {
  BinaryWriter payload;
  companion.tokenizer.save(payload);
  payload.varint(companion.max_tokens);
  payload.f32(companion.weight);
  companion.index.save(payload);
  BinaryWriter file;
  file.raw(kMagic, sizeof kMagic);
  file.u32(kEncoderCompanionVersion);
  file.u32(crc32(payload.bytes()));
  file.raw(payload.bytes().data(), payload.bytes().size());
  return file.take();
}

Expected<EncoderCompanion> load_encoder_companion(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes || bytes.substr(0, 4) != std::string_view(kMagic, 4)) {
    return companion_error("bad magic bytes; was it written by web/tools/encoder-index.mjs?");
  }
  BinaryReader header(bytes.substr(4, 8));
  const uint32_t version = header.u32();
  const uint32_t checksum = header.u32();
  if (version != kEncoderCompanionVersion) {
    return companion_error("format version " + std::to_string(version) + ", expected " +
                           std::to_string(kEncoderCompanionVersion) + "; rebuild it");
  }
  const std::string_view payload = bytes.substr(kHeaderBytes);
  if (crc32(payload) != checksum) return companion_error("checksum mismatch (corrupted file)");

  BinaryReader in(payload);
  EncoderCompanion companion;
  auto tokenizer = text::WordPieceTokenizer::load(in);
  if (!tokenizer.ok()) return companion_error("tokenizer: " + tokenizer.error_text());
  companion.tokenizer = std::move(tokenizer).value();
  const uint64_t max_tokens = in.varint();
  companion.weight = in.f32();
  if (!in.ok()) return companion_error(in.error());
  if (max_tokens < 2 || max_tokens > kMaxEncoderTokens) {
    return companion_error("max_tokens " + std::to_string(max_tokens) + " out of range");
  }
  companion.max_tokens = static_cast<uint32_t>(max_tokens);
  if (!(companion.weight >= 0.0f && companion.weight <= kMaxEncoderWeight)) {
    return companion_error("fusion weight out of range");
  }
  auto index = EncoderIndex::load(in);
  if (!index.ok()) return companion_error("index: " + index.error_text());
  if (!in.at_end()) return companion_error("trailing bytes");
  companion.index = std::move(index).value();
  return companion;
}

}  // namespace tandem::nlu
