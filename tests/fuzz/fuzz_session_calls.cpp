// The browser's whole conversation surface: the JSON requests the widget
// sends to the wasm module (restore a stored session, respond, feedback,
// bundle, agent messages...), one request per input line, against one
// conversation. A stored session is whatever localStorage held, so it may be
// anything; every call must answer JSON, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_engine.h"
#include "session_calls.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto& engine = tandem::fuzz::fuzz_engine();
  tandem::wasm::Conversation conversation;
  for (int calls = 0; !input.empty() && calls < 16; ++calls) {
    const size_t end = input.find('\n');
    const std::string_view request = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
    const std::string answer = tandem::wasm::session_call(engine, conversation, request);
    if (!nlohmann::json::accept(answer)) __builtin_trap();
  }
  return 0;
}
