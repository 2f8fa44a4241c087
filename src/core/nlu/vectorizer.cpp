#include "nlu/vectorizer.h"

#include <algorithm>
#include <cmath>

namespace tandem::nlu {
namespace {
// IDF is stored in a byte: 1/16 steps cover 1..17, beyond any realistic corpus
// (ln of a billion documents is 21, of a million 14).
constexpr float kIdfStep = 1.0f / 16.0f;
constexpr uint32_t kMaxHashBits = 24;
}  // namespace

Vectorizer Vectorizer::fit(const std::vector<std::vector<text::Feature>>& docs,
                           const text::FeatureConfig& config, int min_df) {
  Vectorizer v;
  v.config_ = config;
  std::vector<uint32_t> df(size_t{1} << config.hash_bits, 0);
  for (const auto& doc : docs)
    for (const auto& f : doc) ++df[f.index];
  const double n = static_cast<double>(docs.size());
  for (uint32_t bucket = 0; bucket < df.size(); ++bucket) {
    if (df[bucket] == 0 || df[bucket] < static_cast<uint32_t>(min_df)) continue;
    // Smoothed IDF as in scikit-learn, quantised now so that training sees
    // exactly the values the compiled model will use.
    const double idf = std::log((1.0 + n) / (1.0 + df[bucket])) + 1.0;
    const float q = std::min(255.0f, std::round(static_cast<float>(idf - 1.0) / kIdfStep));
    v.buckets_.push_back(bucket);
    v.idf_.push_back(1.0f + q * kIdfStep);
  }
  v.index_buckets();
  return v;
}

Vectorizer Vectorizer::fit_subset(const std::vector<std::vector<text::Feature>>& features,
                                  const std::vector<size_t>& subset,
                                  const text::FeatureConfig& config, int min_df,
                                  std::vector<SparseVector>& vectors) {
  std::vector<std::vector<text::Feature>> docs;
  docs.reserve(subset.size());
  for (size_t i : subset) docs.push_back(features[i]);
  Vectorizer v = fit(docs, config, min_df);
  vectors.resize(subset.size());
  for (size_t k = 0; k < subset.size(); ++k) v.transform(docs[k], vectors[k]);
  return v;
}

void Vectorizer::index_buckets() {
  row_of_bucket_.assign(size_t{1} << config_.hash_bits, -1);
  for (size_t r = 0; r < buckets_.size(); ++r)
    row_of_bucket_[buckets_[r]] = static_cast<int32_t>(r);
}

void Vectorizer::transform(const std::vector<text::Feature>& features, SparseVector& out) const {
  out.clear();
  double norm2 = 0.0;
  for (const auto& f : features) {
    if (f.index >= row_of_bucket_.size()) continue;
    const int32_t row = row_of_bucket_[f.index];
    if (row < 0) continue;
    const float value = (1.0f + std::log(f.count)) * idf_[row];
    out.push_back({static_cast<uint32_t>(row), value});
    norm2 += double(value) * value;
  }
  if (norm2 <= 0.0) return;
  const float scale = static_cast<float>(1.0 / std::sqrt(norm2));
  for (auto& t : out) t.value *= scale;
}

void Vectorizer::transform(std::string_view text, SparseVector& out) const {
  transform(text::extract_features(text, config_), out);
}

void Vectorizer::save(BinaryWriter& out) const {
  out.varint(config_.hash_bits);
  out.varint(static_cast<uint64_t>(config_.word_ngrams));
  out.varint(static_cast<uint64_t>(config_.char_min));
  out.varint(static_cast<uint64_t>(config_.char_max));
  out.u32(config_.seed);
  out.varint(buckets_.size());
  uint32_t previous = 0;
  for (size_t r = 0; r < buckets_.size(); ++r) {
    out.varint(buckets_[r] - previous);
    previous = buckets_[r];
    out.u8(static_cast<uint8_t>(std::lround((idf_[r] - 1.0f) / kIdfStep)));
  }
}

Vectorizer Vectorizer::load(BinaryReader& in) {
  Vectorizer v;
  // Read wide and range-checked before narrowing: a hostile file must not wrap
  // a huge bucket width or a negative n-gram length past the checks.
  const uint64_t hash_bits = in.varint();
  const uint64_t word_ngrams = in.varint();
  const uint64_t char_min = in.varint();
  const uint64_t char_max = in.varint();
  v.config_.seed = in.u32();
  const bool chars_ok = char_max == 0 || (char_min >= 1 && char_min <= char_max);
  if (in.ok() && (hash_bits == 0 || hash_bits > kMaxHashBits || word_ngrams > 8 || char_max > 16 ||
                  !chars_ok || (word_ngrams == 0 && char_max == 0))) {
    in.fail("feature configuration out of range");
  }
  if (!in.ok()) return Vectorizer{};
  v.config_.hash_bits = static_cast<uint32_t>(hash_bits);
  v.config_.word_ngrams = static_cast<int>(word_ngrams);
  v.config_.char_min = static_cast<int>(char_min);
  v.config_.char_max = static_cast<int>(char_max);
  const size_t rows = in.count(2);
  v.buckets_.resize(rows);
  v.idf_.resize(rows);
  uint64_t bucket = 0;
  for (size_t r = 0; r < rows && in.ok(); ++r) {
    bucket += in.varint();
    v.buckets_[r] = static_cast<uint32_t>(bucket);
    v.idf_[r] = 1.0f + in.u8() * kIdfStep;
    if (bucket >> v.config_.hash_bits) in.fail("feature bucket out of range");
  }
  if (!in.ok()) return Vectorizer{};
  v.index_buckets();
  return v;
}

}  // namespace tandem::nlu
