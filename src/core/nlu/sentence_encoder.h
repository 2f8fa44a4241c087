// A company's own sentence encoder (BERT family, run by ONNX Runtime outside the
// engine) turned into intent scores: the encoder's token vectors are pooled into
// one unit vector per text, and the knowledge base's phrasings, encoded at
// training time, vote for their labels by cosine similarity.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/binary_codec.h"
#include "base/status.h"

namespace tandem::nlu {

// The mean of the token vectors (hidden: tokens x dims, row-major) whose
// attention mask is 1, scaled to unit length: sentence-transformers' pooling.
Expected<std::vector<float>> pool_sentence(const std::vector<float>& hidden, size_t tokens,
                                           size_t dims, const std::vector<int32_t>& attention_mask);

// Unit vectors of the knowledge base's phrasings, each with its label (intent
// or FAQ id). Stored as int8 with a scale per vector: a quarter of float32, and
// cosines move by less than 0.01.
class EncoderIndex {
 public:
  // labels[i] names vectors[i]; the vectors must be unit length, all one size.
  // Fits the softmax temperature by leave-one-out on the phrasings themselves.
  static Expected<EncoderIndex> build(const std::vector<std::string>& labels,
                                      const std::vector<std::vector<float>>& vectors);

  // One log-probability per label, labels() order: a softmax over each label's
  // best cosine divided by the temperature. Empty if the query has the wrong size.
  std::vector<float> log_probabilities(const std::vector<float>& query) const;

  const std::vector<std::string>& labels() const { return labels_; }
  size_t dims() const { return dims_; }
  size_t size() const { return owners_.size(); }
  float temperature() const { return temperature_; }

  void save(BinaryWriter& out) const;
  static Expected<EncoderIndex> load(BinaryReader& in);

 private:
  // Best cosine per label against every stored vector except `skip` (npos: none).
  std::vector<float> best_per_label(const std::vector<float>& query, size_t skip) const;
  float fit_temperature() const;

  std::vector<std::string> labels_;
  std::vector<uint32_t> owners_;  // label of each stored vector
  std::vector<int8_t> codes_;     // size() x dims_
  std::vector<float> scales_;     // per vector
  size_t dims_ = 0;
  float temperature_ = 0.05f;
};

}  // namespace tandem::nlu
