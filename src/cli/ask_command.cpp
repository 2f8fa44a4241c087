#include <cstdio>

#include "commands.h"
#include "engine_io.h"

namespace tandem::cli {

int ask_command(const Args& args) {
  if (args.size() != 2) {
    std::fputs("usage: tandem ask MODEL TEXT\n", stderr);
    return 2;
  }
  auto engine = load_engine(args[0]);
  if (!engine) return report_errors("ask", engine.errors());
  const engine::Decision decision = engine->decide(args[1]);
  // Replace invalid UTF-8 rather than fail: the customer's text may contain anything.
  std::puts(decision_json(decision)
                .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                .c_str());
  return 0;
}

}  // namespace tandem::cli
