// JSON text read by hand into nlohmann::json, for the WebAssembly module's
// requests, stored sessions and action responses: nlohmann's own parser (its
// lexer, SAX machinery and the printf its error messages use) adds about
// 30 KB raw to every page that loads the widget (docs/wasm.md).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace tandem::kb {

// Deeper nesting is refused: no request or session the widget sends comes near it,
// and the reader recurses once per level.
inline constexpr int kMaxJsonDepth = 256;

// The value of an RFC 8259 text, as json::parse(text, nullptr, false) reads it
// (non-negative integers unsigned, negative ones signed, the rest double; a
// repeated key keeps its last value), or a discarded value when the text is
// not exactly one well-formed JSON value in UTF-8 (a number beyond double's
// range included), or nests deeper than kMaxJsonDepth. Stricter than nlohmann
// in one way: a NUL byte after the value is refused, not taken as the end.
nlohmann::json read_json(std::string_view text);

}  // namespace tandem::kb
