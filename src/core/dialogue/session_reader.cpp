// session_from_json: a stored session read back, every field checked (it
// comes from the browser's storage, which the page's other scripts can write).
#include <algorithm>
#include <array>

#include "dialogue/session.h"
#include "kb/json_fields.h"
#include "kb/json_input.h"
#include "kb/json_text.h"
#include "text/clip.h"

namespace tandem::dialogue {
namespace {

using kb::Kind;
using kb::ObjectReader;
using nlohmann::json;

constexpr std::array<engine::Action, 5> kActions = {
    engine::Action::kAnswer, engine::Action::kClarify, engine::Action::kCollect,
    engine::Action::kHandoff, engine::Action::kFallback};
constexpr std::array<engine::HandoffReason, 6> kReasons = {
    engine::HandoffReason::kAskedForPerson, engine::HandoffReason::kSensitive,
    engine::HandoffReason::kLowConfidence,  engine::HandoffReason::kRepeatedFailure,
    engine::HandoffReason::kFrustration,    engine::HandoffReason::kNotHelpful};
constexpr std::array<Role, 3> kRoles = {Role::kCustomer, Role::kBot, Role::kAgent};
constexpr std::array<Feedback, 3> kFeedbacks = {Feedback::kNone, Feedback::kHelpful,
                                                Feedback::kNotHelpful};
// Stored counters beyond these were not written by this code.
constexpr int64_t kMaxCounter = 1000000;
constexpr double kMaxFrustration = 1000.0;
constexpr std::size_t kDetailTypes = 6;  // DetailType's values: each is declined at most once

template <typename Enum, std::size_t N, typename NameFn>
std::optional<Enum> from_name(const std::array<Enum, N>& values, NameFn name,
                              std::string_view text) {
  for (Enum v : values)
    if (name(v) == text) return v;
  return std::nullopt;
}

// Reads one stored session, collecting every problem with its JSON pointer.
class Reader {
 public:
  std::vector<Error> errors;

  void read(const json& root, Session& s) {
    if (!kb::expect_kind(root, Kind::kObject, "", errors)) return;
    ObjectReader r(
        root, "",
        {"version", "mode", "dropped_turns", "turns", "details", "answers", "redactions",
         "low_confidence_turns", "failures", "frustration", "collecting", "collect_misses",
         "declined", "refused", "person_hint", "confirming", "handoff", "pending_action"},
        errors);
    if (const json* v = r.required("version", Kind::kInteger);
        v && (!v->is_number_integer() || v->get<int64_t>() < 1 ||
              v->get<int64_t>() > kSessionFormatVersion))
      error(r.pointer("version"), "unsupported session version " + kb::json_text(*v));
    s.mode = enum_field(r, "mode", std::array<Mode, 2>{Mode::kBot, Mode::kHuman},
                        [](Mode m) { return m == Mode::kBot ? "bot" : "human"; });
    s.dropped_turns = counter(r, "dropped_turns", UINT64_MAX / 2);
    if (const json* turns = r.required("turns", Kind::kArray)) {
      if (turns->size() > kMaxTurns) error(r.pointer("turns"), "more turns than a session keeps");
      for (std::size_t i = 0; i < turns->size() && i < kMaxTurns; ++i)
        s.turns.push_back(read_turn((*turns)[i], kb::pointer_append("/turns", i)));
    }
    const TurnNumber end = s.next_turn();
    if (const json* details = r.required("details", Kind::kObject)) {
      for (const auto& [name, value] : details->items())
        read_detail(name, value, kb::pointer_append("/details", name), end, s);
    }
    if (const json* answers = r.required("answers", Kind::kArray)) {
      if (answers->size() > kMaxAnswersTried) error(r.pointer("answers"), "too many answers");
      for (std::size_t i = 0; i < answers->size() && i < kMaxAnswersTried; ++i)
        s.answers.push_back(read_answer((*answers)[i], kb::pointer_append("/answers", i), end));
    }
    if (const json* redactions = r.required("redactions", Kind::kArray)) {
      if (redactions->size() > kMaxRedactionKinds)
        error(r.pointer("redactions"), "too many redaction kinds");
      for (std::size_t i = 0; i < redactions->size() && i < kMaxRedactionKinds; ++i)
        s.redactions.push_back(
            read_redaction((*redactions)[i], kb::pointer_append("/redactions", i)));
    }
    s.low_confidence_turns = static_cast<int>(counter(r, "low_confidence_turns", kMaxCounter));
    s.failures = static_cast<int>(counter(r, "failures", kMaxCounter));
    r.optional("collect_misses", Kind::kInteger);  // version 1's; details are no longer re-asked
    if (const json* f = r.required("frustration", Kind::kNumber)) {
      const double v = f->get<double>();
      if (!(v >= 0.0 && v <= kMaxFrustration))
        error(r.pointer("frustration"), "out of range");
      else
        s.frustration = static_cast<float>(v);
    }
    if (const json* c = r.required("collecting", Kind::kString))
      s.collecting = c->get<std::string>();
    s.declined = detail_types(r, "declined");
    s.refused = detail_types(r, "refused");
    if (const json* hint = r.optional("person_hint", Kind::kBoolean))
      s.person_hint = hint->get<bool>();
    if (const json* c = r.optional("confirming", Kind::kString))
      s.confirming = c->get<std::string>();
    if (const json* h = r.find("handoff"); h && !h->is_null()) s.handoff = read_handoff(*h, end);
    if (s.mode == Mode::kHuman && !s.handoff) error("/handoff", "human mode without a handoff");
    if (const json* p = r.find("pending_action"); p && !p->is_null())
      s.pending_action = read_pending(*p);
  }

 private:
  void error(std::string where, std::string what) {
    errors.push_back({std::move(where), std::move(what)});
  }

  // A list of detail type names, each type at most once.
  std::vector<DetailType> detail_types(ObjectReader& r, std::string_view key) {
    std::vector<DetailType> types;
    const json* names = r.optional(key, Kind::kArray);
    if (!names) return types;
    const std::string where = r.pointer(key);
    if (names->size() > kDetailTypes) error(where, "more entries than detail types");
    for (std::size_t i = 0; i < names->size() && i < kDetailTypes; ++i) {
      const json& name = (*names)[i];
      const auto type = name.is_string() ? detail_from_name(name.get<std::string>()) : std::nullopt;
      if (type)
        types.push_back(*type);
      else
        error(kb::pointer_append(where, i), "unknown detail type");
    }
    return types;
  }

  template <typename Enum, std::size_t N, typename NameFn>
  Enum enum_field(ObjectReader& r, std::string_view key, const std::array<Enum, N>& values,
                  NameFn name) {
    if (const json* v = r.required(key, Kind::kString)) {
      if (auto e = from_name(values, name, v->get<std::string>())) return *e;
      error(r.pointer(key), "unknown value " + kb::json_text(*v));
    }
    return values[0];
  }

  uint64_t counter(ObjectReader& r, std::string_view key, uint64_t max) {
    const json* v = r.required(key, Kind::kInteger);
    if (!v) return 0;
    // nlohmann keeps a counter written from an int as a signed number.
    if (v->is_number_unsigned() && v->get<uint64_t>() <= max) return v->get<uint64_t>();
    if (v->is_number_integer() && v->get<int64_t>() >= 0 &&
        static_cast<uint64_t>(v->get<int64_t>()) <= max)
      return static_cast<uint64_t>(v->get<int64_t>());
    error(r.pointer(key), "out of range");
    return 0;
  }

  TurnNumber turn_ref(ObjectReader& r, TurnNumber end) {
    const TurnNumber t = counter(r, "turn", UINT64_MAX / 2);
    if (t >= end) error(r.pointer("turn"), "names a turn the session does not have");
    return t;
  }

  std::string text_field(ObjectReader& r, std::string_view key, bool required) {
    const json* v = required ? r.required(key, Kind::kString) : r.optional(key, Kind::kString);
    if (!v) return "";
    std::string text = v->get<std::string>();
    if (text::code_points(text) > kMaxTurnChars)
      error(r.pointer(key), "text longer than a session keeps");
    return text;
  }

  Turn read_turn(const json& value, const std::string& pointer) {
    Turn t;
    if (!kb::expect_kind(value, Kind::kObject, pointer, errors)) return t;
    ObjectReader r(value, pointer,
                   {"role", "text", "time", "intent", "confidence", "action", "call"}, errors);
    t.role = enum_field(r, "role", kRoles, role_name);
    t.text = text_field(r, "text", true);
    if (const json* time = r.required("time", Kind::kInteger)) t.time_ms = time->get<int64_t>();
    t.intent = text_field(r, "intent", false);
    if (const json* c = r.optional("confidence", Kind::kNumber)) {
      const double v = c->get<double>();
      if (!(v >= 0.0 && v <= 1.0))
        error(r.pointer("confidence"), "expected 0..1");
      else
        t.confidence = static_cast<float>(v);
    }
    if (r.find("action")) t.action = enum_field(r, "action", kActions, engine::action_name);
    if (const json* call = r.optional("call", Kind::kObject))
      t.call = read_call(*call, r.pointer("call"));
    return t;
  }

  ActionCall read_call(const json& value, const std::string& pointer) {
    ActionCall c;
    ObjectReader r(value, pointer, {"action", "inputs", "outcome", "latency_ms"}, errors);
    c.action = text_field(r, "action", true);
    c.outcome = text_field(r, "outcome", true);
    c.latency_ms = static_cast<int64_t>(counter(r, "latency_ms", kMaxCounter));
    if (const json* inputs = r.required("inputs", Kind::kObject)) {
      for (const auto& [name, input] : inputs->items()) {
        if (!detail_from_name(name) || !input.is_string())
          error(kb::pointer_append(r.pointer("inputs"), name), "expected a detail's masked value");
        else
          c.inputs.emplace_back(name, text::clip(input.get<std::string>(), kMaxTurnChars));
      }
    }
    return c;
  }

  PendingAction read_pending(const json& value) {
    PendingAction p;
    if (!kb::expect_kind(value, Kind::kObject, "/pending_action", errors)) return p;
    ObjectReader r(value, "/pending_action", {"action", "need", "confidence"}, errors);
    p.action = text_field(r, "action", true);
    p.need = text_field(r, "need", true);
    if (const json* c = r.required("confidence", Kind::kNumber)) {
      const double v = c->get<double>();
      if (v >= 0.0 && v <= 1.0) p.confidence = static_cast<float>(v);
    }
    return p;
  }

  void read_detail(const std::string& name, const json& value, const std::string& pointer,
                   TurnNumber end, Session& s) {
    const auto type = detail_from_name(name);
    if (!type) return error(pointer, "unknown detail type");
    if (!kb::expect_kind(value, Kind::kObject, pointer, errors)) return;
    ObjectReader r(value, pointer, {"value", "text", "turn"}, errors);
    CollectedDetail d{*type, text_field(r, "value", true), text_field(r, "text", true), 0};
    d.turn = turn_ref(r, end);
    s.details.push_back(std::move(d));
  }

  AnswerTried read_answer(const json& value, const std::string& pointer, TurnNumber end) {
    AnswerTried a;
    if (!kb::expect_kind(value, Kind::kObject, pointer, errors)) return a;
    ObjectReader r(value, pointer, {"intent", "turn", "feedback"}, errors);
    a.intent = text_field(r, "intent", true);
    a.turn = turn_ref(r, end);
    a.feedback = enum_field(r, "feedback", kFeedbacks, feedback_name);
    return a;
  }

  privacy::Redaction read_redaction(const json& value, const std::string& pointer) {
    privacy::Redaction out{"", 0};
    if (!kb::expect_kind(value, Kind::kObject, pointer, errors)) return out;
    ObjectReader r(value, pointer, {"kind", "count"}, errors);
    out.kind = text_field(r, "kind", true);
    out.count = counter(r, "count", kMaxCounter);
    return out;
  }

  Handoff read_handoff(const json& value, TurnNumber end) {
    Handoff h;
    if (!kb::expect_kind(value, Kind::kObject, "/handoff", errors)) return h;
    ObjectReader r(value, "/handoff", {"reason", "detail", "turn"}, errors);
    h.reason = enum_field(r, "reason", kReasons, engine::reason_code);
    h.detail = text_field(r, "detail", true);
    h.turn = turn_ref(r, end);
    return h;
  }
};

}  // namespace

Expected<Session> session_from_json(const nlohmann::json& stored) {
  Session session;
  Reader reader;
  reader.read(stored, session);
  if (!reader.errors.empty()) return reader.errors;
  return session;
}

Expected<Session> session_from_json_text(std::string_view stored) {
  auto parsed = kb::parse_json(stored);
  if (!parsed) return parsed.errors();
  return session_from_json(*parsed);
}

}  // namespace tandem::dialogue
