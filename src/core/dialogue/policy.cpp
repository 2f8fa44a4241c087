#include "dialogue/policy.h"

#include <algorithm>
#include <utility>

#include "dialogue/action_step.h"
#include "dialogue/cues.h"
#include "dialogue/policy_config.h"

namespace tandem::dialogue {
namespace {

using engine::Action;
using engine::HandoffReason;

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

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
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

// What the bot asks before it can go on: a sensitive intent's details (for
// the person), or the details its action's URL needs; a routine intent
// without an action asks nothing.
std::vector<DetailType> missing_details(const kb::KnowledgeBase& kb, const Session& session,
                                        const kb::Intent& intent) {
  const kb::Action* action = kb::find_action(kb, intent.action);
  std::vector<DetailType> missing;
  for (DetailType type : action ? action_details(*action) : required_details(intent))
    if (!session.detail(type) && !session.declined_detail(type)) missing.push_back(type);
  return missing;
}

// The details a message gave, and whether it said anything else.
struct Given {
  std::vector<DetailType> types;
  bool only_details = false;
  bool gave(DetailType type) const {
    return std::find(types.begin(), types.end(), type) != types.end();
  }
};

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

// Remembers the details of a message.
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

// The engine's confident reading is a sensitive need ("I want to complain
// about the repair"): that need, its queue and priority, is the reason.
const kb::Intent* confident_sensitive(const engine::Engine& engine, const engine::Decision& d) {
  if (d.candidates.empty() || (d.action != Action::kAnswer && d.action != Action::kHandoff))
    return nullptr;
  return sensitive_intent(engine, d.candidates.front());
}

// The intent or FAQ with that id, as a candidate the customer chose (confidence 1).
std::optional<engine::Candidate> candidate_for(const kb::KnowledgeBase& kb, std::string_view id) {
  for (std::size_t i = 0; i < kb.intents.size(); ++i)
    if (kb.intents[i].id == id) return engine::Candidate{std::string(id), false, uint32_t(i), 1.0f};
  for (std::size_t i = 0; i < kb.faqs.size(); ++i)
    if (kb.faqs[i].id == id) return engine::Candidate{std::string(id), true, uint32_t(i), 1.0f};
  return std::nullopt;
}

// What the customer's own choice decides: that need, no classifier involved.
engine::Decision chosen_decision(const engine::Candidate& choice) {
  engine::Decision decision;
  decision.action = Action::kAnswer;
  decision.intent = choice.id;
  decision.confidence = choice.confidence;
  decision.candidates = {choice};
  return decision;
}

// A reply about an intent or FAQ known only by id, as a stored turn names it.
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

// A person-request intent on top while the detector says the message asks for
// no one ("can a person pay with two cards?"): the other candidates share its
// probability and the engine's answer threshold decides again.
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

// The detail the bot's last question asked for: the first one its need still lacks.
std::optional<DetailType> waiting_for(const engine::Engine& engine, const Session& session) {
  const kb::Intent* intent = find_intent(engine, session.collecting);
  if (!intent) return std::nullopt;
  const auto missing = missing_details(engine.model().kb, session, *intent);
  if (missing.empty()) return std::nullopt;
  return missing.front();
}

// The bot's previous turn, if the customer's current message directly follows it.
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

// Decides one message in bot mode; the caller records the reply.
class Planner {
 public:
  Planner(const engine::Engine& engine, Session& session, std::string_view message,
          const engine::Decision& decision, TurnNumber customer_turn)
      : engine_(engine),
        kb_(engine.model().kb),
        s_(session),
        message_(message),
        d_(decision),
        customer_turn_(customer_turn) {}

  // `asked`: the detail the bot's question was waiting for, if any;
  // `rejects_confirmation`: a "no" to the bot's "Did you mean ...?".
  Reply plan(bool asks_for_person, const Given& given, std::optional<DetailType> asked,
             bool rejects_confirmation) {
    Reply r = decide(asks_for_person, given, asked, rejects_confirmation);
    // However else the message read, a request for a person is never left with the bot.
    if (asks_for_person && r.action != Action::kHandoff)
      return handoff_about_need(HandoffReason::kAskedForPerson,
                                "The customer asked for a person." + declined_note());
    return r;
  }

  Reply chosen_person() const {
    return handoff_about_need(HandoffReason::kAskedForPerson, "The customer asked for a person.");
  }

  // The customer chose this need themselves (a chip, or yes to a confirmation).
  Reply chosen(const engine::Candidate& choice) {
    return is_person_intent(engine_, choice) ? chosen_person() : take_up(choice);
  }

  // "No" to "Did you mean ...?": not understood, so a second miss hands off;
  // the customer is asked for other words, and told a person is there.
  Reply confirmation_rejected() {
    Reply r = not_understood();
    if (r.action == Action::kFallback) r.text = texts::kConfirmRejected;
    return r;
  }

 private:
  Reply decide(bool asks_for_person, const Given& given, std::optional<DetailType> asked,
               bool rejects_confirmation) {
    // A refusal, or a reply without the asked detail, is noted before anything
    // else, so a handoff it causes says so and the detail is never asked again.
    const bool declines = asked && declines_detail(message_);
    if (asked && !given.gave(*asked))
      if (const DetailType type = declined_named(*asked); !s_.declined_detail(type)) {
        s_.declined.push_back(type);
        if (declines) s_.refused.push_back(type);
      }
    const Turn* before = previous_bot_turn(s_, customer_turn_);
    const bool after_answer = before && before->action == Action::kAnswer;
    // The detector also fires on refusals, "that's not what I asked" and
    // outbursts; unless the message names a person, their own reason tells
    // the person taking over more (plan() still hands off).
    const bool other_reading = declines || s_.frustration >= kFrustrationThreshold ||
                               (after_answer && says_not_helpful(message_));
    const bool named = names_person(message_);
    if (asks_for_person && !named && s_.collecting.empty())
      if (const kb::Intent* need = confident_sensitive())
        return handoff(HandoffReason::kSensitive,
                       readable_id(need->id) +
                           " is handled by a person; the customer wanted one "
                           "at once, before any detail was asked.",
                       from_decision());
    if (asks_for_person && (named || !other_reading))
      return handoff_about_need(HandoffReason::kAskedForPerson,
                                "The customer asked for a person." + declined_note());
    if (s_.frustration >= kFrustrationThreshold)
      return handoff_about_need(HandoffReason::kFrustration,
                                "The customer sounds frustrated (negative wording, capitals, "
                                "repeated punctuation or repeated failures).");
    // An answer to the bot's question is read as that answer first.
    if (!s_.collecting.empty())
      if (auto reply = continue_collecting(given, declines, asked)) return *reply;
    if (given.only_details) return noted();
    if (rejects_confirmation) return confirmation_rejected();
    if (after_answer) {
      if (says_not_helpful(message_)) {
        mark_last_answer(Feedback::kNotHelpful);
        return handoff(
            HandoffReason::kNotHelpful,
            "The customer said the answer about " + readable_id(before->intent) + " did not help.",
            previous_need());
      }
      if (rephrased(*before))
        return handoff(HandoffReason::kRepeatedFailure,
                       "The customer asked about " + readable_id(before->intent) +
                           " again right after its answer.",
                       from_decision());
    }
    if (auto reply = sensitive_first()) return *reply;
    switch (d_.action) {
      case Action::kAnswer:
      case Action::kHandoff:  // the engine's handoff is a sensitive intent
        return take_up(d_.candidates.front());
      case Action::kClarify:
        return clarify(offered());
      case Action::kFallback:
        if (auto reply = confirm_top()) return *reply;
        break;
      case Action::kCollect:
        break;
    }
    return not_understood();
  }

  Reply from_decision() const {
    Reply r;
    r.intent = d_.intent;
    r.confidence = d_.confidence;
    r.candidates = d_.candidates;
    return r;
  }

  // What the conversation was about before this message: a request for a
  // person or an outburst names no need of its own.
  Reply previous_need() const {
    for (auto t = s_.turns.rbegin(); t != s_.turns.rend(); ++t) {
      if (t->role != Role::kBot || t->intent.empty() || t->action == Action::kFallback) continue;
      return about(engine_, t->intent, t->confidence);
    }
    return from_decision();
  }

  Reply handoff(HandoffReason reason, std::string detail, Reply r) const {
    r.action = Action::kHandoff;
    r.reason = reason;
    r.reason_detail = std::move(detail);
    r.text = handoff_text(kb_);
    return r;
  }

  Reply handoff_about_need(HandoffReason reason, std::string detail) const {
    return handoff(reason, std::move(detail), previous_need());
  }

  bool rephrased(const Turn& before) const {
    if (!d_.intent || *d_.intent != before.intent) return false;
    if (d_.action != Action::kAnswer && d_.action != Action::kClarify) return false;
    // Greetings and thanks (low priority) repeat harmlessly.
    const kb::Intent* intent = find_intent(engine_, before.intent);
    return !(intent && intent->priority == kb::Priority::kLow);
  }

  void mark_last_answer(Feedback feedback) {
    if (!s_.answers.empty()) s_.answers.back().feedback = feedback;
  }

  Reply take_up(const engine::Candidate& top) {
    if (top.is_faq) {
      Reply r = from_decision();
      r.action = Action::kAnswer;
      r.text = kb_.faqs[top.index].answer;
      return with_action(kb_.faqs[top.index].action, top.id, std::move(r));
    }
    const kb::Intent& intent = kb_.intents[top.index];
    s_.collecting = intent.id;
    return next_step(intent, from_decision(), /*taken_up=*/true);
  }

  // A sensitive need's KB answer is what the company tells the customer while
  // a person takes over ("please stop using the product", "never share your
  // login codes"): shown once, when the need is taken up, before its first
  // question or with the handoff. A person-request intent's answer would only
  // repeat the handoff.
  std::string meanwhile(const kb::Intent& intent, bool taken_up) const {
    if (!taken_up || !intent.sensitive || is_person_intent_id(engine_, intent.id)) return "";
    return intent.answer + "\n\n";
  }

  // A sensitive intent asks for its first missing detail, or finishes with a
  // person. A routine intent is answered at once: its answer is the same
  // whatever the order number, so asking first would only delay the customer;
  // details given anyway are kept for a later handoff. A detail already given,
  // refused or left unanswered is never asked (again).
  // An intent answered by an action asks first what the action needs.
  // `taken_up`: this message took the need up (its sensitive answer not shown yet).
  Reply next_step(const kb::Intent& intent, Reply r, bool taken_up = false) {
    const auto missing = missing_details(kb_, s_, intent);
    if ((!intent.sensitive && intent.action.empty()) || missing.empty())
      return finish(intent, std::move(r), taken_up);
    r.action = Action::kCollect;
    r.asking_for = missing.front();
    const std::string answer = meanwhile(intent, taken_up);
    // The KB's answer already says a person will take over; the stock lead-in would repeat it.
    const std::string_view lead = !intent.sensitive ? ""
                                  : answer.empty()  ? texts::kCollectForPerson
                                                    : "";
    r.text = answer + std::string(lead) + std::string(question_for(missing.front()));
    return r;
  }

  // The answer comes from the company's API when the need names an action
  // whose details are all known; otherwise `r` (the general answer) stands.
  Reply with_action(const std::string& action_id, const std::string& need, Reply r) {
    const kb::Action* action = kb::find_action(kb_, action_id);
    if (!action) return r;
    // The general answer stays the text: what a host that makes no calls (the CLI) shows.
    r.call = start_action(*action, need, r.confidence, s_);
    return r;
  }

  Reply finish(const kb::Intent& intent, Reply r, bool taken_up = false) {
    s_.collecting.clear();
    if (!intent.sensitive) {
      r.action = Action::kAnswer;
      r.text = intent.answer;
      return with_action(intent.action, intent.id, std::move(r));
    }
    std::vector<std::string> have, lack;
    for (DetailType type : required_details(intent))
      (s_.detail(type) ? have : lack).emplace_back(detail_name(type));
    std::string detail = readable_id(intent.id) + " is handled by a person";
    if (!have.empty()) detail += "; collected " + join(have, ", ");
    if (!lack.empty()) detail += "; the customer did not give " + join(lack, ", ");
    Reply h = handoff(HandoffReason::kSensitive, detail + ".", std::move(r));
    h.text = meanwhile(intent, taken_up) + h.text;
    return h;
  }

  // "I won't give you my email" when asked for the order number refuses the email.
  DetailType declined_named(DetailType asked) const {
    if (const auto named = detail_named(message_); named && !s_.detail(*named)) return *named;
    return asked;
  }

  std::string declined_note() const {
    std::vector<std::string> names;
    for (DetailType type : s_.declined) names.emplace_back(detail_name(type));
    return names.empty() ? "" : " They did not give " + join(names, ", ") + ".";
  }

  // Returns nothing when the customer has moved on to another need.
  std::optional<Reply> continue_collecting(const Given& given, bool declined,
                                           std::optional<DetailType> asked) {
    const kb::Intent* intent = find_intent(engine_, s_.collecting);
    if (!intent) {
      s_.collecting.clear();
      return std::nullopt;
    }
    Reply r = previous_need();  // the collect turn: still about that intent
    // A customer who refuses one detail is not asked for the next: the person
    // taking over has what was given.
    if (declined) return finish(*intent, std::move(r));
    const bool moved_on = !given.only_details && !(asked && given.gave(*asked)) && d_.intent &&
                          *d_.intent != intent->id && d_.confidence >= kSwitchIntentConfidence &&
                          (d_.action == Action::kAnswer || d_.action == Action::kHandoff);
    if (moved_on) {
      // The question was left behind, not refused: it may be asked when the need returns.
      if (asked && !s_.declined.empty() && s_.declined.back() == *asked) s_.declined.pop_back();
      s_.collecting.clear();
      return std::nullopt;
    }
    return next_step(*intent, std::move(r));
  }

  const kb::Intent* sensitive_intent(const engine::Candidate& c) const {
    return dialogue::sensitive_intent(engine_, c);
  }

  // Hard cases win over FAQs: a sensitive reading within reach of a routine
  // top is never passed over for the routine answer, and a sensitive top too
  // unsure to answer is not dropped into a fallback. The customer chooses.
  std::optional<Reply> sensitive_first() {
    const auto& cs = d_.candidates;
    if (cs.empty()) return std::nullopt;
    const engine::Candidate& top = cs.front();
    if (sensitive_intent(top)) {
      if (d_.action != Action::kFallback || top.confidence < kSensitiveFloor) return std::nullopt;
      // Too unsure to take up on its own word: offered beside the runner-up.
      if (cs.size() > 1) return clarify({top, cs[1]});
      return take_up(top);
    }
    for (const auto& c : cs) {
      if (!sensitive_intent(c)) continue;
      if (c.confidence >= kSensitiveFloor && c.confidence >= kSensitiveReach * top.confidence)
        return clarify({c, top});
      return std::nullopt;  // candidates are best first: no later one is closer
    }
    return std::nullopt;
  }

  const kb::Intent* confident_sensitive() const {
    return dialogue::confident_sensitive(engine_, d_);
  }

  // A routine top just below the answer threshold (or behind the
  // out-of-scope class), clearly ahead of the rest and with no sensitive
  // reading near: "Did you mean <it>?" rather than a dead-end fallback. A
  // sensitive reading never gets a routine answer this way.
  std::optional<Reply> confirm_top() {
    const auto& cs = d_.candidates;
    const bool off_topic = d_.basis == engine::Basis::kOutOfScope;
    if (cs.empty() || (d_.basis != engine::Basis::kBelowThreshold && !off_topic))
      return std::nullopt;
    const float floor = off_topic ? kConfirmOutOfScopeFloor : kConfirmFloor;
    const float lead = off_topic ? kConfirmOutOfScopeLead : kConfirmLead;
    const engine::Candidate& top = cs.front();
    if (sensitive_intent(top) || is_person_intent(engine_, top) || top.confidence < floor)
      return std::nullopt;
    if (cs.size() > 1 && top.confidence < lead * cs[1].confidence) return std::nullopt;
    for (const auto& c : cs)
      if (sensitive_intent(c) && c.confidence >= kSensitiveFloor) return std::nullopt;
    Reply r = from_decision();
    r.action = Action::kClarify;
    r.confirm = Choice{top.id, label_of(kb_, top.id)};
    r.choices = {{top.id, std::string(texts::kConfirmYes)},
                 {std::string(kChoiceOther), std::string(texts::kConfirmOther)},
                 {std::string(kChoicePerson), std::string(texts::kConfirmPerson)}};
    r.text = kb_.messages.clarify + " " + r.confirm->label + "?";
    s_.confirming = top.id;
    return r;
  }

  // The engine's close call: its first candidates, a sensitive one first.
  std::vector<engine::Candidate> offered() const {
    std::vector<engine::Candidate> out(
        d_.candidates.begin(),
        d_.candidates.begin() + static_cast<long>(std::min(kClarifyChoices, d_.candidates.size())));
    std::stable_partition(out.begin(), out.end(),
                          [&](const engine::Candidate& c) { return sensitive_intent(c); });
    return out;
  }

  Reply clarify(const std::vector<engine::Candidate>& options) const {
    Reply r = from_decision();
    r.action = Action::kClarify;
    std::vector<std::string> labels;
    for (const auto& c : options) {
      r.choices.push_back({c.id, label_of(kb_, c.id)});
      labels.push_back(r.choices.back().label);
    }
    r.text = kb_.messages.clarify + " " + join(labels, texts::kClarifyOr) + "?";
    return r;
  }

  // Details given outside any question: kept for whatever need follows.
  Reply noted() const {
    Reply r = from_decision();
    r.action = Action::kFallback;
    r.text = texts::kNoted;
    return r;
  }

  Reply not_understood() {
    ++s_.low_confidence_turns;
    ++s_.failures;
    s_.frustration += kFailureWeight;
    if (s_.low_confidence_turns >= std::max(1, kb_.policy.low_confidence_turns))
      return handoff(HandoffReason::kLowConfidence,
                     "The bot did not understand " + std::to_string(s_.low_confidence_turns) +
                         " messages in a row.",
                     from_decision());
    Reply r = from_decision();
    r.action = Action::kFallback;
    r.basis = d_.basis;
    r.text = kb_.messages.fallback;
    return r;
  }

  const engine::Engine& engine_;
  const kb::KnowledgeBase& kb_;
  Session& s_;
  std::string_view message_;
  const engine::Decision& d_;
  TurnNumber customer_turn_;
};

// Stores the bot's side of a reply and what it changes in the session.
void record_reply(Session& session, Reply& reply, const Context& context) {
  Turn turn{Role::kBot,       reply.text,   context.now_ms, reply.intent.value_or(""),
            reply.confidence, reply.action, reply.called};
  reply.turn = add_turn(session, std::move(turn));
  // A confirmation is still a guess: a "no" to it counts towards the handoff.
  if (reply.action != Action::kFallback && !reply.confirm) session.low_confidence_turns = 0;
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
      Reply reply = Planner(engine, session, "", decision, customer_turn).chosen(*choice);
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
      Reply reply =
          Planner(engine, session, "", chosen_decision(*need), customer_turn).chosen(*need);
      record_reply(session, reply, context);
      return reply;
    }
  Reply reply = Planner(engine, session, message, decision, customer_turn)
                    .plan(asks_for_person, given, asked, !confirming.empty() && denies(message));
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
  Planner planner(engine, session, "", decision, customer_turn);
  Reply reply = other    ? planner.confirmation_rejected()
                : person ? planner.chosen_person()
                         : planner.chosen(*choice);
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
