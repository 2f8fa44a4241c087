#include "jwt.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

namespace tandem::demo_api {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// Far above any token this API signs; bounds the work an attacker can ask for.
constexpr std::size_t kMaxTokenBytes = 4096;

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

std::variant<nlohmann::json, TokenError> decode_json_part(std::string_view part) {
  auto bytes = base64url_decode(part);
  if (!bytes) return TokenError::malformed;
  auto parsed = nlohmann::json::parse(*bytes, nullptr, false);
  if (!parsed.is_object()) return TokenError::malformed;
  return parsed;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(buffer >> bits) & 0x3f]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (6 - bits)) & 0x3f]);
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int value = sextet(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  // Leftover bits must be zero, so each token has one spelling only.
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data(),
       &length);
  return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

std::string sign_hs256(const nlohmann::json& claims, std::string_view secret) {
  const std::string signing_input =
      base64url_encode(R"({"alg":"HS256","typ":"JWT"})") + "." + base64url_encode(claims.dump());
  return signing_input + "." + base64url_encode(hmac_sha256(secret, signing_input));
}

const char* describe(TokenError error) {
  switch (error) {
    case TokenError::malformed:
      return "not a JSON Web Token";
    case TokenError::wrong_algorithm:
      return "the token is not signed with HS256";
    case TokenError::bad_signature:
      return "the token's signature is wrong";
    case TokenError::expired:
      return "the token has expired";
  }
  return "invalid token";
}

std::variant<nlohmann::json, TokenError> verify_hs256(std::string_view token,
                                                      std::string_view secret,
                                                      std::int64_t now_seconds) {
  if (token.size() > kMaxTokenBytes) return TokenError::malformed;
  const auto first_dot = token.find('.');
  const auto last_dot = token.rfind('.');
  if (first_dot == std::string_view::npos || first_dot == last_dot ||
      token.find('.', first_dot + 1) != last_dot) {
    return TokenError::malformed;
  }
  const auto header = decode_json_part(token.substr(0, first_dot));
  if (const auto* error = std::get_if<TokenError>(&header)) return *error;
  const auto& alg = std::get<nlohmann::json>(header).value("alg", nlohmann::json());
  if (alg != "HS256") return TokenError::wrong_algorithm;

  const auto signature = base64url_decode(token.substr(last_dot + 1));
  if (!signature) return TokenError::malformed;
  const std::string& given = *signature;
  const std::string expected = hmac_sha256(secret, token.substr(0, last_dot));
  if (given.size() != expected.size() ||
      CRYPTO_memcmp(given.data(), expected.data(), expected.size()) != 0) {
    return TokenError::bad_signature;
  }

  auto claims = decode_json_part(token.substr(first_dot + 1, last_dot - first_dot - 1));
  if (const auto* error = std::get_if<TokenError>(&claims)) return *error;
  const auto& exp = std::get<nlohmann::json>(claims).value("exp", nlohmann::json());
  if (!exp.is_number()) return TokenError::malformed;
  if (exp.get<double>() <= static_cast<double>(now_seconds)) return TokenError::expired;
  return claims;
}

}  // namespace tandem::demo_api
