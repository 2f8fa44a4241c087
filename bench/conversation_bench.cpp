// Replays scripted customer conversations through the conversation policy and
// measures what the product promises: routine needs resolved without a person,
// hard cases handed off with the right reason, queue, priority and every
// detail the person needs, no customer asking twice for a person in vain (a
// trap) and no detail asked for twice. Prints markdown, with every failure
// listed so the KB can be improved. The script format is documented in the
// file's "format" field (docs/conversation.md too).
//   tandem-conversation-bench [CONVERSATIONS_JSON]
//   (default: bench/data/demo_conversations.json; its knowledge bases are
//   paths relative to the repository)
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

// One thing the customer does: type a message, or click a choice by its id.
struct Step {
  std::string text;
  std::string choose;        // an offered choice's id; text is then empty
  bool asks_person = false;  // the script marks a request for a person
};

struct Script {
  std::string kb;  // key of "knowledge_bases"
  std::vector<Step> steps;
  bool expect_handoff = false;
  std::vector<std::string> intents;  // resolved: each must be answered
  std::string reason;                // handoff: expected reason code
  std::string intent;                // handoff: expected intent, empty if none
  std::vector<std::string> details;  // handoff: what the session must hold
  bool held_out = false;             // written before the policy was tuned on the others
  // What the customer meant: its chip is clicked when a clarification offers it.
  bool means(const std::string& id) const {
    return id == intent || std::find(intents.begin(), intents.end(), id) != intents.end();
  }
};

struct Run {
  std::vector<std::string> answered;
  std::vector<std::string> trace;  // one "action intent" per bot reply
  bool handed_off = false;
  std::string reason, intent;
  std::vector<std::string> missing;      // expected details the session lacks
  int traps = 0;                         // a second request for a person left with the bot
  int repeated_asks = 0;                 // a detail asked for that was given or asked before
  int confirmations = 0, confirmed = 0;  // "Did you mean ...?" asked, and answered yes
  int clarifications = 0, picked = 0;    // "A or B?" answered by a click, and on what was meant
  std::string chip_error;                // a scripted choice the bot had not offered
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

Expected<Step> parse_step(const json& item, const std::string& where) {
  Step step;
  if (item.is_string()) {
    step.text = item.get<std::string>();
    return step;
  }
  if (item.is_object() && item.contains("choose") && item["choose"].is_string()) {
    step.choose = item["choose"].get<std::string>();
    return step;
  }
  if (item.is_object() && item.contains("text") && item["text"].is_string()) {
    step.text = item["text"].get<std::string>();
    step.asks_person = item.value("person", false);
    return step;
  }
  return Error{where, "expected a message, {\"text\", \"person\"} or {\"choose\": id}"};
}

// Checks each script against its KB, so a renamed intent fails loudly instead
// of counting as the bot's mistake.
Expected<std::vector<Script>> parse_scripts(const json& doc,
                                            const std::map<std::string, kb::KnowledgeBase>& kbs) {
  if (!doc.is_object() || !doc.contains("conversations") || !doc["conversations"].is_array())
    return Error{"/conversations", "expected an object with a \"conversations\" array"};
  std::vector<Script> scripts;
  for (const auto& c : doc["conversations"]) {
    const std::string where = "/conversations/" + std::to_string(scripts.size());
    if (!c.is_object()) return Error{where, "expected an object"};
    Script s;
    s.kb = c.contains("kb") ? text_field(c, "kb") : "demo";
    const auto known = kbs.find(s.kb);
    if (known == kbs.end()) return Error{where + "/kb", "unknown knowledge base \"" + s.kb + "\""};
    const kb::KnowledgeBase& kb = known->second;
    const json messages = c.value("messages", json());
    for (std::size_t i = 0; messages.is_array() && i < messages.size(); ++i) {
      auto step = parse_step(messages[i], where + "/messages/" + std::to_string(i));
      if (!step) return step.errors();
      if (!step->choose.empty() && !known_id(kb, step->choose))
        return Error{where + "/messages", "unknown choice \"" + step->choose + "\""};
      s.steps.push_back(std::move(step).value());
    }
    const std::string expect = text_field(c, "expect");
    s.expect_handoff = expect == "handoff";
    s.intents = strings(c.value("intents", json()));
    s.reason = text_field(c, "reason");
    s.intent = text_field(c, "intent");
    s.details = strings(c.value("details", json()));
    s.held_out = c.value("held_out", false);
    if (s.steps.empty()) return Error{where + "/messages", "expected customer messages"};
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
  std::vector<dialogue::Choice> offered;
  std::vector<dialogue::DetailType> asked;
  int unanswered_person_asks = 0;
  // One customer action: a typed message, or a click on an offered choice.
  auto act = [&](const Step& step, const char* how) {
    context.now_ms += kMessageGapMs;
    // Persisted and restored between messages, as the widget does across reloads.
    auto restored = dialogue::session_from_json(dialogue::to_json(session));
    if (!restored) {
      run.chip_error = "session did not restore: " + restored.error_text();
      return std::optional<dialogue::Reply>();
    }
    session = std::move(restored).value();
    std::vector<dialogue::DetailType> held;
    for (const auto& d : session.details) held.push_back(d.type);
    dialogue::Reply reply;
    if (!step.choose.empty()) {
      const bool was_offered =
          std::any_of(offered.begin(), offered.end(), [&](auto& c) { return c.id == step.choose; });
      if (!was_offered) {
        run.chip_error = "choice " + step.choose + " was not offered";
        return std::optional<dialogue::Reply>();
      }
      auto chosen = dialogue::choose(engine, session, step.choose, context);
      if (!chosen) {
        run.chip_error = chosen.error_text();
        return std::optional<dialogue::Reply>();
      }
      reply = std::move(chosen).value();
    } else {
      reply = dialogue::respond(engine, session, step.text, context);
    }
    offered = reply.choices;
    const std::string intent = reply.intent.value_or("-");
    std::string shown = intent;
    if (reply.action == engine::Action::kClarify) {
      shown.clear();
      for (const auto& c : reply.choices) shown += (shown.empty() ? "" : " or ") + c.id;
      if (reply.confirm) shown = reply.confirm->id + "?";
    }
    if (!reply.candidates.empty()) {
      char confidences[48];
      std::snprintf(confidences, sizeof confidences, " %.2f", reply.candidates[0].confidence);
      shown += confidences;
      if (reply.candidates.size() > 1) {
        std::snprintf(confidences, sizeof confidences, "/%.2f", reply.candidates[1].confidence);
        shown += confidences;
      }
    }
    if (reply.asking_for) {
      const auto type = *reply.asking_for;
      shown += " [" + std::string(dialogue::detail_name(type)) + "]";
      if (std::count(held.begin(), held.end(), type) ||
          std::count(asked.begin(), asked.end(), type))
        ++run.repeated_asks;
      asked.push_back(type);
    }
    run.trace.push_back(std::string(how) + std::string(engine::action_name(reply.action)) + " " +
                        shown);
    if (reply.action == engine::Action::kAnswer) run.answered.push_back(intent);
    if (reply.action == engine::Action::kHandoff) {
      run.handed_off = true;
      run.reason = engine::reason_code(reply.reason);
      run.intent = reply.intent.value_or("");
      run.trace.back() += " (" + run.reason + ")";
    } else if (step.asks_person && ++unanswered_person_asks >= 2) {
      ++run.traps;
    }
    return std::optional<dialogue::Reply>(std::move(reply));
  };
  for (std::size_t i = 0; i < script.steps.size(); ++i) {
    const Step& step = script.steps[i];
    if (run.handed_off) break;  // a person has the conversation; the bot is silent
    // No chips on screen: a customer cannot click one.
    if (!step.choose.empty() && offered.empty()) continue;
    auto reply = act(step, step.choose.empty() ? "" : "(chose) ");
    if (!reply) break;
    // A clarification the script does not answer itself (its next step is
    // not a click, nor a request for a person the customer types instead) is
    // answered as the customer would: the chip of what they meant when it is
    // offered ("Yes" to "Did you mean X?" is X's), "something else" otherwise.
    const Step* next = i + 1 < script.steps.size() ? &script.steps[i + 1] : nullptr;
    if (reply->action != engine::Action::kClarify || (next && !next->choose.empty()) ||
        (next && next->asks_person))
      continue;
    const auto& chips = reply->choices;
    const auto meant = std::find_if(chips.begin(), chips.end(),
                                    [&](const dialogue::Choice& c) { return script.means(c.id); });
    const bool other = std::any_of(chips.begin(), chips.end(), [](const dialogue::Choice& c) {
      return c.id == dialogue::kChoiceOther;
    });
    if (meant == chips.end() && !other) continue;  // no chip fits: the customer types on
    const bool yes = meant != chips.end();
    ++(reply->confirm ? run.confirmations : run.clarifications);
    (reply->confirm ? run.confirmed : run.picked) += yes ? 1 : 0;
    Step answer;
    answer.choose = yes ? meant->id : std::string(dialogue::kChoiceOther);
    if (!act(answer, yes ? "(picked) " : "(something else) ")) break;
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
  size_t expected = 0, right = 0, got = 0;
};

struct Tally {
  size_t resolved_expected = 0, resolved = 0, wrong_handoffs = 0;
  size_t handoff_expected = 0, right = 0, missed = 0, with_details = 0, same_reason = 0,
         same_intent = 0;
  size_t traps = 0, repeated_asks = 0, chip_errors = 0, confirmations = 0, confirmed = 0;
  size_t clarifications = 0, picked = 0;
  std::map<std::string, ReasonRow> reasons;
  std::vector<std::string> failures;
};

std::string first_words(const Script& s) {
  const Step& first = s.steps.front();
  return first.choose.empty() ? quote(first.text) : "(chose " + first.choose + ")";
}

void score(size_t index, const Script& s, const Run& run, Tally& t) {
  const std::string head =
      "- #" + std::to_string(index + 1) + " [" + s.kb + "] \"" + first_words(s) + "\": expected ";
  std::string got = "; got " + join(run.trace, ", ");
  if (run.traps) got += "; TRAP";
  if (run.repeated_asks) got += "; detail asked again";
  if (!run.chip_error.empty()) got += "; " + run.chip_error;
  t.traps += static_cast<size_t>(run.traps);
  t.confirmations += static_cast<size_t>(run.confirmations);
  t.confirmed += static_cast<size_t>(run.confirmed);
  t.clarifications += static_cast<size_t>(run.clarifications);
  t.picked += static_cast<size_t>(run.picked);
  t.repeated_asks += static_cast<size_t>(run.repeated_asks);
  if (!run.chip_error.empty()) ++t.chip_errors;
  const bool clean = run.traps == 0 && run.repeated_asks == 0 && run.chip_error.empty();
  if (run.handed_off) ++t.reasons[run.reason].got;
  if (!s.expect_handoff) {
    ++t.resolved_expected;
    const bool all_answered = std::all_of(s.intents.begin(), s.intents.end(), [&](auto& id) {
      return std::find(run.answered.begin(), run.answered.end(), id) != run.answered.end();
    });
    if (run.handed_off) ++t.wrong_handoffs;
    if (!run.handed_off && all_answered && clean)
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
  const bool same_reason = run.reason == s.reason;
  // The intent decides the queue and the priority.
  const bool same_intent = s.intent.empty() || run.intent == s.intent;
  if (run.missing.empty()) ++t.with_details;
  if (same_reason) ++t.same_reason;
  if (same_intent) ++t.same_intent;
  if (run.missing.empty() && same_reason && same_intent && clean) {
    ++t.right;
    ++row.right;
  } else {
    t.failures.push_back(head + wanted + got +
                         (run.missing.empty() ? "" : "; missing " + join(run.missing, ", ")));
  }
}

void print(const std::string& title, const Tally& t, bool with_failures) {
  std::printf("### %s\n\n| measure | count | share |\n|---|---|---|\n", title.c_str());
  std::printf("| routine: resolved without a person | %s |\n",
              share(t.resolved, t.resolved_expected).c_str());
  std::printf("| routine: handed off wrongly | %s |\n",
              share(t.wrong_handoffs, t.resolved_expected).c_str());
  std::printf(
      "| need a person: handed off with the right reason, intent (queue, priority) and details "
      "| %s |\n",
      share(t.right, t.handoff_expected).c_str());
  std::printf("| need a person: handoff missed | %s |\n",
              share(t.missed, t.handoff_expected).c_str());
  std::printf("| need a person: every required detail | %s |\n",
              share(t.with_details, t.handoff_expected).c_str());
  std::printf("| need a person: reason as expected | %s |\n",
              share(t.same_reason, t.handoff_expected).c_str());
  std::printf("| need a person: intent as expected | %s |\n",
              share(t.same_intent, t.handoff_expected).c_str());
  std::printf("| traps (a second request for a person left with the bot) | %zu | |\n", t.traps);
  std::printf("| detail requests repeated | %zu | |\n", t.repeated_asks);
  std::printf("| scripted choices not offered | %zu | |\n", t.chip_errors);
  std::printf("| \"Did you mean ...?\" confirmations asked (answered yes) | %zu (%zu) | |\n",
              t.confirmations, t.confirmed);
  std::printf(
      "| \"A or B?\" clarifications the customer clicked (on what they meant) | %zu (%zu) | |\n",
      t.clarifications, t.picked);
  if (!with_failures) {
    std::printf("\n");
    return;
  }
  std::printf("\n| reason | expected | handed off right | given by the bot |\n|---|---|---|---|\n");
  for (const auto& [reason, row] : t.reasons)
    std::printf("| %s | %zu | %zu | %zu |\n", reason.c_str(), row.expected, row.right, row.got);
  std::printf("\nFailures (%zu):\n", t.failures.size());
  for (const auto& line : t.failures) std::printf("%s\n", line.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string scripts_path =
      argc > 1 ? argv[1] : TANDEM_SOURCE_DIR "/bench/data/demo_conversations.json";
  auto text = cli::read_file(scripts_path, kMaxFileBytes);
  if (!text) {
    std::fprintf(stderr, "%s\n", text.error_text().c_str());
    return 1;
  }
  const json doc = json::parse(*text, nullptr, false);
  if (!doc.is_object() || !doc.contains("knowledge_bases") || !doc["knowledge_bases"].is_object()) {
    std::fprintf(stderr, "%s: expected a \"knowledge_bases\" object\n", scripts_path.c_str());
    return 1;
  }
  std::map<std::string, kb::KnowledgeBase> kbs;
  std::map<std::string, engine::Engine> engines;
  for (const auto& [key, path] : doc["knowledge_bases"].items()) {
    const std::string kb_path = std::string(TANDEM_SOURCE_DIR "/") + path.get<std::string>();
    auto data = cli::load_training_data(kb_path);
    if (!data || !data->kb) {
      std::fprintf(stderr, "%s: %s\n", kb_path.c_str(),
                   data ? "not a knowledge base" : data.error_text().c_str());
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
    std::printf("kb %s: %s\n", key.c_str(), kb_path.c_str());
    kbs.emplace(key, *data->kb);
    engines.emplace(key, std::move(engine).value());
  }
  auto scripts = parse_scripts(doc, kbs);
  if (!scripts) {
    std::fprintf(stderr, "%s: %s\n", scripts_path.c_str(), scripts.error_text().c_str());
    return 1;
  }
  std::printf("conversations: %s (%zu)\n\n", scripts_path.c_str(), scripts->size());
  Tally all;
  std::map<std::string, Tally> by_kb, by_set;
  for (size_t i = 0; i < scripts->size(); ++i) {
    const Script& s = (*scripts)[i];
    const Run run = replay(engines.at(s.kb), s);
    score(i, s, run, all);
    score(i, s, run, by_kb[s.kb]);
    score(i, s, run, by_set[s.held_out ? "held out (written before tuning)" : "tuned on"]);
  }
  for (const auto& [key, tally] : by_kb) print("knowledge base " + key, tally, false);
  for (const auto& [key, tally] : by_set) print("conversations " + key, tally, false);
  print("all", all, true);
  return 0;
}
