// Where webhooks go (docs/desk.md "Webhooks"): URLs checked at start-up, so a
// mistyped or hostile one stops the desk with a clear error instead of being
// tried for hours, and the secret that signs every delivery.
#pragma once

#include <optional>
#include <string>
#include <variant>

namespace tandem::desk {

struct WebhookTarget {
  std::string url;  // as configured: the key of its deliveries in the queue
  bool https = false;
  std::string host;  // a name or an IP address, without IPv6 brackets
  int port = 0;
  std::string path;  // with the query, at least "/"
};

// http(s)://host[:port][/path][?query], or why not: no other scheme, no
// user:password@, no fragment, no spaces, control or non-ASCII characters.
std::variant<std::string, WebhookTarget> parse_webhook_target(const std::string& url);

// The signing secret, the file's content without its trailing newline, or
// nullopt with *error set (unreadable, or shorter than the minimum).
std::optional<std::string> read_webhook_secret(const std::string& path, std::string* error);

}  // namespace tandem::desk
