// The `tandem` subcommands; each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace tandem::cli {

using Args = std::vector<std::string>;

int train_command(const Args& args);
int eval_command(const Args& args);
int ask_command(const Args& args);

}  // namespace tandem::cli
