#include "kb/action_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "kb/action_response_reader.h"
#include "kb/action_templates.h"
#include "kb/json_fields.h"
#include "kb/json_input.h"
#include "kb/knowledge_base.h"
#include "kb/text_checks.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 6> kDetailNames = {"order_id", "email", "phone",
                                                          "amount",   "date",  "card_last4"};
// Header names and URL query keys that carry credentials: a knowledge base
// is public (every visitor downloads it), so it must hold none.
constexpr std::array<std::string_view, 12> kSecretWords = {
    "auth",   "token",     "secret",  "password",   "passwd", "key",
    "cookie", "signature", "session", "credential", "bearer", "sig"};

bool one_of(std::string_view word, const std::array<std::string_view, 6>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool looks_secret(std::string_view name) {
  const std::string l = lower(name);
  for (const auto word : kSecretWords)
    if (l.find(word) != std::string::npos) return true;
  return false;
}

// "api.example.com" or "api.example.com:8443": a lower-case host name or
// IPv4 address with an optional port, nothing else.
bool is_host(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
  });
}

class ActionReader {
 public:
  ActionReader(const std::vector<std::string>& hosts, std::vector<Error>& errors)
      : hosts_(hosts), errors_(errors) {}

  std::vector<Action> read(const json& list, const std::string& pointer) {
    std::vector<Action> actions;
    if (list.size() > kMaxActions)
      error(pointer, "at most " + std::to_string(kMaxActions) + " actions are allowed");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size() && i < kMaxActions; ++i) {
      const std::string at = pointer_append(pointer, i);
      if (!expect_kind(list[i], Kind::kObject, at, errors_)) continue;
      Action action = read_action(list[i], at);
      if (!action.id.empty() && !ids.insert(action.id).second)
        error(at + "/id", "duplicate action id \"" + action.id + "\"");
      actions.push_back(std::move(action));
    }
    return actions;
  }

 private:
  void error(std::string where, std::string what) {
    errors_.push_back({std::move(where), std::move(what)});
  }

  Action read_action(const json& object, const std::string& at) {
    ObjectReader reader(object, at,
                        {"id", "method", "url", "headers", "needs_customer", "timeout_ms", "fields",
                         "answers", "sign_in", "not_found"},
                        errors_);
    Action action;
    if (const json* id = reader.required("id", Kind::kString)) {
      action.id = id->get<std::string>();
      if (!is_action_name(action.id))
        error(reader.pointer("id"), "action id \"" + action.id +
                                        "\" is not valid: expected 1 to 40 characters of a-z, "
                                        "0-9 and '_', starting with a letter");
    }
    if (const json* method = reader.optional("method", Kind::kString)) {
      action.method = method->get<std::string>();
      if (action.method != "GET" && action.method != "POST")
        error(reader.pointer("method"),
              "method \"" + action.method + "\" is not supported: expected \"GET\" or \"POST\"");
    }
    if (const json* url = reader.required("url", Kind::kString)) {
      action.url = url->get<std::string>();
      check_url(action.url, reader.pointer("url"));
    }
    if (const json* headers = reader.optional("headers", Kind::kObject))
      action.headers = read_headers(*headers, reader.pointer("headers"));
    if (const json* needs = reader.optional("needs_customer", Kind::kBoolean))
      action.needs_customer = needs->get<bool>();
    if (const json* timeout = reader.optional("timeout_ms", Kind::kInteger)) {
      if (*timeout >= 100 && *timeout <= kMaxActionTimeoutMs)
        action.timeout_ms = timeout->get<int>();
      else
        error(reader.pointer("timeout_ms"), "expected an integer from 100 to " +
                                                std::to_string(kMaxActionTimeoutMs) +
                                                " (ms), got " + timeout->dump());
    }
    const std::vector<std::string> inputs = url_variables(action);
    if (const json* fields = reader.required("fields", Kind::kObject))
      action.fields = read_action_fields(*fields, reader.pointer("fields"), inputs, errors_);
    std::vector<std::string> variables = inputs;
    for (const auto& field : action.fields) variables.push_back(field.name);
    if (const json* answers = reader.required("answers", Kind::kArray))
      action.answers =
          read_action_answers(*answers, reader.pointer("answers"), action, variables, errors_);
    action.sign_in = read_text(reader, "sign_in", {});
    action.not_found = read_text(reader, "not_found", inputs);
    return action;
  }

  void check_url(const std::string& url, const std::string& at) {
    if (url.size() > kMaxActionUrlChars) {
      error(at, "the URL is longer than " + std::to_string(kMaxActionUrlChars) + " characters");
      return;
    }
    const std::string host = url_host(url);
    if (host.empty()) {
      error(at,
            "the URL must start with https:// (got \"" + std::string(utf8_prefix(url, 60)) + "\")");
      return;
    }
    const bool https = url.compare(0, 8, "https://") == 0;
    if (host.find('@') != std::string::npos) {
      error(at,
            "the URL holds credentials (user:password@): a knowledge base is public; the "
            "customer's token is sent by the widget instead");
      return;
    }
    if (host.find_first_of("{}") != std::string::npos) {
      error(at, "the URL's host cannot be a template variable: only the path and query are filled");
      return;
    }
    if (!https && !is_loopback_host(host))
      error(at,
            "plain http is allowed only for loopback hosts (127.0.0.1, localhost); use "
            "https://" +
                host);
    if (std::find(hosts_.begin(), hosts_.end(), host) == hosts_.end())
      error(at,
            "host \"" + host + "\" is not in \"action_hosts\": list every host actions may call");
    if (url.find('#') != std::string::npos) error(at, "the URL must not have a fragment (#...)");
    check_query(url, at);
    const TemplateScan scan = scan_template(url);
    if (scan.problem) error(at, *scan.problem);
    for (const auto& name : scan.variables)
      if (!one_of(name, kDetailNames))
        error(at, "URL variable {" + name +
                      "} is not a detail the bot can collect: expected one of order_id, email, "
                      "phone, amount, date, card_last4");
  }

  // "?api_key=..." in a public file is a leaked secret.
  void check_query(const std::string& url, const std::string& at) {
    const std::size_t query = url.find('?');
    if (query == std::string::npos) return;
    std::size_t start = query + 1;
    while (start <= url.size()) {
      const std::size_t end = std::min(url.find('&', start), url.size());
      const std::string pair = url.substr(start, end - start);
      const std::string key = pair.substr(0, pair.find('='));
      if (looks_secret(key))
        error(at, "query parameter \"" + key +
                      "\" looks like a credential: a knowledge base is public and holds no "
                      "secrets (the customer's token goes in the Authorization header)");
      start = end + 1;
    }
  }

  std::vector<std::pair<std::string, std::string>> read_headers(const json& object,
                                                                const std::string& at) {
    std::vector<std::pair<std::string, std::string>> headers;
    for (const auto& [name, value] : object.items()) {
      const std::string where = pointer_append(at, name);
      if (!expect_kind(value, Kind::kString, where, errors_)) continue;
      const bool token_chars = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
      });
      if (!token_chars) {
        error(where, "header name \"" + name + "\" is not valid: letters, digits and '-' only");
      } else if (looks_secret(name) || lower(value.get<std::string>()).rfind("bearer ", 0) == 0 ||
                 lower(value.get<std::string>()).rfind("basic ", 0) == 0) {
        error(where, "header \"" + name +
                         "\" looks like a secret: a knowledge base is public; the customer's "
                         "token is sent as Authorization by the widget (identify())");
      } else {
        headers.emplace_back(name, value.get<std::string>());
      }
    }
    return headers;
  }

  std::string read_text(ObjectReader& reader, std::string_view key,
                        const std::vector<std::string>& declared) {
    const json* value = reader.optional(key, Kind::kString);
    if (!value) return "";
    const std::string text = value->get<std::string>();
    const std::string at = reader.pointer(key);
    if (is_blank(text)) error(at, std::string(key) + " is empty or only whitespace");
    if (utf8_length(text) > kMaxAnswerChars)
      error(at, "at most " + std::to_string(kMaxAnswerChars) + " characters");
    check_template_variables(text, at, declared, errors_);
    return text;
  }

  const std::vector<std::string>& hosts_;
  std::vector<Error>& errors_;
};

}  // namespace

std::vector<std::string> read_action_hosts(const json& list, const std::string& pointer,
                                           std::vector<Error>& errors) {
  std::vector<std::string> hosts;
  if (list.size() > kMaxActionHosts)
    errors.push_back({pointer, "at most " + std::to_string(kMaxActionHosts) + " hosts"});
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = pointer_append(pointer, i);
    if (!expect_kind(list[i], Kind::kString, at, errors)) continue;
    const std::string host = list[i].get<std::string>();
    if (!is_host(host))
      errors.push_back({at, "\"" + host +
                                "\" is not a host: expected a lower-case name or address with "
                                "an optional port, e.g. \"api.example.com\" or \"127.0.0.1:8082\" "
                                "(no scheme, path or credentials)"});
    else
      hosts.push_back(host);
  }
  return hosts;
}

std::vector<Action> read_actions(const json& list, const std::string& pointer,
                                 const std::vector<std::string>& hosts,
                                 std::vector<Error>& errors) {
  return ActionReader(hosts, errors).read(list, pointer);
}

}  // namespace tandem::kb
