// Turns text into TF-IDF vectors over the buckets seen in training.
#pragma once

#include <string_view>
#include <vector>

#include "base/binary_codec.h"
#include "nlu/sparse.h"
#include "text/features.h"

namespace tandem::nlu {

class Vectorizer {
 public:
  Vectorizer() = default;

  // Learns which buckets exist and their inverse document frequency. Buckets
  // seen in fewer than min_df training texts are dropped: they are mostly typos
  // and noise, and they would cost model size for no accuracy.
  static Vectorizer fit(const std::vector<std::vector<text::Feature>>& docs,
                        const text::FeatureConfig& config, int min_df);

  // Sublinear TF x IDF, L2-normalised; buckets unseen in training are ignored.
  void transform(const std::vector<text::Feature>& features, SparseVector& out) const;
  void transform(std::string_view text, SparseVector& out) const;

  // Fits on the examples listed in subset and returns their vectors, in
  // subset order: the first step of every model fit.
  static Vectorizer fit_subset(const std::vector<std::vector<text::Feature>>& features,
                               const std::vector<size_t>& subset, const text::FeatureConfig& config,
                               int min_df, std::vector<SparseVector>& vectors);

  size_t rows() const { return buckets_.size(); }
  const text::FeatureConfig& config() const { return config_; }

  void save(BinaryWriter& out) const;
  static Vectorizer load(BinaryReader& in);

 private:
  void index_buckets();

  text::FeatureConfig config_;
  std::vector<uint32_t> buckets_;       // sorted; row r stands for bucket buckets_[r]
  std::vector<float> idf_;              // per row
  std::vector<int32_t> row_of_bucket_;  // dense lookup, rebuilt on load; -1 = unseen
};

}  // namespace tandem::nlu
