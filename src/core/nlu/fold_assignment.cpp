#include "nlu/fold_assignment.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "nlu/random.h"

namespace tandem::nlu {
namespace {

struct Weighted {
  uint32_t index;
  float weight;
};

// Sublinear TF x smoothed IDF, L2-normalised, as the vectoriser weighs features.
std::vector<std::vector<Weighted>> tfidf(const std::vector<std::vector<text::Feature>>& features) {
  std::unordered_map<uint32_t, uint32_t> document_frequency;
  for (const auto& example : features)
    for (const auto& f : example) ++document_frequency[f.index];
  const double n = double(features.size());
  std::vector<std::vector<Weighted>> out(features.size());
  for (size_t i = 0; i < features.size(); ++i) {
    double norm = 0.0;
    for (const auto& f : features[i]) {
      const double idf = std::log((1.0 + n) / (1.0 + document_frequency[f.index])) + 1.0;
      const double w = (1.0 + std::log(std::max(1.0f, f.count))) * idf;
      out[i].push_back({f.index, static_cast<float>(w)});
      norm += w * w;
    }
    const float scale = norm > 0.0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
    for (auto& w : out[i]) w.weight *= scale;
  }
  return out;
}

// Both sorted by index (extract_features returns them so).
float cosine(const std::vector<Weighted>& a, const std::vector<Weighted>& b) {
  float dot = 0.0f;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].index < b[j].index)
      ++i;
    else if (b[j].index < a[i].index)
      ++j;
    else
      dot += a[i++].weight * b[j++].weight;
  }
  return dot;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  uint32_t find(uint32_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  // Joins the two sets unless the result would exceed `cap` members.
  void join(uint32_t a, uint32_t b, uint32_t cap) {
    a = find(a), b = find(b);
    if (a == b || size_[a] + size_[b] > cap) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<uint32_t> parent_, size_;
};

}  // namespace

std::vector<uint32_t> near_duplicate_groups(const std::vector<std::vector<text::Feature>>& features,
                                            const std::vector<uint32_t>& labels, int folds,
                                            float similarity) {
  const size_t n = labels.size();
  std::vector<uint32_t> groups(n);
  std::iota(groups.begin(), groups.end(), 0u);
  if (!(similarity <= 1.0f) || folds < 1 || features.size() != n) return groups;
  const auto vectors = tfidf(features);
  std::map<uint32_t, std::vector<uint32_t>> by_label;
  for (uint32_t i = 0; i < n; ++i) by_label[labels[i]].push_back(i);
  UnionFind sets(n);
  for (const auto& [label, members] : by_label) {
    std::vector<std::tuple<float, uint32_t, uint32_t>> pairs;
    for (size_t a = 0; a < members.size(); ++a)
      for (size_t b = a + 1; b < members.size(); ++b) {
        const float c = cosine(vectors[members[a]], vectors[members[b]]);
        if (c >= similarity) pairs.emplace_back(c, members[a], members[b]);
      }
    // Most similar first, so a capped group keeps its closest twins.
    std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
      if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
      return std::make_pair(std::get<1>(x), std::get<2>(x)) <
             std::make_pair(std::get<1>(y), std::get<2>(y));
    });
    const auto cap = static_cast<uint32_t>((members.size() + folds - 1) / size_t(folds));
    for (const auto& [c, a, b] : pairs) sets.join(a, b, cap);
  }
  std::vector<uint32_t> smallest(n, UINT32_MAX);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t& s = smallest[sets.find(i)];
    s = std::min(s, i);
  }
  for (uint32_t i = 0; i < n; ++i) groups[i] = smallest[sets.find(i)];
  return groups;
}

std::vector<int> assign_folds(const std::vector<uint32_t>& labels,
                              const std::vector<uint32_t>& groups, int folds, uint64_t seed) {
  // label -> group id -> members, in index order.
  std::map<uint32_t, std::map<uint32_t, std::vector<uint32_t>>> by_label;
  for (uint32_t i = 0; i < labels.size(); ++i) {
    const uint32_t group = i < groups.size() ? groups[i] : i;
    by_label[labels[i]][group].push_back(i);
  }
  Random random(seed ^ 0xF01D5ull);
  std::vector<int> fold(labels.size());
  size_t next = 0;
  for (auto& [label, by_group] : by_label) {
    std::vector<std::vector<uint32_t>> members;
    for (auto& [group, list] : by_group) members.push_back(std::move(list));
    random.shuffle(members);
    std::stable_sort(members.begin(), members.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::vector<size_t> held(size_t(folds), 0);
    for (const auto& group : members) {
      int chosen = int(next % size_t(folds));
      for (int k = 1; k < folds; ++k) {
        const int candidate = int((next + size_t(k)) % size_t(folds));
        if (held[size_t(candidate)] < held[size_t(chosen)]) chosen = candidate;
      }
      ++next;
      held[size_t(chosen)] += group.size();
      for (uint32_t i : group) fold[i] = chosen;
    }
  }
  return fold;
}

}  // namespace tandem::nlu
