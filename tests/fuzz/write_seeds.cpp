// Writes the seeds whose format only the current code knows, so they never go
// stale: the fuzz knowledge base's compiled model file, and conversations of
// session calls (a fresh one, and one restored from a real stored session).
// Usage: write_seeds DIR   (creates DIR/model_file and DIR/session_calls)
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/model.h"
#include "fuzz_engine.h"
#include "session_calls.h"

namespace {

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_seeds DIR\n");
    return 2;
  }
  using nlohmann::json;
  const std::filesystem::path dir = argv[1];
  const auto& engine = tandem::fuzz::fuzz_engine();
  // The payload only: fuzz_model_file puts a header with a valid checksum around its input.
  constexpr size_t kHeaderSize = 16;
  write(dir / "model_file" / "fuzz_kb_payload",
        tandem::engine::write_model(engine.model()).substr(kHeaderSize));

  const std::string calls[] = {
      R"({"op":"respond","text":"where is my payment","now_ms":1764547200000})",
      R"({"op":"feedback","turn":2,"helpful":false})",
      R"({"op":"respond","text":"someone used my card, order LP-482913, me@example.com"})",
      R"({"op":"respond","text":"card ending 4242"})",
      R"({"op":"bundle","id":"b_0123456789abcdef","created_at_ms":1764547200000,"page":{"url":"https://shop.example/"}})",
      R"({"op":"agent_message","text":"Hello, I am Sam"})",
      R"({"op":"respond","text":"thanks Sam"})",
      R"({"op":"return_to_bot"})"};
  tandem::wasm::Conversation conversation;
  std::string fresh;
  for (const auto& call : calls) {
    fresh += call + "\n";
    tandem::wasm::session_call(engine, conversation, call);
  }
  write(dir / "session_calls" / "fresh", fresh);
  const json stored = tandem::dialogue::to_json(conversation.session);
  write(dir / "session_calls" / "restored",
        json{{"op", "restore"}, {"session", stored}}.dump() + "\n" + calls[0] + "\n" + calls[2]);
  return 0;
}
