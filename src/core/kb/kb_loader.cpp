// kb.json -> KnowledgeBase. Validation collects every problem in one pass so a
// company fixes its file once, not one error per run.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <unordered_map>

#include "kb/action_reader.h"
#include "kb/json_fields.h"
#include "kb/json_input.h"
#include "kb/knowledge_base.h"
#include "kb/text_checks.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;
constexpr std::size_t kMaxIdLength = 64;
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

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  const auto lower_or_digit = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  if (!lower_or_digit(id[0])) return false;
  for (const char c : id) {
    if (!lower_or_digit(c) && c != '_' && c != '.' && c != '-') return false;
  }
  return true;
}

// "en", "pt-BR", "zh-Hant-TW": a language of 2-3 letters, then 2-8 character subtags.
bool is_valid_locale(std::string_view locale) {
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    const std::size_t end = std::min(locale.find('-', start), locale.size());
    const std::string_view part = locale.substr(start, end - start);
    if (part.size() < 2 || part.size() > (first ? 3u : 8u)) return false;
    for (const char c : part) {
      if (!std::isalnum(static_cast<unsigned char>(c))) return false;
      if (first && !std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    if (end == locale.size()) return true;
    start = end + 1;
  }
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

std::string in_quotes(std::string_view text) {
  constexpr std::size_t kShownBytes = 60;
  const std::string_view shown = utf8_prefix(text, kShownBytes);
  return "\"" + std::string(shown) + (shown.size() < text.size() ? "...\"" : "\"");
}

// What an entry (intent or faq) needs to be checked against the others.
struct EntryRef {
  std::string pointer;  // "/intents/3"
  std::string label;    // "intent \"refund\"" for messages
};

struct PhrasingSeen {
  EntryRef owner;
  std::string pointer;
};

class Loader {
 public:
  Expected<KnowledgeBase> load(const json& root) {
    ObjectReader reader(root, "",
                        {"tandem_kb", "name", "locale", "messages", "policy", "intents", "faqs",
                         "redact", "out_of_scope", "action_hosts", "actions"},
                        errors_);
    read_version(reader);
    if (const json* name = reader.required("name", Kind::kString)) {
      kb_.name = non_blank(*name, reader.pointer("name"), "name");
    }
    if (const json* locale = reader.optional("locale", Kind::kString)) read_locale(*locale, reader);
    kb_.messages = default_messages();
    if (const json* messages = reader.optional("messages", Kind::kObject)) {
      read_messages(*messages, reader.pointer("messages"));
    }
    if (const json* policy = reader.optional("policy", Kind::kObject)) {
      read_policy(*policy, reader.pointer("policy"));
    }
    if (const json* hosts = reader.optional("action_hosts", Kind::kArray))
      kb_.action_hosts = read_action_hosts(*hosts, reader.pointer("action_hosts"), errors_);
    if (const json* actions = reader.optional("actions", Kind::kArray))
      kb_.actions = read_actions(*actions, reader.pointer("actions"), kb_.action_hosts, errors_);
    read_list(reader, "intents", &Loader::read_intent);
    read_list(reader, "faqs", &Loader::read_faq);
    read_list(reader, "redact", &Loader::read_redaction);
    if (const json* oos = reader.optional("out_of_scope", Kind::kObject)) {
      read_out_of_scope(*oos, reader.pointer("out_of_scope"));
    }
    check_totals();
    if (!errors_.empty()) return std::move(errors_);
    return std::move(kb_);
  }

 private:
  void error(std::string where, std::string what) {
    errors_.push_back({std::move(where), std::move(what)});
  }

  std::string non_blank(const json& value, const std::string& pointer, std::string_view what) {
    const auto& text = value.get_ref<const std::string&>();
    if (is_blank(text)) error(pointer, std::string(what) + " is empty or only whitespace");
    return text;
  }

  void read_version(ObjectReader& reader) {
    const json* version = reader.required("tandem_kb", Kind::kInteger);
    if (version != nullptr && *version != kFormatVersion) {
      error(reader.pointer("tandem_kb"), "unsupported format version " + version->dump() +
                                             "; this Tandem reads version " +
                                             std::to_string(kFormatVersion));
    }
  }

  void read_locale(const json& value, ObjectReader& reader) {
    kb_.locale = value.get<std::string>();
    if (!is_valid_locale(kb_.locale)) {
      error(reader.pointer("locale"), "locale " + in_quotes(kb_.locale) +
                                          " is not a language tag; expected e.g. \"en\", "
                                          "\"de-CH\" or \"pt-BR\"");
    }
  }

  void read_messages(const json& object, const std::string& pointer) {
    ObjectReader reader(
        object, pointer,
        {"fallback", "clarify", "handoff", "greeting", "subtitle", "placeholder", "contact"},
        errors_);
    const auto read = [&](std::string_view key, std::string& target) {
      if (const json* text = reader.optional(key, Kind::kString)) {
        const std::string noun = "message \"" + std::string(key) + "\"";
        target = non_blank(*text, reader.pointer(key), noun);
        check_length(target, reader.pointer(key), noun, kMaxMessageChars);
      }
    };
    read("fallback", kb_.messages.fallback);
    read("clarify", kb_.messages.clarify);
    read("handoff", kb_.messages.handoff);
    read("greeting", kb_.messages.greeting);
    read("subtitle", kb_.messages.subtitle);
    read("placeholder", kb_.messages.placeholder);
    read("contact", kb_.messages.contact);
  }

  void read_policy(const json& object, const std::string& pointer) {
    ObjectReader reader(object, pointer,
                        {"answer_threshold", "clarify_margin", "low_confidence_turns",
                         "default_queue", "order_id_prefix"},
                        errors_);
    Policy& policy = kb_.policy;
    if (const json* threshold = reader.find("answer_threshold")) {
      if (*threshold == "auto") {
        policy.answer_threshold = -1.0f;
      } else if (threshold->is_number() && *threshold > 0.0 && *threshold < 1.0) {
        policy.answer_threshold = threshold->get<float>();
      } else {
        error(reader.pointer("answer_threshold"),
              "expected \"auto\" or a number greater than 0 and less than 1, got " +
                  (threshold->is_number() ? threshold->dump() : type_name(*threshold)));
      }
    }
    if (const json* margin = reader.optional("clarify_margin", Kind::kNumber)) {
      if (*margin >= 0.0 && *margin < 1.0) {
        policy.clarify_margin = margin->get<float>();
      } else {
        error(reader.pointer("clarify_margin"),
              "expected a number from 0 up to (not including) 1, got " + margin->dump());
      }
    }
    if (const json* turns = reader.optional("low_confidence_turns", Kind::kInteger)) {
      if (*turns >= 1 && *turns <= kMaxLowConfidenceTurns) {
        policy.low_confidence_turns = turns->get<int>();
      } else {
        error(reader.pointer("low_confidence_turns"), "expected an integer from 1 to " +
                                                          std::to_string(kMaxLowConfidenceTurns) +
                                                          ", got " + turns->dump());
      }
    }
    if (const json* queue = reader.optional("default_queue", Kind::kString)) {
      policy.default_queue = non_blank(*queue, reader.pointer("default_queue"), "default_queue");
    }
    if (const json* prefix = reader.optional("order_id_prefix", Kind::kString)) {
      const std::string value = prefix->get<std::string>();
      if (valid_order_id_prefix(value)) {
        policy.order_id_prefix = value;
      } else {
        error(reader.pointer("order_id_prefix"),
              "expected 1 to 8 letters, digits or '-', starting with a letter (e.g. \"LP-\"), "
              "got " +
                  prefix->dump());
      }
    }
  }

  static bool valid_order_id_prefix(const std::string& value) {
    if (value.empty() || value.size() > 8 || !std::isalpha(static_cast<unsigned char>(value[0])))
      return false;
    return std::all_of(value.begin(), value.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
    });
  }

  void read_redaction(const json& object, const std::string& pointer) {
    ObjectReader reader(object, pointer, {"name", "pattern"}, errors_);
    const json* name = reader.required("name", Kind::kString);
    const json* pattern = reader.required("pattern", Kind::kString);
    if (name == nullptr || pattern == nullptr) return;
    privacy::RedactionRule rule{name->get<std::string>(), pattern->get<std::string>()};
    if (!is_valid_id(rule.name)) {
      error(reader.pointer("name"),
            "name " + in_quotes(rule.name) +
                " is not valid: expected 1 to 64 characters of a-z, 0-9, "
                "'_', '.' or '-' (it becomes the mask, e.g. [national_id])");
      return;
    }
    if (kb_.redactions.size() >= kMaxRedactionRules) {
      error(pointer, "at most " + std::to_string(kMaxRedactionRules) + " redaction rules");
      return;
    }
    if (const auto problem = privacy::rule_problem(rule)) {
      error(reader.pointer("pattern"), *problem);
      return;
    }
    kb_.redactions.push_back(std::move(rule));
  }

  void read_list(ObjectReader& reader, std::string_view key,
                 void (Loader::*read_entry)(const json&, const std::string&)) {
    const json* list = reader.optional(key, Kind::kArray);
    if (list == nullptr) return;
    const std::string pointer = reader.pointer(key);
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string item_pointer = pointer_append(pointer, i);
      if (expect_kind((*list)[i], Kind::kObject, item_pointer, errors_)) {
        (this->*read_entry)((*list)[i], item_pointer);
      }
    }
  }

  // Reads and registers the id; returns how messages name the entry.
  EntryRef read_id(ObjectReader& reader, const std::string& pointer, std::string_view kind) {
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

  std::vector<std::string> read_phrasings(ObjectReader& reader, std::string_view key,
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
      check_length(text, item_pointer, noun, kMaxPhrasingChars);
      check_unique(text, item_pointer, owner, noun);
      out.push_back(text);
    }
    return out;
  }

  void check_length(const std::string& text, const std::string& pointer, std::string_view noun,
                    std::size_t max_chars) {
    const std::size_t length = utf8_length(text);
    if (length > max_chars) {
      error(pointer, std::string(noun) + " is " + std::to_string(length) +
                         " characters long; at most " + std::to_string(max_chars) + " are allowed");
    }
  }

  void check_unique(const std::string& text, const std::string& pointer, const EntryRef& owner,
                    std::string_view noun) {
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

  std::string read_answer(ObjectReader& reader) {
    const json* answer = reader.required("answer", Kind::kString);
    if (answer == nullptr) return "";
    const std::string pointer = reader.pointer("answer");
    std::string text = non_blank(*answer, pointer, "answer");
    check_length(text, pointer, "answer", kMaxAnswerChars);
    return text;
  }

  // A chip's text: one short line.
  std::string read_label(ObjectReader& reader) {
    const json* value = reader.optional("label", Kind::kString);
    if (value == nullptr) return "";
    const std::string pointer = reader.pointer("label");
    std::string label = non_blank(*value, pointer, "label");
    check_length(label, pointer, "label", kMaxLabelChars);
    if (label.find('\n') != std::string::npos) error(pointer, "label must be one line");
    return label;
  }

  std::string read_optional_string(ObjectReader& reader, std::string_view key) {
    const json* value = reader.optional(key, Kind::kString);
    return value == nullptr ? "" : value->get<std::string>();
  }

  void read_intent(const json& object, const std::string& pointer) {
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
    kb_.intents.push_back(std::move(intent));
  }

  void read_out_of_scope(const json& object, const std::string& pointer) {
    ObjectReader reader(object, pointer, {"builtin", "examples"}, errors_);
    if (const json* builtin = reader.optional("builtin", Kind::kBoolean)) {
      kb_.out_of_scope.builtin = builtin->get<bool>();
    }
    if (reader.find("examples") != nullptr) {
      kb_.out_of_scope.examples =
          read_phrasings(reader, "examples", EntryRef{pointer, "out_of_scope"}, "example", 0);
    }
  }

  void read_faq(const json& object, const std::string& pointer) {
    ObjectReader reader(object, pointer,
                        {"id", "label", "category", "questions", "answer", "action"}, errors_);
    Faq faq;
    const EntryRef ref = read_id(reader, pointer, "faq");
    faq.id = id_of(object);
    faq.label = read_label(reader);
    faq.category = read_optional_string(reader, "category");
    faq.questions = read_phrasings(reader, "questions", ref, "question", 1);
    faq.answer = read_answer(reader);
    faq.action = read_action_name(reader, false, false);
    kb_.faqs.push_back(std::move(faq));
  }

  // An entry's "action" names a declared action (actions are read first).
  // Sensitive needs go to a person: the bot never looks anything up for them.
  // A FAQ collects no details, so its action may need none.
  std::string read_action_name(ObjectReader& reader, bool sensitive, bool collects_details) {
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

  static std::string id_of(const json& object) {
    const auto it = object.find("id");
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
  }

  void read_priority(const json& value, const std::string& pointer, Priority& priority) {
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

  std::vector<std::string> read_details(const json& list, const std::string& pointer) {
    std::vector<std::string> details;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string item_pointer = pointer_append(pointer, i);
      if (!expect_kind(list[i], Kind::kString, item_pointer, errors_)) continue;
      const auto& detail = list[i].get_ref<const std::string&>();
      if (!contains(kDetailTypes, detail)) {
        error(item_pointer, "unknown detail type " + in_quotes(detail) + ": expected one of " +
                                join(kDetailTypes));
      } else if (std::find(details.begin(), details.end(), detail) != details.end()) {
        error(item_pointer, "detail type " + in_quotes(detail) + " is listed twice");
      } else {
        details.push_back(detail);
      }
    }
    return details;
  }

  void check_totals() {
    const std::size_t entries = kb_.intents.size() + kb_.faqs.size();
    if (entries == 0) {
      error("", "the knowledge base has no intents and no faqs: add at least one of either");
    }
    if (entries > kMaxEntries) {
      error("", "the knowledge base has " + std::to_string(entries) +
                    " intents and faqs; at most " + std::to_string(kMaxEntries) + " are allowed");
    }
    if (phrasing_count_ > kMaxPhrasings) {
      error("", "the knowledge base has " + std::to_string(phrasing_count_) +
                    " examples and questions; at most " + std::to_string(kMaxPhrasings) +
                    " are allowed");
    }
  }

  KnowledgeBase kb_;
  std::vector<Error> errors_;
  std::map<std::string, std::string> id_pointers_;  // id -> pointer of its first use
  std::unordered_map<std::string, PhrasingSeen> phrasings_;
  std::size_t phrasing_count_ = 0;
};

}  // namespace

Expected<KnowledgeBase> parse_knowledge_base(std::string_view json_text) {
  if (auto problem = check_text(json_text, kMaxKnowledgeBaseBytes, "knowledge base")) {
    return *problem;
  }
  auto root = parse_json(json_text);
  if (!root) return root.errors();
  if (!root->is_object()) {
    return Error{"", "a knowledge base must be a JSON object ({ \"tandem_kb\": 1, ... }), got " +
                         type_name(*root)};
  }
  return Loader().load(*root);
}

std::string_view priority_name(Priority priority) {
  return kPriorityNames[static_cast<std::size_t>(priority)];
}

Messages default_messages() {
  Messages messages;
  messages.fallback =
      "Sorry, I can't help with that yet. Could you put it another way, or ask for a person?";
  messages.clarify = "Did you mean:";
  messages.handoff =
      "I'm passing you to a member of our team. They will see this conversation, so you won't "
      "need to repeat yourself.";
  return messages;
}

}  // namespace tandem::kb
