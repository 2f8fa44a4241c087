// Ranks FAQs for a message. FAQs have one or a few phrasings each, too few to
// train a classifier on, so they are matched by similarity instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/binary_codec.h"

namespace tandem::retrieval {

struct FaqMatch {
  uint32_t faq;  // index into the list the index was built from
  float score;   // similarity in [0, 1]; 1 = the message is one of the phrasings
};

class FaqIndex {
 public:
  FaqIndex() = default;
  static FaqIndex build(const std::vector<std::vector<std::string>>& questions_per_faq);

  // The k best FAQs, best first, each scored by its best-matching phrasing.
  std::vector<FaqMatch> rank(std::string_view message, size_t k) const;
  size_t size() const;

  void save(BinaryWriter& out) const;
  // Reads what save() wrote; on failure the reader holds the error.
  static FaqIndex load(BinaryReader& in);

 private:
  // (implementation's members go here)
};

}  // namespace tandem::retrieval
