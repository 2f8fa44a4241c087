// Loading and saving compiled models, and rendering decisions as JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "engine/engine.h"

namespace tandem::cli {

Expected<engine::Engine> load_engine(const std::string& path);
nlohmann::json decision_json(const engine::Decision& decision);

// Prints every error to stderr as "tandem <command>: <error>" and returns 1.
int report_errors(const char* command, const std::vector<Error>& errors);

}  // namespace tandem::cli
