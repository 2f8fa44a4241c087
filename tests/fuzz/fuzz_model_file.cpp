// The .tandem reader on arbitrary bytes: the browser loads whatever file a
// site (or an attacker in its path) serves. The input is the payload behind a
// header with a valid checksum, so mutations reach the section parsers
// instead of all stopping at the CRC; the input as a whole file is tried too.
// A file that loads must also decide messages with a confidence in [0, 1].
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/binary_codec.h"
#include "engine/engine.h"
#include "engine/model.h"

namespace {

void load_and_use(std::string_view bytes) {
  auto engine = tandem::engine::Engine::load(bytes);
  if (!engine) return;
  for (const char* message : {"where is my refund", "I want a human", "", "LP-482913 x@y.z 4242"}) {
    const auto decision = engine->decide(message);
    if (!(decision.confidence >= 0.0f && decision.confidence <= 1.0f)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  tandem::BinaryWriter file;
  file.raw("TNDM", 4);
  file.u32(tandem::engine::kModelFormatVersion);
  file.u32(static_cast<uint32_t>(payload.size()));
  file.u32(tandem::crc32(payload));
  file.raw(payload.data(), payload.size());
  load_and_use(file.bytes());
  load_and_use(payload);
  return 0;
}
