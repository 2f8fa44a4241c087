// Training: turns a knowledge base or labelled data into a Model.
#pragma once

#include <vector>

#include "data/labelled_data.h"
#include "engine/model.h"
#include "kb/knowledge_base.h"
#include "nlu/intent_classifier.h"

namespace tandem::engine {

struct CompileReport {
  nlu::TrainingReport classifier;
  FaqCalibration faq_calibration;
  size_t faq_positive_checks = 0;     // leave-one-out FAQ queries the calibration saw
  double faq_heldout_accuracy = 0.0;  // share of them whose top FAQ was right
  nlu::BinaryReport person_request;   // the asked-for-a-person detector, held out
  size_t builtin_out_of_scope = 0;    // built-in off-topic messages trained as "oos"
};

// With options.neural.enabled, neural_out (if given) receives the trained
// network, which ships apart from the model (as ONNX, see docs/neural.md).
Model compile_knowledge_base(const kb::KnowledgeBase& kb, const nlu::ClassifierOptions& options,
                             CompileReport* report = nullptr,
                             const nlu::StageProgressFn& progress = {},
                             nlu::NeuralModel* neural_out = nullptr);

// Each label becomes an intent whose answer is its own name; "oos" items teach
// the classifier what to decline.
Model compile_labelled_data(const std::vector<data::Example>& examples,
                            const nlu::ClassifierOptions& options, CompileReport* report = nullptr,
                            const nlu::StageProgressFn& progress = {},
                            nlu::NeuralModel* neural_out = nullptr);

}  // namespace tandem::engine
