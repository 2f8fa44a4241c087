// A JSON Schema (draft-07) checker for the subset docs/handoff-bundle.schema.json
// uses, so every bundle the tests build is checked against the published schema.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tandem::handoff::testing {

class SchemaCheck {
 public:
  explicit SchemaCheck(nlohmann::json schema) : root_(std::move(schema)) {}

  // Every violation, each with the JSON pointer of the offending value.
  std::vector<std::string> problems(const nlohmann::json& value) const {
    std::vector<std::string> out;
    check(root_, value, "", out);
    return out;
  }

 private:
  static std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

  static bool has_type(const nlohmann::json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer")
      return v.is_number_integer() ||
             (v.is_number_float() &&
              v.get<double>() == static_cast<double>(static_cast<long long>(v.get<double>())));
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    return v.is_null();
  }

  void check(const nlohmann::json& s, const nlohmann::json& v, const std::string& at,
             std::vector<std::string>& out) const {
    auto fail = [&](const std::string& what) {
      out.push_back((at.empty() ? "/" : at) + ": " + what);
    };
    if (s.contains("$ref")) {
      const std::string ref = s["$ref"];
      return check(root_["definitions"][ref.substr(std::string("#/definitions/").size())], v, at,
                   out);
    }
    if (s.contains("type") && !has_type(v, s["type"])) return fail("not " + s["type"].dump());
    if (s.contains("const") && v != s["const"]) fail("not " + s["const"].dump());
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end())
      fail(v.dump() + " not in " + s["enum"].dump());
    if (v.is_string()) {
      const std::string text = v;
      if (s.contains("minLength") && code_points(text) < s["minLength"]) fail("too short");
      if (s.contains("maxLength") && code_points(text) > s["maxLength"]) fail("too long");
      if (s.contains("pattern") &&
          !std::regex_search(text, std::regex(s["pattern"].get<std::string>())))
        fail("does not match " + s["pattern"].dump());
    }
    if (v.is_number()) {
      if (s.contains("minimum") && v.get<double>() < s["minimum"].get<double>())
        fail("below minimum");
      if (s.contains("maximum") && v.get<double>() > s["maximum"].get<double>())
        fail("above maximum");
    }
    if (v.is_array()) {
      if (s.contains("maxItems") && v.size() > s["maxItems"]) fail("too many items");
      if (s.contains("items"))
        for (std::size_t i = 0; i < v.size(); ++i)
          check(s["items"], v[i], at + "/" + std::to_string(i), out);
    }
    if (v.is_object()) {
      if (s.contains("required"))
        for (const auto& key : s["required"])
          if (!v.contains(key.get<std::string>())) fail("missing " + key.get<std::string>());
      for (const auto& [key, item] : v.items()) {
        if (s.contains("propertyNames")) check(s["propertyNames"], key, at + "/" + key, out);
        if (s.contains("properties") && s["properties"].contains(key))
          check(s["properties"][key], item, at + "/" + key, out);
        else if (s.contains("additionalProperties") && s["additionalProperties"] == false)
          fail("unknown field " + key);
        else if (s.contains("additionalProperties") && s["additionalProperties"].is_object())
          check(s["additionalProperties"], item, at + "/" + key, out);
      }
    }
  }

  nlohmann::json root_;
};

}  // namespace tandem::handoff::testing
