#include "kb/json_input.h"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "kb/text_checks.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

// A SAX handler that accepts everything: the passes below override the events they watch.
class PassThroughSax : public nlohmann::json_sax<json> {
 public:
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 protected:
  virtual bool value() { return true; }
};

// Records where parsing failed. parse(text, nullptr, false) only says *that* it
// failed, so a second, event-only pass recovers nlohmann's byte position.
class ErrorLocator : public PassThroughSax {
 public:
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    // position counts the characters read, end of input included, so the
    // lexer stopped at byte position - 1: the end of the offending token.
    position_ = position == 0 ? 0 : position - 1;
    message_ = error.what();
    return false;
  }

  std::size_t position() const { return position_; }
  // nlohmann's text without its "[json.exception...] parse error at line..:"
  // prefix, whose column counts bytes.
  std::string reason() const {
    const auto start = message_.find("syntax error");
    return start == std::string::npos ? message_ : message_.substr(start);
  }

 private:
  std::size_t position_ = 0;
  std::string message_;
};

// Finds the first key an object repeats. nlohmann keeps the last value of a
// repeated key without a word, so an author who pasted an intent's "examples"
// twice would silently lose the first list.
class DuplicateKeyFinder : public PassThroughSax {
 public:
  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& key) override {
    Frame& frame = frames_.back();
    if (!frame.keys.insert(key).second) {
      duplicate_ = Error{pointer_append(path(), key),
                         "duplicate key \"" + key + "\": an object may name a key only once"};
      return false;
    }
    frame.key = key;
    return true;
  }

  const std::optional<Error>& duplicate() const { return duplicate_; }

 private:
  struct Frame {
    bool object = false;
    std::set<std::string> keys;
    std::string key;        // the member being read, in an object
    std::size_t index = 0;  // the next element, in an array
  };

  bool value() override {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }
  bool open(bool object) {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    frames_.push_back(Frame{object, {}, {}, 0});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return true;
  }
  // The pointer of the object whose key is being read: its parents' keys and indices.
  std::string path() const {
    std::string out;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
      const Frame& frame = frames_[i];
      out = frame.object ? pointer_append(out, frame.key) : pointer_append(out, frame.index - 1);
    }
    return out;
  }

  std::vector<Frame> frames_;
  std::optional<Error> duplicate_;
};

Error syntax_error(std::string_view text) {
  ErrorLocator locator;
  json::sax_parse(text, &locator, json::input_format_t::json, /*strict=*/true);
  const std::string_view before = text.substr(0, std::min(locator.position(), text.size()));
  const std::size_t last_newline = before.rfind('\n');
  std::size_t line = 1;
  for (const char c : before) line += c == '\n' ? 1 : 0;
  const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  const std::size_t column = utf8_length(before.substr(line_start)) + 1;
  return Error{"line " + std::to_string(line) + ", column " + std::to_string(column),
               "JSON " + locator.reason()};
}

}  // namespace

Expected<json> parse_json(std::string_view text) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return syntax_error(text);
  DuplicateKeyFinder finder;
  json::sax_parse(text, &finder, json::input_format_t::json, /*strict=*/true);
  if (finder.duplicate()) return *finder.duplicate();
  return value;
}

std::string pointer_append(std::string_view pointer, std::string_view key) {
  std::string out(pointer);
  out += '/';
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + '/' + std::to_string(index);
}

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    default:
      return "an unsupported value";
  }
}

}  // namespace tandem::kb
