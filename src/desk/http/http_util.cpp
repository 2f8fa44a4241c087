#include "desk/http/http_util.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace tandem::desk {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Replacing invalid UTF-8 keeps dump() from throwing on stored text.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

void allow_origin(httplib::Response& res, const std::string& origin) {
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
}

void answer_preflight(httplib::Response& res, const std::string& allowed_headers) {
  res.status = 204;
  res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  res.set_header("Access-Control-Allow-Headers", allowed_headers);
  res.set_header("Access-Control-Max-Age", "600");
}

bool has_json_content_type(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json";
}

std::optional<std::string> bearer_token(const httplib::Request& req) {
  const std::string value = req.get_header_value("Authorization");
  // RFC 9110 11.1: the scheme is case-insensitive ("bearer" is "Bearer").
  constexpr std::string_view kScheme = "bearer";
  if (value.size() <= kScheme.size() + 1 || value[kScheme.size()] != ' ') return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) != kScheme[i]) return std::nullopt;
  }
  const auto start = value.find_first_not_of(' ', kScheme.size());
  if (start == std::string::npos) return std::nullopt;
  return value.substr(start);
}

bool is_origin(const std::string& text) {
  const auto scheme_end = text.find("://");
  if (scheme_end == std::string::npos || scheme_end == 0) return false;
  const std::string scheme = text.substr(0, scheme_end);
  const std::string rest = text.substr(scheme_end + 3);
  return (scheme == "http" || scheme == "https") && !rest.empty() &&
         rest.find_first_of("/?#@ ") == std::string::npos;
}

std::optional<std::string> cookie(const httplib::Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::string_view pair(header.data() + at, end - at);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return std::string(pair.substr(equals + 1));
    }
    at = end + 1;
  }
  return std::nullopt;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string rfc3339_utc(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];  // room for any int the compiler cannot bound
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms % 1000));
  return buffer;
}

}  // namespace tandem::desk
