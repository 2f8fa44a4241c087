#include "nlu/calibration.h"

#include <algorithm>
#include <cmath>

namespace tandem::nlu {

double negative_log_likelihood(const std::vector<std::vector<float>>& logits,
                               const std::vector<uint32_t>& labels, double temperature) {
  double total = 0.0;
  for (size_t i = 0; i < logits.size(); ++i) {
    const auto& z = logits[i];
    const double top = *std::max_element(z.begin(), z.end());
    double sum = 0.0;
    for (float v : z) sum += std::exp((v - top) / temperature);
    total += std::log(sum) - (z[labels[i]] - top) / temperature;
  }
  return total;
}

float fit_temperature(const std::vector<std::vector<float>>& logits,
                      const std::vector<uint32_t>& labels) {
  if (logits.empty()) return 1.0f;
  // Golden-section search on log T: the NLL is unimodal in T.
  double lo = std::log(0.05), hi = std::log(20.0);
  const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
  double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
  double fa = negative_log_likelihood(logits, labels, std::exp(a));
  double fb = negative_log_likelihood(logits, labels, std::exp(b));
  for (int i = 0; i < 60; ++i) {
    if (fa < fb) {
      hi = b, b = a, fb = fa;
      a = hi - ratio * (hi - lo);
      fa = negative_log_likelihood(logits, labels, std::exp(a));
    } else {
      lo = a, a = b, fa = fb;
      b = lo + ratio * (hi - lo);
      fb = negative_log_likelihood(logits, labels, std::exp(b));
    }
  }
  return static_cast<float>(std::exp((lo + hi) / 2.0));
}

OperatingPoint evaluate_threshold(const std::vector<HeldOutPrediction>& predictions,
                                  float threshold, const ClarifyRule& clarify) {
  size_t in_scope = 0, right = 0, answered = 0, oos = 0, oos_declined = 0, declined = 0;
  for (const auto& p : predictions) {
    const bool answers = !p.rejected_by_model && p.confidence >= threshold &&
                         !clarify.asks(p.confidence, p.runner_up);
    if (!answers) ++declined;
    if (p.out_of_scope) {
      ++oos;
      if (!answers) ++oos_declined;
    } else {
      ++in_scope;
      if (answers) ++answered;
      if (answers && p.correct) ++right;
    }
  }
  OperatingPoint point;
  point.threshold = threshold;
  point.in_scope_accuracy = in_scope ? double(right) / in_scope : 0.0;
  point.answered = in_scope ? double(answered) / in_scope : 0.0;
  point.oos_recall = oos ? double(oos_declined) / oos : 0.0;
  point.out_of_scope = oos;
  point.oos_recall_bound = point.oos_recall;
  point.oos_precision = declined ? double(oos_declined) / declined : 0.0;
  return point;
}

double wilson_lower_bound(double successes, double trials, double z) {
  if (trials <= 0.0) return 0.0;
  const double p = successes / trials, z2 = z * z;
  const double centre = p + z2 / (2.0 * trials);
  const double spread = z * std::sqrt(p * (1.0 - p) / trials + z2 / (4.0 * trials * trials));
  return std::max(0.0, (centre - spread) / (1.0 + z2 / trials));
}

OperatingPoint choose_threshold(const std::vector<HeldOutPrediction>& predictions,
                                float min_oos_recall, float recall_z) {
  const auto oos =
      static_cast<double>(std::count_if(predictions.begin(), predictions.end(),
                                        [](const HeldOutPrediction& p) { return p.out_of_scope; }));
  const bool has_oos = oos > 0;
  auto counted_recall = [&](double recall) {
    return recall_z > 0.0f ? wilson_lower_bound(std::round(recall * oos), oos, recall_z) : recall;
  };
  std::vector<float> candidates{0.0f};
  for (const auto& p : predictions) candidates.push_back(p.confidence);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  OperatingPoint best;
  double best_value = -1e300;
  for (float t : candidates) {
    OperatingPoint point = evaluate_threshold(predictions, t);
    double value;
    if (has_oos) {
      // Feasible points rank by accuracy, above every infeasible one; infeasible
      // ones rank by recall, so the closest to feasible wins when none is.
      point.oos_recall_bound = counted_recall(point.oos_recall);
      const double recall = point.oos_recall_bound;
      value = recall + 1e-9 >= min_oos_recall ? 2.0 + point.in_scope_accuracy : recall;
    } else {
      const double wrong = point.answered - point.in_scope_accuracy;
      value = point.in_scope_accuracy - wrong;
    }
    if (value > best_value + 1e-12) best_value = value, best = point;
  }
  return best;
}

OperatingPoint choose_answer_threshold(const std::vector<HeldOutPrediction>& predictions,
                                       float wrong_cost, float oos_share) {
  std::vector<float> candidates{0.0f};
  for (const auto& p : predictions) candidates.push_back(p.confidence);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const bool has_oos = std::any_of(predictions.begin(), predictions.end(),
                                   [](const HeldOutPrediction& p) { return p.out_of_scope; });
  const double share = has_oos ? std::min(std::max(double(oos_share), 0.0), 1.0) : 0.0;
  OperatingPoint best;
  double best_gain = -1e300;
  for (float t : candidates) {
    const OperatingPoint point = evaluate_threshold(predictions, t);
    const double wrong = point.answered - point.in_scope_accuracy;
    const double oos_answered = 1.0 - point.oos_recall;
    const double gain = (1.0 - share) * (point.in_scope_accuracy - wrong_cost * wrong) -
                        share * wrong_cost * oos_answered;
    if (gain > best_gain + 1e-12) best_gain = gain, best = point;
  }
  return best;
}

double expected_calibration_error(const std::vector<HeldOutPrediction>& predictions, int bins) {
  std::vector<double> confidence(bins, 0.0), correct(bins, 0.0), count(bins, 0.0);
  size_t n = 0;
  for (const auto& p : predictions) {
    if (p.out_of_scope) continue;
    const int b = std::min(bins - 1, static_cast<int>(p.confidence * bins));
    confidence[b] += p.confidence;
    correct[b] += p.correct ? 1.0 : 0.0;
    count[b] += 1.0;
    ++n;
  }
  if (n == 0) return 0.0;
  double ece = 0.0;
  for (int b = 0; b < bins; ++b) ece += std::fabs(confidence[b] - correct[b]);
  return ece / n;
}

}  // namespace tandem::nlu
