#include "handoff/bundle.h"

#include <algorithm>

#include "dialogue/detail_calendar.h"
#include "dialogue/policy_config.h"
#include "text/clip.h"

namespace tandem::handoff {
namespace {

using nlohmann::json;

// Field bounds of docs/handoff-bundle.schema.json.
constexpr std::size_t kMaxCandidates = 10;
constexpr std::size_t kMaxNameChars = 128;
constexpr std::size_t kMaxDetailChars = 512;
constexpr std::size_t kMaxTranscriptChars = 4000;
constexpr std::size_t kMaxReasonChars = 500;
constexpr std::size_t kMinIdChars = 8, kMaxIdChars = 64;
constexpr std::size_t kMaxUrlChars = 2048, kMaxTitleChars = 512, kMaxLocaleChars = 35,
                      kMaxUserAgentChars = 512;
constexpr std::size_t kMaxCustomerNameChars = 256, kMaxEmailChars = 254, kMaxCustomerIdChars = 128;
constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kSeparator = " · ";

bool valid_id(std::string_view id) {
  if (id.size() < kMinIdChars || id.size() > kMaxIdChars) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

// Text goes out masked (cards, IBANs, the KB's own patterns), as valid UTF-8
// and within its bound, whatever a stored session or the caller holds.
std::string safe(std::string_view text, std::size_t max_chars,
                 const std::vector<privacy::RedactionRule>& rules = {}) {
  return text::clip(privacy::redact(text, rules).text, max_chars);
}

void put_if_set(json& object, const char* key, std::string_view value, std::size_t max_chars) {
  if (!value.empty()) object[key] = safe(value, max_chars);
}

struct Routing {
  std::string category, queue;
  kb::Priority priority = kb::Priority::kNormal;
};

Routing routing_of(const kb::KnowledgeBase& kb, const std::optional<std::string>& id) {
  Routing r{"", kb.policy.default_queue, kb::Priority::kNormal};
  if (!id) return r;
  for (const auto& intent : kb.intents) {
    if (intent.id != *id) continue;
    r.category = intent.category;
    if (!intent.queue.empty()) r.queue = intent.queue;
    r.priority = intent.priority;
  }
  for (const auto& faq : kb.faqs)
    if (faq.id == *id) r.category = faq.category;
  return r;
}

json intent_json(const kb::KnowledgeBase& kb, const dialogue::Reply& reply) {
  json candidates = json::array();
  for (std::size_t i = 0; i < reply.candidates.size() && i < kMaxCandidates; ++i) {
    const auto& c = reply.candidates[i];
    candidates.push_back({{"id", text::clip(c.id, kMaxNameChars)},
                          {"kind", c.is_faq ? "faq" : "intent"},
                          {"confidence", std::clamp(c.confidence, 0.0f, 1.0f)}});
  }
  const Routing r = routing_of(kb, reply.intent);
  return {{"candidates", std::move(candidates)},
          {"category", text::clip(r.category, kMaxNameChars)},
          {"queue", text::clip(r.queue, kMaxNameChars)},
          {"priority", kb::priority_name(r.priority)}};
}

json details_json(const kb::KnowledgeBase& kb, const dialogue::Session& session) {
  json details = json::object();
  for (const auto& d : session.details) {
    if (d.value.empty()) continue;
    json entry = {{"value", safe(d.value, kMaxDetailChars, kb.redactions)}};
    if (!d.text.empty()) entry["text"] = safe(d.text, kMaxDetailChars, kb.redactions);
    if (session.turn(d.turn)) entry["turn"] = d.turn - session.dropped_turns;
    details[std::string(dialogue::detail_name(d.type))] = std::move(entry);
  }
  return details;
}

// The details the handed-off need requires that the session lacks, and why:
// refused (the customer said they won't give it), not_given (asked, not
// answered) or not_asked (the handoff came first). Empty when nothing lacks.
json missing_json(const kb::KnowledgeBase& kb, const dialogue::Session& session,
                  const dialogue::Reply& reply) {
  json missing = json::array();
  const auto intent = std::find_if(kb.intents.begin(), kb.intents.end(),
                                   [&](const kb::Intent& i) { return i.id == reply.intent; });
  if (intent == kb.intents.end()) return missing;
  for (const auto& name : intent->details) {
    const auto type = dialogue::detail_from_name(name);
    if (!type || session.detail(*type)) continue;
    const bool refused = std::count(session.refused.begin(), session.refused.end(), *type) > 0;
    const char* why = refused                          ? "refused"
                      : session.declined_detail(*type) ? "not_given"
                                                       : "not_asked";
    missing.push_back({{"detail", dialogue::detail_name(*type)}, {"why", why}});
  }
  return missing;
}

json transcript_json(const kb::KnowledgeBase& kb, const dialogue::Session& session) {
  json turns = json::array();
  for (const auto& t : session.turns) {
    json turn = {{"role", dialogue::role_name(t.role)},
                 {"text", safe(t.text, kMaxTranscriptChars, kb.redactions)},
                 {"time", rfc3339_utc(t.time_ms)}};
    if (t.role == dialogue::Role::kBot) {
      if (!t.intent.empty()) turn["intent"] = text::clip(t.intent, kMaxNameChars);
      turn["confidence"] = std::clamp(t.confidence, 0.0f, 1.0f);
      turn["action"] = engine::action_name(t.action);
      if (t.call) {
        // What the bot looked up, so the person does not ask again (docs/actions.md).
        json inputs = json::object();
        for (const auto& [name, value] : t.call->inputs)
          inputs[name] = safe(value, kMaxNameChars, kb.redactions);
        turn["call"] = {{"action", text::clip(t.call->action, kMaxNameChars)},
                        {"inputs", std::move(inputs)},
                        {"outcome", t.call->outcome},
                        {"latency_ms", t.call->latency_ms}};
      }
    }
    turns.push_back(std::move(turn));
  }
  return turns;
}

json answers_json(const dialogue::Session& session) {
  json answers = json::array();
  for (const auto& a : session.answers) {
    if (!session.turn(a.turn) || a.intent.empty()) continue;
    answers.push_back({{"intent", text::clip(a.intent, kMaxNameChars)},
                       {"turn", a.turn - session.dropped_turns},
                       {"feedback", dialogue::feedback_name(a.feedback)}});
  }
  return answers;
}

json redactions_json(const dialogue::Session& session) {
  json out = json::array();
  for (const auto& r : session.redactions)
    if (r.count > 0 && !r.kind.empty()) out.push_back({{"kind", r.kind}, {"count", r.count}});
  return out;
}

// The customer's message that caused the handoff: the one the handing-off bot
// turn answered, or, when the bot then asked for details, the one that raised
// the need (its details and date belong to the need; earlier ones may not).
struct Cause {
  const dialogue::Turn* message = nullptr;
  dialogue::TurnNumber need_from = 0;  // turns from here on are about the need
};

Cause cause_of(const dialogue::Session& session, const dialogue::Reply& reply) {
  Cause cause;
  const dialogue::TurnNumber end = session.handoff ? session.handoff->turn : session.next_turn();
  const std::string intent = reply.intent.value_or("");
  for (dialogue::TurnNumber n = end; n-- > session.dropped_turns;) {
    const dialogue::Turn* t = session.turn(n);
    if (t->role == dialogue::Role::kBot) {
      // A question for details about the same need: the need began before it.
      if (n != end && !(t->action == engine::Action::kCollect && t->intent == intent)) break;
      continue;
    }
    if (t->role != dialogue::Role::kCustomer) continue;
    cause.message = t;
    cause.need_from = n;
    const dialogue::Turn* before = session.turn(n - 1);
    if (n == session.dropped_turns || !before || before->role != dialogue::Role::kBot ||
        before->action != engine::Action::kCollect || before->intent != intent)
      break;
  }
  return cause;
}

std::string_view reason_words(engine::HandoffReason reason) {
  switch (reason) {
    case engine::HandoffReason::kAskedForPerson:
      return "asked for a person";
    case engine::HandoffReason::kSensitive:
      return "needs a person";
    case engine::HandoffReason::kLowConfidence:
      return "bot did not understand";
    case engine::HandoffReason::kRepeatedFailure:
      return "asked again after the answer";
    case engine::HandoffReason::kFrustration:
      return "frustrated";
    case engine::HandoffReason::kNotHelpful:
      return "answer did not help";
    case engine::HandoffReason::kNone:
      break;
  }
  return "";
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

}  // namespace

std::string rfc3339_utc(int64_t ms) {
  // Four-digit years only, as RFC 3339 requires: 1970 to 9999.
  ms = std::clamp<int64_t>(ms, 0, 253402300799999);
  const int64_t day_ms = 86400000;
  const int64_t days = ms / day_ms, rest = ms % day_ms;
  const dialogue::CalendarDate date = dialogue::detail::civil_from_days(static_cast<long>(days));
  const int64_t seconds = rest / 1000;
  // Digits by hand: printf would bring its float formatting, ~5 KB gzip, into the wasm.
  std::string out = "0000-00-00T00:00:00.000Z";
  const auto put = [&](std::size_t end, int64_t value) {
    for (std::size_t i = end; value > 0; value /= 10)
      out[i--] = static_cast<char>('0' + value % 10);
  };
  put(3, date.year);
  put(6, date.month);
  put(9, date.day);
  put(12, seconds / 3600);
  put(15, seconds / 60 % 60);
  put(18, seconds % 60);
  put(22, rest % 1000);
  return out;
}

std::string summarize(const engine::Model& model, const dialogue::Session& session,
                      const dialogue::Reply& reply) {
  std::vector<std::string> parts;
  parts.push_back(reply.intent ? capitalised(dialogue::label_of(model.kb, *reply.intent))
                               : "Needs a person");
  const kb::Priority priority = routing_of(model.kb, reply.intent).priority;
  if (priority == kb::Priority::kHigh || priority == kb::Priority::kUrgent)
    parts.emplace_back(kb::priority_name(priority));
  const auto reason = session.handoff ? session.handoff->reason : reply.reason;
  if (auto words = reason_words(reason); !words.empty()) parts.emplace_back(words);
  const Cause cause = cause_of(session, reply);
  const std::pair<dialogue::DetailType, const char*> key_details[] = {
      {dialogue::DetailType::kOrderId, "order "},
      {dialogue::DetailType::kAmount, ""},
      {dialogue::DetailType::kCardLast4, "card ••"},
      {dialogue::DetailType::kDate, ""}};
  for (const auto& [type, label] : key_details) {
    const auto* d = session.detail(type);
    // A detail from before the need (a date in an earlier question) may be about something else.
    if (d && d->turn >= cause.need_from)
      parts.push_back(label + privacy::redact(d->value, model.kb.redactions).text);
  }
  if (cause.message)
    parts.push_back("“" +
                    text::clip(privacy::redact(cause.message->text, model.kb.redactions).text,
                               dialogue::kSummaryQuoteChars, kEllipsis) +
                    "”");
  std::string line;
  for (const auto& part : parts) line += (line.empty() ? "" : std::string(kSeparator)) + part;
  return text::clip(line, dialogue::kSummaryMaxChars, kEllipsis);
}

Expected<json> build_bundle(const engine::Model& model, const dialogue::Session& session,
                            const dialogue::Reply& reply, const BundleInput& input) {
  if (!valid_id(input.id)) return Error{"bundle id", "expected 8-64 letters, digits, '_' or '-'"};
  const auto reason = session.handoff ? session.handoff->reason : reply.reason;
  if (reason == engine::HandoffReason::kNone)
    return Error{"bundle", "the conversation was not handed off"};
  const std::string detail = session.handoff ? session.handoff->detail : reply.reason_detail;

  json page = json::object();
  put_if_set(page, "url", input.page.url, kMaxUrlChars);
  put_if_set(page, "title", input.page.title, kMaxTitleChars);
  put_if_set(page, "locale", input.page.locale, kMaxLocaleChars);
  put_if_set(page, "user_agent", input.page.user_agent, kMaxUserAgentChars);
  json customer = json::object();
  put_if_set(customer, "name", input.customer.name, kMaxCustomerNameChars);
  put_if_set(customer, "email", input.customer.email, kMaxEmailChars);
  put_if_set(customer, "id", input.customer.id, kMaxCustomerIdChars);

  json bundle{{"schema", kBundleSchema},
              {"id", input.id},
              {"created_at", rfc3339_utc(input.created_at_ms)},
              {"reason",
               {{"code", engine::reason_code(reason)},
                {"detail", text::clip(detail, kMaxReasonChars, kEllipsis)}}},
              {"intent", intent_json(model.kb, reply)},
              {"details", details_json(model.kb, session)},
              {"transcript", transcript_json(model.kb, session)},
              {"answers_tried", answers_json(session)},
              {"summary", summarize(model, session, reply)},
              {"page", std::move(page)},
              {"customer", std::move(customer)},
              {"redactions", redactions_json(session)}};
  // Only when something lacks: desks that predate the field still accept the rest.
  if (json missing = missing_json(model.kb, session, reply); !missing.empty())
    bundle["missing"] = std::move(missing);
  return bundle;
}

}  // namespace tandem::handoff
