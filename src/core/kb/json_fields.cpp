#include "kb/json_fields.h"

#include <algorithm>

#include "kb/json_input.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

std::string kind_name(Kind kind) {
  switch (kind) {
    case Kind::kString:
      return "a string";
    case Kind::kBoolean:
      return "a boolean (true or false)";
    case Kind::kNumber:
      return "a number";
    case Kind::kInteger:
      return "an integer";
    case Kind::kArray:
      return "an array";
    case Kind::kObject:
      return "an object";
  }
  return "";
}

bool is_kind(const json& value, Kind kind) {
  switch (kind) {
    case Kind::kString:
      return value.is_string();
    case Kind::kBoolean:
      return value.is_boolean();
    case Kind::kNumber:
      return value.is_number();
    case Kind::kInteger:
      return value.is_number_integer();
    case Kind::kArray:
      return value.is_array();
    case Kind::kObject:
      return value.is_object();
  }
  return false;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

// The allowed key a typo most likely meant, or "" when none is close.
std::string_view closest(std::string_view key, const std::vector<std::string_view>& allowed) {
  constexpr std::size_t kMaxTypoDistance = 2;
  std::string_view best;
  std::size_t best_distance = kMaxTypoDistance + 1;
  for (const auto candidate : allowed) {
    const std::size_t distance = edit_distance(key, candidate);
    if (distance < best_distance && distance < candidate.size()) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string unknown_field_message(std::string_view key,
                                  const std::vector<std::string_view>& allowed) {
  std::string what = "unknown field \"" + std::string(key) + "\"";
  const std::string_view suggestion = closest(key, allowed);
  if (!suggestion.empty()) what += " (did you mean \"" + std::string(suggestion) + "\"?)";
  what += "; allowed fields here:";
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    what += (i == 0 ? " " : ", ") + std::string(allowed[i]);
  }
  return what;
}

}  // namespace

bool expect_kind(const json& value, Kind kind, const std::string& pointer,
                 std::vector<Error>& errors) {
  if (is_kind(value, kind)) return true;
  errors.push_back({pointer, "expected " + kind_name(kind) + ", got " + type_name(value)});
  return false;
}

ObjectReader::ObjectReader(const json& object, std::string pointer,
                           std::vector<std::string_view> allowed, std::vector<Error>& errors)
    : object_(object), pointer_(std::move(pointer)), errors_(errors) {
  for (const auto& item : object_.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      errors_.push_back({this->pointer(item.key()), unknown_field_message(item.key(), allowed)});
    }
  }
}

const json* ObjectReader::find(std::string_view key) const {
  const auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

const json* ObjectReader::required(std::string_view key, Kind kind) {
  if (find(key) == nullptr) {
    errors_.push_back({pointer(key), "required field \"" + std::string(key) +
                                         "\" is missing: expected " + kind_name(kind)});
    return nullptr;
  }
  return optional(key, kind);
}

const json* ObjectReader::optional(std::string_view key, Kind kind) {
  const json* value = find(key);
  if (value == nullptr || !expect_kind(*value, kind, pointer(key), errors_)) return nullptr;
  return value;
}

std::string ObjectReader::pointer(std::string_view key) const {
  return pointer_append(pointer_, key);
}

}  // namespace tandem::kb
