#include "retrieval/faq_index.h"

#include <algorithm>
#include <cmath>

#include "retrieval/analyzer.h"

namespace tandem::retrieval {
namespace {

constexpr float kBm25K1 = 1.2f;
constexpr float kBm25B = 0.75f;
// Share of the word (BM25) similarity in a score; the rest is character
// trigrams, which forgive typos that words cannot.
constexpr float kWordShare = 0.5f;
constexpr uint8_t kFormatVersion = 1;

float bm25_term(uint32_t tf, size_t doc_len, float avg_doc_len, float idf) {
  float norm = 1.0f - kBm25B + kBm25B * static_cast<float>(doc_len) / avg_doc_len;
  return idf * static_cast<float>(tf) * (kBm25K1 + 1.0f) /
         (static_cast<float>(tf) + kBm25K1 * norm);
}

// Calls f(hash, repeats) once per distinct hash of a sorted list.
template <typename F>
void for_each_run(const std::vector<uint32_t>& sorted, F&& f) {
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    f(sorted[i], static_cast<uint32_t>(j - i));
    i = j;
  }
}

}  // namespace

FaqIndex FaqIndex::build(const std::vector<std::vector<std::string>>& questions_per_faq) {
  FaqIndex index;
  index.questions_ = questions_per_faq;
  std::vector<std::vector<uint32_t>> doc_terms, doc_grams;
  size_t total_len = 0;
  for (uint32_t faq = 0; faq < questions_per_faq.size(); ++faq) {
    for (const auto& question : questions_per_faq[faq]) {
      AnalyzedText text = analyze(question);
      total_len += text.terms.size();
      doc_terms.push_back(std::move(text.terms));
      doc_grams.push_back(std::move(text.grams));
      index.doc_faq_.push_back(faq);
    }
  }
  if (!doc_terms.empty() && total_len > 0) {
    index.avg_doc_len_ = static_cast<float>(total_len) / static_cast<float>(doc_terms.size());
  }
  const float avg = index.avg_doc_len_;
  index.words_ = Postings(doc_terms, [&](uint32_t doc, uint32_t tf, float idf) {
    return bm25_term(tf, doc_terms[doc].size(), avg, idf);
  });
  index.doc_self_ = index.words_.doc_totals(false);
  index.grams_ = Postings(
      doc_grams, [](uint32_t, uint32_t tf, float idf) { return static_cast<float>(tf) * idf; });
  std::vector<float> inverse_norms = index.grams_.doc_totals(true);
  for (float& v : inverse_norms) v = v > 0.0f ? 1.0f / std::sqrt(v) : 0.0f;
  index.grams_.scale_docs(inverse_norms);
  return index;
}

std::vector<FaqMatch> FaqIndex::rank(std::string_view message, size_t k) const {
  k = std::min(k, questions_.size());
  if (k == 0) return {};
  const AnalyzedText query = analyze(message);
  const size_t doc_count = doc_faq_.size();

  // BM25 of the query against each phrasing, and of the query against itself
  // (unknown words at the highest IDF) so extra words lower the match.
  std::vector<float> bm25(doc_count, 0.0f);
  float query_self = 0.0f;
  for_each_run(query.terms, [&](uint32_t term, uint32_t tf) {
    Postings::Term t = words_.find(term);
    for (const auto* e = t.begin; e != t.end; ++e) bm25[e->doc] += e->weight;
    query_self += bm25_term(tf, query.terms.size(), avg_doc_len_, t.idf);
  });

  std::vector<float> gram_dot(doc_count, 0.0f);
  float query_norm2 = 0.0f;
  for_each_run(query.grams, [&](uint32_t gram, uint32_t tf) {
    Postings::Term t = grams_.find(gram);
    float w = static_cast<float>(tf) * t.idf;
    query_norm2 += w * w;
    for (const auto* e = t.begin; e != t.end; ++e) gram_dot[e->doc] += w * e->weight;
  });
  const float inverse_query_norm = query_norm2 > 0.0f ? 1.0f / std::sqrt(query_norm2) : 0.0f;

  std::vector<FaqMatch> matches(questions_.size());
  for (uint32_t faq = 0; faq < matches.size(); ++faq) matches[faq] = {faq, 0.0f};
  for (size_t d = 0; d < doc_count; ++d) {
    float chars = gram_dot[d] * inverse_query_norm;
    float score = chars;
    // Dividing by the larger self-score bounds the ratio by 1, reached only when
    // query and phrasing have the same words.
    if (doc_self_[d] > 0.0f) {
      float words = bm25[d] / std::max(doc_self_[d], query_self);
      score = kWordShare * words + (1.0f - kWordShare) * chars;
    }
    score = std::clamp(score, 0.0f, 1.0f);
    FaqMatch& best = matches[doc_faq_[d]];
    best.score = std::max(best.score, score);
  }
  std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(k),
                    matches.end(), [](const FaqMatch& a, const FaqMatch& b) {
                      return a.score != b.score ? a.score > b.score : a.faq < b.faq;
                    });
  matches.resize(k);
  return matches;
}

size_t FaqIndex::size() const {
  return questions_.size();
}

void FaqIndex::save(BinaryWriter& out) const {
  out.u8(kFormatVersion);
  out.varint(questions_.size());
  for (const auto& phrasings : questions_) {
    out.varint(phrasings.size());
    for (const auto& phrasing : phrasings) out.str(phrasing);
  }
}

FaqIndex FaqIndex::load(BinaryReader& in) {
  uint8_t version = in.u8();
  if (in.ok() && version != kFormatVersion) {
    in.fail("unsupported FAQ index version " + std::to_string(version));
  }
  // Every FAQ and phrasing takes at least one byte (its length), which bounds
  // the allocations below by the size of the input.
  std::vector<std::vector<std::string>> questions(in.count(1));
  for (auto& phrasings : questions) {
    phrasings.resize(in.count(1));
    for (auto& phrasing : phrasings) phrasing = in.str();
  }
  if (!in.ok()) return {};
  return build(questions);
}

}  // namespace tandem::retrieval
