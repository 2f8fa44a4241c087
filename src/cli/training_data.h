// DATA arguments: a knowledge base or labelled data, told apart by content.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "data/labelled_data.h"
#include "kb/knowledge_base.h"

namespace tandem::cli {

struct TrainingData {
  std::optional<kb::KnowledgeBase> kb;  // set when DATA was the product's JSON
  data::LabelledData labelled;          // for a KB: intent examples and FAQ questions
};

// Reads and validates DATA; every problem is reported with its location.
Expected<TrainingData> load_training_data(const std::string& path);

}  // namespace tandem::cli
