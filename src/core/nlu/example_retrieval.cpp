#include "nlu/example_retrieval.h"

#include <algorithm>
#include <cmath>

namespace tandem::nlu {
namespace {

constexpr float kValueScale = 255.0f;
constexpr int kMaxNeighbours = 16;
// Cosines span [0, 1]: as logits they need a temperature below the range
// fit_temperature searches ([0.05, 20]), so they are stretched first.
constexpr float kSharpness = 20.0f;
constexpr uint64_t kMaxRows = 1u << 24;

}  // namespace

ExampleRetrieval ExampleRetrieval::build(const std::vector<SparseVector>& inputs,
                                         const std::vector<uint32_t>& labels, size_t intents,
                                         size_t classes, const RetrievalOptions& options) {
  ExampleRetrieval r;
  const auto in_scope = static_cast<size_t>(
      std::count_if(labels.begin(), labels.end(), [&](uint32_t l) { return l < intents; }));
  if (in_scope == 0 || in_scope > options.max_examples) return r;
  r.classes_ = classes;
  r.neighbours_ = std::clamp(options.neighbours, 1, kMaxNeighbours);
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (labels[i] >= intents) continue;
    const uint32_t example = r.examples_++;
    r.label_.push_back(labels[i]);
    for (const Term& t : inputs[i]) {
      const auto value = static_cast<long>(std::lround(t.value * kValueScale));
      if (value <= 0) continue;
      if (t.row >= r.postings_.size()) r.postings_.resize(t.row + 1);
      r.postings_[t.row].push_back({example, static_cast<uint8_t>(std::min(value, 255L))});
    }
  }
  return r;
}

void ExampleRetrieval::logits(const SparseVector& x, std::vector<float>& out) const {
  out.assign(classes_, unmatched_);
  if (empty()) return;
  std::vector<float> similarity(examples_, 0.0f);
  for (const Term& t : x) {
    if (t.row >= postings_.size()) continue;
    for (const Posting& p : postings_[t.row]) similarity[p.example] += t.value * p.value;
  }
  // Each class's top `neighbours_` similarities, best first.
  std::vector<std::vector<float>> top(classes_);
  for (uint32_t e = 0; e < examples_; ++e) {
    auto& best = top[label_[e]];
    const float s = similarity[e] / kValueScale;
    if (best.size() < static_cast<size_t>(neighbours_)) {
      best.insert(std::upper_bound(best.begin(), best.end(), s, std::greater<float>()), s);
    } else if (s > best.back()) {
      best.pop_back();
      best.insert(std::upper_bound(best.begin(), best.end(), s, std::greater<float>()), s);
    }
  }
  for (size_t c = 0; c < classes_; ++c) {
    if (top[c].empty()) continue;
    float sum = 0.0f;
    for (float s : top[c]) sum += s;
    out[c] = kSharpness * sum / static_cast<float>(top[c].size());
  }
}

void ExampleRetrieval::save(BinaryWriter& out) const {
  out.varint(classes_);
  out.varint(static_cast<uint64_t>(neighbours_));
  out.f32(unmatched_);
  out.varint(examples_);
  for (uint32_t l : label_) out.varint(l);
  out.varint(postings_.size());
  for (const auto& row : postings_) {
    out.varint(row.size());
    uint32_t previous = 0;
    for (const Posting& p : row) {
      out.varint(p.example - previous);
      previous = p.example;
      out.u8(p.value);
    }
  }
}

ExampleRetrieval ExampleRetrieval::load(BinaryReader& in) {
  ExampleRetrieval r;
  const uint64_t classes = in.varint();
  const uint64_t neighbours = in.varint();
  r.unmatched_ = in.f32();
  const uint64_t examples = in.varint();
  if (in.ok() &&
      !(classes > 0 && classes <= kMaxRows && neighbours >= 1 && neighbours <= kMaxNeighbours &&
        examples > 0 && examples <= kMaxRows && std::fabs(r.unmatched_) <= kSharpness))
    in.fail("example retrieval header out of range");
  if (!in.ok()) return {};
  r.classes_ = classes;
  r.neighbours_ = static_cast<int>(neighbours);
  r.examples_ = static_cast<uint32_t>(examples);
  for (uint64_t e = 0; e < examples && in.ok(); ++e) {
    const uint64_t label = in.varint();
    if (label >= classes) in.fail("example retrieval label out of range");
    r.label_.push_back(static_cast<uint32_t>(label));
  }
  const uint64_t rows = in.varint();
  if (in.ok() && rows > kMaxRows) in.fail("example retrieval rows out of range");
  for (uint64_t row = 0; row < rows && in.ok(); ++row) {
    const uint64_t count = in.varint();
    if (count > examples) in.fail("example retrieval postings out of range");
    std::vector<Posting> postings;
    uint64_t example = 0;
    for (uint64_t k = 0; k < count && in.ok(); ++k) {
      example += in.varint();
      const uint8_t value = in.u8();
      if (example >= examples) in.fail("example retrieval posting out of range");
      postings.push_back({static_cast<uint32_t>(example), value});
    }
    r.postings_.push_back(std::move(postings));
  }
  if (!in.ok()) return {};
  return r;
}

}  // namespace tandem::nlu
