// `tandem-desk agents add|list|disable ... --db DB`: named agent accounts,
// managed on the desk's own database (docs/desk.md "Agents").
#pragma once

#include <string>
#include <vector>

namespace tandem::desk {

// args: what follows "agents". Returns the exit code (2: bad usage).
int run_agents_command(const std::vector<std::string>& args);

}  // namespace tandem::desk
