// The CSV and CLINC-style readers on arbitrary text (tandem train and eval).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/labelled_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tandem::data;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& parsed : {parse_labelled_data(text), parse_csv(text), parse_clinc_json(text)}) {
    if (!parsed && parsed.errors().empty()) __builtin_trap();
    if (parsed) (void)check_trainable(parsed->train);
  }
  return 0;
}
