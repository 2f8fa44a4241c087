// The words of the questions behind knowledge gaps: which customer messages of
// a handed-off transcript the bot failed on, and which questions say the same
// thing, by a fingerprint of their content words. The desk needs no engine
// for this: a handful of questions per gap, compared pairwise.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace tandem::desk {

// The customer messages the bot answered with a fallback or with an answer
// marked not helpful; the last customer message before the handoff when the
// transcript names neither. At most kMaxGapQuestionsPerHandoff.
std::vector<std::string> failed_questions(const nlohmann::json& bundle);

// Lower-case content words, crudely stemmed, without the common function words.
std::set<std::string> fingerprint(const std::string& text);

// Dice coefficient of two fingerprints, in [0, 1].
double similarity(const std::set<std::string>& a, const std::set<std::string>& b);

}  // namespace tandem::desk
