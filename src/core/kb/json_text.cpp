#include "kb/json_text.h"

#include <algorithm>
#include <cmath>  // isfinite, isnan
#include <cstdint>

#include "text/utf8.h"

namespace tandem::kb {
namespace {

constexpr int kSignificantDigits = 12;
constexpr uint64_t kMantissaLimit = 1000000000000;  // 10^kSignificantDigits

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
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

void append_unsigned(uint64_t value, std::string& out) {
  char digits[20];
  int length = 0;
  do {
    digits[length++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  while (length > 0) out += digits[--length];
}

void append_integer(int64_t value, std::string& out) {
  if (value < 0) out += '-';
  append_unsigned(value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value), out);
}

void append_probability(float value, std::string& out) {
  constexpr uint64_t kScale = 1000000000000;
  if (std::isnan(value)) {
    out += "null";
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

void append_number(double value, std::string& out) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  if (value == 0.0) {
    out += '0';
    return;
  }
  if (value < 0) {
    out += '-';
    value = -value;
  }
  // Scaled into [10^11, 10^12) by tens, not pow/log10 (2 KB of wasm); the
  // rounding this adds is far below the twelfth digit.
  int exponent = kSignificantDigits - 1;
  while (value >= static_cast<double>(kMantissaLimit)) value /= 10, ++exponent;
  while (value < static_cast<double>(kMantissaLimit / 10)) value *= 10, --exponent;
  uint64_t mantissa = static_cast<uint64_t>(value + 0.5);
  if (mantissa >= kMantissaLimit) {
    mantissa /= 10;
    ++exponent;
  }
  std::string digits;
  append_unsigned(mantissa, digits);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int length = static_cast<int>(digits.size());
  if (exponent >= kSignificantDigits || exponent < -6) {
    out += digits[0];
    if (length > 1) out.append(".").append(digits, 1, std::string::npos);
    out += exponent < 0 ? "e-" : "e+";
    append_unsigned(static_cast<uint64_t>(exponent < 0 ? -exponent : exponent), out);
  } else if (exponent >= 0) {
    const int whole = exponent + 1;
    out.append(digits, 0, static_cast<size_t>(std::min(whole, length)));
    if (whole > length) out.append(static_cast<size_t>(whole - length), '0');
    if (length > whole)
      out.append(".").append(digits, static_cast<size_t>(whole), std::string::npos);
  } else {
    out.append("0.").append(static_cast<size_t>(-exponent - 1), '0').append(digits);
  }
}

void append_json(const nlohmann::json& value, std::string& out) {
  using Type = nlohmann::json::value_t;
  switch (value.type()) {
    case Type::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out += ',';
        first = false;
        append_json_string(key, out);
        out += ':';
        append_json(item, out);
      }
      out += '}';
      return;
    }
    case Type::array: {
      out += '[';
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (i > 0) out += ',';
        append_json(value[i], out);
      }
      out += ']';
      return;
    }
    case Type::string:
      append_json_string(value.get_ref<const std::string&>(), out);
      return;
    case Type::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case Type::number_integer:
      append_integer(value.get<int64_t>(), out);
      return;
    case Type::number_unsigned:
      append_unsigned(value.get<uint64_t>(), out);
      return;
    case Type::number_float:
      append_number(value.get<double>(), out);
      return;
    case Type::null:
    case Type::binary:
    case Type::discarded:
      out += "null";
      return;
  }
}

std::string json_text(const nlohmann::json& value) {
  std::string out;
  append_json(value, out);
  return out;
}

}  // namespace tandem::kb
