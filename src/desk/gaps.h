// Knowledge gaps (docs/metrics.md "Knowledge gaps"): what the bot could not
// answer well, grouped by the intent or FAQ it came nearest to, ranked by
// signals x unresolved share.
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

nlohmann::json knowledge_gaps(const std::vector<GapEvent>& events);

}  // namespace tandem::desk
