#include "training_data.h"

#include <nlohmann/json.hpp>

#include "files.h"

namespace tandem::cli {
namespace {
constexpr size_t kMaxDataBytes = size_t{256} << 20;

// A knowledge base is the JSON object with a "tandem_kb" member; anything else
// (including malformed JSON) goes to the labelled-data readers, whose errors
// then say what is wrong.
bool is_knowledge_base(const std::string& text) {
  const auto start = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string::npos || text[start] != '{') return false;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  return json.is_object() && json.contains("tandem_kb");
}

// A knowledge base is evaluated on its own phrasings: intent examples under the
// intent's id and FAQ questions under the FAQ's id.
data::LabelledData phrasings_of(const kb::KnowledgeBase& kb) {
  data::LabelledData out;
  for (const auto& intent : kb.intents)
    for (const auto& example : intent.examples) out.train.push_back({example, intent.id});
  for (const auto& faq : kb.faqs)
    for (const auto& question : faq.questions) out.train.push_back({question, faq.id});
  return out;
}

std::vector<Error> located(const std::string& path, std::vector<Error> errors) {
  for (auto& e : errors) e.where = path + (e.where.empty() ? "" : ":" + e.where);
  return errors;
}
}  // namespace

Expected<TrainingData> load_training_data(const std::string& path) {
  auto text = read_file(path, kMaxDataBytes);
  if (!text) return text.errors();
  TrainingData data;
  if (is_knowledge_base(*text)) {
    auto kb = kb::parse_knowledge_base(*text);
    if (!kb) return located(path, kb.errors());
    data.labelled = phrasings_of(*kb);
    data.kb = std::move(kb).value();
    return data;
  }
  auto labelled = data::parse_labelled_data(*text);
  if (!labelled) return located(path, labelled.errors());
  data.labelled = std::move(labelled).value();
  return data;
}

}  // namespace tandem::cli
