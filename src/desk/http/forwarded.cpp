#include "desk/http/forwarded.h"

#include <algorithm>

namespace tandem::desk {
namespace {

std::string trimmed(const std::string& text) {
  const auto start = text.find_first_not_of(" \t");
  if (start == std::string::npos) return "";
  return text.substr(start, text.find_last_not_of(" \t") - start + 1);
}

}  // namespace

bool is_trusted_proxy(const Options& options, const std::string& peer) {
  const auto& proxies = options.trusted_proxies;
  return std::find(proxies.begin(), proxies.end(), peer) != proxies.end();
}

std::string client_address(const Options& options, const httplib::Request& req) {
  const std::string forwarded = req.get_header_value("X-Forwarded-For");
  if (forwarded.empty() || !is_trusted_proxy(options, req.remote_addr)) return req.remote_addr;
  const std::string last = trimmed(forwarded.substr(forwarded.rfind(',') + 1));
  return last.empty() ? req.remote_addr : last;
}

bool served_over_https(const Options& options, const httplib::Request& req) {
  return is_trusted_proxy(options, req.remote_addr) &&
         trimmed(req.get_header_value("X-Forwarded-Proto")) == "https";
}

}  // namespace tandem::desk
