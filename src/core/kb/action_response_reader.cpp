#include "kb/action_response_reader.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "kb/action_response.h"
#include "kb/action_templates.h"
#include "kb/json_fields.h"
#include "kb/json_input.h"
#include "kb/knowledge_base.h"
#include "kb/text_checks.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> kFieldTypes = {"string", "number", "date", "enum"};

class ResponseReader {
 public:
  explicit ResponseReader(std::vector<Error>& errors) : errors_(errors) {}

  std::vector<ActionField> read_fields(const json& object, const std::string& at,
                                       const std::vector<std::string>& inputs) {
    std::vector<ActionField> fields;
    if (object.empty()) error(at, "an action needs at least one field its answers use");
    if (object.size() > kMaxActionFields)
      error(at, "at most " + std::to_string(kMaxActionFields) + " fields");
    for (const auto& [name, spec] : object.items()) {
      const std::string where = pointer_append(at, name);
      if (!is_action_name(name)) {
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

 private:
  void error(std::string where, std::string what) {
    errors_.push_back({std::move(where), std::move(what)});
  }

  std::vector<Error>& errors_;
};

}  // namespace

bool is_action_name(std::string_view name) {
  if (name.empty() || name.size() > 40 || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::vector<ActionField> read_action_fields(const json& object, const std::string& at,
                                            const std::vector<std::string>& inputs,
                                            std::vector<Error>& errors) {
  return ResponseReader(errors).read_fields(object, at, inputs);
}

std::vector<ActionAnswer> read_action_answers(const json& list, const std::string& at,
                                              const Action& action,
                                              const std::vector<std::string>& variables,
                                              std::vector<Error>& errors) {
  return ResponseReader(errors).read_answers(list, at, action, variables);
}

void check_template_variables(const std::string& text, const std::string& at,
                              const std::vector<std::string>& declared,
                              std::vector<Error>& errors) {
  ResponseReader(errors).check_variables(text, at, declared);
}

}  // namespace tandem::kb
