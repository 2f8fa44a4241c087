#include "dialogue/action_step.h"

#include <algorithm>

#include "kb/action_response.h"
#include "kb/action_templates.h"
#include "kb/json_text.h"

namespace tandem::dialogue {
namespace {

using engine::Action;

constexpr std::string_view kSignIn =
    "I can look this up for you once you're signed in to your account on this site.";
constexpr std::string_view kNotFound = "I couldn't find that.";

std::string_view outcome_name(CallOutcome outcome) {
  switch (outcome) {
    case CallOutcome::kResponse:
      return "answered";
    case CallOutcome::kNotFound:
      return "not_found";
    case CallOutcome::kNeedsSignIn:
      return "needs_sign_in";
    case CallOutcome::kTimeout:
      return "timeout";
    case CallOutcome::kNetwork:
      return "network";
    case CallOutcome::kServerError:
      return "server_error";
  }
  return "network";
}

std::string_view failure_words(std::string_view outcome) {
  if (outcome == "timeout") return "it did not answer in time";
  if (outcome == "network") return "it could not be reached";
  if (outcome == "server_error") return "it answered with an error";
  if (outcome == "not_found") return "nothing was found, twice";
  return "its answer was not what the knowledge base declares";
}

kb::TemplateValues inputs_of(const kb::Action& action, const Session& session) {
  kb::TemplateValues inputs;
  for (DetailType type : action_details(action))
    if (const CollectedDetail* d = session.detail(type))
      inputs.emplace_back(std::string(detail_name(type)), d->value);
  return inputs;
}

// The general answer of the need the action was for.
std::string general_answer(const kb::KnowledgeBase& kb, const std::string& need) {
  for (const auto& intent : kb.intents)
    if (intent.id == need) return intent.answer;
  for (const auto& faq : kb.faqs)
    if (faq.id == need) return faq.answer;
  return "";
}

bool last_call_not_found(const Session& session, const std::string& action) {
  for (auto t = session.turns.rbegin(); t != session.turns.rend(); ++t)
    if (t->role == Role::kBot)
      return t->call && t->call->action == action && t->call->outcome == "not_found";
  return false;
}

}  // namespace

std::vector<DetailType> action_details(const kb::Action& action) {
  std::vector<DetailType> types;
  for (const auto& name : kb::url_variables(action))
    if (auto type = detail_from_name(name)) types.push_back(*type);
  return types;
}

std::optional<ActionRequest> start_action(const kb::Action& action, const std::string& need,
                                          float confidence, Session& session) {
  const kb::TemplateValues inputs = inputs_of(action, session);
  if (inputs.size() != action_details(action).size()) return std::nullopt;
  ActionRequest call;
  call.action = action.id;
  call.method = action.method;
  call.url = kb::fill_template(action.url, inputs, true);
  call.headers = action.headers;
  call.needs_customer = action.needs_customer;
  call.timeout_ms = action.timeout_ms;
  if (action.method == "POST") {
    call.body = "{";
    for (const auto& [name, value] : inputs) {
      if (call.body.size() > 1) call.body += ',';
      kb::append_json_string(name, call.body);
      call.body += ':';
      kb::append_json_string(value, call.body);
    }
    call.body += '}';
  }
  session.pending_action = PendingAction{action.id, need, confidence};
  return call;
}

Reply action_reply(const kb::KnowledgeBase& kb, Session& session, const ActionResult& result,
                   std::string_view handoff_text, std::string_view (*question_for)(DetailType)) {
  const PendingAction pending = *session.pending_action;
  session.pending_action.reset();
  Reply r;
  r.intent = pending.need;
  r.confidence = pending.confidence;
  const bool is_faq = std::none_of(kb.intents.begin(), kb.intents.end(),
                                   [&](const kb::Intent& i) { return i.id == pending.need; });
  r.candidates.push_back({pending.need, is_faq, 0, pending.confidence});
  const kb::Action* action = kb::find_action(kb, pending.action);
  if (!action) {
    r.action = Action::kAnswer;
    r.text = general_answer(kb, pending.need);
    return r;
  }
  const kb::TemplateValues inputs = inputs_of(*action, session);
  ActionCall called{action->id, inputs, std::string(outcome_name(result.outcome)),
                    std::max<int64_t>(0, result.latency_ms)};
  if (result.outcome == CallOutcome::kResponse) {
    auto fields = kb::extract_fields(*action, result.body);
    const kb::ActionAnswer* answer = fields ? kb::choose_answer(*action, *fields) : nullptr;
    if (answer) {
      kb::TemplateValues values = inputs;
      values.insert(values.end(), fields->begin(), fields->end());
      r.action = Action::kAnswer;
      r.text = kb::fill_template(answer->text, values, false);
      r.called = std::move(called);
      return r;
    }
    called.outcome = "bad_response";
  }
  const std::vector<DetailType> details = action_details(*action);
  if (called.outcome == "not_found" && !details.empty() &&
      !last_call_not_found(session, action->id)) {
    // Asked again once: a mistyped order number is the usual cause.
    const std::string said = kb::fill_template(
        action->not_found.empty() ? std::string(kNotFound) : action->not_found, inputs, false);
    for (DetailType type : details)
      session.details.erase(
          std::remove_if(session.details.begin(), session.details.end(),
                         [&](const CollectedDetail& d) { return d.type == type; }),
          session.details.end());
    session.collecting = pending.need;
    r.action = Action::kCollect;
    r.asking_for = details.front();
    r.text = said + " " + std::string(question_for(details.front()));
    r.called = std::move(called);
    return r;
  }
  if (called.outcome == "needs_sign_in") {
    r.action = Action::kAnswer;
    r.text = (action->sign_in.empty() ? std::string(kSignIn) : action->sign_in) + "\n\n" +
             general_answer(kb, pending.need);
    r.called = std::move(called);
    return r;
  }
  r.action = Action::kHandoff;
  r.reason = engine::HandoffReason::kRepeatedFailure;
  r.reason_detail = "The bot could not look this up with action " + action->id + " (" +
                    called.outcome + ": " + std::string(failure_words(called.outcome)) + ").";
  r.text = std::string(handoff_text);
  r.called = std::move(called);
  return r;
}

}  // namespace tandem::dialogue
