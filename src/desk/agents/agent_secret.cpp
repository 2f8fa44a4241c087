#include "desk/agents/agent_secret.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "desk/crypto.h"
#include "desk/limits.h"

namespace tandem::desk {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";

std::string pbkdf2_hex(std::string_view secret, std::string_view salt, int iterations) {
  unsigned char key[32];
  if (PKCS5_PBKDF2_HMAC(secret.data(), static_cast<int>(secret.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(), sizeof key,
                        key) != 1) {
    throw std::runtime_error("libcrypto PBKDF2 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : key) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t at = 0;;) {
    const std::size_t end = text.find(separator, at);
    parts.push_back(text.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return parts;
    at = end + 1;
  }
}

}  // namespace

std::optional<std::string> new_agent_secret() {
  return random_hex(kAgentSecretBytes);
}

std::optional<std::string> hash_agent_secret(std::string_view secret) {
  const auto salt = random_hex(kAgentSecretSaltBytes);
  if (!salt) return std::nullopt;
  return std::string(kScheme) + "$" + std::to_string(kAgentSecretIterations) + "$" + *salt + "$" +
         pbkdf2_hex(secret, *salt, kAgentSecretIterations);
}

bool agent_secret_matches(std::string_view secret, std::string_view stored) {
  const auto parts = split(stored, '$');
  if (parts.size() != 4 || parts[0] != kScheme || parts[1].empty() || parts[1].size() > 8) {
    return false;
  }
  const int iterations = std::atoi(std::string(parts[1]).c_str());
  if (iterations < 1) return false;
  return same_secret(pbkdf2_hex(secret, parts[2], iterations), parts[3]);
}

void waste_one_secret_check(std::string_view secret) {
  pbkdf2_hex(secret, "no such agent", kAgentSecretIterations);
}

}  // namespace tandem::desk
