// The knowledge base a company writes (kb.json): what the bot can answer and
// when it must step back. docs/knowledge-base.md documents the JSON format.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "kb/actions.h"
#include "privacy/redaction.h"

namespace tandem::kb {

// Limits of one knowledge base; docs/knowledge-base.md states the same numbers.
inline constexpr std::size_t kMaxKnowledgeBaseBytes = std::size_t{8} << 20;
inline constexpr std::size_t kMaxEntries = 2000;       // intents + faqs
inline constexpr std::size_t kMaxPhrasings = 100000;   // examples + questions, all entries
inline constexpr std::size_t kMinIntentExamples = 3;   // fewer cannot train a classifier
inline constexpr std::size_t kMaxPhrasingChars = 500;  // one example or question
inline constexpr std::size_t kMaxAnswerChars = 4000;
inline constexpr int kMaxLowConfidenceTurns = 10;
inline constexpr std::size_t kMaxRedactionRules = 20;
inline constexpr std::size_t kMaxLabelChars = 80;     // a chip's text
inline constexpr std::size_t kMaxMessageChars = 500;  // one entry of "messages"

enum class Priority { kLow, kNormal, kHigh, kUrgent };

// Something customers ask in many ways; enough examples to train a classifier.
struct Intent {
  std::string id;
  std::string label;  // what the customer sees on a choice; empty = the id in words
  std::string category;
  std::vector<std::string> examples;
  std::string answer;      // Markdown subset shown to the customer
  bool sensitive = false;  // goes to a person (after collecting details)
  std::string queue;       // where a person picks it up; empty = default queue
  Priority priority = Priority::kNormal;
  std::vector<std::string> details;  // detail types to collect first ("order_id", "email")
  std::string action;  // answered from the company's API by this action; empty = the answer
};

// A question with one or a few phrasings: too few to train on, so it is retrieved.
struct Faq {
  std::string id;
  std::string label;  // as Intent::label
  std::string category;
  std::vector<std::string> questions;
  std::string answer;
  std::string action;  // as Intent::action; such an action needs no details
};

// Thresholds of the per-message decision. Negative values mean "choose at
// training time from held-out data".
struct Policy {
  float answer_threshold = -1.0f;  // below this calibrated confidence, do not answer
  float clarify_margin = 0.15f;    // top two this close: ask which one was meant
  int low_confidence_turns = 2;    // consecutive unsure turns before offering a person
  std::string default_queue = "support";
  // How the company's order numbers start ("LP-"), so "lp482913" and
  // "order 482913" are read as LP-482913; empty = generic order-number cues.
  std::string order_id_prefix;
};

struct Messages {
  std::string fallback;  // said when the bot cannot help and no person is available yet
  std::string clarify;   // prefix of a "did you mean" question
  std::string handoff;   // said when passing the conversation to a person
  // The widget's own words; empty = the widget's defaults.
  std::string greeting;     // the bot's first message when the chat opens
  std::string subtitle;     // under the title in the header
  std::string placeholder;  // in the empty input
  // The company's own route when a handoff cannot be delivered ("email
  // help@example.com or call ..."), so the customer is never left without one.
  std::string contact;
};

// What the bot must decline. The built-in off-topic messages (weather, sport,
// chit-chat...) teach a classifier where a support KB's scope ends; a KB can
// turn them off (when its topics overlap them) and add its own.
struct OutOfScope {
  bool builtin = true;
  std::vector<std::string> examples;  // trained under "oos"
};

struct KnowledgeBase {
  std::string name;
  std::string locale = "en";
  std::vector<Intent> intents;
  std::vector<Faq> faqs;
  Policy policy;
  Messages messages;
  // The company's own patterns to mask before anything leaves the browser
  // (national ids, customer numbers), besides cards, CVVs and IBANs.
  std::vector<privacy::RedactionRule> redactions;
  OutOfScope out_of_scope;
  std::vector<std::string> action_hosts;  // the only hosts actions may call ("api.example.com")
  std::vector<Action> actions;
};

// The action with that id, or nullptr.
const Action* find_action(const KnowledgeBase& kb, std::string_view id);

// Parses and validates kb.json text. Every problem is reported with its JSON
// pointer: wrong types, unknown fields, duplicate ids, empty examples or answers,
// oversized or binary input. Never throws.
Expected<KnowledgeBase> parse_knowledge_base(std::string_view json_text);

std::string_view priority_name(Priority priority);

// The English texts used where kb.json gives no "messages".
Messages default_messages();

}  // namespace tandem::kb
