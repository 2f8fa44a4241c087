#include "nlu/neural_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "nlu/random.h"
#include "nlu/sgd_schedule.h"

namespace tandem::nlu {
namespace {
// Limits for a model read from an untrusted file, beside kMaxNeuralBuckets.
constexpr uint64_t kMaxTableEntries = 1u << 26;
constexpr uint64_t kMaxLayerWidth = 4096;
constexpr uint64_t kMaxClasses = 65535;

// Uniform in [-1, 1) from 24 random bits: exact in float on every platform.
float symmetric_unit(Random& random) {
  return float(random.next() >> 40) / float(1u << 23) - 1.0f;
}

void fill_uniform(std::vector<float>& values, size_t n, float range, Random& random) {
  values.resize(n);
  for (auto& v : values) v = range * symmetric_unit(random);
}

// Inverted dropout: kept values are scaled by 1 / (1 - rate), so the trained
// network needs no change at inference.
class Dropout {
 public:
  // Its own stream, so the example order is the same with and without dropout.
  Dropout(float rate, uint64_t seed)
      : rate_(rate), keep_scale_(1.0f / (1.0f - rate)), random_(seed ^ 0xD809D809ull) {}
  bool active() const { return rate_ > 0.0f; }
  // 1 / (1 - rate) for a kept value, 0 for a dropped one; from 24 random bits,
  // exact in float as in symmetric_unit().
  float next() {
    return float(random_.next() >> 40) < rate_ * float(1u << 24) ? 0.0f : keep_scale_;
  }

 private:
  float rate_, keep_scale_;
  Random random_;
};

// Full-precision parameters and scratch space while training.
struct Network {
  size_t buckets, dim, hidden, classes;
  std::vector<float> table, w1, b1, w2, b2;
  std::vector<float> v, a, h, p, grad_h, grad_v, hidden_kept;
  SparseVector kept;
  Dropout input_dropout, hidden_dropout;

  // Uniform ranges keep each layer's output at the scale of its input (He for
  // the ReLU layer); the TF-IDF input has unit norm.
  Network(const NeuralOptions& options, size_t classes_, Random& random)
      : buckets(options.buckets),
        dim(options.dim),
        hidden(options.hidden),
        classes(classes_),
        input_dropout(options.input_dropout, options.seed),
        hidden_dropout(options.hidden_dropout, ~options.seed) {
    fill_uniform(table, buckets * dim, 1.0f / std::sqrt(float(dim)), random);
    fill_uniform(w1, dim * hidden, std::sqrt(6.0f / float(dim)), random);
    fill_uniform(w2, hidden * classes, std::sqrt(3.0f / float(hidden)), random);
    b1.assign(hidden, 0.0f);
    b2.assign(classes, 0.0f);
    h.resize(hidden);
    grad_h.resize(hidden);
    grad_v.resize(dim);
    hidden_kept.assign(hidden, 1.0f);
  }

  // One SGD step on the cross-entropy of one example, under fresh dropout masks.
  void step(const SparseVector& example, uint32_t label, float lr) {
    const SparseVector& x = input_dropout.active() ? drop_terms(example) : example;
    if (hidden_dropout.active())
      for (auto& m : hidden_kept) m = hidden_dropout.next();
    v.assign(dim, 0.0f);
    for (const auto& t : x) {
      const float* e = &table[size_t{t.row % buckets} * dim];
      for (size_t j = 0; j < dim; ++j) v[j] += t.value * e[j];
    }
    a = b1;
    for (size_t j = 0; j < dim; ++j) {
      const float* w = &w1[j * hidden];
      for (size_t k = 0; k < hidden; ++k) a[k] += v[j] * w[k];
    }
    for (size_t k = 0; k < hidden; ++k) h[k] = std::max(0.0f, a[k]) * hidden_kept[k];
    p = b2;
    for (size_t k = 0; k < hidden; ++k) {
      if (h[k] == 0.0f) continue;
      const float* w = &w2[k * classes];
      for (size_t c = 0; c < classes; ++c) p[c] += h[k] * w[c];
    }
    softmax(p);
    p[label] -= 1.0f;  // now the gradient of the loss w.r.t. the logits
    // Each layer's input gradient is taken before its weights move.
    for (size_t k = 0; k < hidden; ++k) {
      float* w = &w2[k * classes];
      float g = 0.0f;
      for (size_t c = 0; c < classes; ++c) g += w[c] * p[c];
      grad_h[k] = a[k] > 0.0f ? g * hidden_kept[k] : 0.0f;
      if (h[k] != 0.0f)
        for (size_t c = 0; c < classes; ++c) w[c] -= lr * h[k] * p[c];
    }
    for (size_t c = 0; c < classes; ++c) b2[c] -= lr * p[c];
    for (size_t j = 0; j < dim; ++j) {
      float* w = &w1[j * hidden];
      float g = 0.0f;
      for (size_t k = 0; k < hidden; ++k) {
        g += w[k] * grad_h[k];
        w[k] -= lr * v[j] * grad_h[k];
      }
      grad_v[j] = g;
    }
    for (size_t k = 0; k < hidden; ++k) b1[k] -= lr * grad_h[k];
    for (const auto& t : x) {
      float* e = &table[size_t{t.row % buckets} * dim];
      const float g = lr * t.value;
      for (size_t j = 0; j < dim; ++j) e[j] -= g * grad_v[j];
    }
  }

  const SparseVector& drop_terms(const SparseVector& x) {
    kept.clear();
    for (const auto& t : x)
      if (const float keep = input_dropout.next(); keep != 0.0f)
        kept.push_back({t.row, t.value * keep});
    return kept;
  }
};

// Int8 with one scale per row, the scale making the row's largest magnitude 127.
void quantise_table(const std::vector<float>& table, size_t rows, size_t cols, NeuralWeights& w) {
  w.table.assign(rows * cols, 0);
  w.table_scale.assign(rows, 0.0f);
  for (size_t r = 0; r < rows; ++r) {
    const float* row = &table[r * cols];
    float max_abs = 0.0f;
    for (size_t c = 0; c < cols; ++c) max_abs = std::max(max_abs, std::fabs(row[c]));
    if (max_abs == 0.0f) continue;
    w.table_scale[r] = max_abs / 127.0f;
    for (size_t c = 0; c < cols; ++c)
      w.table[r * cols + c] = static_cast<int8_t>(std::lround(row[c] / w.table_scale[r]));
  }
}

// FNV-1a over little-endian bytes, so the same weights hash alike on every platform.
class Fnv1a {
 public:
  void u32(uint32_t v) {
    for (int b = 0; b < 4; ++b) byte(uint8_t(v >> (8 * b)));
  }
  void f32s(const std::vector<float>& values) {
    for (float f : values) {
      uint32_t bits;
      std::memcpy(&bits, &f, sizeof bits);
      u32(bits);
    }
  }
  void i8s(const std::vector<int8_t>& values) {
    for (int8_t v : values) byte(uint8_t(v));
  }
  uint32_t value() const { return hash_; }

 private:
  void byte(uint8_t b) {
    hash_ ^= b;
    hash_ *= 16777619u;
  }
  uint32_t hash_ = 2166136261u;
};

// 31 bits, never 0: it travels as a positive int32 through the ONNX graph and JS.
uint32_t fingerprint_of(const NeuralWeights& w) {
  Fnv1a hash;
  for (uint32_t v : {w.buckets, w.dim, w.hidden, w.classes}) hash.u32(v);
  hash.i8s(w.table);
  for (const auto* values : {&w.table_scale, &w.w1, &w.b1, &w.w2, &w.b2}) hash.f32s(*values);
  const uint32_t print = hash.value() & 0x7FFFFFFFu;
  return print == 0 ? 1 : print;
}

bool all_finite(const std::vector<float>& values) {
  return std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); });
}

bool valid(const NeuralWeights& w) {
  const uint64_t buckets = w.buckets, dim = w.dim, hidden = w.hidden, classes = w.classes;
  if (buckets == 0 || buckets > kMaxNeuralBuckets || dim == 0 || dim > kMaxLayerWidth ||
      hidden == 0 || hidden > kMaxLayerWidth || classes == 0 || classes > kMaxClasses ||
      buckets * dim > kMaxTableEntries)
    return false;
  if (w.table.size() != buckets * dim || w.table_scale.size() != buckets ||
      w.w1.size() != dim * hidden || w.b1.size() != hidden || w.w2.size() != hidden * classes ||
      w.b2.size() != classes)
    return false;
  for (const auto* values : {&w.table_scale, &w.w1, &w.b1, &w.w2, &w.b2})
    if (!all_finite(*values)) return false;
  return std::all_of(w.table_scale.begin(), w.table_scale.end(), [](float s) { return s >= 0; });
}

}  // namespace

NeuralModel NeuralModel::from_weights(NeuralWeights weights, bool* ok) {
  NeuralModel model;
  const bool good = valid(weights);
  if (ok) *ok = good;
  if (!good) return model;
  model.fingerprint_ = fingerprint_of(weights);
  model.weights_ = std::move(weights);
  return model;
}

NeuralModel NeuralModel::train(const std::vector<SparseVector>& inputs,
                               const std::vector<uint32_t>& labels, size_t classes,
                               const NeuralOptions& options, const ProgressFn& progress) {
  auto rate_ok = [](float rate) { return rate >= 0.0f && rate < 1.0f; };
  if (classes == 0 || classes > kMaxClasses || options.buckets == 0 || options.dim == 0 ||
      options.hidden == 0 || !rate_ok(options.input_dropout) || !rate_ok(options.hidden_dropout))
    return NeuralModel{};
  Random random(options.seed);
  Network n(options, classes, random);
  run_sgd(inputs.size(), options.epochs, options.learning_rate, random, progress,
          [&](uint32_t i, float lr) { n.step(inputs[i], labels[i], lr); });

  NeuralWeights w;
  w.buckets = options.buckets;
  w.dim = options.dim;
  w.hidden = options.hidden;
  w.classes = static_cast<uint32_t>(classes);
  quantise_table(n.table, n.buckets, n.dim, w);
  w.w1 = std::move(n.w1);
  w.b1 = std::move(n.b1);
  w.w2 = std::move(n.w2);
  w.b2 = std::move(n.b2);
  return from_weights(std::move(w), nullptr);
}

NeuralInput bucket_input(const SparseVector& x, uint32_t buckets) {
  NeuralInput in;
  if (buckets == 0) return in;
  in.rows.reserve(x.size());
  in.weights.reserve(x.size());
  for (const auto& t : x) {
    in.rows.push_back(static_cast<int32_t>(t.row % buckets));
    in.weights.push_back(t.value);
  }
  return in;
}

NeuralInput NeuralModel::input(const SparseVector& x) const {
  return bucket_input(x, weights_.buckets);
}

// The ONNX graph step by step (see neural_model.h): a row's int8 values times
// (its scale times the term's weight), summed over terms, then the two layers.
void NeuralModel::logits(const NeuralInput& input, std::vector<float>& out) const {
  const NeuralWeights& w = weights_;
  out.assign(w.b2.begin(), w.b2.end());
  if (empty()) return;
  std::vector<float> v(w.dim, 0.0f), h(w.hidden, 0.0f);
  const size_t terms = std::min(input.rows.size(), input.weights.size());
  for (size_t i = 0; i < terms; ++i) {
    const int64_t row = input.rows[i];
    if (row < 0 || row >= int64_t{w.buckets}) continue;
    const float scale = w.table_scale[size_t(row)] * input.weights[i];
    const int8_t* e = &w.table[size_t(row) * w.dim];
    for (size_t j = 0; j < w.dim; ++j) v[j] += float(e[j]) * scale;
  }
  for (size_t j = 0; j < w.dim; ++j) {
    const float* w1 = &w.w1[j * w.hidden];
    for (size_t k = 0; k < w.hidden; ++k) h[k] += v[j] * w1[k];
  }
  for (size_t k = 0; k < w.hidden; ++k) {
    h[k] += w.b1[k];  // after the product, as MatMul then Add
    if (h[k] <= 0.0f) continue;
    const float* w2 = &w.w2[k * w.classes];
    for (size_t c = 0; c < w.classes; ++c) out[c] += h[k] * w2[c];
  }
}

}  // namespace tandem::nlu
