#include "decision_json.h"

#include <cstdio>

#include "text/utf8.h"

namespace tandem::wasm {
namespace {

void append_string(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp;
    const size_t len = text::detail::decode_utf8(text, pos, cp);
    if (len == 0) {
      text::detail::append_utf8(out, 0xFFFD);
      ++pos;
      continue;
    }
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp < 0x20) {
      out += "\\u00";
      out += kHex[cp >> 4];
      out += kHex[cp & 0xF];
    } else {
      out.append(text.data() + pos, len);
    }
    pos += len;
  }
  out += '"';
}

// Nine significant digits give back the same float when parsed.
void append_number(float value, std::string& out) {
  char buffer[32];
  const int n = std::snprintf(buffer, sizeof buffer, "%.9g", static_cast<double>(value));
  out.append(buffer, static_cast<size_t>(n));
}

}  // namespace

void write_decision_json(const engine::Decision& d, std::string& out) {
  out.assign("{\"action\":");
  append_string(engine::action_name(d.action), out);
  out += ",\"intent\":";
  if (d.intent)
    append_string(*d.intent, out);
  else
    out += "null";
  out += ",\"confidence\":";
  append_number(d.confidence, out);
  out += ",\"reply\":";
  append_string(d.reply, out);
  if (d.action == engine::Action::kHandoff) {
    out += ",\"reason\":";
    append_string(engine::reason_code(d.reason), out);
  }
  out += ",\"candidates\":[";
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    const auto& c = d.candidates[i];
    if (i > 0) out += ',';
    out += "{\"id\":";
    append_string(c.id, out);
    out += c.is_faq ? ",\"kind\":\"faq\",\"confidence\":" : ",\"kind\":\"intent\",\"confidence\":";
    append_number(c.confidence, out);
    out += '}';
  }
  out += "]}";
}

}  // namespace tandem::wasm
