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
    std::fprintf(stderr, "tandem %s: %s\n", command, printable(e.to_string()).c_str());
  return 1;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char hex[12];
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool c1 = byte == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (byte < 0x20 || byte == 0x7F) {
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      out += hex;
    } else if (c1) {
      std::snprintf(hex, sizeof hex, "\\u{%02X}", static_cast<unsigned char>(text[++i]));
      out += hex;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace tandem::cli
