// One facts row per conversation, folded from its events in any order (a
// browser that was offline sends late): counts add up, the start is the
// earliest time, the outcome is the latest end. docs/metrics.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "desk/reports/events.h"

namespace tandem::desk {

struct Facts {
  std::string conversation;     // the row's key, not part of the stored JSON
  std::int64_t started_ms = 0;  // conversation_started's time, else the earliest event
  bool has_start = false;
  std::string origin;
  int answers = 0, fallbacks = 0, clarifications = 0, helpful = 0, not_helpful = 0;
  std::string last_answer;  // the intent of the latest answer shown
  std::int64_t last_answer_ms = 0;
  std::string handoff_reason;  // the first handoff's; empty: none
  std::string handoff_intent;
  std::int64_t handoff_ms = 0;
  std::string outcome;  // the latest conversation_ended's; empty: not ended yet
  std::int64_t outcome_ms = 0;
  std::string end_intent;
  bool repeat_1d = false, repeat_7d = false;
  bool csat_bot_asked = false, csat_human_asked = false;
  std::optional<int> csat_bot, csat_human;  // the latest score given
  std::int64_t csat_bot_ms = 0, csat_human_ms = 0;

  // What the conversation was about: the end's intent, else the last
  // answer's, else the handoff's.
  const std::string& intent() const {
    if (!end_intent.empty()) return end_intent;
    return last_answer.empty() ? handoff_intent : last_answer;
  }
};

void apply(Facts& facts, const Event& event);

void to_json(nlohmann::json& out, const Facts& facts);
void from_json(const nlohmann::json& in, Facts& facts);

}  // namespace tandem::desk
