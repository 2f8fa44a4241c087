// Hashing, HMAC, random tokens and secret comparisons, all from OpenSSL's
// libcrypto: vetted code instead of home-made primitives.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tandem::desk {

// Lowercase hex SHA-256 digest of data.
std::string sha256_hex(std::string_view data);
// Lowercase hex HMAC-SHA256 of message under key.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// bytes random bytes from OpenSSL's generator as lowercase hex; nullopt if it
// cannot be seeded (the caller must then refuse, never fall back to a weak source).
std::optional<std::string> random_hex(std::size_t bytes);

// Compares secrets in time independent of their contents and of where they
// differ: both sides are hashed to a fixed length, then CRYPTO_memcmp'd.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace tandem::desk
