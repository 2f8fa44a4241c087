// Scoring a message and the classifier's part of the model file; train() is
// in intent_training.cpp, its cross-fitting in cross_fitting.cpp.
#include "nlu/intent_classifier.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "nlu/out_of_scope_prior.h"

namespace tandem::nlu {
namespace {

// Optional tails of a saved classifier, in this order, each only when present.
constexpr uint8_t kNeuralModeTag = 1;
constexpr uint8_t kOutOfScopePriorTag = 2;

bool valid_threshold(float t) {
  return t >= 0.0f && t <= 1.0f;
}

bool all_finite(const std::vector<float>& values) {
  return std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
}

// Probabilities proportional to exp(log p_lexical + weight x encoder log-probability)
// over the in-scope intents; the out-of-scope class keeps its lexical probability.
void fuse_encoder(const std::vector<float>& lexical_logits, size_t intents,
                  const NeuralScores& encoder, std::vector<float>& out) {
  out = lexical_logits;
  softmax(out);
  const float out_of_scope = out.size() > intents ? out.back() : 0.0f;
  std::vector<float> in_scope(lexical_logits.begin(),
                              lexical_logits.begin() + static_cast<long>(intents));
  for (size_t c = 0; c < intents; ++c) in_scope[c] += encoder.weight * encoder.values[c];
  softmax(in_scope);
  for (size_t c = 0; c < intents; ++c) out[c] = in_scope[c] * (1.0f - out_of_scope);
}

}  // namespace

Classification IntentClassifier::classify(std::string_view text, size_t top_k,
                                          const NeuralScores* neural) const {
  SparseVector x;
  vectorizer_.transform(text, x);
  return classify(x, top_k, neural);
}

NeuralInput IntentClassifier::neural_input(std::string_view text) const {
  if (!neural_) return {};
  SparseVector x;
  vectorizer_.transform(text, x);
  return bucket_input(x, neural_->buckets);
}

bool IntentClassifier::fits(const NeuralScores& scores) const {
  if (!all_finite(scores.values)) return false;
  if (scores.kind == NeuralScores::Kind::kTrainedLogits)
    return neural_ && scores.fingerprint == neural_->fingerprint &&
           scores.values.size() == classes();
  return scores.values.size() == labels_.size() && std::isfinite(scores.weight) &&
         scores.weight >= 0.0f;
}

Classification IntentClassifier::classify(const SparseVector& x, size_t top_k,
                                          const NeuralScores* neural) const {
  Classification result;
  if (labels_.empty()) return result;
  std::vector<float> linear, embedding, probabilities;
  linear_.logits(x, linear);
  if (!embedding_.empty()) embedding_.logits(x, embedding);
  const NeuralScores* scores = neural && fits(*neural) ? neural : nullptr;
  result.threshold = threshold_;
  result.answer_threshold = answer_threshold_;
  if (scores && scores->kind == NeuralScores::Kind::kTrainedLogits) {
    neural_->fusion.probabilities(fusion_, linear, embedding, scores->values, probabilities);
    result.neural = true;
    result.threshold = neural_->threshold;
    result.answer_threshold = neural_->answer_threshold;
  } else if (scores) {
    std::vector<float> lexical_logits;
    fusion_.logits(linear, embedding, lexical_logits);
    fuse_encoder(lexical_logits, labels_.size(), *scores, probabilities);
  } else {
    fusion_.probabilities(linear, embedding, probabilities);
  }
  const size_t intents = labels_.size();
  correct_prior(intents, out_of_scope_odds_, probabilities);
  std::vector<uint32_t> order(intents);
  std::iota(order.begin(), order.end(), 0u);
  const size_t k = std::min(top_k, intents);
  std::partial_sort(order.begin(), order.begin() + static_cast<long>(k), order.end(),
                    [&](uint32_t a, uint32_t b) {
                      return probabilities[a] > probabilities[b] ||
                             (probabilities[a] == probabilities[b] && a < b);
                    });
  for (size_t r = 0; r < k; ++r) result.ranked.push_back({order[r], probabilities[order[r]]});
  const float top = probabilities[order[0]];
  result.declined_by_model = has_oos_class_ && probabilities.back() > top;
  result.in_scope = !result.declined_by_model && top >= result.threshold;
  return result;
}

void IntentClassifier::save(BinaryWriter& out) const {
  out.varint(labels_.size());
  for (const auto& l : labels_) out.str(l);
  out.u8(has_oos_class_ ? 1 : 0);
  fusion_.save(out);
  out.f32(threshold_);
  out.f32(answer_threshold_);
  vectorizer_.save(out);
  linear_.save(out);
  out.u8(embedding_.empty() ? 0 : 1);
  if (!embedding_.empty()) embedding_.save(out);
  // An optional tail, so a model without the neural mode is the same bytes as before it.
  if (neural_) {
    out.u8(kNeuralModeTag);
    out.u32(neural_->fingerprint);
    out.varint(neural_->buckets);
    neural_->fusion.save(out);
    out.f32(neural_->threshold);
    out.f32(neural_->answer_threshold);
  }
  if (out_of_scope_odds_ != 1.0f) {
    out.u8(kOutOfScopePriorTag);
    out.f32(out_of_scope_odds_);
  }
}

IntentClassifier IntentClassifier::load(BinaryReader& in) {
  IntentClassifier c;
  const size_t n = in.count();
  for (size_t i = 0; i < n && in.ok(); ++i) c.labels_.push_back(in.str());
  c.has_oos_class_ = in.u8() != 0;
  c.fusion_ = Fusion::load(in);
  c.threshold_ = in.f32();
  c.answer_threshold_ = in.f32();
  c.vectorizer_ = Vectorizer::load(in);
  c.linear_ = CompactLinearModel::load(in);
  if (in.u8() != 0) c.embedding_ = EmbeddingModel::load(in);
  uint8_t tag = in.ok() && !in.at_end() ? in.u8() : 0;
  if (in.ok() && tag == kNeuralModeTag) {
    NeuralMode mode;
    mode.fingerprint = in.u32();
    mode.buckets = static_cast<uint32_t>(std::min<uint64_t>(in.varint(), kMaxNeuralBuckets + 1));
    mode.fusion = NeuralFusion::load(in);
    mode.threshold = in.f32();
    mode.answer_threshold = in.f32();
    if (in.ok() && !(mode.fingerprint > 0 && mode.fingerprint <= 0x7FFFFFFFu && mode.buckets > 0 &&
                     mode.buckets <= kMaxNeuralBuckets))
      in.fail("neural mode fingerprint or table size out of range");
    if (in.ok() && !(valid_threshold(mode.threshold) && valid_threshold(mode.answer_threshold)))
      in.fail("neural mode thresholds out of range");
    c.neural_ = mode;
    tag = in.ok() && !in.at_end() ? in.u8() : 0;
  }
  if (in.ok() && tag == kOutOfScopePriorTag) {
    c.out_of_scope_odds_ = in.f32();
    if (in.ok() && !(c.out_of_scope_odds_ > 0.0f && c.out_of_scope_odds_ <= 1.0f))
      in.fail("out-of-scope prior correction out of range");
    tag = in.ok() && !in.at_end() ? in.u8() : 0;
  }
  if (in.ok() && tag != 0) in.fail("unknown classifier extension");
  const size_t classes = c.classes();
  if (in.ok() && c.linear_.classes() != classes)
    in.fail("model classes do not match its intent list");
  if (in.ok() && !c.embedding_.empty() && c.embedding_.classes() != classes)
    in.fail("embedding model classes do not match its intent list");
  if (in.ok() && c.linear_.rows() != c.vectorizer_.rows())
    in.fail("model rows do not match its feature table");
  if (in.ok() && !(valid_threshold(c.threshold_) && valid_threshold(c.answer_threshold_)))
    in.fail("thresholds out of range");
  if (!in.ok()) return IntentClassifier{};
  return c;
}

}  // namespace tandem::nlu
