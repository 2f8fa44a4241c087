// Minimal flag parsing shared by the subcommands.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tandem::cli {

struct ParsedArgs {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> flags;  // --name value, or --name ""
  std::string error;                                       // empty when parsing succeeded

  bool has(const std::string& name) const;
  std::optional<std::string> value(const std::string& name) const;
};

// value_flags take an argument ("-o FILE", "--seed 3"); switch_flags do not.
ParsedArgs parse_args(const std::vector<std::string>& args,
                      const std::vector<std::string>& value_flags,
                      const std::vector<std::string>& switch_flags);

// Whole non-negative integer, or nullopt.
std::optional<long> parse_count(const std::string& text);

}  // namespace tandem::cli
