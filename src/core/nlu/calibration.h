// Turning scores into probabilities a policy can trust, and choosing where the
// bot should stop answering. Both are fitted on held-out predictions.
#pragma once

#include <cstdint>
#include <vector>

namespace tandem::nlu {

// The temperature T for which softmax(logits / T) has the lowest negative
// log-likelihood of the true labels.
float fit_temperature(const std::vector<std::vector<float>>& logits,
                      const std::vector<uint32_t>& labels);

// The summed negative log-likelihood of the true labels under softmax(logits / T).
double negative_log_likelihood(const std::vector<std::vector<float>>& logits,
                               const std::vector<uint32_t>& labels, double temperature);

// One held-out message as the deployed model saw it.
struct HeldOutPrediction {
  float confidence;                // calibrated probability of the top in-scope intent
  bool correct;                    // the top intent is the true one (false for out-of-scope items)
  bool out_of_scope;               // the true answer was to decline
  bool rejected_by_model = false;  // the model's own out-of-scope class won
};

struct OperatingPoint {
  float threshold = 0.0f;          // answer when confidence >= threshold
  double in_scope_accuracy = 0.0;  // in-scope items answered with the right intent
  double oos_recall = 0.0;         // out-of-scope items declined (0 when there are none)
  double oos_precision = 0.0;
  double answered = 0.0;  // share of in-scope items answered at all
};

// With out-of-scope examples: the best in-scope accuracy among thresholds that
// decline at least min_oos_recall of them (if none does, the one declining the
// most). Maximising accuracy + recall instead was measured to settle at needlessly
// high recall on CLINC150, paying 5-8 points of in-scope accuracy for it.
// Without out-of-scope examples: maximises correct minus wrong answers; a wrong
// answer costs as much as a right one gains, so the threshold settles where
// answers become a coin toss.
OperatingPoint choose_threshold(const std::vector<HeldOutPrediction>& predictions,
                                float min_oos_recall = 0.85f);

// The answer threshold of a knowledge base, by the cost of a mistake: a right
// answer gains 1, a decline costs 0 and a wrong answer (the wrong intent, or
// any answer to an out-of-scope message) costs `wrong_cost`. Out-of-scope
// predictions count as `oos_share` of the traffic whatever their number in the
// training data (none: in-scope predictions alone). The threshold maximises the
// expected gain per message.
OperatingPoint choose_answer_threshold(const std::vector<HeldOutPrediction>& predictions,
                                       float wrong_cost, float oos_share);

// Scores an operating point on predictions (shared by training and evaluation).
OperatingPoint evaluate_threshold(const std::vector<HeldOutPrediction>& predictions,
                                  float threshold);

// Expected calibration error over equal-width confidence bins: the mean gap
// between confidence and accuracy, weighted by bin size.
double expected_calibration_error(const std::vector<HeldOutPrediction>& predictions, int bins = 10);

}  // namespace tandem::nlu
