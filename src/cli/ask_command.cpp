#include <cstdio>

#include "commands.h"
#include "engine/decision_json.h"
#include "engine_io.h"

namespace tandem::cli {

int ask_command(const Args& args) {
  if (args.size() != 2) {
    std::fputs("usage: tandem ask MODEL TEXT\n", stderr);
    return 2;
  }
  auto engine = load_engine(args[0]);
  if (!engine) return report_errors("ask", engine.errors());
  // The same writer as the widget's, so both hosts print identical decisions;
  // invalid UTF-8 from the customer becomes U+FFFD rather than an error.
  std::string json;
  engine::write_decision_json(engine->decide(args[1]), json);
  std::puts(json.c_str());
  return 0;
}

}  // namespace tandem::cli
