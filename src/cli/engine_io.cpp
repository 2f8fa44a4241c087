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

int report_errors(const char* command, const std::vector<Error>& errors) {
  for (const auto& e : errors)
    std::fprintf(stderr, "tandem %s: %s\n", command, e.to_string().c_str());
  return 1;
}

}  // namespace tandem::cli
