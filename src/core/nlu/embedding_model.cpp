#include "nlu/embedding_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "nlu/random.h"
#include "nlu/sgd_schedule.h"

namespace tandem::nlu {
namespace {
constexpr size_t kMaxDim = 4096;
constexpr size_t kMaxClasses = 65535;

// Uniform in [-1, 1) from 24 random bits: exact in float on every platform.
float symmetric_unit(Random& random) {
  return float(random.next() >> 40) / float(1u << 23) - 1.0f;
}

// Full-precision weights while training.
struct Weights {
  size_t buckets, dim, classes;
  std::vector<float> input, output, bias;

  void hidden(const SparseVector& x, std::vector<float>& h) const {
    h.assign(dim, 0.0f);
    for (const auto& t : x) {
      const float* e = &input[size_t{t.row % buckets} * dim];
      for (size_t j = 0; j < dim; ++j) h[j] += t.value * e[j];
    }
  }
};

// One SGD step on the cross-entropy of one example.
void step(Weights& w, const SparseVector& x, uint32_t label, float lr, std::vector<float>& h,
          std::vector<float>& p, std::vector<float>& grad_h) {
  w.hidden(x, h);
  p = w.bias;
  for (size_t j = 0; j < w.dim; ++j) {
    const float* o = &w.output[j * w.classes];
    for (size_t c = 0; c < w.classes; ++c) p[c] += h[j] * o[c];
  }
  softmax(p);
  p[label] -= 1.0f;  // p is now the gradient of the loss w.r.t. the logits
  for (size_t j = 0; j < w.dim; ++j) {
    float* o = &w.output[j * w.classes];
    float g = 0.0f;
    for (size_t c = 0; c < w.classes; ++c) {
      g += o[c] * p[c];
      o[c] -= lr * h[j] * p[c];
    }
    grad_h[j] = g;
  }
  for (size_t c = 0; c < w.classes; ++c) w.bias[c] -= lr * p[c];
  for (const auto& t : x) {
    float* e = &w.input[size_t{t.row % w.buckets} * w.dim];
    const float g = lr * t.value;
    for (size_t j = 0; j < w.dim; ++j) e[j] -= g * grad_h[j];
  }
}

}  // namespace

EmbeddingModel EmbeddingModel::train(const std::vector<SparseVector>& inputs,
                                     const std::vector<uint32_t>& labels, size_t classes,
                                     const EmbeddingOptions& options, const ProgressFn& progress) {
  EmbeddingModel model;
  if (classes == 0 || options.buckets == 0 || options.dim == 0) return model;
  Weights w{options.buckets, options.dim, classes, {}, {}, {}};
  Random random(options.seed);
  // Random embeddings break the symmetry; the output layer may then start at zero.
  const float init = 1.0f / std::sqrt(float(w.dim));
  w.input.resize(w.buckets * w.dim);
  for (auto& v : w.input) v = init * symmetric_unit(random);
  w.output.assign(w.dim * classes, 0.0f);
  w.bias.assign(classes, 0.0f);

  std::vector<float> h, p, grad_h(w.dim);
  run_sgd(inputs.size(), options.epochs, options.learning_rate, random, progress,
          [&](uint32_t i, float lr) { step(w, inputs[i], labels[i], lr, h, p, grad_h); });
  model.input_ = quantise(w.input, w.buckets, w.dim);
  model.output_ = quantise(w.output, w.dim, classes);
  model.bias_ = std::move(w.bias);
  return model;
}

EmbeddingModel::QuantisedMatrix EmbeddingModel::quantise(const std::vector<float>& weights,
                                                         size_t rows, size_t cols) {
  QuantisedMatrix m;
  m.rows = rows;
  m.cols = cols;
  m.scale.resize(rows);
  m.values.resize(rows * cols);
  for (size_t r = 0; r < rows; ++r) {
    const float* w = &weights[r * cols];
    float max_abs = 0.0f;
    for (size_t c = 0; c < cols; ++c) max_abs = std::max(max_abs, std::fabs(w[c]));
    m.scale[r] = round_to_scale16(max_abs / 127.0f);
    if (m.scale[r] == 0.0f) continue;
    // The rounded scale may be a hair below max_abs / 127.
    for (size_t c = 0; c < cols; ++c)
      m.values[r * cols + c] =
          static_cast<int8_t>(std::clamp(std::lround(w[c] / m.scale[r]), -127L, 127L));
  }
  return m;
}

void EmbeddingModel::logits(const SparseVector& x, std::vector<float>& out) const {
  out.assign(bias_.begin(), bias_.end());
  if (bias_.empty()) return;
  const size_t dim = input_.cols, classes = output_.cols;
  std::vector<float> h(dim, 0.0f);
  for (const auto& t : x) {
    const size_t r = t.row % input_.rows;
    const float v = t.value * input_.scale[r];
    const int8_t* e = &input_.values[r * dim];
    for (size_t j = 0; j < dim; ++j) h[j] += v * e[j];
  }
  for (size_t j = 0; j < dim; ++j) {
    const float v = h[j] * output_.scale[j];
    const int8_t* o = &output_.values[j * classes];
    for (size_t c = 0; c < classes; ++c) out[c] += v * o[c];
  }
}

void EmbeddingModel::save_matrix(const QuantisedMatrix& m, BinaryWriter& out) {
  out.varint(m.cols);
  out.varint(m.rows);
  for (size_t r = 0; r < m.rows; ++r) {
    out.scale16(m.scale[r]);
    out.raw(&m.values[r * m.cols], m.cols);
  }
}

EmbeddingModel::QuantisedMatrix EmbeddingModel::load_matrix(BinaryReader& in) {
  QuantisedMatrix m;
  m.cols = in.varint();
  if (in.ok() && (m.cols == 0 || m.cols > kMaxClasses))
    in.fail("embedding matrix width out of range");
  if (!in.ok()) return {};
  m.rows = in.count(2 + m.cols);
  if (in.ok() && m.rows == 0) in.fail("embedding matrix is empty");
  m.scale.resize(m.rows);
  m.values.resize(m.rows * m.cols);
  for (size_t r = 0; r < m.rows && in.ok(); ++r) {
    m.scale[r] = in.scale16();
    const std::string_view bytes = in.raw(m.cols);
    if (in.ok())
      std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(&m.values[r * m.cols]));
  }
  if (!in.ok()) return {};
  return m;
}

void EmbeddingModel::save(BinaryWriter& out) const {
  out.f32s(bias_);
  save_matrix(input_, out);
  save_matrix(output_, out);
}

EmbeddingModel EmbeddingModel::load(BinaryReader& in) {
  EmbeddingModel m;
  m.bias_ = in.f32s();
  if (in.ok() && (m.bias_.empty() || m.bias_.size() > kMaxClasses))
    in.fail("class count out of range");
  if (in.ok()) m.input_ = load_matrix(in);
  if (in.ok()) m.output_ = load_matrix(in);
  if (in.ok() && m.input_.cols > kMaxDim) in.fail("embedding dimension out of range");
  if (in.ok() && (m.output_.rows != m.input_.cols || m.output_.cols != m.bias_.size()))
    in.fail("embedding layers do not fit together");
  if (!in.ok()) return EmbeddingModel{};
  return m;
}

}  // namespace tandem::nlu
