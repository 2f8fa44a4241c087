// The fixed evaluation protocols of the engine benchmark.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "data/labelled_data.h"
#include "engine/engine.h"
#include "kb/knowledge_base.h"
#include "nlu/calibration.h"
#include "nlu/neural_scores.h"

namespace tandem::bench {

// BANKING77: a stratified 80/20 split of train.csv, the same on every machine.
Expected<data::LabelledData> banking77_split(const std::string& data_dir);

// The same split with only the first `per_label` training examples of each
// intent: a small knowledge base's amount of data, on the same evaluation items.
Expected<data::LabelledData> few_shot(const Expected<data::LabelledData>& data, size_t per_label);

// CLINC150: train + oos_train for training, val + oos_val for evaluation (the
// reader chooses test + oos_test instead when the file has them).
Expected<data::LabelledData> clinc150(const std::string& data_dir);

// CLINC150's customer-service domains (domains.json): name and its intents, in file order.
using Domains = std::vector<std::pair<std::string, std::vector<std::string>>>;
Expected<Domains> clinc150_domains(const std::string& data_dir);

// A small company's knowledge base and the messages it is judged on.
struct SmallKb {
  kb::KnowledgeBase kb;  // one intent per label, answered with its own name
  size_t per_intent = 0;
  std::vector<data::Example> eval;
};

// The seed the small-KB protocol draws its examples with (a second draw checks
// that a change is not luck of one draw).
constexpr uint64_t kSmallKbSeed = 11;

// `per_intent` training examples of each of the domain's intents, drawn with
// `seed` from CLINC150's train; evaluated on the domain's val items plus
// every out-of-scope val item.
SmallKb clinc150_domain_kb(const data::LabelledData& clinc, const std::string& domain,
                           const std::vector<std::string>& intents, size_t per_intent,
                           uint64_t seed = kSmallKbSeed);

// `per_intent` examples of each label of data.train (drawn with the same seed),
// evaluated on data.eval.
SmallKb labelled_kb(const data::LabelledData& data, size_t per_intent,
                    uint64_t seed = kSmallKbSeed);

// kb.json text for `tandem train`, and CSV (text,category) for `tandem eval`.
std::string knowledge_base_json(const kb::KnowledgeBase& kb);
std::string labelled_csv(const std::vector<data::Example>& items);

// Classifier-level predictions on the items, fused with the network's scores
// for each message when `scores_for` is given (else the lexical engine alone).
using ScoresFn = std::function<nlu::NeuralScores(const std::string& message)>;
std::vector<nlu::HeldOutPrediction> predictions(const engine::Engine& engine,
                                                const std::vector<data::Example>& items,
                                                const ScoresFn& scores_for = {});

// Comparing two models' out-of-scope recall at equal in-scope accuracy: the
// threshold, swept over the predictions' confidences, that declines the most
// out-of-scope items while keeping the in-scope accuracy at or above
// `in_scope_accuracy`. Chosen on the evaluation data: for comparison only.
nlu::OperatingPoint best_recall_at(const std::vector<nlu::HeldOutPrediction>& predictions,
                                   double in_scope_accuracy);

}  // namespace tandem::bench
