// String length as JSON Schema counts it: Unicode code points, not bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace tandem::desk {

// text is valid UTF-8 (nlohmann's parser refuses anything else).
inline std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

}  // namespace tandem::desk
