#include "desk/reports/events.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "desk/http/http_util.h"
#include "desk/limits.h"
#include "desk/time_zone.h"

namespace tandem::desk {
namespace {

using nlohmann::json;
using Codes = std::vector<std::string_view>;

constexpr std::string_view kSchema = "tandem.events/1";

bool is_token(const json& value, std::size_t min, std::size_t max, bool dots) {
  if (!value.is_string()) return false;
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() < min || text.size() > max) return false;
  return std::all_of(text.begin(), text.end(), [dots](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || (dots && (c == '.' || c == ':'));
  });
}

// One field rule: the name and a check of its value.
struct Rule {
  std::string_view name;
  bool required;
  std::string_view expected;  // for the error message
  bool (*valid)(const json&);
};

bool is_intent(const json& v) {
  return is_token(v, 1, kMaxEventIdChars * 2, true);
}
bool is_bool(const json& v) {
  return v.is_boolean();
}
bool is_score(const json& v) {
  return v.is_number_integer() && v.get<int>() >= 1 && v.get<int>() <= 5;
}
bool is_candidates(const json& v) {
  return v.is_array() && v.size() <= kMaxEventCandidates &&
         std::all_of(v.begin(), v.end(), is_intent);
}
bool is_question(const json& v) {
  return v.is_string() && !v.get_ref<const std::string&>().empty() &&
         v.get_ref<const std::string&>().size() <= kMaxEventQuestionBytes;
}

template <const Codes& codes>
bool one_of(const json& v) {
  return v.is_string() &&
         std::find(codes.begin(), codes.end(), v.get_ref<const std::string&>()) != codes.end();
}

const Codes kOrigins = {"organic", "notice"};
const Codes kKinds = {"intent", "faq"};
const Codes kBuckets = {"high", "medium", "low"};
const Codes kFallbacks = {"out_of_scope", "low_confidence"};
const Codes kReasons = {"asked_for_person", "sensitive",   "low_confidence",
                        "repeated_failure", "frustration", "not_helpful"};
const Codes kOutcomes = {"resolved_confirmed", "resolved_assumed", "handed_off", "abandoned"};
const Codes kBy = {"bot", "human"};

struct Type {
  std::string_view name;
  std::vector<Rule> rules;
};

const std::vector<Type>& types() {
  static const std::vector<Type> kTypes = {
      {"conversation_started", {{"origin", true, "organic or notice", one_of<kOrigins>}}},
      {"answer_shown",
       {{"intent", true, "an intent or FAQ id", is_intent},
        {"kind", true, "intent or faq", one_of<kKinds>},
        {"confidence", true, "high, medium or low", one_of<kBuckets>}}},
      {"feedback",
       {{"intent", true, "an intent or FAQ id", is_intent},
        {"helpful", true, "true or false", is_bool}}},
      {"fallback",
       {{"reason", true, "out_of_scope or low_confidence", one_of<kFallbacks>},
        {"candidates", false, "up to 3 intent or FAQ ids", is_candidates},
        {"question", false, "redacted text (analytics=\"full\" only)", is_question}}},
      {"clarification", {{"candidates", false, "up to 3 intent or FAQ ids", is_candidates}}},
      {"action_result",
       {{"action", true, "an action id", is_intent}, {"ok", true, "true or false", is_bool}}},
      {"handoff",
       {{"reason", true, "a handoff reason code", one_of<kReasons>},
        {"intent", false, "an intent or FAQ id", is_intent}}},
      {"conversation_ended",
       {{"outcome", true, "resolved_confirmed, resolved_assumed, handed_off or abandoned",
         one_of<kOutcomes>},
        {"intent", false, "an intent or FAQ id", is_intent},
        {"repeat_1d", false, "true or false", is_bool},
        {"repeat_7d", false, "true or false", is_bool}}},
      {"csat_asked", {{"by", true, "bot or human", one_of<kBy>}}},
      {"csat", {{"by", true, "bot or human", one_of<kBy>}, {"score", true, "1 to 5", is_score}}},
  };
  return kTypes;
}

std::variant<std::string, Event> parse_event(const json& value) {
  if (!value.is_object()) return std::string("is not an object");
  for (const char* key : {"id", "conversation", "type", "time"}) {
    if (!value.contains(key)) return std::string("has no ") + key;
  }
  if (!is_token(value["id"], kMinEventIdChars, kMaxEventIdChars, false)) {
    return std::string("id must be 8 to 64 letters, digits, _ or -");
  }
  if (!is_token(value["conversation"], kMinEventIdChars, kMaxEventIdChars, false)) {
    return std::string("conversation must be 8 to 64 letters, digits, _ or -");
  }
  const auto time = value["time"].is_string()
                        ? parse_instant(value["time"].get_ref<const std::string&>())
                        : std::nullopt;
  if (!time) return std::string("time must be an RFC 3339 time such as 2026-12-01T10:00:00Z");
  const json& type_name = value["type"];
  const auto& all = types();
  const auto type = std::find_if(all.begin(), all.end(), [&](const Type& t) {
    return type_name.is_string() && type_name.get_ref<const std::string&>() == t.name;
  });
  if (type == all.end()) return std::string("type is not one of docs/metrics.md's event types");

  Event event{value["id"], value["conversation"], std::string(type->name), *time, json::object()};
  for (const auto& [key, field] : value.items()) {
    if (key == "id" || key == "conversation" || key == "type" || key == "time") continue;
    const auto rule = std::find_if(type->rules.begin(), type->rules.end(),
                                   [&key = key](const Rule& r) { return r.name == key; });
    if (rule == type->rules.end()) {
      return "has a field " + key + " that " + event.type + " does not have";
    }
    if (!rule->valid(field)) return key + " must be " + std::string(rule->expected);
    event.fields[key] = field;
  }
  for (const Rule& rule : type->rules) {
    if (rule.required && !event.fields.contains(rule.name)) {
      return "has no " + std::string(rule.name);
    }
  }
  return event;
}

}  // namespace

json event_json(const Event& event) {
  json out = event.fields;
  out["id"] = event.id;
  out["conversation"] = event.conversation;
  out["type"] = event.type;
  out["time"] = rfc3339_utc(event.time_ms);
  return out;
}

std::variant<std::string, std::vector<Event>> parse_event_batch(const json& body,
                                                                std::size_t max_events) {
  if (!body.is_object() || !body.contains("schema") || body["schema"] != kSchema) {
    return "body must be {\"schema\": \"" + std::string(kSchema) + "\", \"events\": [...]}";
  }
  const auto events = body.find("events");
  if (events == body.end() || !events->is_array() || events->empty()) {
    return std::string("events must be a non-empty array");
  }
  if (events->size() > max_events) {
    return "a batch holds at most " + std::to_string(max_events) + " events";
  }
  if (body.size() != 2) return std::string("a batch has only schema and events");
  std::vector<Event> out;
  for (std::size_t i = 0; i < events->size(); ++i) {
    auto parsed = parse_event((*events)[i]);
    if (auto* problem = std::get_if<std::string>(&parsed)) {
      return "events[" + std::to_string(i) + "] " + *problem;
    }
    out.push_back(std::move(std::get<Event>(parsed)));
  }
  return out;
}

}  // namespace tandem::desk
