// `tandem-desk report FILE [--since S] [--until U] [--tz Z]`: the summary of
// an exported tandem.events/1 file (GET /v1/agent/reports/events), computed
// offline with the desk's own formulas, so a company can keep its figures
// without running the desk.
#pragma once

#include <string>
#include <vector>

namespace tandem::desk {

// args: what follows "report". Prints the summary JSON; returns the exit code.
int run_offline_report(const std::vector<std::string>& args);

}  // namespace tandem::desk
