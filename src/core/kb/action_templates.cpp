#include "kb/action_templates.h"

#include <cstdint>

namespace tandem::kb {
namespace {

constexpr std::size_t kMaxValueBytes = 200;  // one value in an answer

bool name_start(char c) {
  return c >= 'a' && c <= 'z';
}
bool name_char(char c) {
  return name_start(c) || (c >= '0' && c <= '9') || c == '_';
}

bool unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// A value from the company's API inside an answer: one line, no emphasis or
// link syntax, at most kMaxValueBytes (cut before a whole UTF-8 character).
std::string inert(std::string_view value) {
  std::string out;
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f)
      out += ' ';
    else if (c == '*')
      out += "\xE2\x88\x97";  // U+2217 ASTERISK OPERATOR: looks alike, never emphasis
    else if (c == '[')
      out += '(';
    else if (c == ']')
      out += ')';
    else
      out += ch;
  }
  if (out.size() <= kMaxValueBytes) return out;
  std::size_t cut = kMaxValueBytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

const std::string* value_of(const TemplateValues& values, std::string_view name) {
  for (const auto& [key, value] : values)
    if (key == name) return &value;
  return nullptr;
}

}  // namespace

TemplateScan scan_template(std::string_view text) {
  TemplateScan scan;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') {
      scan.problem = "a \"}\" without its \"{\" at character " + std::to_string(i + 1);
      return scan;
    }
    if (text[i] != '{') continue;
    const std::size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) {
      scan.problem = "the \"{\" at character " + std::to_string(i + 1) + " is never closed";
      return scan;
    }
    const std::string_view name = text.substr(i + 1, close - i - 1);
    bool valid = !name.empty() && name_start(name[0]);
    for (const char c : name) valid = valid && name_char(c);
    if (!valid) {
      scan.problem = "\"{" + std::string(name) +
                     "}\" is not a variable: expected a name of a-z, 0-9 and '_' "
                     "starting with a letter (templates have no logic)";
      return scan;
    }
    scan.variables.emplace_back(name);
    i = close;
  }
  return scan;
}

std::string percent_encode(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : value) {
    if (unreserved(c)) {
      out += c;
    } else {
      const auto byte = static_cast<uint8_t>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

std::string fill_template(std::string_view text, const TemplateValues& values, bool encode) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t close = text[i] == '{' ? text.find('}', i + 1) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += text[i];
      continue;
    }
    const std::string* value = value_of(values, text.substr(i + 1, close - i - 1));
    if (value) out += encode ? percent_encode(*value) : inert(*value);
    i = close;
  }
  return out;
}

}  // namespace tandem::kb
