// Turning scores into probabilities a policy can trust, and choosing where the
// bot should stop answering. Both are fitted on held-out predictions.
#pragma once

#include <cstddef>
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
  float runner_up = 0.0f;          // the second in-scope intent's probability
};

// A close call a knowledge base asks about instead of answering: the runner-up
// at least `floor` likely and within `margin` of the top (engine::Engine::decide).
// The default rule asks about nothing.
struct ClarifyRule {
  float margin = 0.0f;
  float floor = 0.2f;  // asking between two only makes sense when the second is plausible
  bool asks(float top, float runner_up) const {
    return runner_up >= floor && top - runner_up < margin;
  }
};

struct OperatingPoint {
  float threshold = 0.0f;          // answer when confidence >= threshold
  double in_scope_accuracy = 0.0;  // in-scope items answered with the right intent
  double oos_recall = 0.0;         // out-of-scope items declined (0 when there are none)
  double oos_precision = 0.0;
  double answered = 0.0;    // share of in-scope items answered at all
  size_t out_of_scope = 0;  // out-of-scope items the recall is measured on
  // The recall choose_threshold held to min_oos_recall: its lower confidence
  // bound when asked for one, else the recall itself.
  double oos_recall_bound = 0.0;
};

// The Wilson score interval's lower end for `successes` out of `trials` at
// z standard deviations (1.2816: one-sided 90%); 0 when trials is 0.
double wilson_lower_bound(double successes, double trials, double z);

// With out-of-scope examples: the best in-scope accuracy among thresholds that
// decline at least min_oos_recall of them (if none does, the one declining the
// most). With recall_z > 0 the recall counted is its Wilson lower bound at that
// z, so that a threshold fitted on 100 held-out out-of-scope examples still
// declines min_oos_recall of new ones: the point estimate met it on CLINC150's
// val split and fell short on test. Maximising accuracy + recall instead was measured to settle at
// needlessly high recall on CLINC150, paying 5-8 points of in-scope accuracy for it. Without
// out-of-scope examples: maximises correct minus wrong answers; a wrong answer costs as much as a
// right one gains, so the threshold settles where answers become a coin toss.
OperatingPoint choose_threshold(const std::vector<HeldOutPrediction>& predictions,
                                float min_oos_recall = 0.85f, float recall_z = 0.0f);

// The answer threshold of a knowledge base, by the cost of a mistake: a right
// answer gains 1, a decline costs 0 and a wrong answer (the wrong intent, or
// any answer to an out-of-scope message) costs `wrong_cost`. Out-of-scope
// predictions count as `oos_share` of the traffic whatever their number in the
// training data (none: in-scope predictions alone). The threshold maximises the
// expected gain per message.
OperatingPoint choose_answer_threshold(const std::vector<HeldOutPrediction>& predictions,
                                       float wrong_cost, float oos_share);

// Scores an operating point on predictions (shared by training and evaluation);
// the close calls `clarify` asks about are not answers.
OperatingPoint evaluate_threshold(const std::vector<HeldOutPrediction>& predictions,
                                  float threshold, const ClarifyRule& clarify = {});

// Expected calibration error over equal-width confidence bins: the mean gap
// between confidence and accuracy, weighted by bin size.
double expected_calibration_error(const std::vector<HeldOutPrediction>& predictions, int bins = 10);

}  // namespace tandem::nlu
