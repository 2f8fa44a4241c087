// Runs a model over labelled items and measures quality and latency.
#pragma once

#include <vector>

#include "data/labelled_data.h"
#include "engine/engine.h"
#include "engine/metrics.h"

namespace tandem::cli {

struct Evaluation {
  engine::Metrics metrics;
  double latency_us_p50 = 0.0, latency_us_p99 = 0.0;  // engine.decide() per message
};

Evaluation evaluate(const engine::Engine& engine, const std::vector<data::Example>& items);

// The items `eval` scores: the evaluation split when the data has one, else all.
const std::vector<data::Example>& evaluation_items(const data::LabelledData& data);

}  // namespace tandem::cli
