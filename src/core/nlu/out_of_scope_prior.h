// The out-of-scope prior correction: training data with more out-of-scope
// examples than traffic has (a small knowledge base with the ~400 built-in
// ones) teaches the fused probabilities that prior. Training chooses the
// odds (ClassifierOptions::out_of_scope_share); every scored message gets them.
#pragma once

#include <cstddef>
#include <vector>

namespace tandem::nlu {

// The odds (< 1) that bring the trained out-of-scope share down to `share`;
// 1 (none) when the data has no more than that, or lacks either side.
float out_of_scope_odds(size_t in_scope, size_t out_of_scope, float share);

// Re-weights the out-of-scope class (the last of `probabilities` when there
// are more than `intents`) by `odds`, the others sharing the rest.
void correct_prior(size_t intents, float odds, std::vector<float>& probabilities);

}  // namespace tandem::nlu
