#include "dialogue/reading.h"

#include <algorithm>

#include "dialogue/action_step.h"
#include "dialogue/cues.h"
#include "dialogue/policy_config.h"

namespace tandem::dialogue {
namespace {

using engine::Action;

// The details of a message; a bare number in answer to "How much was the
// payment?" ("19.99") is that amount, read as if it followed "amount".
std::vector<Detail> details_of(std::string_view message, std::optional<DetailType> asked,
                               const DetailContext& context) {
  std::vector<Detail> found = extract_details(message, context);
  auto is_amount = [](const Detail& d) { return d.type == DetailType::kAmount; };
  if (asked != DetailType::kAmount || std::any_of(found.begin(), found.end(), is_amount))
    return found;
  constexpr std::string_view kCue = "amount ";
  for (Detail d : extract_details(std::string(kCue) + std::string(message), context)) {
    if (!is_amount(d) || d.begin < kCue.size()) continue;
    d.begin -= kCue.size();
    d.end -= kCue.size();
    found.push_back(std::move(d));
  }
  std::sort(found.begin(), found.end(),
            [](const Detail& a, const Detail& b) { return a.begin < b.begin; });
  return found;
}

}  // namespace

std::string_view question_for(DetailType type) {
  switch (type) {
    case DetailType::kOrderId:
      return texts::kAskOrderId;
    case DetailType::kEmail:
      return texts::kAskEmail;
    case DetailType::kPhone:
      return texts::kAskPhone;
    case DetailType::kAmount:
      return texts::kAskAmount;
    case DetailType::kDate:
      return texts::kAskDate;
    case DetailType::kCardLast4:
      return texts::kAskCardLast4;
  }
  return texts::kAskOrderId;
}

const kb::Intent* find_intent(const engine::Engine& engine, std::string_view id) {
  for (const auto& intent : engine.model().kb.intents)
    if (intent.id == id) return &intent;
  return nullptr;
}

std::vector<DetailType> required_details(const kb::Intent& intent) {
  std::vector<DetailType> types;
  for (const auto& name : intent.details)
    if (auto type = detail_from_name(name)) types.push_back(*type);
  return types;
}

std::vector<DetailType> missing_details(const kb::KnowledgeBase& kb, const Session& session,
                                        const kb::Intent& intent) {
  const kb::Action* action = kb::find_action(kb, intent.action);
  std::vector<DetailType> missing;
  for (DetailType type : action ? action_details(*action) : required_details(intent))
    if (!session.detail(type) && !session.declined_detail(type)) missing.push_back(type);
  return missing;
}

Given take_details(Session& session, std::string_view message, std::optional<DetailType> asked,
                   const Context& context, TurnNumber turn) {
  Given given;
  std::string rest;
  std::size_t from = 0;
  for (const auto& d : details_of(message, asked, context.details)) {
    given.types.push_back(d.type);
    // Masked like the turn itself: a stored detail must not carry what redaction hides.
    remember_detail(session, {d.type, privacy::redact(d.value, context.redaction_rules).text,
                              privacy::redact(d.text, context.redaction_rules).text, turn});
    if (d.begin >= from) rest.append(message.substr(from, d.begin - from)).push_back(' ');
    from = std::max(from, d.end);
  }
  rest.append(message.substr(std::min(from, message.size())));
  given.only_details = !given.types.empty() && content_words(rest) <= kDetailsOnlyWords;
  return given;
}

bool is_person_intent_id(const engine::Engine& engine, std::string_view id) {
  const auto& ids = engine.model().person_request_intents;
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool is_person_intent(const engine::Engine& engine, const engine::Candidate& c) {
  return !c.is_faq && is_person_intent_id(engine, c.id);
}

const kb::Intent* sensitive_intent(const engine::Engine& engine, const engine::Candidate& c) {
  if (c.is_faq || is_person_intent(engine, c)) return nullptr;
  const kb::Intent& intent = engine.model().kb.intents[c.index];
  return intent.sensitive ? &intent : nullptr;
}

const kb::Intent* confident_sensitive(const engine::Engine& engine, const engine::Decision& d) {
  if (d.candidates.empty() || (d.action != Action::kAnswer && d.action != Action::kHandoff))
    return nullptr;
  return sensitive_intent(engine, d.candidates.front());
}

std::optional<engine::Candidate> candidate_for(const kb::KnowledgeBase& kb, std::string_view id) {
  for (std::size_t i = 0; i < kb.intents.size(); ++i)
    if (kb.intents[i].id == id) return engine::Candidate{std::string(id), false, uint32_t(i), 1.0f};
  for (std::size_t i = 0; i < kb.faqs.size(); ++i)
    if (kb.faqs[i].id == id) return engine::Candidate{std::string(id), true, uint32_t(i), 1.0f};
  return std::nullopt;
}

engine::Decision chosen_decision(const engine::Candidate& choice) {
  engine::Decision decision;
  decision.action = Action::kAnswer;
  decision.intent = choice.id;
  decision.confidence = choice.confidence;
  decision.candidates = {choice};
  return decision;
}

Reply about(const engine::Engine& engine, const std::string& id, float confidence) {
  Reply r;
  r.intent = id;
  r.confidence = confidence;
  r.candidates.push_back({id, find_intent(engine, id) == nullptr, 0, confidence});
  return r;
}

std::string handoff_text(const kb::KnowledgeBase& kb) {
  return kb.messages.handoff.empty() ? kb::default_messages().handoff : kb.messages.handoff;
}

std::string not_helpful_detail(std::string_view intent) {
  return "The customer said the answer about " + readable_id(intent) + " did not help.";
}

engine::Decision without_person_intents(const engine::Engine& engine, engine::Decision d) {
  auto is_person = [&](const engine::Candidate& c) { return is_person_intent(engine, c); };
  if (d.candidates.empty() || !is_person(d.candidates.front())) return d;
  float removed = 0.0f;
  for (const auto& c : d.candidates)
    if (is_person(c)) removed += c.confidence;
  d.candidates.erase(std::remove_if(d.candidates.begin(), d.candidates.end(), is_person),
                     d.candidates.end());
  d.action = Action::kFallback;
  d.basis = engine::Basis::kBelowThreshold;
  d.intent.reset();
  d.confidence = 0.0f;
  if (d.candidates.empty() || removed >= 1.0f) return d;
  for (auto& c : d.candidates) c.confidence /= 1.0f - removed;
  d.intent = d.candidates.front().id;
  d.confidence = d.candidates.front().confidence;
  // The planner takes up a sensitive intent the same way as any other.
  if (d.confidence >= d.answer_threshold) {
    d.action = Action::kAnswer;
    d.basis = engine::Basis::kConfident;
  }
  return d;
}

std::optional<DetailType> waiting_for(const engine::Engine& engine, const Session& session) {
  const kb::Intent* intent = find_intent(engine, session.collecting);
  if (!intent) return std::nullopt;
  const auto missing = missing_details(engine.model().kb, session, *intent);
  if (missing.empty()) return std::nullopt;
  return missing.front();
}

const Turn* previous_bot_turn(const Session& session, TurnNumber customer_turn) {
  if (customer_turn == 0) return nullptr;
  const Turn* t = session.turn(customer_turn - 1);
  return t && t->role == Role::kBot ? t : nullptr;
}

// The sensitive need a clarification just before this message offered: the
// clarified customer message read again (its stored, redacted text decides as
// it did), its first sensitive candidate at kSensitiveFloor or above.
std::optional<engine::Candidate> sensitive_left_open(const engine::Engine& engine,
                                                     const Session& session,
                                                     TurnNumber customer_turn) {
  const Turn* clarify = previous_bot_turn(session, customer_turn);
  if (!clarify || clarify->action != Action::kClarify || customer_turn < 2) return std::nullopt;
  const Turn* asked = session.turn(customer_turn - 2);
  if (!asked || asked->role != Role::kCustomer) return std::nullopt;
  for (const auto& c : engine.decide(asked->text).candidates) {
    if (c.confidence < kSensitiveFloor) break;
    if (sensitive_intent(engine, c)) return c;
  }
  return std::nullopt;
}

}  // namespace tandem::dialogue
