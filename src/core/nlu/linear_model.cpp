#include "nlu/linear_model.h"

#include <algorithm>
#include <cmath>

namespace tandem::nlu {
namespace {
constexpr size_t kMaxClasses = 65535;  // class ids are stored in 16 bits
}

void DenseLinearModel::logits(const SparseVector& x, std::vector<float>& out) const {
  out.assign(bias.begin(), bias.end());
  for (const auto& t : x) {
    const float* w = &weights[size_t{t.row} * classes];
    for (size_t c = 0; c < classes; ++c) out[c] += t.value * w[c];
  }
}

CompactLinearModel CompactLinearModel::compress(const DenseLinearModel& dense, float prune_ratio) {
  CompactLinearModel m;
  m.bias_ = dense.bias;
  m.row_scale_.resize(dense.rows);
  m.row_start_.reserve(dense.rows + 1);
  for (size_t r = 0; r < dense.rows; ++r) {
    m.row_start_.push_back(static_cast<uint32_t>(m.entry_class_.size()));
    const float* w = &dense.weights[r * dense.classes];
    float max_abs = 0.0f;
    for (size_t c = 0; c < dense.classes; ++c) max_abs = std::max(max_abs, std::fabs(w[c]));
    const float scale = round_to_scale16(max_abs / 127.0f);
    m.row_scale_[r] = scale;
    if (scale == 0.0f) continue;
    const float keep = max_abs * prune_ratio;
    for (size_t c = 0; c < dense.classes; ++c) {
      if (std::fabs(w[c]) < keep) continue;
      // The rounded scale may be a hair below max_abs / 127.
      const long q = std::clamp(std::lround(w[c] / scale), -127L, 127L);
      if (q == 0) continue;
      m.entry_class_.push_back(static_cast<uint16_t>(c));
      m.entry_weight_.push_back(static_cast<int8_t>(q));
    }
  }
  m.row_start_.push_back(static_cast<uint32_t>(m.entry_class_.size()));
  return m;
}

void CompactLinearModel::logits(const SparseVector& x, std::vector<float>& out) const {
  out.assign(bias_.begin(), bias_.end());
  for (const auto& t : x) {
    if (t.row >= row_scale_.size()) continue;
    const float v = t.value * row_scale_[t.row];
    for (uint32_t e = row_start_[t.row]; e < row_start_[t.row + 1]; ++e)
      out[entry_class_[e]] += v * entry_weight_[e];
  }
}

// Rows are written as (entry count, class deltas, weights) so that gzip finds
// the regularities; class ids ascend within a row.
void CompactLinearModel::save(BinaryWriter& out) const {
  out.f32s(bias_);
  out.varint(row_scale_.size());
  for (size_t r = 0; r < row_scale_.size(); ++r) {
    out.scale16(row_scale_[r]);
    const uint32_t begin = row_start_[r], end = row_start_[r + 1];
    out.varint(end - begin);
    uint32_t previous = 0;
    for (uint32_t e = begin; e < end; ++e) {
      out.varint(entry_class_[e] - previous);
      previous = entry_class_[e];
    }
    for (uint32_t e = begin; e < end; ++e) out.u8(static_cast<uint8_t>(entry_weight_[e]));
  }
}

CompactLinearModel CompactLinearModel::load(BinaryReader& in) {
  CompactLinearModel m;
  m.bias_ = in.f32s();
  if (m.bias_.size() > kMaxClasses) in.fail("too many classes");
  const size_t rows = in.count(3);
  m.row_scale_.resize(rows);
  m.row_start_.reserve(rows + 1);
  for (size_t r = 0; r < rows && in.ok(); ++r) {
    m.row_start_.push_back(static_cast<uint32_t>(m.entry_class_.size()));
    m.row_scale_[r] = in.scale16();
    const size_t n = in.count(2);
    uint64_t cls = 0;
    for (size_t i = 0; i < n && in.ok(); ++i) {
      cls += in.varint();
      if (cls >= m.bias_.size()) in.fail("weight refers to a class that does not exist");
      m.entry_class_.push_back(static_cast<uint16_t>(cls));
    }
    for (size_t i = 0; i < n && in.ok(); ++i)
      m.entry_weight_.push_back(static_cast<int8_t>(in.u8()));
  }
  if (!in.ok()) return CompactLinearModel{};
  m.row_start_.push_back(static_cast<uint32_t>(m.entry_class_.size()));
  return m;
}

}  // namespace tandem::nlu
