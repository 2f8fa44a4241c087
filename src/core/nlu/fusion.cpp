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
// Example retrieval's vote against the linear model's 1 (the embedding model's is
// 2; no vote is where the search starts), and the score it gives the classes
// without examples (20 x a cosine): cosines below it vote for declining.
constexpr float kRetrievalWeights[] = {0.25f, 0.5f, 1.0f, 2.0f, 4.0f};
constexpr float kUnmatchedScores[] = {0.0f, 2.0f, 4.0f, 6.0f, 8.0f, 10.0f};

void mix_neural(const std::vector<float>& lexical_mix, const std::vector<float>& neural,
                float neural_temperature, float neural_weight, std::vector<float>& out) {
  const float total = 1.0f + neural_weight;
  out.resize(lexical_mix.size());
  for (size_t c = 0; c < out.size(); ++c) out[c] = lexical_mix[c] / total;
  log_softmax_into(neural, neural_temperature, neural_weight / total, out);
}

}  // namespace

void Fusion::mix(const ScorerLogits& scores, std::vector<float>& out) const {
  const size_t classes = scores.linear.size();
  out.assign(classes, 0.0f);
  const bool embedding = embedding_weight > 0.0f && scores.embedding.size() == classes;
  const bool retrieval = retrieval_weight > 0.0f && scores.retrieval.size() == classes;
  const float total =
      1.0f + (embedding ? embedding_weight : 0.0f) + (retrieval ? retrieval_weight : 0.0f);
  log_softmax_into(scores.linear, linear_temperature, 1.0f / total, out);
  if (embedding)
    log_softmax_into(scores.embedding, embedding_temperature, embedding_weight / total, out);
  if (retrieval)
    log_softmax_into(scores.retrieval, retrieval_temperature, retrieval_weight / total, out);
}

void Fusion::logits(const ScorerLogits& scores, std::vector<float>& out) const {
  mix(scores, out);
  for (auto& v : out) v /= temperature;
}

void Fusion::probabilities(const ScorerLogits& scores, std::vector<float>& out) const {
  logits(scores, out);
  softmax(out);
}

namespace {

// The final temperature of `fusion` on held-out scores; returns the calibrated NLL.
double fit_final_temperature(const std::vector<ScorerLogits>& heldout,
                             const std::vector<uint32_t>& labels, Fusion& fusion) {
  std::vector<std::vector<float>> mixed(heldout.size());
  for (size_t i = 0; i < heldout.size(); ++i) fusion.mix(heldout[i], mixed[i]);
  fusion.temperature = fit_temperature(mixed, labels);
  return negative_log_likelihood(mixed, labels, fusion.temperature);
}

std::vector<std::vector<float>> column(const std::vector<ScorerLogits>& heldout,
                                       std::vector<float> ScorerLogits::*scorer) {
  std::vector<std::vector<float>> out;
  out.reserve(heldout.size());
  for (const auto& h : heldout) out.push_back(h.*scorer);
  return out;
}

}  // namespace

void fit_fusion(const std::vector<ScorerLogits>& heldout, const std::vector<uint32_t>& labels,
                Fusion& fusion) {
  fusion.linear_temperature = fit_temperature(column(heldout, &ScorerLogits::linear), labels);
  if (fusion.embedding_weight > 0.0f)
    fusion.embedding_temperature =
        fit_temperature(column(heldout, &ScorerLogits::embedding), labels);
  fit_final_temperature(heldout, labels, fusion);
}

void fill_unmatched(std::vector<float>& retrieval, float unmatched) {
  for (float& v : retrieval)
    if (v < 0.0f) v = unmatched;
}

float fit_retrieval_fusion(const std::vector<ScorerLogits>& heldout,
                           const std::vector<uint32_t>& labels, Fusion& fusion) {
  fusion.retrieval_weight = 0.0f;
  double best_loss = fit_final_temperature(heldout, labels, fusion);
  const bool scored = std::all_of(heldout.begin(), heldout.end(), [](const ScorerLogits& h) {
    return h.retrieval.size() == h.linear.size();
  });
  if (!scored || heldout.empty()) return 0.0f;
  std::vector<ScorerLogits> filled = heldout;
  Fusion best = fusion;
  float best_unmatched = 0.0f;
  for (float unmatched : kUnmatchedScores) {
    for (size_t i = 0; i < heldout.size(); ++i) {
      filled[i].retrieval = heldout[i].retrieval;
      fill_unmatched(filled[i].retrieval, unmatched);
    }
    Fusion candidate = fusion;
    candidate.retrieval_temperature =
        fit_temperature(column(filled, &ScorerLogits::retrieval), labels);
    for (float weight : kRetrievalWeights) {
      candidate.retrieval_weight = weight;
      const double loss = fit_final_temperature(filled, labels, candidate);
      if (loss < best_loss) best_loss = loss, best = candidate, best_unmatched = unmatched;
    }
  }
  fusion = best;
  return best_unmatched;
}

void NeuralFusion::probabilities(const Fusion& lexical, const ScorerLogits& scores,
                                 std::vector<float>& out) const {
  std::vector<float> lexical_mix;
  lexical.mix(scores, lexical_mix);
  mix_neural(lexical_mix, scores.neural, neural_temperature, neural_weight, out);
  for (auto& v : out) v /= temperature;
  softmax(out);
}

NeuralFusion fit_neural_fusion(const Fusion& lexical, const std::vector<ScorerLogits>& heldout,
                               const std::vector<uint32_t>& labels) {
  NeuralFusion best;
  best.neural_temperature = fit_temperature(column(heldout, &ScorerLogits::neural), labels);
  std::vector<std::vector<float>> lexical_mix(heldout.size()), mixed(heldout.size());
  for (size_t i = 0; i < heldout.size(); ++i) lexical.mix(heldout[i], lexical_mix[i]);
  double best_loss = INFINITY;
  for (float weight : kNeuralWeights) {
    for (size_t i = 0; i < heldout.size(); ++i)
      mix_neural(lexical_mix[i], heldout[i].neural, best.neural_temperature, weight, mixed[i]);
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
