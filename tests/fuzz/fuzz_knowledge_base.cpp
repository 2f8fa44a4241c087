// The kb.json validator on arbitrary text: an author's file, however broken,
// gets errors with pointers, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kb/knowledge_base.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto kb = tandem::kb::parse_knowledge_base(text);
  if (!kb && kb.errors().empty()) __builtin_trap();  // a refusal must say why
  return 0;
}
