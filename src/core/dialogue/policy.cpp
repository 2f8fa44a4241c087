#include "dialogue/policy.h"

#include <algorithm>
#include <utility>

#include "dialogue/action_step.h"
#include "dialogue/cues.h"
#include "dialogue/planner.h"
#include "dialogue/policy_config.h"
#include "dialogue/reading.h"

namespace tandem::dialogue {
namespace {

using engine::Action;
using engine::HandoffReason;

// Stores the bot's side of a reply and what it changes in the session.
void record_reply(Session& session, Reply& reply, const Context& context) {
  Turn turn{Role::kBot,       reply.text,   context.now_ms, reply.intent.value_or(""),
            reply.confidence, reply.action, reply.called};
  reply.turn = add_turn(session, std::move(turn));
  // A guess (a confirmation, "A or B?" from a fallback): a "no" to it counts towards the handoff.
  if (reply.action != Action::kFallback && !reply.guess) session.low_confidence_turns = 0;
  if (reply.action == Action::kAnswer && reply.intent)
    session.answers.push_back({*reply.intent, reply.turn, Feedback::kNone});
  if (reply.action == Action::kHandoff) {
    session.mode = Mode::kHuman;
    session.collecting.clear();
    session.confirming.clear();  // back with the bot, a "yes" answers no stale offer
    session.handoff = Handoff{reply.reason, reply.reason_detail, reply.turn};
  }
}

// A reply waiting for its action's outcome is recorded by complete_action().
void record_unless_calling(Session& session, Reply& reply, const Context& context) {
  if (!reply.call) return record_reply(session, reply, context);
  session.low_confidence_turns = 0;
  reply.turn = session.next_turn();
}

TurnNumber add_text_turn(Session& session, Role role, std::string_view text,
                         const Context& context) {
  auto redacted = privacy::redact(text, context.redaction_rules);
  merge_redactions(session, redacted.redactions);
  Turn turn;
  turn.role = role;
  turn.text = std::move(redacted.text);
  turn.time_ms = context.now_ms;
  return add_turn(session, std::move(turn));
}

// The knowledge base says how its order numbers look unless the host does,
// and adds its own patterns to mask to the host's.
Context with_knowledge_base(const engine::Engine& engine, const Context& host_context) {
  Context context = host_context;
  if (context.details.order_id_prefix.empty())
    context.details.order_id_prefix = engine.model().kb.policy.order_id_prefix;
  const auto& kb_rules = engine.model().kb.redactions;
  context.redaction_rules.insert(context.redaction_rules.end(), kb_rules.begin(), kb_rules.end());
  return context;
}

// In human mode the bot stays silent: the customer's turn is all that happens.
Reply silent(const Session& session, TurnNumber customer_turn) {
  Reply reply;
  reply.action = Action::kHandoff;
  reply.reason = session.handoff ? session.handoff->reason : HandoffReason::kNone;
  reply.turn = customer_turn;
  return reply;
}

}  // namespace

std::string readable_id(std::string_view id) {
  if (id.substr(0, 4) == "faq.") id.remove_prefix(4);
  std::string out(id);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string label_of(const kb::KnowledgeBase& kb, std::string_view id) {
  for (const auto& intent : kb.intents)
    if (intent.id == id) return intent.label.empty() ? readable_id(id) : intent.label;
  for (const auto& faq : kb.faqs)
    if (faq.id == id) return faq.label.empty() ? readable_id(id) : faq.label;
  return readable_id(id);
}

Reply respond(const engine::Engine& engine, Session& session, std::string_view message,
              const Context& host_context) {
  const Context context = with_knowledge_base(engine, host_context);
  const std::optional<DetailType> asked = waiting_for(engine, session);
  const TurnNumber customer_turn = add_text_turn(session, Role::kCustomer, message, context);
  const Given given = take_details(session, message, asked, context, customer_turn);
  if (session.mode == Mode::kHuman) return silent(session, customer_turn);
  session.frustration = session.frustration * kFrustrationDecay + frustration_signal(message);
  // A typed yes to "Did you mean ...?" is the chip's yes; a longer reply is a new message.
  const std::string confirming = std::exchange(session.confirming, std::string());
  if (!confirming.empty() && affirms(message))
    if (const auto choice = candidate_for(engine.model().kb, confirming)) {
      session.person_hint = false;
      const engine::Decision decision = chosen_decision(*choice);
      Reply reply = plan_choice({engine, session, "", decision, customer_turn}, *choice);
      record_reply(session, reply, context);
      return reply;
    }
  const engine::Decision raw = engine.decide(message, context.neural);
  bool asks_for_person = engine.model().person_request.says_yes(message);
  // The classifier's person intent on top twice running is a request too: a
  // customer asking twice is never left with the bot.
  const bool hint = !asks_for_person && !raw.candidates.empty() &&
                    is_person_intent(engine, raw.candidates.front()) &&
                    raw.confidence >= kPersonHintConfidence;
  if (hint && session.person_hint) asks_for_person = true;
  session.person_hint = hint && !asks_for_person;
  const engine::Decision decision = asks_for_person ? raw : without_person_intents(engine, raw);
  // "Your staff were rude, I want to complain": a person named as what a
  // confident sensitive need is about, not reached for. The need is taken up
  // (its details, then a person) instead of a bare request for anyone.
  if (asks_for_person && confident_sensitive(engine, decision) && names_person(message) &&
      !reaches_for_person(message))
    asks_for_person = false;
  session.pending_action.reset();  // a call never reported (the page closed) is dropped
  // Details alone in reply to "Did you mean A or B?" with a sensitive need
  // among them: the customer went on with their case rather than pick, and a
  // hard case is not left in a fallback. That need is taken up.
  if (given.only_details && confirming.empty())
    if (const auto need = sensitive_left_open(engine, session, customer_turn)) {
      const engine::Decision decision = chosen_decision(*need);
      Reply reply = plan_choice({engine, session, "", decision, customer_turn}, *need);
      record_reply(session, reply, context);
      return reply;
    }
  Reply reply = plan_message({engine, session, message, decision, customer_turn}, asks_for_person,
                             given, asked, !confirming.empty() && denies(message));
  reply.neural = decision.neural;
  record_unless_calling(session, reply, context);
  return reply;
}

Expected<Reply> choose(const engine::Engine& engine, Session& session, std::string_view id,
                       const Context& host_context) {
  const kb::KnowledgeBase& kb = engine.model().kb;
  const bool other = id == kChoiceOther, person = id == kChoicePerson;
  const std::optional<engine::Candidate> choice = candidate_for(kb, id);
  if (!choice && !other && !person)
    return Error{"choose", "no intent or FAQ has the id \"" + std::string(id) + "\""};
  const Context context = with_knowledge_base(engine, host_context);
  // The customer's side of the turn is what they clicked.
  const std::string clicked = other    ? std::string(texts::kConfirmOther)
                              : person ? std::string(texts::kConfirmPerson)
                                       : label_of(kb, id);
  const TurnNumber customer_turn = add_text_turn(session, Role::kCustomer, clicked, context);
  if (session.mode == Mode::kHuman) return silent(session, customer_turn);
  session.person_hint = false;
  session.confirming.clear();
  session.pending_action.reset();
  const engine::Decision decision = choice ? chosen_decision(*choice) : engine::Decision{};
  const PlanInput in{engine, session, "", decision, customer_turn};
  Reply reply = other ? plan_rejected(in) : person ? plan_person(in) : plan_choice(in, *choice);
  record_unless_calling(session, reply, context);
  return reply;
}

Expected<std::optional<Reply>> record_feedback(const engine::Engine& engine, Session& session,
                                               TurnNumber turn, bool helpful,
                                               const Context& context) {
  auto answer = std::find_if(session.answers.begin(), session.answers.end(),
                             [&](const AnswerTried& a) { return a.turn == turn; });
  if (answer == session.answers.end())
    return Error{"feedback", "turn " + std::to_string(turn) + " gave no answer"};
  answer->feedback = helpful ? Feedback::kHelpful : Feedback::kNotHelpful;
  if (helpful || session.mode == Mode::kHuman) return std::optional<Reply>();
  const Turn* answered = session.turn(turn);
  Reply reply = about(engine, answer->intent, answered ? answered->confidence : 0.0f);
  reply.action = Action::kHandoff;
  reply.reason = HandoffReason::kNotHelpful;
  reply.reason_detail = not_helpful_detail(answer->intent);
  reply.text = handoff_text(engine.model().kb);
  record_reply(session, reply, context);
  return std::optional<Reply>(std::move(reply));
}

Expected<Reply> complete_action(const engine::Engine& engine, Session& session,
                                const ActionResult& result, const Context& host_context) {
  if (!session.pending_action) return Error{"action", "no action call is pending"};
  if (session.mode == Mode::kHuman) {
    session.pending_action.reset();
    return Error{"action", "the conversation is with a person"};
  }
  const Context context = with_knowledge_base(engine, host_context);
  const kb::KnowledgeBase& kb = engine.model().kb;
  Reply reply = action_reply(kb, session, result, handoff_text(kb), question_for);
  record_reply(session, reply, context);
  return reply;
}

bool record_known_detail(const engine::Engine& engine, Session& session, DetailType type,
                         std::string_view value, std::string_view shown,
                         const Context& host_context) {
  const Context context = with_knowledge_base(engine, host_context);
  const auto found = extract_details(value, context.details);
  const bool blank = shown.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (found.size() != 1 || found.front().type != type || blank) return false;
  const TurnNumber turn = add_text_turn(session, Role::kBot, shown, context);
  // The site's own words, not a guess: no intent, full confidence.
  session.turns.back().action = Action::kAnswer;
  session.turns.back().confidence = 1.0f;
  // No "as written": the customer did not write it.
  remember_detail(
      session,
      {type, privacy::redact(found.front().value, context.redaction_rules).text, "", turn});
  return true;
}

void add_agent_turn(Session& session, std::string_view text, const Context& context) {
  add_text_turn(session, Role::kAgent, text, context);
}

void redact_session(Session& session, const std::vector<privacy::RedactionRule>& rules) {
  auto mask = [&](std::string& text) {
    auto redacted = privacy::redact(text, rules);
    merge_redactions(session, redacted.redactions);
    text = std::move(redacted.text);
  };
  for (auto& turn : session.turns) mask(turn.text);
  for (auto& detail : session.details) {
    detail.value = privacy::redact(detail.value, rules).text;
    detail.text = privacy::redact(detail.text, rules).text;
  }
  if (session.handoff) mask(session.handoff->detail);
}

void return_to_bot(Session& session) {
  session.mode = Mode::kBot;
  session.low_confidence_turns = 0;
  session.frustration = 0.0f;
}

engine::Decision to_decision(const Reply& reply) {
  engine::Decision decision;
  decision.action = reply.action;
  decision.intent = reply.intent;
  decision.confidence = reply.confidence;
  decision.reply = reply.text;
  decision.reason = reply.reason;
  decision.basis = reply.basis;
  decision.candidates = reply.candidates;
  return decision;
}

}  // namespace tandem::dialogue
