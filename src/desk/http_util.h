// Small request and response helpers shared by the desk's routes.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace tandem::desk {

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
// Every error is {"error": message} with its exact 4xx/5xx status.
void send_error(httplib::Response& res, int status, const std::string& message);

// application/json, with or without parameters such as charset.
bool has_json_content_type(const httplib::Request& req);
// The token of "Authorization: Bearer <token>" (any case of "Bearer"), if any.
std::optional<std::string> bearer_token(const httplib::Request& req);
std::optional<std::string> cookie(const httplib::Request& req, std::string_view name);

std::string html_escape(std::string_view text);
std::int64_t now_ms();
std::string rfc3339_utc(std::int64_t ms);  // 2025-11-25T14:03:41.512Z

}  // namespace tandem::desk
