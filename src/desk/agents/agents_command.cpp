#include "desk/agents/agents_command.h"

#include <iostream>

#include "desk/agents/agent_secret.h"
#include "desk/http/http_util.h"
#include "desk/store/store.h"

namespace tandem::desk {
namespace {

constexpr const char* kUsage =
    "usage: tandem-desk agents add NAME [--display-name FIRST] --db DB\n"
    "       tandem-desk agents list --db DB\n"
    "       tandem-desk agents disable NAME --db DB\n"
    "  add       creates an account and prints its secret, once (only a hash is kept)\n"
    "  --display-name FIRST  the name customers see on this agent's replies;\n"
    "            without it they see \"Support team\"\n"
    "  disable   the agent can no longer sign in; their sessions end now\n";

struct Command {
  std::string verb, name, display_name, db;
};

int usage_error(const std::string& why) {
  std::cerr << "tandem-desk agents: " << why << "\n" << kUsage;
  return 2;
}

int add(Store& store, const Command& command) {
  if (const auto problem = agent_name_problem(command.name)) return usage_error(*problem);
  if (!command.display_name.empty()) {
    if (const auto problem = display_name_problem(command.display_name)) {
      return usage_error(*problem);
    }
  }
  const auto secret = new_agent_secret();
  const auto hash = secret ? hash_agent_secret(*secret) : std::nullopt;
  if (!hash) {
    std::cerr << "tandem-desk agents: no randomness available from libcrypto\n";
    return 1;
  }
  const auto added =
      store.add_agent({command.name, command.display_name, now_ms(), std::nullopt}, *hash);
  if (!added) {
    std::cerr << "tandem-desk agents: the database did not accept the account\n";
    return 1;
  }
  if (!*added) {
    std::cerr << "tandem-desk agents: an agent named " << command.name << " already exists\n";
    return 1;
  }
  std::cout << "agent " << command.name << " added; customers see "
            << (command.display_name.empty() ? "\"Support team\""
                                             : "\"" + command.display_name + "\"")
            << "\nsecret (shown once, give it to the agent): " << *secret << "\n";
  return 0;
}

int list(Store& store) {
  const auto agents = store.agents();
  if (!agents) {
    std::cerr << "tandem-desk agents: the database is unavailable\n";
    return 1;
  }
  std::cout << "name\tdisplay_name\tstatus\tcreated\n";
  for (const AgentAccount& agent : *agents) {
    std::cout << agent.name << "\t" << (agent.display_name.empty() ? "-" : agent.display_name)
              << "\t" << (agent.disabled_ms ? "disabled" : "active") << "\t"
              << rfc3339_utc(agent.created_ms) << "\n";
  }
  return 0;
}

int disable(Store& store, const Command& command) {
  const auto disabled = store.disable_agent(command.name, now_ms());
  if (!disabled) {
    std::cerr << "tandem-desk agents: the database did not accept the change\n";
    return 1;
  }
  if (!*disabled) {
    std::cerr << "tandem-desk agents: no agent named " << command.name << "\n";
    return 1;
  }
  std::cout << "agent " << command.name << " disabled; their sessions have ended\n";
  return 0;
}

}  // namespace

int run_agents_command(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error("add, list or disable?");
  Command command{args[0], "", "", ""};
  if (command.verb == "--help" || command.verb == "-h") {
    std::cout << kUsage;
    return 0;
  }
  if (command.verb != "add" && command.verb != "list" && command.verb != "disable") {
    return usage_error("unknown command " + command.verb);
  }
  std::size_t i = 1;
  if (command.verb != "list") {
    if (args.size() < 2 || args[1].rfind("--", 0) == 0) return usage_error("NAME is missing");
    command.name = args[1];
    i = 2;
  }
  for (; i < args.size(); i += 2) {
    if (i + 1 >= args.size()) return usage_error("missing value after " + args[i]);
    if (args[i] == "--db") {
      command.db = args[i + 1];
    } else if (args[i] == "--display-name" && command.verb == "add") {
      command.display_name = args[i + 1];
    } else {
      return usage_error("unknown option " + args[i]);
    }
  }
  if (command.db.empty()) return usage_error("--db DB is required");
  std::string error;
  auto store = Store::open(command.db, &error);
  if (!store) {
    std::cerr << "tandem-desk agents: " << error << "\n";
    return 1;
  }
  if (command.verb == "add") return add(*store, command);
  if (command.verb == "list") return list(*store);
  return disable(*store, command);
}

}  // namespace tandem::desk
