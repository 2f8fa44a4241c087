// append_session_json and to_json: the session as the browser stores it.
#include "dialogue/session.h"
#include "kb/json_text.h"

namespace tandem::dialogue {

namespace {

// Writes the session JSON: key by key, since this runs in the browser after
// every message and nlohmann's object building would cost the widget's download.
class SessionWriter {
 public:
  explicit SessionWriter(std::string& out) : out_(out) {}

  void write(const Session& s) {
    out_ += '{';
    key("version", true);
    number(kSessionFormatVersion);
    key("mode");
    kb::append_json_string(s.mode == Mode::kBot ? "bot" : "human", out_);
    key("dropped_turns");
    number(s.dropped_turns);
    key("turns");
    list(s.turns, [&](const Turn& t) { turn(t); });
    key("details");
    out_ += '{';
    for (std::size_t i = 0; i < s.details.size(); ++i) {
      const auto& d = s.details[i];
      if (i > 0) out_ += ',';
      kb::append_json_string(detail_name(d.type), out_);
      out_ += ":{";
      field("value", d.value, true);
      field("text", d.text);
      key("turn");
      number(d.turn);
      out_ += '}';
    }
    out_ += '}';
    key("answers");
    list(s.answers, [&](const AnswerTried& a) {
      out_ += '{';
      field("intent", a.intent, true);
      key("turn");
      number(a.turn);
      field("feedback", feedback_name(a.feedback));
      out_ += '}';
    });
    key("redactions");
    list(s.redactions, [&](const privacy::Redaction& r) {
      out_ += '{';
      field("kind", r.kind, true);
      key("count");
      number(r.count);
      out_ += '}';
    });
    key("low_confidence_turns");
    number(static_cast<uint64_t>(std::max(0, s.low_confidence_turns)));
    key("failures");
    number(static_cast<uint64_t>(std::max(0, s.failures)));
    key("frustration");
    kb::append_number(s.frustration, out_);
    field("collecting", s.collecting);
    key("declined");
    list(s.declined, [&](DetailType type) { kb::append_json_string(detail_name(type), out_); });
    key("refused");
    list(s.refused, [&](DetailType type) { kb::append_json_string(detail_name(type), out_); });
    key("person_hint");
    out_ += s.person_hint ? "true" : "false";
    field("confirming", s.confirming);
    key("handoff");
    if (s.handoff) {
      out_ += '{';
      field("reason", engine::reason_code(s.handoff->reason), true);
      field("detail", s.handoff->detail);
      key("turn");
      number(s.handoff->turn);
      out_ += '}';
    } else {
      out_ += "null";
    }
    if (s.pending_action) {
      key("pending_action");
      out_ += '{';
      field("action", s.pending_action->action, true);
      field("need", s.pending_action->need);
      key("confidence");
      kb::append_probability(s.pending_action->confidence, out_);
      out_ += '}';
    }
    out_ += '}';
  }

 private:
  void key(std::string_view name, bool first = false) {
    if (!first) out_ += ',';
    kb::append_json_string(name, out_);
    out_ += ':';
  }
  void field(std::string_view name, std::string_view value, bool first = false) {
    key(name, first);
    kb::append_json_string(value, out_);
  }
  void number(uint64_t value) { kb::append_json(nlohmann::json(value), out_); }
  void turn(const Turn& t) {
    out_ += '{';
    field("role", role_name(t.role), true);
    field("text", t.text);
    key("time");
    kb::append_json(nlohmann::json(t.time_ms), out_);
    if (t.role == Role::kBot) {
      if (!t.intent.empty()) field("intent", t.intent);
      key("confidence");
      kb::append_probability(t.confidence, out_);
      field("action", engine::action_name(t.action));
      if (t.call) call(*t.call);
    }
    out_ += '}';
  }
  void call(const ActionCall& c) {
    key("call");
    out_ += '{';
    field("action", c.action, true);
    key("inputs");
    out_ += '{';
    for (std::size_t i = 0; i < c.inputs.size(); ++i) {
      if (i > 0) out_ += ',';
      kb::append_json_string(c.inputs[i].first, out_);
      out_ += ':';
      kb::append_json_string(c.inputs[i].second, out_);
    }
    out_ += '}';
    field("outcome", c.outcome);
    key("latency_ms");
    number(static_cast<uint64_t>(std::max<int64_t>(0, c.latency_ms)));
    out_ += '}';
  }
  template <typename Item, typename Write>
  void list(const std::vector<Item>& items, Write write_item) {
    out_ += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ += ',';
      write_item(items[i]);
    }
    out_ += ']';
  }

  std::string& out_;
};

}  // namespace

void append_session_json(const Session& session, std::string& out) {
  SessionWriter(out).write(session);
}

nlohmann::json to_json(const Session& session) {
  std::string text;
  append_session_json(session, text);
  return nlohmann::json::parse(text);
}

}  // namespace tandem::dialogue
