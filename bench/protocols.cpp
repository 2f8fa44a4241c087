#include "protocols.h"

#include <algorithm>
#include <map>
#include <vector>

#include "files.h"
#include "nlu/random.h"

namespace tandem::bench {
namespace {
constexpr uint64_t kSplitSeed = 77;
constexpr size_t kEvalShareDivisor = 5;  // one in five examples of every intent
}  // namespace

Expected<data::LabelledData> banking77_split(const std::string& data_dir) {
  auto text = cli::read_file(data_dir + "/banking77/train.csv", size_t{64} << 20);
  if (!text) return text.errors();
  auto all = data::parse_csv(*text);
  if (!all) return all.errors();
  std::map<std::string, std::vector<data::Example>> by_label;
  for (auto& e : all->train) by_label[e.label].push_back(std::move(e));
  nlu::Random random(kSplitSeed);
  data::LabelledData split;
  for (auto& [label, examples] : by_label) {
    random.shuffle(examples);
    const size_t held_out = (examples.size() + kEvalShareDivisor / 2) / kEvalShareDivisor;
    for (size_t i = 0; i < examples.size(); ++i)
      (i < held_out ? split.eval : split.train).push_back(std::move(examples[i]));
  }
  return split;
}

Expected<data::LabelledData> few_shot(const Expected<data::LabelledData>& data, size_t per_label) {
  if (!data) return data.errors();
  data::LabelledData out;
  out.eval = data->eval;
  std::map<std::string, size_t> taken;
  for (const auto& e : data->train)
    if (taken[e.label]++ < per_label) out.train.push_back(e);
  return out;
}

Expected<data::LabelledData> clinc150(const std::string& data_dir) {
  auto text = cli::read_file(data_dir + "/clinc150/data_full_trainval.json", size_t{64} << 20);
  if (!text) return text.errors();
  return data::parse_clinc_json(*text);
}

std::vector<nlu::HeldOutPrediction> predictions(const engine::Engine& engine,
                                                const std::vector<data::Example>& items,
                                                const ScoresFn& scores_for) {
  const auto& classifier = engine.model().classifier;
  std::vector<nlu::HeldOutPrediction> out;
  out.reserve(items.size());
  for (const auto& item : items) {
    std::optional<nlu::NeuralScores> scores;
    if (scores_for) scores = scores_for(item.text);
    const nlu::Classification c = classifier.classify(item.text, 1, scores ? &*scores : nullptr);
    nlu::HeldOutPrediction p;
    p.confidence = c.ranked.empty() ? 0.0f : c.ranked[0].probability;
    p.out_of_scope = item.label == data::kOutOfScope;
    p.correct = !p.out_of_scope && !c.ranked.empty() &&
                classifier.labels()[c.ranked[0].intent] == item.label;
    p.rejected_by_model = c.declined_by_model;
    out.push_back(p);
  }
  return out;
}

nlu::OperatingPoint best_recall_at(const std::vector<nlu::HeldOutPrediction>& predictions,
                                   double in_scope_accuracy) {
  std::vector<float> thresholds{0.0f};
  for (const auto& p : predictions) thresholds.push_back(p.confidence);
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  nlu::OperatingPoint best = nlu::evaluate_threshold(predictions, 0.0f);
  for (float t : thresholds) {
    const nlu::OperatingPoint point = nlu::evaluate_threshold(predictions, t);
    if (point.in_scope_accuracy >= in_scope_accuracy && point.oos_recall > best.oos_recall)
      best = point;
  }
  return best;
}

}  // namespace tandem::bench
