#include "dialogue/screening.h"

#include <algorithm>

namespace tandem::dialogue {

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kResolved:
      return "resolved";
    case Outcome::kAbandoned:
      return "abandoned";
    case Outcome::kHelpful:
      return "helpful";
    case Outcome::kNotHelpful:
      return "not_helpful";
  }
  return "abandoned";
}

std::optional<Screening> screen(const Session& session) {
  if (session.handoff) return std::nullopt;
  Screening out;
  const Turn* last_bot = nullptr;
  for (const auto& turn : session.turns) {
    if (turn.role != Role::kBot) continue;
    last_bot = &turn;
    const bool about_intent =
        turn.action == engine::Action::kAnswer || turn.action == engine::Action::kCollect;
    if (about_intent && !turn.intent.empty() &&
        std::find(out.intents.begin(), out.intents.end(), turn.intent) == out.intents.end())
      out.intents.push_back(turn.intent);
  }
  for (auto a = session.answers.rbegin(); a != session.answers.rend(); ++a) {
    if (a->feedback == Feedback::kNone) continue;
    out.outcome = a->feedback == Feedback::kHelpful ? Outcome::kHelpful : Outcome::kNotHelpful;
    return out;
  }
  const bool answered_last =
      last_bot && last_bot->action == engine::Action::kAnswer && &session.turns.back() == last_bot;
  out.outcome = answered_last ? Outcome::kResolved : Outcome::kAbandoned;
  return out;
}

}  // namespace tandem::dialogue
