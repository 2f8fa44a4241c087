// The few things the Store needs from a SQL database, whichever engine: run
// one parameterised statement and get its rows back. Parameters are written
// $1, $2 ... in every dialect (SQLite takes them as named parameters), and
// no value ever becomes SQL text.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::desk {

// A statement parameter: text, a 64-bit integer, or NULL.
struct SqlArg {
  SqlArg(std::string_view value) : text(value) {}
  SqlArg(const char* value) : text(value) {}
  SqlArg(const std::string& value) : text(value) {}
  SqlArg(std::int64_t value) : number(value), is_number(true) {}
  SqlArg(int value) : number(value), is_number(true) {}
  SqlArg(const std::optional<std::string>& value)
      : text(value.value_or("")), is_null(!value.has_value()) {}
  SqlArg(std::optional<std::int64_t> value)
      : number(value.value_or(0)), is_number(value.has_value()), is_null(!value) {}

  std::string text;
  std::int64_t number = 0;
  bool is_number = false, is_null = false;
};

// Every row of a statement, read at once (the desk's results are small).
struct SqlResult {
  bool ok = false;
  std::vector<std::vector<std::optional<std::string>>> rows;
  std::int64_t changes = 0;  // rows inserted, updated or deleted

  bool empty() const { return rows.empty(); }
  std::string text(std::size_t row, int column) const { return rows[row][column].value_or(""); }
  std::int64_t integer(std::size_t row, int column) const {
    return rows[row][column] ? std::strtoll(rows[row][column]->c_str(), nullptr, 10) : 0;
  }
  bool null(std::size_t row, int column) const { return !rows[row][column]; }
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual SqlResult run(std::string_view sql, const std::vector<SqlArg>& args = {}) = 0;
  // Several statements without parameters (schemas, migrations).
  virtual bool exec_script(std::string_view sql) = 0;
  virtual std::string error() const = 0;
  // True once the server went away; reconnect() tries to come back.
  virtual bool broken() const = 0;
  virtual bool reconnect() = 0;
};

}  // namespace tandem::desk
