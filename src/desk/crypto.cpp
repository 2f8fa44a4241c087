#include "desk/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace tandem::desk {
namespace {

using Digest = std::array<unsigned char, 32>;

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * size);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0xf]);
  }
  return out;
}

// SHA-256 cannot fail on valid input; a failure means libcrypto itself is
// broken, which the routes' exception handler turns into a 500.
Digest sha256(std::string_view data) {
  Digest digest{};
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1 ||
      size != digest.size()) {
    throw std::runtime_error("libcrypto SHA-256 failed");
  }
  return digest;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  const Digest digest = sha256(data);
  return hex(digest.data(), digest.size());
}

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  Digest mac{};
  unsigned int size = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac.data(),
            &size) ||
      size != mac.size()) {
    throw std::runtime_error("libcrypto HMAC-SHA256 failed");
  }
  return hex(mac.data(), mac.size());
}

std::optional<std::string> random_hex(std::size_t bytes) {
  std::string buffer(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(buffer.data()), static_cast<int>(bytes)) != 1) {
    return std::nullopt;
  }
  return hex(reinterpret_cast<const unsigned char*>(buffer.data()), bytes);
}

bool same_secret(std::string_view a, std::string_view b) {
  const Digest left = sha256(a), right = sha256(b);
  return CRYPTO_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace tandem::desk
