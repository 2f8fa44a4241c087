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

}  // namespace

void Fusion::mix(const std::vector<float>& linear, const std::vector<float>& embedding,
                 std::vector<float>& out) const {
  out.assign(linear.size(), 0.0f);
  const bool both = embedding_weight > 0.0f && embedding.size() == linear.size();
  const float total = both ? 1.0f + embedding_weight : 1.0f;
  log_softmax_into(linear, linear_temperature, 1.0f / total, out);
  if (both) log_softmax_into(embedding, embedding_temperature, embedding_weight / total, out);
}

void Fusion::probabilities(const std::vector<float>& linear, const std::vector<float>& embedding,
                           std::vector<float>& out) const {
  mix(linear, embedding, out);
  for (auto& v : out) v /= temperature;
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
