// Everything the widget loads: the compiled form of a knowledge base (or of
// bare labelled data), written by `tandem train` as one .tandem file.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "kb/knowledge_base.h"
#include "nlu/intent_classifier.h"
#include "nlu/person_request.h"
#include "retrieval/faq_index.h"

namespace tandem::engine {

// Maps an FAQ similarity score to the probability that the FAQ is the answer,
// fitted at training time (see compile.cpp).
struct FaqCalibration {
  float slope = 12.0f;
  float intercept = -7.0f;
  float probability(float score) const;
};

struct Model {
  bool from_knowledge_base = false;  // otherwise trained on bare labelled data
  kb::KnowledgeBase kb;              // answers, policy, messages; no training examples
  nlu::IntentClassifier classifier;  // each class is the id of an intent or of an FAQ
  retrieval::FaqIndex faq_index;     // entries are kb.faqs, in order
  FaqCalibration faq_calibration;
  // Says whether a message asks for a person; empty in models without it.
  nlu::PersonRequestDetector person_request;
  // Intents whose examples are mostly requests for a person: their score is
  // the detector's business, not a need of the customer's.
  std::vector<std::string> person_request_intents;
};

// The file format (docs/model-file.md): a 16-byte header (magic "TNDM", format
// version, payload size, CRC-32 of the payload) and tagged sections.
inline constexpr uint32_t kModelFormatVersion = 2;

std::string write_model(const Model& model);
// Truncated, corrupted, foreign or newer files give one clear error.
Expected<Model> read_model(std::string_view bytes);

}  // namespace tandem::engine
