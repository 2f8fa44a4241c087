#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "nlu/fold_assignment.h"
#include "text/features.h"

namespace tandem::nlu {
namespace {

std::vector<std::vector<text::Feature>> featurise(const std::vector<std::string>& texts) {
  std::vector<std::vector<text::Feature>> out;
  for (const auto& t : texts) out.push_back(text::extract_features(t, text::FeatureConfig{}));
  return out;
}

TEST_CASE("near-duplicates of one label share a group, different sentences do not",
          "[nlu][folds]") {
  const std::vector<std::string> texts = {
      "where is my parcel",       "where is my parcel please", "where is my parcel now",
      "i want my money back",     "the box arrived damaged",   "can i change my address",
      "where is my parcel please"};  // the same words under another label
  const std::vector<uint32_t> labels = {0, 0, 0, 0, 0, 0, 1};
  const auto groups = near_duplicate_groups(featurise(texts), labels, 2, 0.7f);
  CHECK(groups[1] == groups[0]);
  CHECK(groups[2] == groups[0]);
  CHECK(groups[0] == 0u);  // a group is named by its first member
  for (size_t i : {3, 4, 5}) CHECK(groups[i] == i);
  CHECK(groups[6] == 6u);
}

TEST_CASE("a group stops growing at a fold's share of its label", "[nlu][folds]") {
  // Four copies, two folds: at most two held out together, so each fold trains on the label.
  const std::vector<std::string> texts(4, "cancel my card");
  const auto groups = near_duplicate_groups(featurise(texts), {0, 0, 0, 0}, 2, 0.7f);
  std::map<uint32_t, int> sizes;
  for (uint32_t g : groups) ++sizes[g];
  CHECK(sizes.size() == 2);
  for (const auto& [group, size] : sizes) CHECK(size == 2);
}

TEST_CASE("a similarity above 1 groups nothing", "[nlu][folds]") {
  const std::vector<std::string> texts(3, "cancel my card");
  const auto groups = near_duplicate_groups(featurise(texts), {0, 0, 0}, 2, 1.5f);
  CHECK(groups == std::vector<uint32_t>{0, 1, 2});
}

TEST_CASE("assign_folds keeps a group in one fold and every label in every fold", "[nlu][folds]") {
  // Label 0: a group of three and seven singletons; label 1: ten singletons.
  std::vector<uint32_t> labels, groups;
  for (uint32_t i = 0; i < 20; ++i) {
    labels.push_back(i < 10 ? 0 : 1);
    groups.push_back(i < 3 ? 0 : i);
  }
  const auto fold = assign_folds(labels, groups, 5, 7);
  CHECK(fold[1] == fold[0]);
  CHECK(fold[2] == fold[0]);
  std::map<std::pair<uint32_t, int>, int> held;
  for (size_t i = 0; i < fold.size(); ++i) ++held[{labels[i], fold[i]}];
  for (uint32_t label : {0u, 1u})
    for (int k = 0; k < 5; ++k) {
      INFO("label " << label << " fold " << k);
      CHECK(held[{label, k}] >= 1);
      CHECK(held[{label, k}] <= 3);
    }
  CHECK(assign_folds(labels, groups, 5, 7) == fold);  // deterministic for a seed
}

TEST_CASE("without groups the folds rotate evenly across labels", "[nlu][folds]") {
  // Three labels of three examples, five folds: nine examples spread 2,2,2,2,1.
  const std::vector<uint32_t> labels = {0, 0, 0, 1, 1, 1, 2, 2, 2};
  std::vector<uint32_t> singletons(labels.size());
  for (uint32_t i = 0; i < singletons.size(); ++i) singletons[i] = i;
  const auto fold = assign_folds(labels, singletons, 5, 3);
  std::map<int, int> per_fold;
  for (int f : fold) ++per_fold[f];
  CHECK(per_fold.size() == 5);
  for (const auto& [f, n] : per_fold) CHECK((n == 1 || n == 2));
  for (uint32_t label = 0; label < 3; ++label) {
    std::set<int> folds_of_label;
    for (size_t i = 0; i < labels.size(); ++i)
      if (labels[i] == label) folds_of_label.insert(fold[i]);
    CHECK(folds_of_label.size() == 3);  // a label's examples in different folds
  }
}

}  // namespace
}  // namespace tandem::nlu
