// One conversation as the widget keeps it between messages: the turns (already
// redacted: the raw text never needs to persist), the details collected, the
// answers tried and what the policy tracks across turns. Bounded in size, and
// stored as JSON that is validated on the way back in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "dialogue/details.h"
#include "engine/engine.h"
#include "privacy/redaction.h"

namespace tandem::dialogue {

// Size bounds: a long chat stays far below the bundle's 256 KB.
inline constexpr std::size_t kMaxTurns = 100;          // older turns are dropped first
inline constexpr std::size_t kMaxTurnChars = 1000;     // code points; longer text is cut
inline constexpr std::size_t kMaxAnswersTried = 50;    // the bundle's limit
inline constexpr std::size_t kMaxRedactionKinds = 32;  // the bundle's limit
// Version 2 added "declined" and "person_hint", version 3 "refused" and
// "confirming"; older sessions still restore.
inline constexpr int kSessionFormatVersion = 3;

enum class Role { kCustomer, kBot, kAgent };
enum class Mode { kBot, kHuman };
enum class Feedback { kNone, kHelpful, kNotHelpful };

std::string_view role_name(Role role);
std::string_view feedback_name(Feedback feedback);

// Turn numbers count every turn since the conversation began, including turns
// dropped to bound the size: they never change meaning.
using TurnNumber = uint64_t;

// An action the bot called, or could not call, for the person taking over:
// what was looked up with what, and how it went (docs/actions.md).
struct ActionCall {
  std::string action;
  std::vector<std::pair<std::string, std::string>> inputs;  // detail name -> masked value
  std::string
      outcome;  // answered, not_found, needs_sign_in, timeout, network, server_error, bad_response
  int64_t latency_ms = 0;
};

// The action whose outcome the bot waits for (the browser is calling it).
struct PendingAction {
  std::string action;
  std::string need;  // the intent or FAQ it answers
  float confidence = 0.0f;
};

struct Turn {
  Role role = Role::kCustomer;
  std::string text;     // redacted
  int64_t time_ms = 0;  // since the epoch, as the caller's clock said
  // Bot turns: the intent or FAQ behind the reply, its confidence, the action.
  std::string intent;
  float confidence = 0.0f;
  engine::Action action = engine::Action::kFallback;
  std::optional<ActionCall> call;  // bot turns answering from an action
};

struct CollectedDetail {
  DetailType type;
  std::string value;  // canonical
  std::string text;   // as written
  TurnNumber turn = 0;
};

struct AnswerTried {
  std::string intent;
  TurnNumber turn = 0;  // the bot turn that gave it
  Feedback feedback = Feedback::kNone;
};

struct Handoff {
  engine::HandoffReason reason = engine::HandoffReason::kNone;
  std::string detail;  // the reason in a sentence, for the person taking over
  TurnNumber turn = 0;
};

struct Session {
  std::vector<Turn> turns;
  TurnNumber dropped_turns = 0;          // turns[0] is turn number dropped_turns
  std::vector<CollectedDetail> details;  // at most one per type, the latest
  std::vector<AnswerTried> answers;
  std::vector<privacy::Redaction> redactions;  // merged over every turn
  int low_confidence_turns = 0;                // consecutive
  int failures = 0;                            // turns the bot could not help, in total
  float frustration = 0.0f;                    // decays every customer turn
  std::string collecting;                      // intent whose details are being asked
  std::vector<DetailType> declined;            // refused or not given when asked: never asked again
  std::vector<DetailType> refused;  // of those, the ones the customer said they won't give
  // The last message read like a request for a person to the classifier
  // though not to the detector: a second such message is one.
  bool person_hint = false;
  // The bot asked "Did you mean <this>?" (one routine intent or FAQ, just below
  // the answer threshold): a yes takes it up, a no does not count as an answer.
  std::string confirming;
  Mode mode = Mode::kBot;
  std::optional<Handoff> handoff;
  std::optional<PendingAction> pending_action;

  TurnNumber next_turn() const { return dropped_turns + turns.size(); }
  // The stored turn with that number, or nullptr when dropped or not yet said.
  const Turn* turn(TurnNumber number) const;
  const CollectedDetail* detail(DetailType type) const;
  bool declined_detail(DetailType type) const;
};

// Appends a turn, cutting its text and dropping the oldest turns (and the
// answers that pointed at them) to stay within the bounds. Returns its number.
TurnNumber add_turn(Session& session, Turn turn);
// Keeps the latest value of each type.
void remember_detail(Session& session, CollectedDetail detail);
void merge_redactions(Session& session, const std::vector<privacy::Redaction>& found);

// The stored form, as JSON text (the only writer) or as a value.
void append_session_json(const Session& session, std::string& out);
nlohmann::json to_json(const Session& session);
// A stored session that is not one (corrupted, edited, from a newer version)
// gives errors with JSON pointers; the caller then starts a fresh session.
Expected<Session> session_from_json(const nlohmann::json& stored);
Expected<Session> session_from_json_text(std::string_view stored);

}  // namespace tandem::dialogue
