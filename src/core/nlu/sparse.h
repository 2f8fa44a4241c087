// The vector form of a message that models consume.
#pragma once

#include <cstdint>
#include <vector>

namespace tandem::nlu {

// One non-zero feature: a row of the model's weight table and its value.
struct Term {
  uint32_t row;
  float value;
};

using SparseVector = std::vector<Term>;

}  // namespace tandem::nlu
