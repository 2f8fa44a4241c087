// Everything the engine needs next to a company's sentence encoder (.onnx), in
// one file the browser fetches together with it (site.encoder): how to
// tokenise for that encoder, the knowledge base's phrasings encoded by it, and
// how much its scores count against the lexical ones.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "nlu/sentence_encoder.h"
#include "text/wordpiece.h"

namespace tandem::nlu {

inline constexpr uint32_t kEncoderCompanionVersion = 1;
inline constexpr uint32_t kDefaultEncoderMaxTokens = 128;
inline constexpr uint32_t kMaxEncoderTokens = 8192;
inline constexpr float kMaxEncoderWeight = 10.0f;

struct EncoderCompanion {
  text::WordPieceTokenizer tokenizer;
  uint32_t max_tokens = kDefaultEncoderMaxTokens;  // the encoder's position limit
  EncoderIndex index;
  float weight = 1.0f;  // NeuralScores::weight: the encoder's vote against the lexical 1
};

std::string save_encoder_companion(const EncoderCompanion& companion);
// Checks magic, version, checksum and every field; never trusts the bytes.
Expected<EncoderCompanion> load_encoder_companion(std::string_view bytes);

}  // namespace tandem::nlu
