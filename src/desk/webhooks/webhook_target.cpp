#include "desk/webhooks/webhook_target.h"

#include <arpa/inet.h>

#include <fstream>
#include <iterator>

#include "desk/limits.h"

namespace tandem::desk {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 3986 path and query characters, percent escapes well formed. A
// backslash or a space, which clients and servers read differently, never.
bool is_path(const std::string& text) {
  static const std::string kAllowed = "-._~!$&'()*+,;=:@/?";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size() || !is_hex(text[i + 1]) || !is_hex(text[i + 2])) return false;
      i += 2;
    } else if (!is_alnum(c) && kAllowed.find(c) == std::string::npos) {
      return false;
    }
  }
  return true;
}

// A DNS name: dot-separated labels of letters, digits and inner hyphens.
bool is_host_name(const std::string& host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t start = 0;
  while (start <= host.size()) {
    const std::size_t end = std::min(host.find('.', start), host.size());
    const std::string label = host.substr(start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!is_alnum(c) && c != '-') return false;
    }
    start = end + 1;
  }
  return true;
}

bool is_ipv6(const std::string& host) {
  unsigned char address[16];
  return inet_pton(AF_INET6, host.c_str(), address) == 1;
}

std::optional<int> parse_port(const std::string& text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  int port = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) return std::nullopt;
  return port;
}

}  // namespace

std::variant<std::string, WebhookTarget> parse_webhook_target(const std::string& url) {
  const auto refuse = [&](const std::string& why) {
    return "--webhook " + url + ": " + why + " (expected http(s)://host[:port]/path)";
  };
  if (url.size() > kMaxWebhookUrlChars)
    return refuse("longer than " + std::to_string(kMaxWebhookUrlChars) + " characters");
  WebhookTarget target;
  target.url = url;
  std::string rest;
  if (url.rfind("https://", 0) == 0) {
    target.https = true;
    rest = url.substr(8);
  } else if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else {
    return refuse("only http:// and https:// URLs are accepted");
  }
  const std::size_t path_start = std::min(rest.find_first_of("/?#"), rest.size());
  const std::string authority = rest.substr(0, path_start);
  target.path = rest.substr(path_start);
  if (target.path.find('#') != std::string::npos) return refuse("a fragment (#) is not sent");
  if (!is_path(target.path)) return refuse("characters a URL may not hold");
  if (target.path.empty() || target.path.front() == '?') target.path = "/" + target.path;
  if (authority.find('@') != std::string::npos) {
    return refuse("credentials in the URL (user@) are refused; the signature authenticates");
  }
  std::string port = target.https ? "443" : "80";
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string::npos) return refuse("an unclosed IPv6 bracket");
    target.host = authority.substr(1, close - 1);
    if (!is_ipv6(target.host)) return refuse("not an IPv6 address in brackets");
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return refuse("text after the IPv6 address");
      port = authority.substr(close + 2);
    }
  } else {
    const std::size_t colon = authority.find(':');
    target.host = authority.substr(0, colon);
    if (colon != std::string::npos) port = authority.substr(colon + 1);
    if (!is_host_name(target.host)) return refuse("not a host name or IP address");
  }
  const auto number = parse_port(port);
  if (!number) return refuse("the port must be a number from 1 to 65535");
  target.port = *number;
  return target;
}

std::optional<std::string> read_webhook_secret(const std::string& path, std::string* error) {
  std::ifstream file(path, std::ios::binary);
  std::string secret((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (!file.is_open() || file.bad()) {
    *error = "--webhook-secret-file " + path + ": cannot be read";
    return std::nullopt;
  }
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.size() < kMinWebhookSecretChars) {
    *error = "--webhook-secret-file " + path + ": the secret must have at least " +
             std::to_string(kMinWebhookSecretChars) + " characters";
    return std::nullopt;
  }
  return secret;
}

}  // namespace tandem::desk
