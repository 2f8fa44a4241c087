#include "evaluation.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace tandem::cli {
namespace {
double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const size_t rank = static_cast<size_t>(std::ceil(q * values.size()));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}
}  // namespace

Evaluation evaluate(const engine::Engine& engine, const std::vector<data::Example>& items) {
  std::vector<engine::Decision> decisions;
  decisions.reserve(items.size());
  std::vector<double> latencies;
  latencies.reserve(items.size());
  for (const auto& item : items) {
    const auto start = std::chrono::steady_clock::now();
    decisions.push_back(engine.decide(item.text));
    const auto stop = std::chrono::steady_clock::now();
    latencies.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  Evaluation e;
  e.metrics = engine::score(items, decisions);
  e.latency_us_p50 = percentile(latencies, 0.50);
  e.latency_us_p99 = percentile(latencies, 0.99);
  return e;
}

const std::vector<data::Example>& evaluation_items(const data::LabelledData& data) {
  return data.eval.empty() ? data.train : data.eval;
}

}  // namespace tandem::cli
