#include "nlu/sentence_encoder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace tandem::nlu {
namespace {

// Bounds for stored indexes: real encoders have 128 to 1024 dimensions, and
// knowledge bases at most kb::kMaxPhrasings phrasings.
constexpr size_t kMaxDims = 4096;
constexpr size_t kMaxVectors = 100000;
constexpr size_t kMaxLabels = 2000;
// Leave-one-out on at most this many phrasings, evenly spread: the fit needs
// a few hundred, and each costs a pass over the whole index.
constexpr size_t kMaxHeldOut = 500;
// Cosines live in [-1, 1]; useful temperatures from sharp to flat.
constexpr float kMinTemperature = 0.005f;
constexpr float kMaxTemperature = 1.0f;
constexpr int kTemperatureSteps = 48;
constexpr float kUnitTolerance = 1e-3f;

Error index_error(std::string what) {
  return Error{"", std::move(what)};
}

std::vector<float> log_softmax(const std::vector<float>& scores, float temperature) {
  float top = -std::numeric_limits<float>::infinity();
  for (float s : scores) top = std::max(top, s / temperature);
  double sum = 0.0;
  for (float s : scores) sum += std::exp(double(s / temperature - top));
  const float log_sum = top + static_cast<float>(std::log(sum));
  std::vector<float> out(scores.size());
  for (size_t i = 0; i < scores.size(); ++i) out[i] = scores[i] / temperature - log_sum;
  return out;
}

bool finite(const std::vector<float>& values) {
  return std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
}

}  // namespace

Expected<std::vector<float>> pool_sentence(const std::vector<float>& hidden, size_t tokens,
                                           size_t dims,
                                           const std::vector<int32_t>& attention_mask) {
  if (dims == 0 || tokens == 0 || hidden.size() / dims != tokens || hidden.size() % dims != 0) {
    return index_error("hidden states hold " + std::to_string(hidden.size()) + " values, not " +
                       std::to_string(tokens) + " tokens x " + std::to_string(dims));
  }
  if (attention_mask.size() != tokens) {
    return index_error("the attention mask has " + std::to_string(attention_mask.size()) +
                       " entries for " + std::to_string(tokens) + " tokens");
  }
  std::vector<double> sum(dims, 0.0);
  for (size_t t = 0; t < tokens; ++t) {
    if (!attention_mask[t]) continue;
    for (size_t d = 0; d < dims; ++d) sum[d] += hidden[t * dims + d];
  }
  double norm = 0.0;
  for (double v : sum) norm += v * v;
  norm = std::sqrt(norm);
  if (!std::isfinite(norm) || norm == 0.0) {
    return index_error("the pooled vector is zero or not finite");
  }
  std::vector<float> pooled(dims);
  for (size_t d = 0; d < dims; ++d) pooled[d] = static_cast<float>(sum[d] / norm);
  return pooled;
}

Expected<EncoderIndex> EncoderIndex::build(const std::vector<std::string>& labels,
                                           const std::vector<std::vector<float>>& vectors) {
  if (vectors.empty() || vectors.size() != labels.size() || vectors.size() > kMaxVectors) {
    return index_error("an index needs 1 to " + std::to_string(kMaxVectors) +
                       " vectors, each with a label");
  }
  EncoderIndex index;
  index.dims_ = vectors.front().size();
  if (index.dims_ == 0 || index.dims_ > kMaxDims) {
    return index_error("vectors must have 1 to " + std::to_string(kMaxDims) + " dimensions");
  }
  std::unordered_map<std::string, uint32_t> label_ids;
  for (size_t i = 0; i < vectors.size(); ++i) {
    const std::vector<float>& v = vectors[i];
    double norm = 0.0;
    for (float x : v) norm += double(x) * x;
    if (v.size() != index.dims_ || !finite(v) || std::abs(std::sqrt(norm) - 1.0) > kUnitTolerance) {
      return index_error("vector " + std::to_string(i) + " (" + labels[i] +
                         ") is not a unit vector of " + std::to_string(index.dims_) +
                         " dimensions");
    }
    if (labels[i].empty()) return index_error("vector " + std::to_string(i) + " has no label");
    const auto [it, added] =
        label_ids.emplace(labels[i], static_cast<uint32_t>(index.labels_.size()));
    if (added) index.labels_.push_back(labels[i]);
    index.owners_.push_back(it->second);
    float top = 0.0f;
    for (float x : v) top = std::max(top, std::abs(x));
    const float scale = top > 0.0f ? top / 127.0f : 1.0f;
    index.scales_.push_back(scale);
    for (float x : v) index.codes_.push_back(static_cast<int8_t>(std::lround(x / scale)));
  }
  if (index.labels_.size() > kMaxLabels) {
    return index_error("more than " + std::to_string(kMaxLabels) + " labels");
  }
  index.temperature_ = index.fit_temperature();
  return index;
}

std::vector<float> EncoderIndex::best_per_label(const std::vector<float>& query,
                                                size_t skip) const {
  std::vector<float> best(labels_.size(), -1.0f);
  for (size_t i = 0; i < owners_.size(); ++i) {
    if (i == skip) continue;
    const int8_t* code = &codes_[i * dims_];
    float dot = 0.0f;
    for (size_t d = 0; d < dims_; ++d) dot += query[d] * code[d];
    best[owners_[i]] = std::max(best[owners_[i]], dot * scales_[i]);
  }
  return best;
}

// The temperature that makes leave-one-out predictions best calibrated (lowest
// mean negative log-likelihood of each held-out phrasing's own label). Labels
// with a single phrasing cannot be held out and are skipped.
float EncoderIndex::fit_temperature() const {
  std::vector<size_t> per_label(labels_.size(), 0);
  for (uint32_t owner : owners_) ++per_label[owner];
  const size_t stride = std::max<size_t>(1, owners_.size() / kMaxHeldOut);
  std::vector<std::vector<float>> held_out_scores;
  std::vector<uint32_t> truths;
  std::vector<float> query(dims_);
  for (size_t i = 0; i < owners_.size(); i += stride) {
    if (per_label[owners_[i]] < 2) continue;
    for (size_t d = 0; d < dims_; ++d) query[d] = codes_[i * dims_ + d] * scales_[i];
    held_out_scores.push_back(best_per_label(query, i));
    truths.push_back(owners_[i]);
  }
  if (held_out_scores.empty() || labels_.size() < 2) return temperature_;
  float best_temperature = temperature_;
  double best_loss = std::numeric_limits<double>::infinity();
  for (int step = 0; step < kTemperatureSteps; ++step) {
    const float t = kMinTemperature * std::pow(kMaxTemperature / kMinTemperature,
                                               float(step) / (kTemperatureSteps - 1));
    double loss = 0.0;
    for (size_t k = 0; k < held_out_scores.size(); ++k) {
      loss -= log_softmax(held_out_scores[k], t)[truths[k]];
    }
    if (loss < best_loss) {
      best_loss = loss;
      best_temperature = t;
    }
  }
  return best_temperature;
}

std::vector<float> EncoderIndex::log_probabilities(const std::vector<float>& query) const {
  if (query.size() != dims_ || !finite(query)) return {};
  return log_softmax(best_per_label(query, std::numeric_limits<size_t>::max()), temperature_);
}

void EncoderIndex::save(BinaryWriter& out) const {
  out.varint(dims_);
  out.f32(temperature_);
  out.varint(labels_.size());
  for (const std::string& label : labels_) out.str(label);
  out.varint(owners_.size());
  for (size_t i = 0; i < owners_.size(); ++i) {
    out.varint(owners_[i]);
    out.f32(scales_[i]);
    out.raw(&codes_[i * dims_], dims_);
  }
}

Expected<EncoderIndex> EncoderIndex::load(BinaryReader& in) {
  EncoderIndex index;
  const uint64_t dims = in.varint();
  index.temperature_ = in.f32();
  index.labels_.resize(in.count(1));
  for (std::string& label : index.labels_) label = in.str();
  const size_t vectors = in.count(dims + 5);
  if (!in.ok()) return index_error(in.error());
  if (dims == 0 || dims > kMaxDims) return index_error("bad vector size " + std::to_string(dims));
  if (!(index.temperature_ >= kMinTemperature && index.temperature_ <= kMaxTemperature)) {
    return index_error("bad temperature");
  }
  if (index.labels_.empty() || index.labels_.size() > kMaxLabels || vectors == 0 ||
      vectors > kMaxVectors) {
    return index_error("bad label or vector count");
  }
  index.dims_ = static_cast<size_t>(dims);
  std::vector<std::string> sorted = index.labels_;
  std::sort(sorted.begin(), sorted.end());
  if (sorted.front().empty() || std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return index_error("labels must be distinct and not empty");
  }
  std::vector<bool> used(index.labels_.size(), false);
  for (size_t i = 0; i < vectors && in.ok(); ++i) {
    const uint64_t owner = in.varint();
    const float scale = in.f32();
    const std::string_view code = in.raw(index.dims_);
    if (!in.ok()) break;
    if (owner >= index.labels_.size() || !(scale > 0.0f && scale <= 1.0f)) {
      return index_error("vector " + std::to_string(i) + " has a bad label or scale");
    }
    used[owner] = true;
    index.owners_.push_back(static_cast<uint32_t>(owner));
    index.scales_.push_back(scale);
    index.codes_.insert(index.codes_.end(), code.begin(), code.end());
  }
  if (!in.ok()) return index_error(in.error());
  if (std::find(used.begin(), used.end(), false) != used.end()) {
    return index_error("a label has no vector");
  }
  return index;
}

}  // namespace tandem::nlu
