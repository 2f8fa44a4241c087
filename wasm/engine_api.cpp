// The C ABI the JS wrapper (tandem-engine.js) calls. Plain functions over an
// opaque handle keep the glue small (no embind) and the core free of
// Emscripten. Strings cross as UTF-8 bytes in the wasm heap: the caller owns
// what it passes in, the handle owns what it hands out.
#include <malloc.h>

#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

#include "engine/decision_json.h"
#include "engine/engine.h"
#include "session_calls.h"

namespace {

struct Handle {
  tandem::engine::Engine engine;
  std::string json;  // the last answer; reused so deciding allocates little
  tandem::wasm::Conversation conversation;
};

std::string last_error;

}  // namespace

extern "C" {

// The engine for a compiled model, or null with the reason in
// tandem_last_error(). The model bytes may be freed as soon as this returns.
EMSCRIPTEN_KEEPALIVE Handle* tandem_engine_create(const char* bytes, size_t size) {
  auto loaded = tandem::engine::Engine::load(std::string_view(bytes, size));
  if (!loaded) {
    last_error = loaded.error_text();
    return nullptr;
  }
  last_error.clear();
  return new Handle{std::move(loaded).value(), {}, {}};
}

EMSCRIPTEN_KEEPALIVE const char* tandem_last_error() {
  return last_error.c_str();
}

// The decision about one message as NUL-terminated JSON, valid until the next
// call with this handle.
EMSCRIPTEN_KEEPALIVE const char* tandem_engine_decide(Handle* handle, const char* text,
                                                      size_t size) {
  tandem::engine::write_decision_json(handle->engine.decide(std::string_view(text, size)),
                                      handle->json);
  return handle->json.c_str();
}

// One call of the conversation API (session_calls.h) on the handle's session:
// a JSON request in, NUL-terminated JSON out, valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* tandem_session_call(Handle* handle, const char* request,
                                                     size_t size) {
  handle->json = tandem::wasm::session_call(handle->engine, handle->conversation,
                                            std::string_view(request, size));
  return handle->json.c_str();
}

EMSCRIPTEN_KEEPALIVE void tandem_engine_destroy(Handle* handle) {
  delete handle;
}

// Bytes currently allocated on the wasm heap: lets tests and hosts see leaks,
// which the heap's size alone hides until it has to grow.
EMSCRIPTEN_KEEPALIVE size_t tandem_heap_in_use() {
  return mallinfo().uordblks;
}

}  // extern "C"
