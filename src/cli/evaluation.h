// Runs a model over labelled items and measures quality and latency.
#pragma once

#include <vector>

#include "data/labelled_data.h"
#include "engine/engine.h"
#include "engine/metrics.h"
#include "nlu/neural_model.h"

namespace tandem::cli {

struct Evaluation {
  engine::Metrics metrics;
  std::vector<engine::Decision> decisions;            // one per item, in order
  double latency_us_p50 = 0.0, latency_us_p99 = 0.0;  // per message, everything it takes
};

// The engine alone: what the widget does before (or without) the neural model.
Evaluation evaluate(const engine::Engine& engine, const std::vector<data::Example>& items);

// The network alone: its top in-scope class, declined when the out-of-scope
// class outscores it. Latency: featurising and the native forward pass.
Evaluation evaluate_neural(const engine::Engine& engine, const nlu::NeuralModel& network,
                           const std::vector<data::Example>& items);

// The engine fusing the native evaluator's logits: what the widget does once
// ONNX Runtime Web has loaded. Latency: featurising, forward pass and decision.
Evaluation evaluate_fused(const engine::Engine& engine, const nlu::NeuralModel& network,
                          const std::vector<data::Example>& items);

// The items `eval` scores: the evaluation split when the data has one, else all.
const std::vector<data::Example>& evaluation_items(const data::LabelledData& data);

}  // namespace tandem::cli
