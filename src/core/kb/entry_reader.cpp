#include "kb/entry_reader.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "kb/field_checks.h"
#include "kb/json_input.h"
#include "kb/text_checks.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> kPriorityNames = {"low", "normal", "high", "urgent"};
constexpr std::array<std::string_view, 6> kDetailTypes = {"order_id", "email", "phone",
                                                          "amount",   "date",  "card_last4"};

template <std::size_t N>
std::string join(const std::array<std::string_view, N>& words) {
  std::string out;
  for (const auto word : words) out += (out.empty() ? "" : ", ") + std::string(word);
  return out;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  for (const auto candidate : words) {
    if (candidate == word) return true;
  }
  return false;
}

// Phrasings differing only in case or spacing teach the classifier the same thing.
std::string phrasing_key(std::string_view text) {
  std::string key;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

std::string id_of(const json& object) {
  const auto it = object.find("id");
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string read_optional_string(ObjectReader& reader, std::string_view key) {
  const json* value = reader.optional(key, Kind::kString);
  return value == nullptr ? "" : value->get<std::string>();
}

}  // namespace

std::string_view priority_name(Priority priority) {
  return kPriorityNames[static_cast<std::size_t>(priority)];
}

Intent EntryReader::read_intent(const json& object, const std::string& pointer) {
  ObjectReader reader(object, pointer,
                      {"id", "label", "category", "examples", "answer", "sensitive", "queue",
                       "priority", "details", "action"},
                      errors_);
  Intent intent;
  const EntryRef ref = read_id(reader, pointer, "intent");
  intent.id = id_of(object);
  intent.label = read_label(reader);
  intent.category = read_optional_string(reader, "category");
  intent.examples = read_phrasings(reader, "examples", ref, "example", kMinIntentExamples);
  intent.answer = read_answer(reader);
  if (const json* sensitive = reader.optional("sensitive", Kind::kBoolean)) {
    intent.sensitive = sensitive->get<bool>();
  }
  intent.queue = read_optional_string(reader, "queue");
  if (const json* priority = reader.optional("priority", Kind::kString)) {
    read_priority(*priority, reader.pointer("priority"), intent.priority);
  }
  if (const json* details = reader.optional("details", Kind::kArray)) {
    intent.details = read_details(*details, reader.pointer("details"));
  }
  intent.action = read_action_name(reader, intent.sensitive, true);
  return intent;
}

Faq EntryReader::read_faq(const json& object, const std::string& pointer) {
  ObjectReader reader(object, pointer, {"id", "label", "category", "questions", "answer", "action"},
                      errors_);
  Faq faq;
  const EntryRef ref = read_id(reader, pointer, "faq");
  faq.id = id_of(object);
  faq.label = read_label(reader);
  faq.category = read_optional_string(reader, "category");
  faq.questions = read_phrasings(reader, "questions", ref, "question", 1);
  faq.answer = read_answer(reader);
  faq.action = read_action_name(reader, false, false);
  return faq;
}

void EntryReader::read_out_of_scope(const json& object, const std::string& pointer,
                                    OutOfScope& out_of_scope) {
  ObjectReader reader(object, pointer, {"builtin", "examples"}, errors_);
  if (const json* builtin = reader.optional("builtin", Kind::kBoolean)) {
    out_of_scope.builtin = builtin->get<bool>();
  }
  if (reader.find("examples") != nullptr) {
    out_of_scope.examples =
        read_phrasings(reader, "examples", EntryRef{pointer, "out_of_scope"}, "example", 0);
  }
}

void EntryReader::error(std::string where, std::string what) {
  errors_.push_back({std::move(where), std::move(what)});
}

// Reads and registers the id; returns how messages name the entry.
EntryReader::EntryRef EntryReader::read_id(ObjectReader& reader, const std::string& pointer,
                                           std::string_view kind) {
  EntryRef ref{pointer, std::string(kind)};
  const json* id_value = reader.required("id", Kind::kString);
  if (id_value == nullptr) return ref;
  const auto& id = id_value->get_ref<const std::string&>();
  ref.label += " " + in_quotes(id);
  const std::string id_pointer = reader.pointer("id");
  if (!is_valid_id(id)) {
    error(id_pointer, "id " + in_quotes(id) +
                          " is not valid: expected 1 to 64 characters of a-z, 0-9, '_', '.' "
                          "or '-', starting with a letter or digit (e.g. \"payment_status\")");
    return ref;
  }
  const auto [first, inserted] = id_pointers_.emplace(id, id_pointer);
  if (!inserted) {
    error(id_pointer, "duplicate id " + in_quotes(id) + ": already used at " + first->second +
                          "; ids must be unique across intents and faqs");
  }
  return ref;
}

std::vector<std::string> EntryReader::read_phrasings(ObjectReader& reader, std::string_view key,
                                                     const EntryRef& owner, std::string_view noun,
                                                     std::size_t min_count) {
  std::vector<std::string> out;
  const json* list = reader.required(key, Kind::kArray);
  if (list == nullptr) return out;
  const std::string pointer = reader.pointer(key);
  if (list->size() < min_count) {
    error(pointer, owner.label + " needs at least " + std::to_string(min_count) + " " +
                       std::string(noun) + (min_count == 1 ? "" : "s") + ", got " +
                       std::to_string(list->size()));
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string item_pointer = pointer_append(pointer, i);
    if (!expect_kind((*list)[i], Kind::kString, item_pointer, errors_)) continue;
    const auto& text = (*list)[i].get_ref<const std::string&>();
    ++phrasing_count_;
    if (is_blank(text)) {
      error(item_pointer, std::string(noun) + " is empty or only whitespace");
      continue;
    }
    check_length(text, item_pointer, noun, kMaxPhrasingChars, errors_);
    check_unique(text, item_pointer, owner, noun);
    out.push_back(text);
  }
  return out;
}

void EntryReader::check_unique(const std::string& text, const std::string& pointer,
                               const EntryRef& owner, std::string_view noun) {
  const auto [first, inserted] =
      phrasings_.emplace(phrasing_key(text), PhrasingSeen{owner, pointer});
  if (inserted) return;
  const PhrasingSeen& seen = first->second;
  if (seen.owner.pointer == owner.pointer) {
    error(pointer, "duplicate " + std::string(noun) + " " + in_quotes(text) + ": same text as " +
                       seen.pointer + " (case and spacing are ignored)");
  } else {
    error(pointer, std::string(noun) + " " + in_quotes(text) + " is also at " + seen.pointer +
                       " in " + seen.owner.label +
                       ": one text cannot belong to two intents or faqs");
  }
}

std::string EntryReader::read_answer(ObjectReader& reader) {
  const json* answer = reader.required("answer", Kind::kString);
  if (answer == nullptr) return "";
  const std::string pointer = reader.pointer("answer");
  std::string text = non_blank(*answer, pointer, "answer", errors_);
  check_length(text, pointer, "answer", kMaxAnswerChars, errors_);
  return text;
}

// A chip's text: one short line.
std::string EntryReader::read_label(ObjectReader& reader) {
  const json* value = reader.optional("label", Kind::kString);
  if (value == nullptr) return "";
  const std::string pointer = reader.pointer("label");
  std::string label = non_blank(*value, pointer, "label", errors_);
  check_length(label, pointer, "label", kMaxLabelChars, errors_);
  if (label.find('\n') != std::string::npos) error(pointer, "label must be one line");
  return label;
}

// An entry's "action" names a declared action (actions are read first).
// Sensitive needs go to a person: the bot never looks anything up for them.
// A FAQ collects no details, so its action may need none.
std::string EntryReader::read_action_name(ObjectReader& reader, bool sensitive,
                                          bool collects_details) {
  const json* value = reader.optional("action", Kind::kString);
  if (value == nullptr) return "";
  const std::string name = value->get<std::string>();
  const std::string pointer = reader.pointer("action");
  const Action* action = find_action(kb_, name);
  if (action == nullptr) {
    error(pointer, "no action has the id " + in_quotes(name) + " (declare it in \"actions\")");
  } else if (sensitive) {
    error(pointer,
          "a sensitive intent cannot have an action: it goes to a person, and the bot "
          "looks nothing up for it");
  } else if (!collects_details && !url_variables(*action).empty()) {
    error(pointer, "action " + in_quotes(name) + " needs details ({" +
                       url_variables(*action).front() +
                       "}); only an intent collects details, so name it from an intent");
  }
  return name;
}

void EntryReader::read_priority(const json& value, const std::string& pointer, Priority& priority) {
  const auto& name = value.get_ref<const std::string&>();
  for (std::size_t i = 0; i < kPriorityNames.size(); ++i) {
    if (kPriorityNames[i] == name) {
      priority = static_cast<Priority>(i);
      return;
    }
  }
  error(pointer,
        "unknown priority " + in_quotes(name) + ": expected one of " + join(kPriorityNames));
}

std::vector<std::string> EntryReader::read_details(const json& list, const std::string& pointer) {
  std::vector<std::string> details;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string item_pointer = pointer_append(pointer, i);
    if (!expect_kind(list[i], Kind::kString, item_pointer, errors_)) continue;
    const auto& detail = list[i].get_ref<const std::string&>();
    if (!contains(kDetailTypes, detail)) {
      error(item_pointer,
            "unknown detail type " + in_quotes(detail) + ": expected one of " + join(kDetailTypes));
    } else if (std::find(details.begin(), details.end(), detail) != details.end()) {
      error(item_pointer, "detail type " + in_quotes(detail) + " is listed twice");
    } else {
      details.push_back(detail);
    }
  }
  return details;
}

}  // namespace tandem::kb
