// How an intent or FAQ is named in words: the model keeps ids, the customer
// sees labels, and a small knowledge base trains on them (engine/compile.cpp).
#pragma once

#include <string>
#include <string_view>

#include "kb/knowledge_base.h"

namespace tandem::kb {

// An intent or FAQ id as words ("faq.support_hours" -> "support hours").
std::string readable_id(std::string_view id);
// What the customer sees for an intent or FAQ: its KB label, else readable_id.
std::string label_of(const KnowledgeBase& kb, std::string_view id);

}  // namespace tandem::kb
