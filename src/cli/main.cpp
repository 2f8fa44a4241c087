// tandem: train, evaluate and query Tandem models from the command line.
#include <cstdio>
#include <string>

#include "commands.h"

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  tandem train DATA -o MODEL [--seed N] [--folds K] [--neural]\n"
    "                                 train on DATA, write the compiled model\n"
    "                                 (--neural: also the network, as MODEL's .onnx sibling)\n"
    "  tandem eval  MODEL DATA [--json]\n"
    "                                 score MODEL on DATA's evaluation split (with an .onnx\n"
    "                                 sibling: also the network alone and the fused engine)\n"
    "  tandem ask   MODEL TEXT [--neural [--logits]]\n"
    "                                 the engine's decision for one message, as JSON\n"
    "                                 (--neural: fused with the .onnx sibling's scores)\n"
    "\n"
    "DATA is a knowledge base (kb.json, see docs/knowledge-base.md), a CSV with\n"
    "header text,category, or a CLINC150-style JSON object of [text, intent] lists.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string command = argv[1];
  const tandem::cli::Args args(argv + 2, argv + argc);
  if (command == "train") return tandem::cli::train_command(args);
  if (command == "eval") return tandem::cli::eval_command(args);
  if (command == "ask") return tandem::cli::ask_command(args);
  if (command == "-h" || command == "--help" || command == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  std::fprintf(stderr, "tandem: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
