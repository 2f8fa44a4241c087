#include "nlu/out_of_scope_prior.h"

#include <algorithm>

namespace tandem::nlu {

float out_of_scope_odds(size_t in_scope, size_t out_of_scope, float share) {
  if (in_scope == 0 || out_of_scope == 0 || !(share > 0.0f && share < 1.0f)) return 1.0f;
  const double trained = double(out_of_scope) / double(in_scope);
  const double wanted = share / (1.0 - share);
  return static_cast<float>(std::min(1.0, wanted / trained));
}

void correct_prior(size_t intents, float odds, std::vector<float>& probabilities) {
  if (odds == 1.0f || probabilities.size() <= intents) return;
  const float oos = probabilities.back();
  const float total = odds * oos + (1.0f - oos);
  for (float& p : probabilities) p /= total;
  probabilities.back() = odds * oos / total;
}

}  // namespace tandem::nlu
