#include "kb/action_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "kb/action_response.h"
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
constexpr std::array<std::string_view, 4> kFieldTypes = {"string", "number", "date", "enum"};
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

bool is_name(std::string_view name) {
  if (name.empty() || name.size() > 40 || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
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
      if (!is_name(action.id))
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
      action.fields = read_fields(*fields, reader.pointer("fields"), inputs);
    std::vector<std::string> variables = inputs;
    for (const auto& field : action.fields) variables.push_back(field.name);
    if (const json* answers = reader.required("answers", Kind::kArray))
      action.answers = read_answers(*answers, reader.pointer("answers"), action, variables);
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

  std::vector<ActionField> read_fields(const json& object, const std::string& at,
                                       const std::vector<std::string>& inputs) {
    std::vector<ActionField> fields;
    if (object.empty()) error(at, "an action needs at least one field its answers use");
    if (object.size() > kMaxActionFields)
      error(at, "at most " + std::to_string(kMaxActionFields) + " fields");
    for (const auto& [name, spec] : object.items()) {
      const std::string where = pointer_append(at, name);
      if (!is_name(name)) {
        error(where, "field name \"" + name +
                         "\" is not valid: a-z, 0-9 and '_', starting with "
                         "a letter");
        continue;
      }
      if (std::find(inputs.begin(), inputs.end(), name) != inputs.end()) {
        error(where, "field \"" + name + "\" has the name of a URL variable: rename one");
        continue;
      }
      if (!expect_kind(spec, Kind::kObject, where, errors_)) continue;
      ObjectReader reader(spec, where, {"pointer", "type", "values"}, errors_);
      ActionField field;
      field.name = name;
      if (const json* pointer = reader.required("pointer", Kind::kString)) {
        field.pointer = pointer->get<std::string>();
        if (field.pointer.empty() || !is_json_pointer(field.pointer))
          error(reader.pointer("pointer"), "\"" + field.pointer +
                                               "\" is not a JSON pointer into the response "
                                               "(e.g. \"/shipment/carrier\")");
      }
      if (const json* type = reader.optional("type", Kind::kString)) {
        const std::string t = type->get<std::string>();
        const auto known = std::find(kFieldTypes.begin(), kFieldTypes.end(), t);
        if (known == kFieldTypes.end())
          error(reader.pointer("type"),
                "unknown field type \"" + t + "\": expected string, number, date or enum");
        else
          field.type = static_cast<FieldType>(known - kFieldTypes.begin());
      }
      const json* values = reader.find("values");
      if (field.type == FieldType::kEnum) {
        if (!values)
          error(where, "an enum field needs \"values\": every value the API may send");
        else if (expect_kind(*values, Kind::kArray, reader.pointer("values"), errors_))
          field.values = read_enum_values(*values, reader.pointer("values"));
      } else if (values) {
        error(reader.pointer("values"), "\"values\" is only for fields of type enum");
      }
      fields.push_back(std::move(field));
    }
    return fields;
  }

  std::vector<std::string> read_enum_values(const json& list, const std::string& at) {
    std::vector<std::string> values;
    if (list.empty()) error(at, "an enum needs at least one value");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = pointer_append(at, i);
      if (!expect_kind(list[i], Kind::kString, where, errors_)) continue;
      const std::string value = list[i].get<std::string>();
      if (value.empty())
        error(where, "an enum value cannot be empty");
      else if (std::find(values.begin(), values.end(), value) != values.end())
        error(where, "enum value \"" + value + "\" is listed twice");
      else
        values.push_back(value);
    }
    return values;
  }

  // A template's variables must all be declared: a typo must not render as a blank.
  void check_variables(const std::string& text, const std::string& at,
                       const std::vector<std::string>& declared) {
    const TemplateScan scan = scan_template(text);
    if (scan.problem) error(at, *scan.problem);
    for (const auto& name : scan.variables)
      if (std::find(declared.begin(), declared.end(), name) == declared.end())
        error(at, "template variable {" + name + "} is not declared" +
                      (declared.empty() ? std::string(" (this text can use none)")
                                        : ": declare it in \"fields\" or use a URL variable"));
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
    check_variables(text, at, declared);
    return text;
  }

  std::vector<ActionAnswer> read_answers(const json& list, const std::string& at,
                                         const Action& action,
                                         const std::vector<std::string>& variables) {
    std::vector<ActionAnswer> answers;
    if (list.empty()) error(at, "an action needs at least one answer");
    if (list.size() > kMaxActionAnswers)
      error(at, "at most " + std::to_string(kMaxActionAnswers) + " answers");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = pointer_append(at, i);
      if (!expect_kind(list[i], Kind::kObject, where, errors_)) continue;
      ObjectReader reader(list[i], where, {"when", "text"}, errors_);
      ActionAnswer answer;
      if (const json* when = reader.optional("when", Kind::kObject))
        answer.when = read_when(*when, reader.pointer("when"), action);
      if (const json* text = reader.required("text", Kind::kString)) {
        answer.text = text->get<std::string>();
        const std::string text_at = reader.pointer("text");
        if (is_blank(answer.text)) error(text_at, "answer text is empty or only whitespace");
        if (utf8_length(answer.text) > kMaxAnswerChars)
          error(text_at, "at most " + std::to_string(kMaxAnswerChars) + " characters");
        check_variables(answer.text, text_at, variables);
      }
      answers.push_back(std::move(answer));
    }
    check_coverage(answers, at, action);
    return answers;
  }

  std::vector<std::pair<std::string, std::string>> read_when(const json& object,
                                                             const std::string& at,
                                                             const Action& action) {
    std::vector<std::pair<std::string, std::string>> when;
    for (const auto& item : object.items()) {
      const std::string& name = item.key();
      const json& value = item.value();
      const std::string where = pointer_append(at, name);
      const auto field = std::find_if(action.fields.begin(), action.fields.end(),
                                      [&](const ActionField& f) { return f.name == name; });
      if (field == action.fields.end()) {
        error(where, "\"" + name + "\" is not a declared field");
        continue;
      }
      if (field->type != FieldType::kEnum) {
        error(where, "answers are chosen by enum fields only; \"" + name + "\" is a " +
                         std::string(field_type_name(field->type)));
        continue;
      }
      if (!expect_kind(value, Kind::kString, where, errors_)) continue;
      const std::string v = value.get<std::string>();
      if (std::find(field->values.begin(), field->values.end(), v) == field->values.end()) {
        error(where, "\"" + v + "\" is not one of the values of \"" + name + "\"");
        continue;
      }
      when.emplace_back(name, v);
    }
    return when;
  }

  // Every response the types allow gets an answer: each value of an enum the
  // answers are chosen by has its own, and combinations need a default.
  void check_coverage(const std::vector<ActionAnswer>& answers, const std::string& at,
                      const Action& action) {
    const bool has_default = std::any_of(answers.begin(), answers.end(),
                                         [](const ActionAnswer& a) { return a.when.empty(); });
    std::set<std::string> choosing;
    for (const auto& answer : answers)
      for (const auto& entry : answer.when) choosing.insert(entry.first);
    for (const auto& field : action.fields) {
      if (!choosing.count(field.name)) continue;
      for (const auto& value : field.values) {
        const bool answered =
            std::any_of(answers.begin(), answers.end(), [&](const ActionAnswer& a) {
              return std::find(a.when.begin(), a.when.end(), std::make_pair(field.name, value)) !=
                     a.when.end();
            });
        if (!answered)
          error(at, "enum value \"" + value + "\" of field \"" + field.name +
                        "\" has no answer: add one with \"when\": {\"" + field.name + "\": \"" +
                        value + "\"}");
      }
    }
    if (!answers.empty() && !has_default && choosing.size() != 1)
      error(at, choosing.empty() ? "an answer without \"when\" is needed (the default)"
                                 : "answers chosen by several fields need a default answer "
                                   "(without \"when\") for the combinations they leave out");
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
