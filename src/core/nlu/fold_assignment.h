// Which cross-fitting fold each training example is held out in. An author
// writes variations of one sentence and crowd paraphrases share templates: if
// such near-twins land in different folds, every held-out example has a twin
// in training, the held-out scores flatter the model and the thresholds chosen
// on them do not hold on new messages. Near-duplicates are held out together.
#pragma once

#include <cstdint>
#include <vector>

#include "text/features.h"

namespace tandem::nlu {

// Groups examples of the same label whose TF-IDF vectors (the features' counts,
// sublinear, times a smoothed IDF over all examples; L2-normalised) have a
// cosine of at least `similarity`: most similar pairs first, by union-find,
// a group growing to at most ceil(label's examples / folds) so that every fold
// still trains on every label. Returns a group id per example (the smallest
// member's index). similarity > 1 groups nothing.
std::vector<uint32_t> near_duplicate_groups(const std::vector<std::vector<text::Feature>>& features,
                                            const std::vector<uint32_t>& labels, int folds,
                                            float similarity);

// Stratified folds: each label's groups, in a seeded order and largest first,
// go to the fold holding the fewest of that label's examples so far (ties to
// the next in a rotation carried across labels, so small classes do not all
// start in fold 0). Members of one group share a fold.
std::vector<int> assign_folds(const std::vector<uint32_t>& labels,
                              const std::vector<uint32_t>& groups, int folds, uint64_t seed);

}  // namespace tandem::nlu
