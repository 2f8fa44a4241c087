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

// CORS: lets a page of origin read the response.
void allow_origin(httplib::Response& res, const std::string& origin);
// CORS: the answer to a browser's preflight, 204 with what may be sent.
void answer_preflight(httplib::Response& res, const std::string& allowed_headers);

// application/json, with or without parameters such as charset.
bool has_json_content_type(const httplib::Request& req);
// The token of "Authorization: Bearer <token>" (the scheme in any case), if any.
std::optional<std::string> bearer_token(const httplib::Request& req);
std::optional<std::string> cookie(const httplib::Request& req, std::string_view name);
// scheme://host[:port] exactly as browsers send it in Origin: no path, no slash.
bool is_origin(const std::string& text);

std::string html_escape(std::string_view text);
std::int64_t now_ms();
std::string rfc3339_utc(std::int64_t ms);  // 2025-11-25T14:03:41.512Z

}  // namespace tandem::desk
