// The entries of a knowledge base: its intents, faqs and out-of-scope
// examples. Ids must be unique across intents and faqs, and one phrasing
// (case and spacing ignored) may belong to one entry only, so the reader
// remembers every id and phrasing it has seen.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "kb/json_fields.h"
#include "kb/knowledge_base.h"

namespace tandem::kb {

class EntryReader {
 public:
  // kb's actions are already read: entries name them.
  EntryReader(const KnowledgeBase& kb, std::vector<Error>& errors) : kb_(kb), errors_(errors) {}

  Intent read_intent(const nlohmann::json& object, const std::string& pointer);
  Faq read_faq(const nlohmann::json& object, const std::string& pointer);
  void read_out_of_scope(const nlohmann::json& object, const std::string& pointer,
                         OutOfScope& out_of_scope);

  // Examples and questions read so far, blank and duplicate ones included.
  std::size_t phrasing_count() const { return phrasing_count_; }

 private:
  // What an entry (intent or faq) needs to be checked against the others.
  struct EntryRef {
    std::string pointer;  // "/intents/3"
    std::string label;    // "intent \"refund\"" for messages
  };
  struct PhrasingSeen {
    EntryRef owner;
    std::string pointer;
  };

  void error(std::string where, std::string what);
  EntryRef read_id(ObjectReader& reader, const std::string& pointer, std::string_view kind);
  std::vector<std::string> read_phrasings(ObjectReader& reader, std::string_view key,
                                          const EntryRef& owner, std::string_view noun,
                                          std::size_t min_count);
  void check_unique(const std::string& text, const std::string& pointer, const EntryRef& owner,
                    std::string_view noun);
  std::string read_answer(ObjectReader& reader);
  std::string read_label(ObjectReader& reader);
  std::string read_action_name(ObjectReader& reader, bool sensitive, bool collects_details);
  void read_priority(const nlohmann::json& value, const std::string& pointer, Priority& priority);
  std::vector<std::string> read_details(const nlohmann::json& list, const std::string& pointer);

  const KnowledgeBase& kb_;
  std::vector<Error>& errors_;
  std::map<std::string, std::string> id_pointers_;  // id -> pointer of its first use
  std::unordered_map<std::string, PhrasingSeen> phrasings_;
  std::size_t phrasing_count_ = 0;
};

}  // namespace tandem::kb
