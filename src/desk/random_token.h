// Unguessable identifiers and secrets from the kernel's generator.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace tandem::desk {

// bytes random bytes from /dev/urandom as lowercase hex; nullopt if it cannot
// be read (the caller must then refuse, never fall back to a weak source).
std::optional<std::string> random_hex(std::size_t bytes);

}  // namespace tandem::desk
