// What `tandem train` tells a knowledge-base author after training: where the
// out-of-scope examples came from, the answer threshold in force and what it
// gives on held-out examples, and what to fix or add (the author's loop,
// docs/improving-a-knowledge-base.md).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "engine/compile.h"
#include "engine/model.h"

namespace tandem::cli {

// texts[i] is the i-th example training saw (the data's own, in order).
void print_advice(const engine::CompileReport& report, const engine::Model& model,
                  const std::vector<std::string>& texts, std::FILE* out);

}  // namespace tandem::cli
