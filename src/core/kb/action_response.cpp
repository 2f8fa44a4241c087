#include "kb/action_response.h"

#include <array>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "kb/json_read.h"
#include "kb/json_text.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

// Walks an RFC 6901 pointer without nlohmann's throwing json_pointer.
const json* at_pointer(const json& root, std::string_view pointer) {
  const json* node = &root;
  std::size_t at = 0;
  while (at < pointer.size()) {
    const std::size_t next = std::min(pointer.find('/', at + 1), pointer.size());
    std::string token;
    for (std::size_t i = at + 1; i < next; ++i) {
      if (pointer[i] == '~' && i + 1 < next) {
        token += pointer[++i] == '1' ? '/' : '~';
      } else {
        token += pointer[i];
      }
    }
    if (node->is_object()) {
      const auto found = node->find(token);
      if (found == node->end()) return nullptr;
      node = &*found;
    } else if (node->is_array()) {
      if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0'))
        return nullptr;
      std::size_t index = 0;
      for (const char c : token) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
    at = next;
  }
  return node;
}

// "2026-12-14" -> "14 December 2026"; empty when not a real calendar date.
std::string date_text(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return "";
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t k = starts[p]; k < starts[p] + lengths[p]; ++k) {
      if (iso[k] < '0' || iso[k] > '9') return "";
      parts[p] = parts[p] * 10 + (iso[k] - '0');
    }
  }
  const int year = parts[0], month = parts[1], day = parts[2];
  if (month < 1 || month > 12 || day < 1) return "";
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int month_days[12] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > month_days[month - 1]) return "";
  return std::to_string(day) + " " + kMonths[static_cast<std::size_t>(month - 1)] + " " +
         std::to_string(year);
}

// kb::append_json, not nlohmann's dump(): the serializer would cost the widget's download.
std::string number_text(const json& value) {
  std::string out;
  append_json(value, out);
  return out;
}

}  // namespace

bool is_json_pointer(std::string_view pointer) {
  if (!pointer.empty() && pointer[0] != '/') return false;
  for (std::size_t i = 0; i < pointer.size(); ++i)
    if (pointer[i] == '~' &&
        (i + 1 == pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')))
      return false;
  return true;
}

Expected<TemplateValues> extract_fields(const Action& action, std::string_view body) {
  const json root = read_json(body);
  if (root.is_discarded()) return Error{"response", "the body is not JSON"};
  TemplateValues values;
  std::vector<Error> errors;
  for (const auto& field : action.fields) {
    const json* value = at_pointer(root, field.pointer);
    const std::string where = "response" + field.pointer;
    if (!value) {
      errors.push_back({where, "field \"" + field.name + "\" is missing"});
      continue;
    }
    std::string text;
    switch (field.type) {
      case FieldType::kString:
        if (value->is_string()) text = value->get<std::string>();
        break;
      case FieldType::kNumber:
        if (value->is_number()) text = number_text(*value);
        break;
      case FieldType::kDate:
        if (value->is_string()) text = date_text(value->get<std::string>());
        break;
      case FieldType::kEnum:
        if (value->is_string())
          for (const auto& allowed : field.values)
            if (*value == allowed) text = allowed;
        break;
    }
    if (text.empty() && !(field.type == FieldType::kString && value->is_string())) {
      errors.push_back({where, "field \"" + field.name + "\" is not a " +
                                   std::string(field_type_name(field.type)) +
                                   (field.type == FieldType::kEnum ? " value it declares" : "")});
      continue;
    }
    values.emplace_back(field.name, std::move(text));
  }
  if (!errors.empty()) return errors;
  return values;
}

const ActionAnswer* choose_answer(const Action& action, const TemplateValues& values) {
  for (const auto& answer : action.answers) {
    bool matches = true;
    for (const auto& [field, expected] : answer.when) {
      bool found = false;
      for (const auto& [name, value] : values)
        found = found || (name == field && value == expected);
      matches = matches && found;
    }
    if (matches) return &answer;
  }
  return nullptr;
}

}  // namespace tandem::kb
