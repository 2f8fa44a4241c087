// Loading compiled models and reporting errors.
#pragma once

#include <string>

#include "base/status.h"
#include "engine/engine.h"

namespace tandem::cli {

Expected<engine::Engine> load_engine(const std::string& path);

// Prints every error to stderr as "tandem <command>: <error>" and returns 1.
int report_errors(const char* command, const std::vector<Error>& errors);

}  // namespace tandem::cli
