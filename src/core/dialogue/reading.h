// What the policy reads before it plans a reply: the knowledge base's needs
// (intents, FAQs, person-request intents, sensitive ones), the details a
// message gives, and the turns just before it. Internal to dialogue/.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialogue/details.h"
#include "dialogue/policy.h"
#include "dialogue/session.h"
#include "engine/engine.h"
#include "kb/knowledge_base.h"

namespace tandem::dialogue {

std::string_view question_for(DetailType type);

const kb::Intent* find_intent(const engine::Engine& engine, std::string_view id);
std::vector<DetailType> required_details(const kb::Intent& intent);
// What the bot asks before it can go on: a sensitive intent's details (for
// the person), or the details its action's URL needs; a routine intent
// without an action asks nothing.
std::vector<DetailType> missing_details(const kb::KnowledgeBase& kb, const Session& session,
                                        const kb::Intent& intent);

// The details a message gave, and whether it said anything else.
struct Given {
  std::vector<DetailType> types;
  bool only_details = false;
  bool gave(DetailType type) const {
    return std::find(types.begin(), types.end(), type) != types.end();
  }
};

// Remembers the details of a message; a bare number in answer to "How much
// was the payment?" ("19.99") is that amount.
Given take_details(Session& session, std::string_view message, std::optional<DetailType> asked,
                   const Context& context, TurnNumber turn);

bool is_person_intent_id(const engine::Engine& engine, std::string_view id);
bool is_person_intent(const engine::Engine& engine, const engine::Candidate& c);
const kb::Intent* sensitive_intent(const engine::Engine& engine, const engine::Candidate& c);
// The engine's confident reading is a sensitive need ("I want to complain
// about the repair"): that need, its queue and priority, is the reason.
const kb::Intent* confident_sensitive(const engine::Engine& engine, const engine::Decision& d);

// The intent or FAQ with that id, as a candidate the customer chose (confidence 1).
std::optional<engine::Candidate> candidate_for(const kb::KnowledgeBase& kb, std::string_view id);
// What the customer's own choice decides: that need, no classifier involved.
engine::Decision chosen_decision(const engine::Candidate& choice);
// A reply about an intent or FAQ known only by id, as a stored turn names it.
Reply about(const engine::Engine& engine, const std::string& id, float confidence);

std::string handoff_text(const kb::KnowledgeBase& kb);
std::string not_helpful_detail(std::string_view intent);

// A person-request intent on top while the detector says the message asks for
// no one ("can a person pay with two cards?"): the other candidates share its
// probability and the engine's answer threshold decides again.
engine::Decision without_person_intents(const engine::Engine& engine, engine::Decision d);

// The detail the bot's last question asked for: the first one its need still lacks.
std::optional<DetailType> waiting_for(const engine::Engine& engine, const Session& session);
// The bot's previous turn, if the customer's current message directly follows it.
const Turn* previous_bot_turn(const Session& session, TurnNumber customer_turn);
// The sensitive need a clarification just before this message offered, if
// the customer answered it with details alone.
std::optional<engine::Candidate> sensitive_left_open(const engine::Engine& engine,
                                                     const Session& session,
                                                     TurnNumber customer_turn);

}  // namespace tandem::dialogue
