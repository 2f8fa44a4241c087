// Built-in negative examples: knowledge bases rarely say what the bot must not answer, so the
// trainer adds these under the label "oos" to every one, giving the classifier something to
// learn declining from.
#pragma once

#include <string_view>
#include <vector>

namespace tandem::engine {

// Messages no support knowledge base should answer: off-topic requests, chit-chat and noise.
// They avoid support vocabulary on purpose, so they never pull a real question out of scope.
const std::vector<std::string_view>& background_out_of_scope();

}  // namespace tandem::engine
