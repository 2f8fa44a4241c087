#include "desk/routes/bundle_check.h"

#include <cmath>
#include <functional>
#include <limits>
#include <string_view>
#include <vector>

#include "desk/limits.h"
#include "desk/text_length.h"
#include "desk/time_zone.h"

namespace tandem::desk {
namespace {

using nlohmann::json;
using Problem = std::optional<std::string>;
using Check = std::function<Problem(const json&, const std::string&)>;
using Names = std::vector<std::string_view>;

const Names kDetailNames = {"order_id", "email", "phone", "amount", "date", "card_last4"};

Problem fail(const std::string& path, const std::string& what) {
  return path + ": " + what;
}

Check string(std::size_t min, std::size_t max) {
  return [=](const json& value, const std::string& path) -> Problem {
    if (!value.is_string()) return fail(path, "must be a string");
    const std::size_t length = code_points(value.get_ref<const std::string&>());
    if (length < min)
      return fail(path, "must have at least " + std::to_string(min) + " characters");
    if (length > max) return fail(path, "must have at most " + std::to_string(max) + " characters");
    return std::nullopt;
  };
}

std::string joined(const Names& names) {
  std::string out;
  for (std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

bool is_one_of(std::string_view text, const Names& names) {
  for (std::string_view name : names) {
    if (text == name) return true;
  }
  return false;
}

Check one_of(Names names) {
  return [names = std::move(names)](const json& value, const std::string& path) -> Problem {
    if (value.is_string() && is_one_of(value.get_ref<const std::string&>(), names)) {
      return std::nullopt;
    }
    return fail(path, "must be one of " + joined(names));
  };
}

Check number(double min, double max) {
  return [=](const json& value, const std::string& path) -> Problem {
    if (!value.is_number()) return fail(path, "must be a number");
    const double x = value.get<double>();
    if (!(x >= min && x <= max)) {
      return fail(path, "must be between " + json(min).dump() + " and " + json(max).dump());
    }
    return std::nullopt;
  };
}

// Draft-07: an integer is any number without a fractional part (2.0 included).
Check integer(double min, double max) {
  return [=](const json& value, const std::string& path) -> Problem {
    const bool whole =
        value.is_number_integer() ||
        (value.is_number_float() && std::trunc(value.get<double>()) == value.get<double>());
    if (!whole) return fail(path, "must be an integer");
    const double x = value.get<double>();
    if (x < min)
      return fail(path, "must be at least " + std::to_string(static_cast<long long>(min)));
    if (x > max)
      return fail(path, "must be at most " + std::to_string(static_cast<long long>(max)));
    return std::nullopt;
  };
}

// count decimal digits at text[at] whose value lies in [min, max].
bool digits(std::string_view text, std::size_t at, std::size_t count, int min, int max) {
  if (at + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return value >= min && value <= max;
}

// The schema's date_time pattern: YYYY-MM-DD[Tt]hh:mm:ss[.fraction](Z|z|+hh:mm|-hh:mm),
// naming a real day (no 2025-02-31: parse_instant knows each month's length).
bool is_date_time(std::string_view t) {
  if (t.size() < 20 || !digits(t, 0, 4, 0, 9999) || t[4] != '-' || !digits(t, 5, 2, 1, 12) ||
      t[7] != '-' || !digits(t, 8, 2, 1, 31) || (t[10] != 'T' && t[10] != 't') ||
      !digits(t, 11, 2, 0, 23) || t[13] != ':' || !digits(t, 14, 2, 0, 59) || t[16] != ':' ||
      !digits(t, 17, 2, 0, 60)) {
    return false;
  }
  std::size_t at = 19;
  if (t[at] == '.') {
    std::size_t end = at + 1;
    while (end < t.size() && t[end] >= '0' && t[end] <= '9') ++end;
    if (end == at + 1 || end - at - 1 > 9) return false;
    at = end;
  }
  const std::string_view zone = t.substr(at);
  const bool zone_ok = zone == "Z" || zone == "z" ||
                       (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') &&
                        digits(zone, 1, 2, 0, 23) && zone[3] == ':' && digits(zone, 4, 2, 0, 59));
  return zone_ok && parse_instant(t).has_value();
}

Problem date_time(const json& value, const std::string& path) {
  if (auto problem = string(0, 40)(value, path)) return problem;
  if (!is_date_time(value.get_ref<const std::string&>())) {
    return fail(path, "must be an RFC 3339 date-time such as 2025-11-25T14:03:41.512Z");
  }
  return std::nullopt;
}

Problem bundle_id(const json& value, const std::string& path) {
  if (auto problem = string(8, 64)(value, path)) return problem;
  for (char c : value.get_ref<const std::string&>()) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return fail(path, "may only contain A-Z, a-z, 0-9, _ and -");
  }
  return std::nullopt;
}

struct Field {
  std::string_view name;
  bool required;
  Check check;
};

// A closed object: every field known, required ones present.
Check object(std::vector<Field> fields) {
  return [fields = std::move(fields)](const json& value, const std::string& path) -> Problem {
    if (!value.is_object()) return fail(path, "must be an object");
    for (const auto& field : fields) {
      const std::string at = path + "." + std::string(field.name);
      const auto found = value.find(field.name);
      if (found == value.end()) {
        if (field.required) return fail(at, "is required");
      } else if (auto problem = field.check(*found, at)) {
        return problem;
      }
    }
    for (const auto& item : value.items()) {
      bool known = false;
      for (const auto& field : fields) known = known || field.name == item.key();
      if (!known) return fail(path + "." + item.key(), "is not a field of this object");
    }
    return std::nullopt;
  };
}

Check array(std::size_t max_items, Check item) {
  return [=](const json& value, const std::string& path) -> Problem {
    if (!value.is_array()) return fail(path, "must be an array");
    if (value.size() > max_items) {
      return fail(path, "must have at most " + std::to_string(max_items) + " items");
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto problem = item(value[i], path + "[" + std::to_string(i) + "]")) return problem;
    }
    return std::nullopt;
  };
}

Check constant(std::string_view expected) {
  return [=](const json& value, const std::string& path) -> Problem {
    if (value.is_string() && value.get_ref<const std::string&>() == expected) return std::nullopt;
    return fail(path, "must be \"" + std::string(expected) + "\"");
  };
}

// An object keyed by detail names, each value passing `each`.
Check by_detail(Check each) {
  return [each](const json& value, const std::string& path) -> Problem {
    if (!value.is_object()) return fail(path, "must be an object");
    for (const auto& item : value.items()) {
      const std::string at = path + "." + item.key();
      if (!is_one_of(item.key(), kDetailNames)) {
        return fail(at, "is not a detail name (" + joined(kDetailNames) + ")");
      }
      if (auto problem = each(item.value(), at)) return problem;
    }
    return std::nullopt;
  };
}

Check details() {
  return by_detail(object({{"value", true, string(1, 512)},
                           {"text", false, string(0, 512)},
                           {"turn", false, integer(0, kMaxTranscriptTurns - 1)}}));
}

// Required details the handoff lacks, and why (additive to tandem.handoff/1).
Check missing() {
  return array(kDetailNames.size(),
               object({{"detail", true, one_of(kDetailNames)},
                       {"why", true, one_of({"refused", "not_given", "not_asked"})}}));
}

// An action call's inputs on a bot turn (docs/actions.md): detail name -> masked value.
Check call_inputs() {
  return by_detail(string(0, 512));
}

Check bundle_rules() {
  const Check name = string(1, 128);
  const Check turn = integer(0, kMaxTranscriptTurns - 1);
  const Check confidence = number(0, 1);
  return object({
      {"schema", true, constant("tandem.handoff/1")},
      {"id", true, bundle_id},
      {"created_at", true, date_time},
      {"reason", true,
       object({{"code", true,
                one_of({"asked_for_person", "sensitive", "low_confidence", "repeated_failure",
                        "frustration", "not_helpful"})},
               {"detail", true, string(0, 500)}})},
      {"intent", true,
       object({{"candidates", true,
                array(10, object({{"id", true, name},
                                  {"kind", true, one_of({"intent", "faq"})},
                                  {"confidence", true, confidence}}))},
               {"category", true, string(0, 128)},
               {"queue", true, string(0, 128)},
               {"priority", true, one_of({"low", "normal", "high", "urgent"})}})},
      {"details", true, details()},
      {"missing", false, missing()},
      {"transcript", true,
       array(kMaxTranscriptTurns,
             object({{"role", true, one_of({"customer", "bot", "agent"})},
                     {"text", true, string(0, kMaxMessageChars)},
                     {"time", true, date_time},
                     {"intent", false, name},
                     {"confidence", false, confidence},
                     {"action", false,
                      one_of({"answer", "clarify", "collect", "handoff", "fallback"})},
                     {"call", false,
                      object({{"action", true, name},
                              {"inputs", true, call_inputs()},
                              {"outcome", true,
                               one_of({"answered", "not_found", "needs_sign_in", "timeout",
                                       "network", "server_error", "bad_response"})},
                              {"latency_ms", true, integer(0, 3600000)}})}}))},
      {"answers_tried", true,
       array(50, object({{"intent", true, name},
                         {"turn", true, turn},
                         {"feedback", true, one_of({"helpful", "not_helpful", "none"})}}))},
      {"summary", true, string(1, 200)},
      {"page", true,
       object({{"url", false, string(0, 2048)},
               {"title", false, string(0, 512)},
               {"locale", false, string(0, 35)},
               {"user_agent", false, string(0, 512)}})},
      {"customer", true,
       object({{"name", false, string(0, 256)},
               {"email", false, string(0, 254)},
               {"id", false, string(0, 128)}})},
      {"redactions", true,
       array(32, object({{"kind", true, string(1, 64)},
                         {"count", true, integer(1, std::numeric_limits<double>::max())}}))},
  });
}

}  // namespace

std::optional<std::string> bundle_problem(const json& bundle) {
  static const Check kRules = bundle_rules();
  return kRules(bundle, "bundle");
}

}  // namespace tandem::desk
