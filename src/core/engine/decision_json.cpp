#include "engine/decision_json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "text/utf8.h"

namespace tandem::engine {
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

// Confidences are probabilities (ARCHITECTURE.md 3.1: 0..1), so fixed decimals
// say all there is to say; writing them by hand keeps printf, about 8 KB of
// wasm, out of the module. Twelve decimals are finer than a float's precision.
void append_probability(float value, std::string& out) {
  constexpr uint64_t kScale = 1000000000000;
  if (std::isnan(value)) {
    out += "null";  // as nlohmann/json writes NaN in the CLI
    return;
  }
  const double clamped = std::min(std::max(static_cast<double>(value), 0.0), 1.0);
  const uint64_t scaled = static_cast<uint64_t>(clamped * kScale + 0.5);
  out += static_cast<char>('0' + scaled / kScale);
  uint64_t fraction = scaled % kScale;
  if (fraction == 0) return;
  char digits[12];
  for (int i = 11; i >= 0; --i, fraction /= 10) digits[i] = static_cast<char>('0' + fraction % 10);
  int length = 12;
  while (digits[length - 1] == '0') --length;
  out += '.';
  out.append(digits, static_cast<size_t>(length));
}

}  // namespace

void write_decision_json(const Decision& d, std::string& out) {
  out.assign("{\"action\":");
  append_string(action_name(d.action), out);
  out += ",\"intent\":";
  if (d.intent)
    append_string(*d.intent, out);
  else
    out += "null";
  out += ",\"confidence\":";
  append_probability(d.confidence, out);
  out += ",\"reply\":";
  append_string(d.reply, out);
  if (d.action == Action::kHandoff) {
    out += ",\"reason\":";
    append_string(reason_code(d.reason), out);
  }
  if (d.action == Action::kFallback && d.fallback != FallbackReason::kNone) {
    out += ",\"reason\":";
    append_string(fallback_code(d.fallback), out);
  }
  out += ",\"candidates\":[";
  for (size_t i = 0; i < d.candidates.size(); ++i) {
    const auto& c = d.candidates[i];
    if (i > 0) out += ',';
    out += "{\"id\":";
    append_string(c.id, out);
    out += c.is_faq ? ",\"kind\":\"faq\",\"confidence\":" : ",\"kind\":\"intent\",\"confidence\":";
    append_probability(c.confidence, out);
    out += '}';
  }
  out += "]}";
}

}  // namespace tandem::engine
