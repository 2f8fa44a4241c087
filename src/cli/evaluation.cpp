#include "evaluation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>

#include "neural_io.h"

namespace tandem::cli {
namespace {

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const size_t rank = static_cast<size_t>(std::ceil(q * values.size()));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

using DecideFn = std::function<engine::Decision(const std::string& message)>;

Evaluation timed(const std::vector<data::Example>& items, const DecideFn& decide) {
  std::vector<engine::Decision> decisions;
  decisions.reserve(items.size());
  std::vector<double> latencies;
  latencies.reserve(items.size());
  for (const auto& item : items) {
    const auto start = std::chrono::steady_clock::now();
    decisions.push_back(decide(item.text));
    const auto stop = std::chrono::steady_clock::now();
    latencies.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  Evaluation e;
  e.metrics = engine::score(items, decisions);
  e.decisions = std::move(decisions);
  e.latency_us_p50 = percentile(latencies, 0.50);
  e.latency_us_p99 = percentile(latencies, 0.99);
  return e;
}

// The logits follow the classifier's classes: its labels, then the
// out-of-scope class when it has one.
engine::Decision network_decision(const std::vector<std::string>& labels,
                                  const std::vector<float>& logits) {
  engine::Decision d;
  const size_t in_scope = std::min(labels.size(), logits.size());
  if (in_scope == 0) return d;
  const auto top = std::max_element(logits.begin(), logits.begin() + in_scope) - logits.begin();
  const float best = *std::max_element(logits.begin(), logits.end());
  double total = 0.0;
  for (float v : logits) total += std::exp(double(v) - best);
  d.intent = labels[size_t(top)];
  d.confidence = float(std::exp(double(logits[size_t(top)]) - best) / total);
  d.action = logits[size_t(top)] >= best ? engine::Action::kAnswer : engine::Action::kFallback;
  return d;
}

}  // namespace

Evaluation evaluate(const engine::Engine& engine, const std::vector<data::Example>& items) {
  return timed(items, [&](const std::string& message) { return engine.decide(message); });
}

Evaluation evaluate_neural(const engine::Engine& engine, const nlu::NeuralModel& network,
                           const std::vector<data::Example>& items) {
  const auto& labels = engine.model().classifier.labels();
  std::vector<float> logits;
  return timed(items, [&](const std::string& message) {
    network.logits(engine.neural_input(message), logits);
    return network_decision(labels, logits);
  });
}

Evaluation evaluate_fused(const engine::Engine& engine, const nlu::NeuralModel& network,
                          const std::vector<data::Example>& items) {
  return timed(items, [&](const std::string& message) {
    const nlu::NeuralScores scores = native_scores(engine, network, message);
    return engine.decide(message, &scores);
  });
}

const std::vector<data::Example>& evaluation_items(const data::LabelledData& data) {
  return data.eval.empty() ? data.train : data.eval;
}

}  // namespace tandem::cli
