#include "retrieval/postings.h"

#include <algorithm>
#include <cmath>

namespace tandem::retrieval {
namespace {

struct Occurrence {
  uint32_t term;
  uint32_t doc;
  uint32_t tf;
};

}  // namespace

Postings::Postings(const std::vector<std::vector<uint32_t>>& docs, const WeightFn& weight)
    : doc_count_(static_cast<uint32_t>(docs.size())), unseen_idf_(idf(doc_count_, 0)) {
  std::vector<Occurrence> occurrences;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    const auto& terms = docs[d];
    for (size_t i = 0; i < terms.size();) {
      size_t j = i;
      while (j < terms.size() && terms[j] == terms[i]) ++j;
      occurrences.push_back({terms[i], d, static_cast<uint32_t>(j - i)});
      i = j;
    }
  }
  std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.term != b.term ? a.term < b.term : a.doc < b.doc;
  });
  entries_.reserve(occurrences.size());
  for (size_t i = 0; i < occurrences.size();) {
    size_t j = i;
    while (j < occurrences.size() && occurrences[j].term == occurrences[i].term) ++j;
    float term_idf = idf(doc_count_, static_cast<uint32_t>(j - i));
    keys_.push_back(occurrences[i].term);
    starts_.push_back(static_cast<uint32_t>(entries_.size()));
    idfs_.push_back(term_idf);
    for (size_t k = i; k < j; ++k) {
      entries_.push_back(
          {occurrences[k].doc, weight(occurrences[k].doc, occurrences[k].tf, term_idf)});
    }
    i = j;
  }
  starts_.push_back(static_cast<uint32_t>(entries_.size()));
}

float Postings::idf(uint32_t doc_count, uint32_t doc_freq) {
  double n = doc_count, df = doc_freq;
  return static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
}

Postings::Term Postings::find(uint32_t term) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), term);
  if (it == keys_.end() || *it != term) return {unseen_idf_, nullptr, nullptr};
  size_t i = static_cast<size_t>(it - keys_.begin());
  return {idfs_[i], entries_.data() + starts_[i], entries_.data() + starts_[i + 1]};
}

std::vector<float> Postings::doc_totals(bool squared) const {
  std::vector<float> totals(doc_count_, 0.0f);
  for (const auto& e : entries_) totals[e.doc] += squared ? e.weight * e.weight : e.weight;
  return totals;
}

void Postings::scale_docs(const std::vector<float>& factors) {
  for (auto& e : entries_) e.weight *= factors[e.doc];
}

}  // namespace tandem::retrieval
