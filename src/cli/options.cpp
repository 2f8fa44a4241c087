#include "options.h"

#include <algorithm>
#include <cstdlib>

namespace tandem::cli {

bool ParsedArgs::has(const std::string& name) const {
  return std::any_of(flags.begin(), flags.end(), [&](const auto& f) { return f.first == name; });
}

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
  for (const auto& f : flags)
    if (f.first == name) return f.second;
  return std::nullopt;
}

ParsedArgs parse_args(const std::vector<std::string>& args,
                      const std::vector<std::string>& value_flags,
                      const std::vector<std::string>& switch_flags) {
  auto listed = [](const std::vector<std::string>& names, const std::string& a) {
    return std::find(names.begin(), names.end(), a) != names.end();
  };
  ParsedArgs out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (listed(value_flags, a)) {
      if (i + 1 >= args.size()) {
        out.error = a + " needs a value";
        return out;
      }
      out.flags.emplace_back(a, args[++i]);
    } else if (listed(switch_flags, a)) {
      out.flags.emplace_back(a, "");
    } else if (a.size() > 1 && a[0] == '-') {
      out.error = "unknown option " + a;
      return out;
    } else {
      out.positional.push_back(a);
    }
  }
  return out;
}

std::optional<long> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::strtol(text.c_str(), nullptr, 10);
}

}  // namespace tandem::cli
