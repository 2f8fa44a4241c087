#include "nlu/cross_fitting.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "nlu/fold_assignment.h"

namespace tandem::nlu {
namespace {

// A small knowledge base has fewer feature rows than a table has buckets.
uint32_t table_buckets(uint32_t wanted, const Vectorizer& vectorizer) {
  return std::max<uint32_t>(1,
                            std::min<uint32_t>(wanted, static_cast<uint32_t>(vectorizer.rows())));
}

// The embedding table: no more rows than the data has feature rows, nor than
// the options allow per in-scope example (the ~400 built-in out-of-scope
// examples would otherwise buy a small knowledge base most of its table).
uint32_t embedding_buckets(const EmbeddingOptions& options, const Vectorizer& vectorizer,
                           size_t in_scope_examples) {
  const uint32_t rows = table_buckets(options.buckets, vectorizer);
  if (options.rows_per_example <= 0.0f) return rows;
  const double scaled = std::ceil(double(options.rows_per_example) * double(in_scope_examples));
  return std::max<uint32_t>(1, static_cast<uint32_t>(std::min<double>(rows, scaled)));
}

}  // namespace

void FittedModel::logits(const std::vector<text::Feature>& features, Logits& out) const {
  SparseVector x;
  vectorizer.transform(features, x);
  linear.logits(x, out.linear);
  if (!embedding.empty()) embedding.logits(x, out.embedding);
  if (!neural.empty()) neural.logits(neural.input(x), out.neural);
}

FittedModel fit_models(const std::vector<std::vector<text::Feature>>& features,
                       const std::vector<uint32_t>& ids, const std::vector<size_t>& subset,
                       size_t classes, size_t intents, const ClassifierOptions& options,
                       const ProgressFn& progress) {
  FittedModel fitted;
  std::vector<SparseVector> inputs;
  fitted.vectorizer =
      Vectorizer::fit_subset(features, subset, options.features, options.min_df, inputs);
  std::vector<uint32_t> labels(subset.size());
  for (size_t k = 0; k < subset.size(); ++k) labels[k] = ids[subset[k]];
  const bool ensemble = options.embedding_weight > 0.0f;
  // Progress: each model trained is an equal part of the work.
  const float parts = 1.0f + (ensemble ? 1.0f : 0.0f) + (options.neural.enabled ? 1.0f : 0.0f);
  float done = 0.0f;
  auto part_progress = [&](float f) {
    if (progress) progress((done + f) / parts);
  };
  const DenseLinearModel dense = train_softmax(inputs, labels, fitted.vectorizer.rows(), classes,
                                               options.softmax, part_progress);
  fitted.linear = CompactLinearModel::compress(dense, options.prune_ratio);
  done += 1.0f;
  if (ensemble) {
    EmbeddingOptions embedding = options.embedding;
    embedding.seed = options.softmax.seed;
    const auto in_scope = static_cast<size_t>(
        std::count_if(labels.begin(), labels.end(), [&](uint32_t id) { return id < intents; }));
    embedding.buckets = embedding_buckets(embedding, fitted.vectorizer, in_scope);
    fitted.embedding = EmbeddingModel::train(inputs, labels, classes, embedding, part_progress);
    done += 1.0f;
  }
  if (options.neural.enabled) {
    NeuralOptions neural = options.neural;
    neural.seed = options.softmax.seed;
    neural.buckets = table_buckets(neural.buckets, fitted.vectorizer);
    fitted.neural = NeuralModel::train(inputs, labels, classes, neural, part_progress);
  }
  return fitted;
}

std::vector<FittedModel::Logits> cross_fit(const std::vector<std::vector<text::Feature>>& features,
                                           const std::vector<uint32_t>& ids, size_t classes,
                                           size_t intents, const ClassifierOptions& options,
                                           const StageProgressFn& progress) {
  const int folds = std::max(2, options.folds);
  const std::vector<int> fold = assign_folds(
      ids, near_duplicate_groups(features, ids, folds, options.near_duplicate_similarity), folds,
      options.softmax.seed);
  std::vector<FittedModel::Logits> out(ids.size());
  for (int k = 0; k < folds; ++k) {
    std::vector<size_t> train_part;
    for (uint32_t i = 0; i < ids.size(); ++i)
      if (fold[i] != k && ids[i] < classes) train_part.push_back(i);
    const std::string stage =
        "held-out fold " + std::to_string(k + 1) + "/" + std::to_string(folds);
    const FittedModel fitted =
        fit_models(features, ids, train_part, classes, intents, options, [&](float f) {
          if (progress) progress(stage, f);
        });
    for (uint32_t i = 0; i < ids.size(); ++i)
      if (fold[i] == k) fitted.logits(features[i], out[i]);
  }
  return out;
}

}  // namespace tandem::nlu
