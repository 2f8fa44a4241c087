#include "dialogue/planner.h"

#include <algorithm>
#include <utility>

#include "dialogue/action_step.h"
#include "dialogue/cues.h"
#include "dialogue/policy_config.h"

namespace tandem::dialogue {
namespace {

using engine::Action;
using engine::HandoffReason;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
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
        if (auto reply = guess()) return *reply;
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

  // A question the engine declined is not a dead end when its readings are
  // plausible: a routine top clearly ahead of the rest (twice the runner-up)
  // is confirmed ("Did you mean X?"), two readings that are both plausible
  // are offered ("A or B?"), each with "something else" and "talk to a
  // person". A message the classifier put behind its out-of-scope class is
  // held to more. A sensitive reading is never confirmed into a routine
  // answer, and none near is left out of an offer.
  std::optional<Reply> guess() {
    const bool off_topic = d_.basis == engine::Basis::kOutOfScope;
    if (!off_topic && d_.basis != engine::Basis::kBelowThreshold &&
        d_.basis != engine::Basis::kCloseCall)
      return std::nullopt;
    std::vector<engine::Candidate> cs;
    for (const auto& c : d_.candidates)
      if (!is_person_intent(engine_, c) && !is_small_talk(c)) cs.push_back(c);
    if (cs.empty()) return std::nullopt;
    const engine::Candidate& top = cs.front();
    const float runner_up = cs.size() > 1 ? cs[1].confidence : 0.0f;
    const std::size_t offered = top.confidence >= kConfirmLead * runner_up ? 1 : 2;
    for (std::size_t i = offered; i < cs.size(); ++i)
      if (sensitive_intent(cs[i]) && cs[i].confidence >= kSensitiveFloor) return std::nullopt;
    if (offered == 1) {
      const float floor = off_topic ? kConfirmOutOfScopeFloor : kConfirmFloor;
      if (sensitive_intent(top) || top.confidence < floor) return std::nullopt;
      return confirm(top);
    }
    if (top.confidence < (off_topic ? kOfferOutOfScopeFloor : kOfferFloor) ||
        runner_up < (off_topic ? kOfferOutOfScopeRunnerUp : kOfferRunnerUp))
      return std::nullopt;
    Reply r = clarify(sensitive_first_order({top, cs[1]}));
    r.guess = true;
    return r;
  }

  // Greetings and thanks (low priority) are never what a question meant.
  bool is_small_talk(const engine::Candidate& c) const {
    const kb::Intent* intent = c.is_faq ? nullptr : &kb_.intents[c.index];
    return intent && intent->priority == kb::Priority::kLow;
  }

  Reply confirm(const engine::Candidate& top) {
    Reply r = from_decision();
    r.action = Action::kClarify;
    r.guess = true;
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
    return sensitive_first_order(std::vector<engine::Candidate>(
        d_.candidates.begin(),
        d_.candidates.begin() +
            static_cast<long>(std::min(kClarifyChoices, d_.candidates.size()))));
  }

  std::vector<engine::Candidate> sensitive_first_order(std::vector<engine::Candidate> out) const {
    std::stable_partition(out.begin(), out.end(),
                          [&](const engine::Candidate& c) { return sensitive_intent(c); });
    return out;
  }

  // One chip per option, then the way out of a wrong guess: "something else"
  // (other words, or a person at the second miss) and "talk to a person".
  Reply clarify(const std::vector<engine::Candidate>& options) const {
    Reply r = from_decision();
    r.action = Action::kClarify;
    std::vector<std::string> labels;
    for (const auto& c : options) {
      r.choices.push_back({c.id, label_of(kb_, c.id)});
      labels.push_back(r.choices.back().label);
    }
    r.choices.push_back({std::string(kChoiceOther), std::string(texts::kConfirmOther)});
    r.choices.push_back({std::string(kChoicePerson), std::string(texts::kConfirmPerson)});
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

}  // namespace

Reply plan_message(const PlanInput& in, bool asks_for_person, const Given& given,
                   std::optional<DetailType> asked, bool rejects_confirmation) {
  return Planner(in.engine, in.session, in.message, in.decision, in.customer_turn)
      .plan(asks_for_person, given, asked, rejects_confirmation);
}

Reply plan_choice(const PlanInput& in, const engine::Candidate& choice) {
  return Planner(in.engine, in.session, in.message, in.decision, in.customer_turn).chosen(choice);
}

Reply plan_person(const PlanInput& in) {
  return Planner(in.engine, in.session, in.message, in.decision, in.customer_turn).chosen_person();
}

Reply plan_rejected(const PlanInput& in) {
  return Planner(in.engine, in.session, in.message, in.decision, in.customer_turn)
      .confirmation_rejected();
}

}  // namespace tandem::dialogue
