#include "kb/labels.h"

#include <algorithm>

namespace tandem::kb {

std::string readable_id(std::string_view id) {
  if (id.substr(0, 4) == "faq.") id.remove_prefix(4);
  std::string out(id);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string label_of(const KnowledgeBase& kb, std::string_view id) {
  for (const auto& intent : kb.intents)
    if (intent.id == id) return intent.label.empty() ? readable_id(id) : intent.label;
  for (const auto& faq : kb.faqs)
    if (faq.id == id) return faq.label.empty() ? readable_id(id) : faq.label;
  return readable_id(id);
}

}  // namespace tandem::kb
