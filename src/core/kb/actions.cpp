#include "kb/actions.h"

#include <algorithm>
#include <cctype>

#include "kb/action_templates.h"
#include "kb/knowledge_base.h"

namespace tandem::kb {

std::string_view field_type_name(FieldType type) {
  switch (type) {
    case FieldType::kString:
      return "string";
    case FieldType::kNumber:
      return "number";
    case FieldType::kDate:
      return "date";
    case FieldType::kEnum:
      return "enum";
  }
  return "string";
}

std::vector<std::string> url_variables(const Action& action) {
  std::vector<std::string> names;
  for (auto& name : scan_template(action.url).variables)
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

std::string url_host(std::string_view url) {
  std::size_t start = 0;
  if (url.substr(0, 8) == "https://")
    start = 8;
  else if (url.substr(0, 7) == "http://")
    start = 7;
  else
    return "";
  const std::size_t end = std::min(url.find_first_of("/?#", start), url.size());
  std::string host(url.substr(start, end - start));
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

const Action* find_action(const KnowledgeBase& kb, std::string_view id) {
  for (const auto& action : kb.actions)
    if (action.id == id) return &action;
  return nullptr;
}

bool is_loopback_host(std::string_view host) {
  // Without its port: "127.0.0.1:8082" -> "127.0.0.1"; "[::1]:80" -> "[::1]".
  const std::size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(']') == std::string_view::npos)
    host = host.substr(0, colon);
  else if (colon != std::string_view::npos && colon > host.find(']'))
    host = host.substr(0, colon);
  if (host == "localhost" || host == "[::1]") return true;
  // 127.x.y.z only: "127.example.com" is a name anyone may register.
  const auto dots = std::count(host.begin(), host.end(), '.');
  return host.substr(0, 4) == "127." && dots == 3 &&
         std::all_of(host.begin(), host.end(), [](char c) {
           return c == '.' || std::isdigit(static_cast<unsigned char>(c));
         });
}

}  // namespace tandem::kb
