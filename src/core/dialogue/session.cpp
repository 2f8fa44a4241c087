#include "dialogue/session.h"

#include <algorithm>

#include "text/clip.h"

namespace tandem::dialogue {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kCustomer:
      return "customer";
    case Role::kBot:
      return "bot";
    case Role::kAgent:
      return "agent";
  }
  return "customer";
}

std::string_view feedback_name(Feedback feedback) {
  switch (feedback) {
    case Feedback::kNone:
      return "none";
    case Feedback::kHelpful:
      return "helpful";
    case Feedback::kNotHelpful:
      return "not_helpful";
  }
  return "none";
}

const Turn* Session::turn(TurnNumber number) const {
  if (number < dropped_turns || number >= next_turn()) return nullptr;
  return &turns[number - dropped_turns];
}

const CollectedDetail* Session::detail(DetailType type) const {
  for (const auto& d : details)
    if (d.type == type) return &d;
  return nullptr;
}

bool Session::declined_detail(DetailType type) const {
  return std::find(declined.begin(), declined.end(), type) != declined.end();
}

TurnNumber add_turn(Session& session, Turn turn) {
  turn.text = text::clip(turn.text, kMaxTurnChars);
  session.turns.push_back(std::move(turn));
  if (session.turns.size() > kMaxTurns) {
    const std::size_t drop = session.turns.size() - kMaxTurns;
    session.turns.erase(session.turns.begin(), session.turns.begin() + static_cast<long>(drop));
    session.dropped_turns += drop;
    auto& answers = session.answers;
    answers.erase(
        std::remove_if(answers.begin(), answers.end(),
                       [&](const AnswerTried& a) { return a.turn < session.dropped_turns; }),
        answers.end());
  }
  if (session.answers.size() > kMaxAnswersTried) session.answers.erase(session.answers.begin());
  return session.next_turn() - 1;
}

void remember_detail(Session& session, CollectedDetail detail) {
  detail.value = text::clip(detail.value, kMaxTurnChars);
  detail.text = text::clip(detail.text, kMaxTurnChars);
  for (auto& d : session.details) {
    if (d.type == detail.type) {
      d = std::move(detail);
      return;
    }
  }
  session.details.push_back(std::move(detail));
}

void merge_redactions(Session& session, const std::vector<privacy::Redaction>& found) {
  for (const auto& r : found) {
    auto same = std::find_if(session.redactions.begin(), session.redactions.end(),
                             [&](const privacy::Redaction& s) { return s.kind == r.kind; });
    if (same != session.redactions.end())
      same->count += r.count;
    else if (session.redactions.size() < kMaxRedactionKinds)
      session.redactions.push_back(r);
  }
}

}  // namespace tandem::dialogue
