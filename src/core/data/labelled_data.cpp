#include "data/labelled_data.h"

#include <array>
#include <unordered_set>

#include "kb/json_fields.h"
#include "kb/json_input.h"
#include "kb/text_checks.h"

namespace tandem::data {
namespace {

using nlohmann::json;

// A broken 64 MiB file could yield millions of errors; the first ones suffice.
constexpr std::size_t kMaxReportedErrors = 100;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string line_name(std::size_t line) {
  return "line " + std::to_string(line);
}

bool add_error(std::vector<Error>& errors, std::string where, std::string what) {
  if (errors.size() == kMaxReportedErrors) {
    errors.push_back(
        {"", "too many problems; stopped reporting after " + std::to_string(kMaxReportedErrors)});
  }
  if (errors.size() <= kMaxReportedErrors) errors.push_back({std::move(where), std::move(what)});
  return errors.size() <= kMaxReportedErrors;
}

struct CsvRecord {
  std::size_t line = 0;  // where the record starts; quoted line breaks make it span more
  std::vector<std::string> fields;
};

// RFC 4180 records, one at a time. Accepts \n as well as \r\n line ends.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // Reads the next non-blank record; false at the end or after a fatal problem
  // (an unterminated quote leaves nothing trustworthy after it).
  bool next(CsvRecord& record, std::vector<Error>& errors) {
    while (at_line_end()) {
      if (pos_ == text_.size()) return false;
      skip_line_end();
    }
    record.line = line_;
    record.fields.clear();
    for (;;) {
      std::string field;
      if (!read_field(field, errors)) return false;
      record.fields.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      skip_line_end();
      return true;
    }
  }

 private:
  bool at_line_end() const {
    return pos_ == text_.size() || text_[pos_] == '\n' || text_.substr(pos_, 2) == "\r\n";
  }

  void skip_line_end() {
    if (pos_ == text_.size()) return;
    pos_ += text_[pos_] == '\r' ? 2 : 1;
    ++line_;
  }

  bool read_field(std::string& field, std::vector<Error>& errors) {
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(field, errors);
    while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) field += text_[pos_++];
    return true;
  }

  bool read_quoted(std::string& field, std::vector<Error>& errors) {
    const std::size_t start_line = line_;
    ++pos_;
    for (;;) {
      const std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        add_error(errors, line_name(start_line),
                  "a quoted field starts here but its closing quote is missing");
        return false;
      }
      const std::string_view chunk = text_.substr(pos_, quote - pos_);
      for (const char c : chunk) line_ += c == '\n' ? 1 : 0;
      field += chunk;
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {  // "" is one literal quote
        field += '"';
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
        add_error(errors, line_name(line_),
                  "unexpected text after a closing quote; inside a quoted field write a "
                  "quote as two quotes (\"\")");
        while (!at_line_end()) ++pos_;
      }
      return true;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

std::string_view without_bom(std::string_view text) {
  return text.substr(0, kUtf8Bom.size()) == kUtf8Bom ? text.substr(kUtf8Bom.size()) : text;
}

Expected<LabelledData> read_csv(std::string_view text) {
  CsvReader reader(without_bom(text));
  std::vector<Error> errors;
  CsvRecord record;
  if (!reader.next(record, errors)) {
    if (errors.empty())
      errors.push_back({line_name(1),
                        "the file is empty: expected the header "
                        "\"text,category\" and rows below it"});
    return errors;
  }
  if (record.fields != std::vector<std::string>{"text", "category"}) {
    return Error{line_name(record.line),
                 "expected the header \"text,category\" on the first line, found a row with " +
                     std::to_string(record.fields.size()) + " field(s) starting \"" +
                     std::string(kb::utf8_prefix(record.fields[0], 40)) + "\""};
  }
  LabelledData data;
  while (reader.next(record, errors)) {
    bool ok = true;
    if (record.fields.size() != 2) {
      ok = add_error(errors, line_name(record.line),
                     "expected 2 fields (text,category), got " +
                         std::to_string(record.fields.size()) +
                         "; put a text that contains commas in double quotes");
    } else if (kb::is_blank(record.fields[0])) {
      ok = add_error(errors, line_name(record.line), "the text is empty");
    } else if (kb::is_blank(record.fields[1])) {
      ok = add_error(errors, line_name(record.line), "the category is empty");
    } else {
      data.train.push_back({std::move(record.fields[0]), std::move(record.fields[1])});
    }
    if (!ok) break;
  }
  if (!errors.empty()) return errors;
  if (data.train.empty()) return Error{"", "the file has a header but no rows"};
  return data;
}

// Appends the [text, intent] items of root[key] to out. Items of oos_* lists
// must be labelled out of scope: anything else means the splits are mixed up.
void read_clinc_list(kb::ObjectReader& reader, std::string_view key, std::vector<Example>& out,
                     std::vector<Error>& errors) {
  const json* list = reader.optional(key, kb::Kind::kArray);
  if (list == nullptr) return;
  const bool out_of_scope = key.substr(0, 4) == "oos_";
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const std::string pointer = kb::pointer_append(reader.pointer(key), i);
    bool ok = true;
    if (!item.is_array() || item.size() != 2 || !item[0].is_string() || !item[1].is_string()) {
      ok =
          add_error(errors, pointer,
                    "expected a [text, intent] pair of two strings, got " +
                        (item.is_array() ? "an array of " + std::to_string(item.size()) + " item(s)"
                                         : kb::type_name(item)));
    } else if (kb::is_blank(item[0].get_ref<const std::string&>())) {
      ok = add_error(errors, pointer + "/0", "the text is empty");
    } else if (kb::is_blank(item[1].get_ref<const std::string&>())) {
      ok = add_error(errors, pointer + "/1", "the intent is empty");
    } else if (out_of_scope && item[1] != kOutOfScope) {
      ok = add_error(errors, pointer + "/1",
                     "items of \"" + std::string(key) + "\" must have the intent \"" +
                         std::string(kOutOfScope) + "\", got \"" + item[1].get<std::string>() +
                         "\"");
    } else {
      out.push_back({item[0].get<std::string>(), item[1].get<std::string>()});
    }
    if (!ok) return;
  }
}

Expected<LabelledData> read_clinc(const json& root) {
  if (!root.is_object()) {
    return Error{"",
                 "CLINC-style data must be a JSON object of [text, intent] lists "
                 "({\"train\": [...], ...}), got " +
                     kb::type_name(root)};
  }
  std::vector<Error> errors;
  kb::ObjectReader reader(root, "", {"train", "val", "test", "oos_train", "oos_val", "oos_test"},
                          errors);
  if (!root.contains("train") && !root.contains("val") && !root.contains("test")) {
    errors.push_back({"", "none of the lists \"train\", \"val\" or \"test\" is present"});
  }
  const bool has_test = root.contains("test") || root.contains("oos_test");
  const std::array<std::string_view, 2> eval_keys = {has_test ? "test" : "val",
                                                     has_test ? "oos_test" : "oos_val"};
  LabelledData data;
  read_clinc_list(reader, "train", data.train, errors);
  read_clinc_list(reader, "oos_train", data.train, errors);
  for (const auto key : eval_keys) read_clinc_list(reader, key, data.eval, errors);
  if (!errors.empty()) return errors;
  return data;
}

}  // namespace

std::optional<Error> check_trainable(const std::vector<Example>& train) {
  std::unordered_set<std::string_view> labels;
  bool in_scope = false;
  for (const auto& example : train) {
    in_scope = in_scope || example.label != kOutOfScope;
    if (labels.insert(example.label).second && labels.size() > kMaxLabels) {
      return Error{"", "more than " + std::to_string(kMaxLabels) +
                           " distinct labels: a model holds at most that many classes; is the "
                           "label column the right one?"};
    }
  }
  if (!train.empty() && !in_scope) {
    return Error{"", "every training example is out of scope (\"" + std::string(kOutOfScope) +
                         "\"): there is nothing to answer; add examples of at least one intent"};
  }
  return std::nullopt;
}

Expected<LabelledData> parse_csv(std::string_view csv_text) {
  if (auto problem = kb::check_text(csv_text, kMaxDataBytes, "CSV file")) return *problem;
  return read_csv(csv_text);
}

Expected<LabelledData> parse_clinc_json(std::string_view json_text) {
  if (auto problem = kb::check_text(json_text, kMaxDataBytes, "JSON file")) return *problem;
  auto root = kb::parse_json(json_text);
  if (!root) return root.errors();
  return read_clinc(*root);
}

Expected<LabelledData> parse_labelled_data(std::string_view text) {
  if (auto problem = kb::check_text(text, kMaxDataBytes, "data file")) return *problem;
  const std::string_view body = without_bom(text);
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (body[first] != '{' && body[first] != '[')) {
    return read_csv(text);
  }
  auto root = kb::parse_json(body);
  if (!root) return root.errors();
  if (root->is_object() && root->contains("tandem_kb")) {
    return Error{"",
                 "this is a Tandem knowledge base (it has \"tandem_kb\"), not labelled data: "
                 "load it with the knowledge-base reader (kb::parse_knowledge_base)"};
  }
  return read_clinc(*root);
}

}  // namespace tandem::data
