// kb.json -> KnowledgeBase. Validation collects every problem in one pass so a
// company fixes its file once, not one error per run. The file's settings are
// read here; its intents and faqs by EntryReader, its actions by action_reader.
#include <algorithm>
#include <cctype>

#include "kb/action_reader.h"
#include "kb/entry_reader.h"
#include "kb/field_checks.h"
#include "kb/json_fields.h"
#include "kb/json_input.h"
#include "kb/knowledge_base.h"
#include "kb/text_checks.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;

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

bool is_valid_order_id_prefix(const std::string& value) {
  if (value.empty() || value.size() > 8 || !std::isalpha(static_cast<unsigned char>(value[0])))
    return false;
  return std::all_of(value.begin(), value.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

class Loader {
 public:
  Expected<KnowledgeBase> load(const json& root) {
    ObjectReader reader(root, "",
                        {"tandem_kb", "name", "locale", "messages", "policy", "intents", "faqs",
                         "redact", "out_of_scope", "action_hosts", "actions"},
                        errors_);
    read_version(reader);
    if (const json* name = reader.required("name", Kind::kString)) {
      kb_.name = non_blank(*name, reader.pointer("name"), "name", errors_);
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
    read_list(reader, "intents", [&](const json& object, const std::string& pointer) {
      kb_.intents.push_back(entries_.read_intent(object, pointer));
    });
    read_list(reader, "faqs", [&](const json& object, const std::string& pointer) {
      kb_.faqs.push_back(entries_.read_faq(object, pointer));
    });
    read_list(reader, "redact", [&](const json& object, const std::string& pointer) {
      read_redaction(object, pointer);
    });
    if (const json* oos = reader.optional("out_of_scope", Kind::kObject)) {
      entries_.read_out_of_scope(*oos, reader.pointer("out_of_scope"), kb_.out_of_scope);
    }
    check_totals();
    if (!errors_.empty()) return std::move(errors_);
    return std::move(kb_);
  }

 private:
  void error(std::string where, std::string what) {
    errors_.push_back({std::move(where), std::move(what)});
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
        target = non_blank(*text, reader.pointer(key), noun, errors_);
        check_length(target, reader.pointer(key), noun, kMaxMessageChars, errors_);
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
      policy.default_queue =
          non_blank(*queue, reader.pointer("default_queue"), "default_queue", errors_);
    }
    if (const json* prefix = reader.optional("order_id_prefix", Kind::kString)) {
      const std::string value = prefix->get<std::string>();
      if (is_valid_order_id_prefix(value)) {
        policy.order_id_prefix = value;
      } else {
        error(reader.pointer("order_id_prefix"),
              "expected 1 to 8 letters, digits or '-', starting with a letter (e.g. \"LP-\"), "
              "got " +
                  prefix->dump());
      }
    }
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

  template <typename ReadEntry>
  void read_list(ObjectReader& reader, std::string_view key, ReadEntry read_entry) {
    const json* list = reader.optional(key, Kind::kArray);
    if (list == nullptr) return;
    const std::string pointer = reader.pointer(key);
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string item_pointer = pointer_append(pointer, i);
      if (expect_kind((*list)[i], Kind::kObject, item_pointer, errors_)) {
        read_entry((*list)[i], item_pointer);
      }
    }
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
    if (entries_.phrasing_count() > kMaxPhrasings) {
      error("", "the knowledge base has " + std::to_string(entries_.phrasing_count()) +
                    " examples and questions; at most " + std::to_string(kMaxPhrasings) +
                    " are allowed");
    }
  }

  KnowledgeBase kb_;
  std::vector<Error> errors_;
  EntryReader entries_{kb_, errors_};
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
