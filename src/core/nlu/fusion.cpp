#include "nlu/fusion.h"

#include <algorithm>
#include <cmath>

#include "nlu/calibration.h"
#include "nlu/softmax_trainer.h"

namespace tandem::nlu {
namespace {

void log_softmax_into(const std::vector<float>& logits, float temperature, float weight,
                      std::vector<float>& out) {
  float top = -INFINITY;
  for (float v : logits) top = std::max(top, v / temperature);
  double sum = 0.0;
  for (float v : logits) sum += std::exp(v / temperature - top);
  const float log_sum = top + static_cast<float>(std::log(sum));
  for (size_t c = 0; c < logits.size(); ++c) out[c] += weight * (logits[c] / temperature - log_sum);
}

bool valid_temperature(float t) {
  return t > 0.0f && t < 1000.0f;
}

// The network's vote relative to the lexical mixture's 1; 0 lets training fall
// back to the lexical scores when the network does not help on held-out data.
constexpr float kNeuralWeights[] = {0.0f, 0.25f, 0.5f, 1.0f, 2.0f, 4.0f};
constexpr float kMaxNeuralWeight = 100.0f;

void mix_neural(const std::vector<float>& lexical_mix, const std::vector<float>& neural,
                float neural_temperature, float neural_weight, std::vector<float>& out) {
  const float total = 1.0f + neural_weight;
  out.resize(lexical_mix.size());
  for (size_t c = 0; c < out.size(); ++c) out[c] = lexical_mix[c] / total;
  log_softmax_into(neural, neural_temperature, neural_weight / total, out);
}

}  // namespace

void Fusion::mix(const std::vector<float>& linear, const std::vector<float>& embedding,
                 std::vector<float>& out) const {
  out.assign(linear.size(), 0.0f);
  const bool both = embedding_weight > 0.0f && embedding.size() == linear.size();
  const float total = both ? 1.0f + embedding_weight : 1.0f;
  log_softmax_into(linear, linear_temperature, 1.0f / total, out);
  if (both) log_softmax_into(embedding, embedding_temperature, embedding_weight / total, out);
}

void Fusion::logits(const std::vector<float>& linear, const std::vector<float>& embedding,
                    std::vector<float>& out) const {
  mix(linear, embedding, out);
  for (auto& v : out) v /= temperature;
}

void Fusion::probabilities(const std::vector<float>& linear, const std::vector<float>& embedding,
                           std::vector<float>& out) const {
  logits(linear, embedding, out);
  softmax(out);
}

void fit_fusion(const std::vector<std::vector<float>>& linear,
                const std::vector<std::vector<float>>& embedding,
                const std::vector<uint32_t>& labels, Fusion& fusion) {
  fusion.linear_temperature = fit_temperature(linear, labels);
  if (fusion.embedding_weight > 0.0f)
    fusion.embedding_temperature = fit_temperature(embedding, labels);
  std::vector<std::vector<float>> mixed(linear.size());
  for (size_t i = 0; i < linear.size(); ++i) fusion.mix(linear[i], embedding[i], mixed[i]);
  fusion.temperature = fit_temperature(mixed, labels);
}

void NeuralFusion::probabilities(const Fusion& lexical, const std::vector<float>& linear,
                                 const std::vector<float>& embedding,
                                 const std::vector<float>& neural, std::vector<float>& out) const {
  std::vector<float> lexical_mix;
  lexical.mix(linear, embedding, lexical_mix);
  mix_neural(lexical_mix, neural, neural_temperature, neural_weight, out);
  for (auto& v : out) v /= temperature;
  softmax(out);
}

NeuralFusion fit_neural_fusion(const Fusion& lexical, const std::vector<std::vector<float>>& linear,
                               const std::vector<std::vector<float>>& embedding,
                               const std::vector<std::vector<float>>& neural,
                               const std::vector<uint32_t>& labels) {
  NeuralFusion best;
  best.neural_temperature = fit_temperature(neural, labels);
  std::vector<std::vector<float>> lexical_mix(linear.size()), mixed(linear.size());
  for (size_t i = 0; i < linear.size(); ++i) lexical.mix(linear[i], embedding[i], lexical_mix[i]);
  double best_loss = INFINITY;
  for (float weight : kNeuralWeights) {
    for (size_t i = 0; i < linear.size(); ++i)
      mix_neural(lexical_mix[i], neural[i], best.neural_temperature, weight, mixed[i]);
    const float temperature = fit_temperature(mixed, labels);
    const double loss = negative_log_likelihood(mixed, labels, temperature);
    if (loss < best_loss) {
      best_loss = loss;
      best.neural_weight = weight;
      best.temperature = temperature;
    }
  }
  return best;
}

void NeuralFusion::save(BinaryWriter& out) const {
  out.f32(neural_temperature);
  out.f32(neural_weight);
  out.f32(temperature);
}

NeuralFusion NeuralFusion::load(BinaryReader& in) {
  NeuralFusion f;
  f.neural_temperature = in.f32();
  f.neural_weight = in.f32();
  f.temperature = in.f32();
  if (in.ok() && !(valid_temperature(f.neural_temperature) && valid_temperature(f.temperature) &&
                   f.neural_weight >= 0.0f && f.neural_weight <= kMaxNeuralWeight))
    in.fail("neural calibration parameters out of range");
  return f;
}

void Fusion::save(BinaryWriter& out) const {
  out.f32(linear_temperature);
  out.f32(embedding_temperature);
  out.f32(embedding_weight);
  out.f32(temperature);
}

Fusion Fusion::load(BinaryReader& in) {
  Fusion f;
  f.linear_temperature = in.f32();
  f.embedding_temperature = in.f32();
  f.embedding_weight = in.f32();
  f.temperature = in.f32();
  if (in.ok() && !(valid_temperature(f.linear_temperature) &&
                   valid_temperature(f.embedding_temperature) && valid_temperature(f.temperature) &&
                   f.embedding_weight >= 0.0f && f.embedding_weight <= 100.0f))
    in.fail("calibration parameters out of range");
  return f;
}

}  // namespace tandem::nlu
