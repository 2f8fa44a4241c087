// Replays scripted customer conversations through the conversation policy and
// measures what the product promises: routine needs resolved without a person,
// hard cases handed off with every detail the person needs, and neither done
// wrongly. Prints markdown, with the failures listed so the KB can be improved.
//   tandem-conversation-bench [KB_JSON [CONVERSATIONS_JSON]]
//   (defaults: web/demo/kb.json and bench/data/demo_conversations.json)
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialogue/policy.h"
#include "engine/compile.h"
#include "files.h"
#include "training_data.h"

namespace {

using namespace tandem;
using nlohmann::json;

// A fixed clock and calendar keep relative dates and the run reproducible.
constexpr int64_t kStartMs = 1795599000000;  // 2026-11-25T09:30:00Z
constexpr int64_t kMessageGapMs = 20000;
constexpr dialogue::CalendarDate kToday{2026, 11, 25};
constexpr size_t kMaxFileBytes = 16 << 20;
constexpr size_t kQuoteChars = 50;

struct Script {
  std::vector<std::string> messages;
  bool expect_handoff = false;
  std::vector<std::string> intents;  // resolved: each must be answered
  std::string reason;                // handoff: expected reason code
  std::string intent;                // handoff: expected intent, empty if none
  std::vector<std::string> details;  // handoff: what the session must hold
};

struct Run {
  std::vector<std::string> answered;
  std::vector<std::string> trace;  // one "action intent" per bot reply
  bool handed_off = false;
  std::string reason, intent;
  std::vector<std::string> missing;  // expected details the session lacks
};

std::vector<std::string> strings(const json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const auto& item : value)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

std::string text_field(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool known_reason(const std::string& code) {
  using engine::HandoffReason;
  for (auto r :
       {HandoffReason::kAskedForPerson, HandoffReason::kSensitive, HandoffReason::kLowConfidence,
        HandoffReason::kRepeatedFailure, HandoffReason::kFrustration, HandoffReason::kNotHelpful})
    if (engine::reason_code(r) == code) return true;
  return false;
}

bool known_id(const kb::KnowledgeBase& kb, const std::string& id) {
  return std::any_of(kb.intents.begin(), kb.intents.end(),
                     [&](const kb::Intent& i) { return i.id == id; }) ||
         std::any_of(kb.faqs.begin(), kb.faqs.end(), [&](const kb::Faq& f) { return f.id == id; });
}

// Checks each script against the KB, so a renamed intent fails loudly instead
// of counting as the bot's mistake.
Expected<std::vector<Script>> parse_scripts(const std::string& text, const kb::KnowledgeBase& kb) {
  const json doc = json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("conversations") || !doc["conversations"].is_array())
    return Error{"/conversations", "expected an object with a \"conversations\" array"};
  std::vector<Script> scripts;
  for (const auto& c : doc["conversations"]) {
    const std::string where = "/conversations/" + std::to_string(scripts.size());
    if (!c.is_object()) return Error{where, "expected an object"};
    Script s;
    s.messages = strings(c.value("messages", json()));
    const std::string expect = text_field(c, "expect");
    s.expect_handoff = expect == "handoff";
    s.intents = strings(c.value("intents", json()));
    s.reason = text_field(c, "reason");
    s.intent = text_field(c, "intent");
    s.details = strings(c.value("details", json()));
    if (s.messages.empty()) return Error{where + "/messages", "expected customer messages"};
    if (expect != "resolved" && expect != "handoff")
      return Error{where + "/expect", "expected \"resolved\" or \"handoff\""};
    if (!s.expect_handoff && s.intents.empty())
      return Error{where + "/intents", "a resolved conversation names what it answers"};
    if (s.expect_handoff && !known_reason(s.reason))
      return Error{where + "/reason", "unknown handoff reason \"" + s.reason + "\""};
    for (const auto& id : s.intents)
      if (!known_id(kb, id)) return Error{where + "/intents", "unknown intent \"" + id + "\""};
    if (!s.intent.empty() && !known_id(kb, s.intent))
      return Error{where + "/intent", "unknown intent \"" + s.intent + "\""};
    for (const auto& name : s.details)
      if (!dialogue::detail_from_name(name))
        return Error{where + "/details", "unknown detail \"" + name + "\""};
    scripts.push_back(std::move(s));
  }
  return scripts;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

Run replay(const engine::Engine& engine, const Script& script) {
  dialogue::Context context;
  context.now_ms = kStartMs;
  context.details.today = kToday;
  dialogue::Session session;
  Run run;
  for (const auto& message : script.messages) {
    context.now_ms += kMessageGapMs;
    const dialogue::Reply reply = dialogue::respond(engine, session, message, context);
    if (run.handed_off) continue;  // a person has the conversation; the bot is silent
    const std::string intent = reply.intent.value_or("-");
    // A scripted customer cannot pick a choice: show what was offered.
    const bool clarify = reply.action == engine::Action::kClarify;
    run.trace.push_back(std::string(engine::action_name(reply.action)) + " " +
                        (clarify ? join(reply.choices, " or ") : intent));
    if (reply.action == engine::Action::kAnswer) run.answered.push_back(intent);
    if (reply.action == engine::Action::kHandoff) {
      run.handed_off = true;
      run.reason = engine::reason_code(reply.reason);
      run.intent = reply.intent.value_or("");
      run.trace.back() += " (" + run.reason + ")";
    }
  }
  for (const auto& name : script.details)
    if (!session.detail(*dialogue::detail_from_name(name))) run.missing.push_back(name);
  return run;
}

// The start of a message, cut at a character boundary.
std::string quote(const std::string& text) {
  if (text.size() <= kQuoteChars) return text;
  size_t cut = kQuoteChars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

std::string share(size_t part, size_t whole) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%zu / %zu | %.1f%%", part, whole,
                whole ? 100.0 * part / whole : 0.0);
  return buf;
}

struct ReasonRow {
  size_t expected = 0, with_details = 0, same_reason = 0, got = 0;
};

struct Tally {
  size_t resolved_expected = 0, resolved = 0, wrong_handoffs = 0;
  size_t handoff_expected = 0, with_details = 0, missed = 0, same_reason = 0, same_intent = 0;
  std::map<std::string, ReasonRow> reasons;
  std::vector<std::string> failures, other_reasons;
};

void score(size_t index, const Script& s, const Run& run, Tally& t) {
  const std::string head =
      "- #" + std::to_string(index + 1) + " \"" + quote(s.messages.front()) + "\": expected ";
  const std::string got = "; got " + join(run.trace, ", ");
  if (run.handed_off) ++t.reasons[run.reason].got;
  if (!s.expect_handoff) {
    ++t.resolved_expected;
    const bool all_answered = std::all_of(s.intents.begin(), s.intents.end(), [&](auto& id) {
      return std::find(run.answered.begin(), run.answered.end(), id) != run.answered.end();
    });
    if (run.handed_off) ++t.wrong_handoffs;
    if (!run.handed_off && all_answered)
      ++t.resolved;
    else
      t.failures.push_back(head + "resolved (" + join(s.intents, ", ") + ")" + got);
    return;
  }
  ++t.handoff_expected;
  ReasonRow& row = t.reasons[s.reason];
  ++row.expected;
  const std::string wanted = "handoff (" + s.reason + (s.intent.empty() ? "" : ", " + s.intent) +
                             (s.details.empty() ? "" : "; details " + join(s.details, ", ")) + ")";
  if (!run.handed_off) {
    ++t.missed;
    t.failures.push_back(head + wanted + got);
    return;
  }
  if (run.missing.empty()) {
    ++t.with_details;
    ++row.with_details;
  } else {
    t.failures.push_back(head + wanted + got + "; missing " + join(run.missing, ", "));
  }
  const bool same_reason = run.reason == s.reason;
  const bool same_intent = s.intent.empty() || run.intent == s.intent;
  if (same_reason) ++t.same_reason, ++row.same_reason;
  if (same_intent) ++t.same_intent;
  if (run.missing.empty() && (!same_reason || !same_intent))
    t.other_reasons.push_back(head + wanted + got);
}

void print(const Tally& t) {
  std::printf("| measure | count | share |\n|---|---|---|\n");
  std::printf("| resolved without a person (of expected resolved) | %s |\n",
              share(t.resolved, t.resolved_expected).c_str());
  std::printf("| handed off with all required details (of expected handoffs) | %s |\n",
              share(t.with_details, t.handoff_expected).c_str());
  std::printf("| handed off wrongly (of expected resolved) | %s |\n",
              share(t.wrong_handoffs, t.resolved_expected).c_str());
  std::printf("| missed handoffs (of expected handoffs) | %s |\n",
              share(t.missed, t.handoff_expected).c_str());
  std::printf("| handoff reason as expected (of expected handoffs) | %s |\n",
              share(t.same_reason, t.handoff_expected).c_str());
  std::printf("| handoff intent as expected (of expected handoffs) | %s |\n",
              share(t.same_intent, t.handoff_expected).c_str());

  std::printf(
      "\n| reason | expected | handed off with details | same reason | given by the bot |\n"
      "|---|---|---|---|---|\n");
  for (const auto& [reason, row] : t.reasons)
    std::printf("| %s | %zu | %zu | %zu | %zu |\n", reason.c_str(), row.expected, row.with_details,
                row.same_reason, row.got);

  std::printf("\nFailures (%zu):\n", t.failures.size());
  for (const auto& line : t.failures) std::printf("%s\n", line.c_str());
  std::printf("\nHanded off with every detail, but for another reason or intent (%zu):\n",
              t.other_reasons.size());
  for (const auto& line : t.other_reasons) std::printf("%s\n", line.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string kb_path = argc > 1 ? argv[1] : TANDEM_SOURCE_DIR "/web/demo/kb.json";
  const std::string scripts_path =
      argc > 2 ? argv[2] : TANDEM_SOURCE_DIR "/bench/data/demo_conversations.json";
  auto data = cli::load_training_data(kb_path);
  if (!data || !data->kb) {
    std::fprintf(stderr, "%s: %s\n", kb_path.c_str(),
                 data ? "not a knowledge base" : data.error_text().c_str());
    return 1;
  }
  auto text = cli::read_file(scripts_path, kMaxFileBytes);
  if (!text) {
    std::fprintf(stderr, "%s\n", text.error_text().c_str());
    return 1;
  }
  auto scripts = parse_scripts(*text, *data->kb);
  if (!scripts) {
    std::fprintf(stderr, "%s: %s\n", scripts_path.c_str(), scripts.error_text().c_str());
    return 1;
  }
  // Through the model file, exactly as the widget loads it.
  const std::string file =
      engine::write_model(engine::compile_knowledge_base(*data->kb, nlu::ClassifierOptions{}));
  auto engine = engine::Engine::load(file);
  if (!engine) {
    std::fprintf(stderr, "model did not load back: %s\n", engine.error_text().c_str());
    return 1;
  }
  std::printf("kb: %s\nconversations: %s (%zu)\n\n", kb_path.c_str(), scripts_path.c_str(),
              scripts->size());
  Tally tally;
  for (size_t i = 0; i < scripts->size(); ++i)
    score(i, (*scripts)[i], replay(*engine, (*scripts)[i]), tally);
  print(tally);
  return 0;
}
