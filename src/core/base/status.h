// Errors are values, not exceptions: the same core runs as WASM, where exceptions
// cost size and speed, and every caller must decide what a failure means.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tandem {

// One problem with its location: a JSON pointer ("/intents/3/examples"), a
// "line N" for CSV, or a byte offset for binary files.
struct Error {
  std::string where;
  std::string what;

  std::string to_string() const { return where.empty() ? what : where + ": " + what; }
};

// Holds either a value or every problem found while producing it.
template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}
  Expected(Error error) : state_(std::vector<Error>{std::move(error)}) {}
  Expected(std::vector<Error> errors) : state_(std::move(errors)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const std::vector<Error>& errors() const { return std::get<std::vector<Error>>(state_); }

  // All problems on one line each, for CLI output and test messages.
  std::string error_text() const {
    std::string out;
    for (const auto& e : errors()) {
      if (!out.empty()) out += '\n';
      out += e.to_string();
    }
    return out;
  }

 private:
  std::variant<T, std::vector<Error>> state_;
};

}  // namespace tandem
