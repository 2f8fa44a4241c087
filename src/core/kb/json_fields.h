// Reads JSON objects of a known shape. Fields the schema does not know are
// reported (typos like "exmaples" must not vanish silently), and so are fields
// of the wrong type, so schema code only states what it expects.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace tandem::kb {

enum class Kind { kString, kBoolean, kNumber, kInteger, kArray, kObject };

// True when value is of kind; otherwise records "expected ..., got ..." at pointer.
bool expect_kind(const nlohmann::json& value, Kind kind, const std::string& pointer,
                 std::vector<Error>& errors);

class ObjectReader {
 public:
  // Reports every key of object (which must be a JSON object) not in allowed.
  ObjectReader(const nlohmann::json& object, std::string pointer,
               std::vector<std::string_view> allowed, std::vector<Error>& errors);

  // The field, or nullptr when it is absent (reported if required) or not of kind.
  const nlohmann::json* required(std::string_view key, Kind kind);
  const nlohmann::json* optional(std::string_view key, Kind kind);
  // The field of any type, or nullptr when absent: for fields of several shapes.
  const nlohmann::json* find(std::string_view key) const;

  std::string pointer(std::string_view key) const;

 private:
  const nlohmann::json& object_;
  std::string pointer_;
  std::vector<Error>& errors_;
};

}  // namespace tandem::kb
