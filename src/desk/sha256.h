// SHA-256 (FIPS 180-4), used only to store customer tokens hashed and to
// recognise a repeated bundle: no new dependency for one small function.
#pragma once

#include <string>
#include <string_view>

namespace tandem::desk {

// Lowercase hex digest of data.
std::string sha256_hex(std::string_view data);

}  // namespace tandem::desk
