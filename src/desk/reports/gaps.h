// Knowledge gaps (docs/metrics.md "Knowledge gaps"): what the bot could not
// answer well, grouped by the intent or FAQ it came nearest to, ranked by
// signals x unresolved share; inside each group, the questions the desk has
// in words are grouped by similarity, with the agent's own reply as a draft.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tandem::desk {

// One event of a conversation that started in the period, with that
// conversation's outcome (summary.h outcome_of) and intent (Facts::intent).
struct GapEvent {
  std::string conversation, type, outcome, intent;
  nlohmann::json fields;
};

// A conversation handed off in the period because the bot lacked the answer,
// as the desk holds it: the bundle and the first agent reply ("" if none).
struct GapHandoff {
  std::string conversation;
  nlohmann::json bundle;
  std::string reply;
};

// The handoff reasons that say the bot lacked the answer (not "asked for a
// person" or a sensitive topic, which a knowledge base should not answer).
bool missing_knowledge(const std::string& reason);

nlohmann::json knowledge_gaps(const std::vector<GapEvent>& events,
                              const std::vector<GapHandoff>& handoffs);

// The gaps as suggestions an author pastes into kb.json (docs/metrics.md).
nlohmann::json knowledge_base_suggestions(const nlohmann::json& gaps);

}  // namespace tandem::desk
