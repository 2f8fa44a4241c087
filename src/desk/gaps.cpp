#include "gaps.h"

#include <algorithm>
#include <map>
#include <set>

#include "limits.h"

namespace tandem::desk {
namespace {

using nlohmann::json;

// The handoff reasons that say the bot lacked the answer (not "asked for a
// person" or a sensitive topic, which a knowledge base should not answer).
bool missing_knowledge(const std::string& reason) {
  return reason == "low_confidence" || reason == "not_helpful" || reason == "repeated_failure";
}

std::string text_of(const json& fields, const char* name) {
  const auto found = fields.find(name);
  return found != fields.end() && found->is_string() ? found->get<std::string>() : "";
}

// The signal an event gives, as {key, kind}; kind empty: none.
std::pair<std::string, std::string> signal_of(const GapEvent& e) {
  const json& f = e.fields;
  if (e.type == "fallback") {
    const auto candidates = f.find("candidates");
    const bool any = candidates != f.end() && candidates->is_array() && !candidates->empty();
    return {any ? (*candidates)[0].get<std::string>() : "", "fallback"};
  }
  if (e.type == "feedback" && f.value("helpful", true) == false) {
    return {text_of(f, "intent"), "not_helpful"};
  }
  if (e.type == "answer_shown" && text_of(f, "confidence") == "low") {
    return {text_of(f, "intent"), "low_confidence_answer"};
  }
  if (e.type == "handoff" && missing_knowledge(text_of(f, "reason"))) {
    return {text_of(f, "intent"), "handoff_" + text_of(f, "reason")};
  }
  return {"", ""};
}

struct Gap {
  std::size_t signals = 0;
  std::map<std::string, std::size_t> kinds;
  std::set<std::string> conversations, unresolved;
  std::vector<std::string> questions;
};

}  // namespace

json knowledge_gaps(const std::vector<GapEvent>& events) {
  std::map<std::string, Gap> gaps;
  for (const GapEvent& e : events) {
    const auto [key, kind] = signal_of(e);
    if (kind.empty()) continue;
    // An event that names nothing is put with what its conversation was about.
    const std::string& nearest = key.empty() ? e.intent : key;
    Gap& gap = gaps[nearest.empty() ? "(none)" : nearest];
    ++gap.signals;
    ++gap.kinds[kind];
    gap.conversations.insert(e.conversation);
    if (e.outcome != "resolved_confirmed" && e.outcome != "resolved_assumed") {
      gap.unresolved.insert(e.conversation);
    }
    const std::string question = text_of(e.fields, "question");
    if (!question.empty() && gap.questions.size() < kMaxGapQuestions) {
      gap.questions.push_back(question);
    }
  }
  json rows = json::array();
  for (auto& [key, gap] : gaps) {
    const double share =
        static_cast<double>(gap.unresolved.size()) / static_cast<double>(gap.conversations.size());
    rows.push_back({{"nearest", key},
                    {"signals", gap.signals},
                    {"by_kind", gap.kinds},
                    {"conversations", gap.conversations.size()},
                    {"unresolved", gap.unresolved.size()},
                    {"unresolved_share", share},
                    {"score", static_cast<double>(gap.signals) * share},
                    {"questions", gap.questions}});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    return a["score"].get<double>() > b["score"].get<double>();
  });
  return {{"schema", "tandem.gaps/1"}, {"gaps", rows}};
}

}  // namespace tandem::desk
