// The conversation policy: per customer message, answer, clarify, ask for a
// missing detail, or hand off to a person, with the reason code of
// ARCHITECTURE.md 3.3. The engine judges one message; the policy adds what
// the session remembers. Numbers and texts: dialogue/policy_config.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "dialogue/details.h"
#include "dialogue/session.h"
#include "engine/engine.h"
#include "nlu/neural_scores.h"
#include "privacy/redaction.h"

namespace tandem::dialogue {

// What the caller knows that the core may not look up itself.
struct Context {
  int64_t now_ms = 0;     // ms since the epoch
  DetailContext details;  // today's date (relative dates), order id prefix, currency
  std::vector<privacy::RedactionRule> redaction_rules;  // masked in stored turns
  // Scores of this message from a neural model run outside the engine, if any.
  const nlu::NeuralScores* neural = nullptr;
};

// A clarification's option: what a chip selects, and what it says.
struct Choice {
  std::string id;     // intent or FAQ id
  std::string label;  // the KB's label, or the id in words
};

// The chips of a confirmation besides its yes (which is the offered id):
// "something else" and "talk to a person". conversation.choose() takes them.
inline constexpr std::string_view kChoiceOther = "tandem:other";
inline constexpr std::string_view kChoicePerson = "tandem:person";

// An action for the browser to call (docs/actions.md): the core filled the
// URL from the session's details; the widget fetches it and reports back
// through complete_action().
struct ActionRequest {
  std::string action;
  std::string method, url, body;  // body: POST's inputs as a JSON object
  std::vector<std::pair<std::string, std::string>> headers;
  bool needs_customer = false;
  int timeout_ms = 0;
};

// How the browser's call went. A response is judged by the core (its fields,
// their types); kNeedsSignIn covers no customer and a token refused twice.
enum class CallOutcome { kResponse, kNotFound, kNeedsSignIn, kTimeout, kNetwork, kServerError };

struct ActionResult {
  CallOutcome outcome = CallOutcome::kNetwork;
  std::string body;  // kResponse: the response body
  int64_t latency_ms = 0;
};

struct Reply {
  engine::Action action = engine::Action::kFallback;
  engine::HandoffReason reason = engine::HandoffReason::kNone;
  engine::Basis basis = engine::Basis::kConfident;  // a fallback's: why it did not answer
  std::string reason_detail;  // for the person taking over; empty unless a handoff
  std::string text;           // what the customer sees; empty in human mode
  std::optional<std::string> intent;
  float confidence = 0.0f;
  std::vector<engine::Candidate> candidates;  // best first
  std::vector<Choice> choices;                // clarify: what was offered, best first
  // A one-choice clarify, "Did you mean <confirm>?": its choices are the chips
  // yes (confirm's id, labelled "Yes"), kChoiceOther and kChoicePerson.
  std::optional<Choice> confirm;
  // A clarify offered for a message the engine declined (a confirmation, or
  // "A or B?" from a fallback): still a guess, so "something else" after it
  // counts towards the low-confidence handoff.
  bool guess = false;
  bool neural = false;                   // neural scores took part in the decision
  std::optional<DetailType> asking_for;  // collect: the detail asked
  TurnNumber turn = 0;  // the bot's turn (feedback names it); in human mode the customer's
  // An action to call before the customer sees anything: the reply (its text
  // the general answer) is not recorded yet; complete_action() gives the one shown.
  std::optional<ActionRequest> call;
  std::optional<ActionCall> called;  // the call this reply answers from, for the transcript
};

// Records the message (redacted) and the bot's reply in the session. In human
// mode the bot stays silent: the reply is a handoff with no text.
Reply respond(const engine::Engine& engine, Session& session, std::string_view message,
              const Context& context);

// The customer picked `id` (an intent or FAQ, e.g. a clarification's chip):
// that need is taken up directly (answered, its details asked, or handed off
// with its queue and priority), never re-classified from the chip's words. The
// customer's turn records the label they clicked. kChoiceOther declines a
// confirmation (the bot asks for other words), kChoicePerson hands off
// (asked_for_person). An unknown id is an error.
Expected<Reply> choose(const engine::Engine& engine, Session& session, std::string_view id,
                       const Context& context);

// The customer's verdict on the answer given at bot turn `turn`. "Not helpful"
// hands off (the returned reply, recorded in the session); an unknown turn is an error.
Expected<std::optional<Reply>> record_feedback(const engine::Engine& engine, Session& session,
                                               TurnNumber turn, bool helpful,
                                               const Context& context);

// The outcome of the session's pending action call: the answer rendered from
// its declared fields, a detail asked again (not found), a sign-in prompt
// with the general answer, or a handoff that names what failed. An error
// when no call is pending (a stale or repeated report).
Expected<Reply> complete_action(const engine::Engine& engine, Session& session,
                                const ActionResult& result, const Context& context);

// The reply in the engine's decision form, for the writers of ARCHITECTURE.md
// 3.1's JSON (engine/decision_json.h).
engine::Decision to_decision(const Reply& reply);

// An intent or FAQ id as words ("faq.support_hours" -> "support hours"): the
// model keeps ids, not display names.
std::string readable_id(std::string_view id);
// What the customer sees for an intent or FAQ: its KB label, else readable_id.
std::string label_of(const kb::KnowledgeBase& kb, std::string_view id);

// Masks what a stored session may still hold in clear (written by an older
// version, or before a KB pattern existed): turns, details, the handoff note.
void redact_session(Session& session, const std::vector<privacy::RedactionRule>& rules);

// What the host showed the customer about something it knows already (an
// after-sales notice: "Your parcel is delayed. Order LP-000124 is held..."):
// recorded as a bot turn, so the person taking over reads it too, and the
// detail it is about (value) kept as if the customer had written it, so a
// follow-up such as "why is it late?" is about it and it is never asked for.
// False, and nothing recorded, unless value reads as exactly one detail of
// that type and shown has words.
bool record_known_detail(const engine::Engine& engine, Session& session, DetailType type,
                         std::string_view value, std::string_view shown, const Context& context);

// A person's message after handoff, and the customer's explicit return to the bot.
void add_agent_turn(Session& session, std::string_view text, const Context& context);
void return_to_bot(Session& session);

}  // namespace tandem::dialogue
