// JSON text written by hand, for the WebAssembly module's answers: nlohmann's
// serialiser (dump) adds about 36 KB raw / 16 KB gzip to every page that loads
// the widget, while its parser is needed anyway. Strings are escaped as JSON
// and invalid UTF-8 becomes U+FFFD, as dump's "replace" handler does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tandem::kb {

void append_json_string(std::string_view text, std::string& out);
// Decimal digits without printf (another 8 KB of wasm).
void append_unsigned(uint64_t value, std::string& out);
void append_integer(int64_t value, std::string& out);
// A probability (0..1) in fixed decimals: twelve, finer than a float's precision.
void append_probability(float value, std::string& out);
// Twelve significant digits: a float or a double written by this code reads back the same;
// NaN and infinities are null, as in dump.
void append_number(double value, std::string& out);
// The whole value, keys in nlohmann's order (sorted), no spaces.
void append_json(const nlohmann::json& value, std::string& out);
std::string json_text(const nlohmann::json& value);

}  // namespace tandem::kb
