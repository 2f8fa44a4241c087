#include "engine_io.h"

#include <cstdio>

#include "files.h"

namespace tandem::cli {
namespace {
constexpr size_t kMaxModelBytes = size_t{64} << 20;
}

Expected<engine::Engine> load_engine(const std::string& path) {
  auto bytes = read_file(path, kMaxModelBytes);
  if (!bytes) return bytes.errors();
  auto loaded = engine::Engine::load(*bytes);
  if (!loaded) {
    std::vector<Error> errors = loaded.errors();
    for (auto& e : errors) e.where = path + ": " + e.where;
    return errors;
  }
  return loaded;
}

nlohmann::json decision_json(const engine::Decision& d) {
  nlohmann::json out;
  out["action"] = engine::action_name(d.action);
  out["intent"] = d.intent ? nlohmann::json(*d.intent) : nlohmann::json(nullptr);
  out["confidence"] = d.confidence;
  out["reply"] = d.reply;
  if (d.action == engine::Action::kHandoff) out["reason"] = engine::reason_code(d.reason);
  auto& candidates = out["candidates"] = nlohmann::json::array();
  for (const auto& c : d.candidates)
    candidates.push_back(
        {{"id", c.id}, {"kind", c.is_faq ? "faq" : "intent"}, {"confidence", c.confidence}});
  return out;
}

int report_errors(const char* command, const std::vector<Error>& errors) {
  for (const auto& e : errors)
    std::fprintf(stderr, "tandem %s: %s\n", command, e.to_string().c_str());
  return 1;
}

}  // namespace tandem::cli
