// What a file costs on the wire: its size gzip-compressed at level 9.
#pragma once

#include <cstddef>
#include <string>

namespace tandem::bench {

size_t gzip_size(const std::string& bytes);

}  // namespace tandem::bench
