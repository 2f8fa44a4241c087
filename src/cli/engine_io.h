// Loading compiled models and reporting errors.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "engine/engine.h"

namespace tandem::cli {

Expected<engine::Engine> load_engine(const std::string& path);

// Prints every error to stderr as "tandem <command>: <error>" and returns 1.
int report_errors(const char* command, const std::vector<Error>& errors);

// Text from a data file made safe for a terminal: control characters (C0, DEL
// and C1, which start escape sequences) become \xNN or \u{NN}. Ids and
// phrasings in an error come from the author's files, and a terminal must
// never execute them.
std::string printable(std::string_view text);

}  // namespace tandem::cli
