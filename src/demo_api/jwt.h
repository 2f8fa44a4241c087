// HS256 JSON Web Tokens (RFC 7519), the only kind the demo API signs or
// accepts: any other "alg" (including "none") is refused, so a token cannot
// choose how it is checked.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace tandem::demo_api {

std::string base64url_encode(std::string_view bytes);
// Unpadded base64url only; nullopt on any other character or a stray bit.
std::optional<std::string> base64url_decode(std::string_view text);

// HMAC-SHA256 of message under key, as 32 raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view message);

// header.payload.signature with {"alg":"HS256","typ":"JWT"}.
std::string sign_hs256(const nlohmann::json& claims, std::string_view secret);

enum class TokenError { malformed, wrong_algorithm, bad_signature, expired };
const char* describe(TokenError error);

// The claims of a token whose signature is right and whose "exp" (required,
// seconds since the epoch) is after now; else why not.
std::variant<nlohmann::json, TokenError> verify_hs256(std::string_view token,
                                                      std::string_view secret,
                                                      std::int64_t now_seconds);

}  // namespace tandem::demo_api
