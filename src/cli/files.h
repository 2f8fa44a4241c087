// File access for the CLI: the core never touches the file system.
#pragma once

#include <string>

#include "base/status.h"

namespace tandem::cli {

// Reads a whole file, refusing anything over max_bytes with a clear error.
Expected<std::string> read_file(const std::string& path, size_t max_bytes);
// Writes atomically: to a temporary name, then renamed over the target.
Expected<bool> write_file(const std::string& path, const std::string& bytes);

}  // namespace tandem::cli
