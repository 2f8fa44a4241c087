#include "protocols.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "files.h"
#include "nlu/random.h"

namespace tandem::bench {
namespace {
constexpr uint64_t kSplitSeed = 77;
constexpr size_t kEvalShareDivisor = 5;  // one in five examples of every intent

// The first `per_intent` of each wanted label in a seeded order; all labels when `wanted` is empty.
kb::KnowledgeBase sample_kb(const std::vector<data::Example>& train,
                            const std::set<std::string>& wanted, size_t per_intent, uint64_t seed) {
  std::map<std::string, std::vector<std::string>> by_label;
  for (const auto& e : train)
    if (e.label != data::kOutOfScope && (wanted.empty() || wanted.count(e.label)))
      by_label[e.label].push_back(e.text);
  nlu::Random random(seed);
  kb::KnowledgeBase kb;
  kb.name = "small knowledge base";
  kb.messages = kb::default_messages();
  for (auto& [label, texts] : by_label) {
    random.shuffle(texts);
    texts.resize(std::min(texts.size(), per_intent));
    kb::Intent intent;
    intent.id = label;
    intent.examples = std::move(texts);
    intent.answer = label;
    kb.intents.push_back(std::move(intent));
  }
  return kb;
}
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

Expected<Domains> clinc150_domains(const std::string& data_dir) {
  auto text = cli::read_file(data_dir + "/clinc150/domains.json", size_t{1} << 20);
  if (!text) return text.errors();
  const auto json = nlohmann::ordered_json::parse(*text, nullptr, false);
  if (!json.is_object()) return Error{"domains.json", "expected an object of intent lists"};
  Domains out;
  for (const auto& [name, intents] : json.items()) {
    if (!intents.is_array()) return Error{"domains.json", "expected a list for " + name};
    std::vector<std::string> names;
    for (const auto& intent : intents)
      if (intent.is_string()) names.push_back(intent.get<std::string>());
    out.emplace_back(name, std::move(names));
  }
  return out;
}

SmallKb clinc150_domain_kb(const data::LabelledData& clinc, const std::string& domain,
                           const std::vector<std::string>& intents, size_t per_intent,
                           uint64_t seed) {
  const std::set<std::string> wanted(intents.begin(), intents.end());
  SmallKb out;
  out.kb = sample_kb(clinc.train, wanted, per_intent, seed);
  out.kb.name = "CLINC150 " + domain;
  out.per_intent = per_intent;
  for (const auto& e : clinc.eval)
    if (e.label == data::kOutOfScope || wanted.count(e.label)) out.eval.push_back(e);
  return out;
}

SmallKb labelled_kb(const data::LabelledData& data, size_t per_intent, uint64_t seed) {
  SmallKb out;
  out.kb = sample_kb(data.train, {}, per_intent, seed);
  out.per_intent = per_intent;
  out.eval = data.eval;
  return out;
}

std::string knowledge_base_json(const kb::KnowledgeBase& kb) {
  nlohmann::ordered_json out = {{"tandem_kb", 1}, {"name", kb.name}};
  nlohmann::ordered_json intents = nlohmann::ordered_json::array();
  for (const auto& intent : kb.intents)
    intents.push_back(
        {{"id", intent.id}, {"examples", intent.examples}, {"answer", intent.answer}});
  out["intents"] = std::move(intents);
  return out.dump(1) + "\n";
}

std::string labelled_csv(const std::vector<data::Example>& items) {
  auto quoted = [](const std::string& field) {
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string csv = "text,category\n";
  for (const auto& e : items) csv += quoted(e.text) + "," + quoted(e.label) + "\n";
  return csv;
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
