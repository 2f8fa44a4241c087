#include "engine/decision_json.h"

#include "kb/json_text.h"

namespace tandem::engine {

void write_decision_json(const Decision& d, std::string& out) {
  out.assign("{\"action\":");
  kb::append_json_string(action_name(d.action), out);
  out += ",\"intent\":";
  if (d.intent)
    kb::append_json_string(*d.intent, out);
  else
    out += "null";
  out += ",\"confidence\":";
  kb::append_probability(d.confidence, out);
  out += ",\"reply\":";
  kb::append_json_string(d.reply, out);
  if (d.action == Action::kHandoff) {
    out += ",\"reason\":";
    kb::append_json_string(reason_code(d.reason), out);
  }
  if (d.action == Action::kFallback && !fallback_reason(d.basis).empty()) {
    out += ",\"reason\":";
    kb::append_json_string(fallback_reason(d.basis), out);
  }
  out += ",\"candidates\":[";
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    const auto& c = d.candidates[i];
    if (i > 0) out += ',';
    out += "{\"id\":";
    kb::append_json_string(c.id, out);
    out += c.is_faq ? ",\"kind\":\"faq\",\"confidence\":" : ",\"kind\":\"intent\",\"confidence\":";
    kb::append_probability(c.confidence, out);
    out += '}';
  }
  out += "]}";
}

}  // namespace tandem::engine
