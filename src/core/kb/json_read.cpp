#include "kb/json_read.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "text/utf8.h"

namespace tandem::kb {
namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool document(json& out) {
    if (!value(out, 0)) return false;
    skip_space();
    return at_ == text_.size();
  }

 private:
  bool value(json& out, int depth) {
    skip_space();
    if (at_ == text_.size()) return false;
    switch (text_[at_]) {
      case '{':
        return depth < kMaxJsonDepth && object(out, depth + 1);
      case '[':
        return depth < kMaxJsonDepth && array(out, depth + 1);
      case '"': {
        std::string text;
        if (!string(text)) return false;
        out = std::move(text);
        return true;
      }
      case 't':
        out = true;
        return word("true");
      case 'f':
        out = false;
        return word("false");
      case 'n':
        out = nullptr;
        return word("null");
      default:
        return number(out);
    }
  }

  bool object(json& out, int depth) {
    out = json::object();
    ++at_;  // {
    skip_space();
    if (take('}')) return true;
    do {
      skip_space();
      std::string key;
      if (at_ == text_.size() || text_[at_] != '"' || !string(key)) return false;
      skip_space();
      if (!take(':')) return false;
      json item;
      if (!value(item, depth)) return false;
      out[key] = std::move(item);
      skip_space();
    } while (take(','));
    return take('}');
  }

  bool array(json& out, int depth) {
    out = json::array();
    ++at_;  // [
    skip_space();
    if (take(']')) return true;
    do {
      json item;
      if (!value(item, depth)) return false;
      out.push_back(std::move(item));
      skip_space();
    } while (take(','));
    return take(']');
  }

  // A string at text_[at_] == '"'; escapes decoded, UTF-8 checked.
  bool string(std::string& out) {
    ++at_;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c == '\\') {
        if (!escape(out)) return false;
        continue;
      }
      char32_t cp;
      const std::size_t length = text::detail::decode_utf8(text_, at_, cp);
      if (length == 0) return false;
      out.append(text_.data() + at_, length);
      at_ += length;
    }
    return false;
  }

  bool escape(std::string& out) {
    if (++at_ == text_.size()) return false;
    const char c = text_[at_++];
    static constexpr std::string_view kEscaped = "\"\\/bfnrt", kMeant = "\"\\/\b\f\n\r\t";
    if (const auto found = kEscaped.find(c); found != std::string_view::npos) {
      out += kMeant[found];
      return true;
    }
    if (c != 'u') return false;
    char32_t cp;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      char32_t low;
      if (!take('\\') || !take('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    text::detail::append_utf8(out, cp);
    return true;
  }

  bool hex4(char32_t& cp) {
    if (text_.size() - at_ < 4) return false;
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[at_++];
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return false;
      cp = cp << 4 | static_cast<char32_t>(digit);
    }
    return true;
  }

  // RFC 8259's number grammar; converted by strtoull/strtoll/strtod as nlohmann does,
  // an integer too large for 64 bits becoming a double.
  bool number(json& out) {
    const std::size_t start = at_;
    take('-');
    if (!take('0') && !digits()) return false;
    bool integer = true;
    if (take('.')) {
      integer = false;
      if (!digits()) return false;
    }
    if (take('e') || take('E')) {
      integer = false;
      if (!take('+')) take('-');
      if (!digits()) return false;
    }
    const std::string token(text_.substr(start, at_ - start));
    errno = 0;
    if (integer && token[0] == '-') {
      const long long n = std::strtoll(token.c_str(), nullptr, 10);
      if (errno == 0) {
        out = static_cast<int64_t>(n);
        return true;
      }
    } else if (integer) {
      const unsigned long long n = std::strtoull(token.c_str(), nullptr, 10);
      if (errno == 0) {
        out = static_cast<uint64_t>(n);
        return true;
      }
    }
    const double value = std::strtod(token.c_str(), nullptr);
    out = value;
    return std::isfinite(value);  // nlohmann refuses 1e400 too ("number overflow")
  }

  bool digits() {
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
    return at_ > start;
  }

  bool word(std::string_view expected) {
    if (text_.substr(at_, expected.size()) != expected) return false;
    at_ += expected.size();
    return true;
  }

  bool take(char c) {
    if (at_ == text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }

  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

nlohmann::json read_json(std::string_view text) {
  json value;
  if (Reader(text).document(value)) return value;
  return json(json::value_t::discarded);
}

}  // namespace tandem::kb
