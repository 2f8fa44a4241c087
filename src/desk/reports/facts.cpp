#include "desk/reports/facts.h"

namespace tandem::desk {
namespace {

std::string text(const nlohmann::json& fields, const char* name) {
  const auto found = fields.find(name);
  return found != fields.end() && found->is_string() ? found->get<std::string>() : "";
}

bool flag(const nlohmann::json& fields, const char* name) {
  const auto found = fields.find(name);
  return found != fields.end() && found->is_boolean() && found->get<bool>();
}

// A later event replaces an earlier one; at the same time, the first kept.
bool later(std::int64_t time_ms, std::int64_t kept_ms, bool has_kept) {
  return !has_kept || time_ms > kept_ms;
}

}  // namespace

void apply(Facts& f, const Event& e) {
  const auto& fields = e.fields;
  if (e.type == "conversation_started") {
    if (!f.has_start || e.time_ms < f.started_ms) {
      f.started_ms = e.time_ms;
      f.origin = text(fields, "origin");
    }
    f.has_start = true;
  } else if (!f.has_start && (f.started_ms == 0 || e.time_ms < f.started_ms)) {
    f.started_ms = e.time_ms;
  }
  if (e.type == "answer_shown") {
    ++f.answers;
    if (later(e.time_ms, f.last_answer_ms, !f.last_answer.empty())) {
      f.last_answer = text(fields, "intent");
      f.last_answer_ms = e.time_ms;
    }
  } else if (e.type == "feedback") {
    ++(flag(fields, "helpful") ? f.helpful : f.not_helpful);
  } else if (e.type == "fallback") {
    ++f.fallbacks;
  } else if (e.type == "clarification") {
    ++f.clarifications;
  } else if (e.type == "handoff") {
    if (f.handoff_reason.empty() || e.time_ms < f.handoff_ms) {
      f.handoff_reason = text(fields, "reason");
      f.handoff_intent = text(fields, "intent");
      f.handoff_ms = e.time_ms;
    }
  } else if (e.type == "conversation_ended") {
    if (later(e.time_ms, f.outcome_ms, !f.outcome.empty())) {
      f.outcome = text(fields, "outcome");
      f.outcome_ms = e.time_ms;
      f.end_intent = text(fields, "intent");
      f.repeat_1d = flag(fields, "repeat_1d");
      f.repeat_7d = flag(fields, "repeat_7d") || f.repeat_1d;
    }
  } else if (e.type == "csat_asked") {
    (text(fields, "by") == "bot" ? f.csat_bot_asked : f.csat_human_asked) = true;
  } else if (e.type == "csat") {
    const bool bot = text(fields, "by") == "bot";
    std::optional<int>& score = bot ? f.csat_bot : f.csat_human;
    std::int64_t& score_ms = bot ? f.csat_bot_ms : f.csat_human_ms;
    // A score answers its question even if csat_asked was lost.
    (bot ? f.csat_bot_asked : f.csat_human_asked) = true;
    if (later(e.time_ms, score_ms, score.has_value())) {
      score = fields["score"].get<int>();
      score_ms = e.time_ms;
    }
  }
}

// Every stored field but the optional scores, once, for both directions.
// clang-format off
#define TANDEM_FACT_FIELDS(X) \
  X(started_ms) \
  X(has_start) \
  X(origin) \
  X(answers) \
  X(fallbacks) \
  X(clarifications) \
  X(helpful) \
  X(not_helpful) \
  X(last_answer) \
  X(last_answer_ms) \
  X(handoff_reason) \
  X(handoff_intent) \
  X(handoff_ms) \
  X(outcome) \
  X(outcome_ms) \
  X(end_intent) \
  X(repeat_1d) \
  X(repeat_7d) \
  X(csat_bot_asked) \
  X(csat_human_asked) \
  X(csat_bot_ms) \
  X(csat_human_ms)
// clang-format on

void to_json(nlohmann::json& out, const Facts& f) {
  out = nlohmann::json::object();
#define TANDEM_WRITE(name) out[#name] = f.name;
  TANDEM_FACT_FIELDS(TANDEM_WRITE)
#undef TANDEM_WRITE
  out["csat_bot"] = f.csat_bot ? nlohmann::json(*f.csat_bot) : nlohmann::json();
  out["csat_human"] = f.csat_human ? nlohmann::json(*f.csat_human) : nlohmann::json();
}

void from_json(const nlohmann::json& in, Facts& f) {
#define TANDEM_READ(name) in.at(#name).get_to(f.name);
  TANDEM_FACT_FIELDS(TANDEM_READ)
#undef TANDEM_READ
  if (!in.at("csat_bot").is_null()) f.csat_bot = in["csat_bot"].get<int>();
  if (!in.at("csat_human").is_null()) f.csat_human = in["csat_human"].get<int>();
}

}  // namespace tandem::desk
