#include "nlu/person_request.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "nlu/person_request_phrasings.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace tandem::nlu {
namespace {

// How many words after a negation it governs, at most: enough for "don't want
// to speak to an agent", short enough that "no, I won't give my email, get me
// a person" keeps its request.
constexpr int kNegationScope = 6;

// How sure the detector must be of one sentence of a longer message: 0.6
// fired on 0.86% of BANKING77's training questions, 0.7 on 0.68%, 0.75 on
// 0.59% (0.41% without sentences), at 92.2 / 92.2 / 89.6% recall on the
// fourth held-out pass (docs/engine.md).
constexpr float kSentenceBar = 0.7f;

// "can't" is left out: "why can't I talk to a human" asks for one.
constexpr std::array<std::string_view, 22> kNegations = {
    "not",   "no",      "never", "don't",   "dont",     "doesn't",  "doesnt",  "didn't",
    "didnt", "won't",   "wont",  "isn't",   "aren't",   "wasn't",   "without", "nobody",
    "none",  "neither", "nor",   "needn't", "wouldn't", "shouldn't"};

template <size_t N>
bool is_one_of(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// "is there no way of reaching a person?" complains that a person cannot be
// reached: the customer wants one, so a negation of the means does not negate
// the rest.
constexpr std::array<std::string_view, 5> kMeans = {"way", "option", "chance", "possibility",
                                                    "means"};

// The machine a customer turns down ("I don't want a machine deciding this",
// "not giving my details to an AI"): one shared form, so that every wording
// of a refusal of the bot reads as the same cue.
constexpr std::array<std::string_view, 14> kMachineWords = {
    "bot", "bots",     "robot",   "robots",   "chatbot", "machine",   "machines",
    "ai",  "computer", "program", "software", "system",  "automated", "algorithm"};

// "do not" and "don't" are one negation: each auxiliary and "not" are read as
// the contraction, as the phrasings mostly spell it ("I do not want a bot"
// otherwise shares "do not want" with "I do not want to speak to an agent").
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kContractions = {{
    {"do", "don't"},
    {"does", "doesn't"},
    {"did", "didn't"},
    {"will", "won't"},
    {"would", "wouldn't"},
    {"is", "isn't"},
    {"are", "aren't"},
    {"was", "wasn't"},
    {"should", "shouldn't"},
    {"need", "needn't"},
    {"can", "can't"},
    {"could", "couldn't"},
    {"have", "haven't"},
    {"has", "hasn't"},
}};

std::vector<text::Token> contracted(std::vector<text::Token> tokens) {
  std::vector<text::Token> out;
  for (auto& token : tokens) {
    if (token.text == "cannot") token.text = "can't";
    if (token.text == "not" && !out.empty() && out.back().kind == text::TokenKind::kWord) {
      const auto it = std::find_if(kContractions.begin(), kContractions.end(),
                                   [&](const auto& c) { return c.first == out.back().text; });
      if (it != kContractions.end()) {
        out.back().text = std::string(it->second);
        continue;
      }
    }
    out.push_back(std::move(token));
  }
  return out;
}

bool ends_clause(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

// Where a clause ends: punctuation ends a negation's reach, which the
// tokenizer (dropping punctuation) cannot tell. Inside a number ("1,299.00")
// the mark is not a boundary.
bool ends_clause_at(const std::string& text, size_t i) {
  if (i == text.size()) return true;
  if (!ends_clause(text[i])) return false;
  return !(i > 0 && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
           std::isdigit(static_cast<unsigned char>(text[i + 1])));
}

bool ends_sentence(char c) {
  return c == '.' || c == '?' || c == '!' || c == ';' || c == ',';
}

// The message's sentences, cut where a mark ends one and a space follows (so
// "1,299.00" and "e.g." stay whole).
std::vector<std::string_view> sentences_of(std::string_view message) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < message.size(); ++i) {
    if (!ends_sentence(message[i]) || (i + 1 < message.size() && message[i + 1] != ' ')) continue;
    if (i > start) out.push_back(message.substr(start, i - start));
    start = i + 1;
  }
  if (start < message.size()) out.push_back(message.substr(start));
  return out;
}

void append_lines(std::string_view block, std::vector<std::string_view>& out) {
  while (!block.empty()) {
    const size_t end = std::min(block.find('\n'), block.size());
    if (end > 0) out.push_back(block.substr(0, end));
    block.remove_prefix(std::min(end + 1, block.size()));
  }
}

}  // namespace

std::vector<text::Feature> person_request_features(std::string_view message,
                                                   const text::FeatureConfig& config) {
  const std::string normalized = text::normalize(message);
  std::vector<std::string> forms, char_words;
  size_t start = 0;
  for (size_t i = 0; i <= normalized.size(); ++i) {
    if (!ends_clause_at(normalized, i)) continue;
    int governed = 0;
    for (auto& token :
         contracted(text::tokenize(std::string_view(normalized).substr(start, i - start)))) {
      const bool word = token.kind == text::TokenKind::kWord;
      if (word && is_one_of(kNegations, token.text)) {
        governed = kNegationScope;
      } else if (token.text == "but" ||
                 (governed == kNegationScope && is_one_of(kMeans, token.text))) {
        governed = 0;
      } else if (governed > 0) {
        --governed;
        if (word && is_one_of(kMachineWords, token.text)) forms.emplace_back("not:<machine>");
        forms.push_back("not:" + text::feature_form(token));
        continue;
      }
      forms.push_back(text::feature_form(token));
      if (word) char_words.push_back(std::move(token.text));
    }
    start = i + 1;
  }
  return text::hash_features(forms, {char_words.begin(), char_words.end()}, config);
}

std::vector<std::string_view> person_request_phrasings() {
  std::vector<std::string_view> out;
  for (auto block : {plain_person_request_lines(), person_request_with_need_lines(),
                     person_request_against_bot_lines()})
    append_lines(block, out);
  return out;
}

std::vector<std::string_view> person_mention_phrasings() {
  std::vector<std::string_view> out;
  for (auto block : {person_mention_lines(), routine_banking_lines(), routine_sector_lines(),
                     other_request_lines(), chat_message_lines()})
    append_lines(block, out);
  return out;
}

PersonRequestDetector PersonRequestDetector::train(BinaryReport* report) {
  // n-grams seen in one phrasing only were half the section's bytes (81 -> 48
  // KB gzip without them) for one held-out request in 314 (docs/engine.md).
  BinaryOptions options;
  options.min_df = 2;
  const auto requests = person_request_phrasings(), mentions = person_mention_phrasings();
  std::vector<std::vector<text::Feature>> features;
  std::vector<bool> positive;
  for (const auto* group : {&requests, &mentions})
    for (auto text : *group) {
      features.push_back(person_request_features(text, options.features));
      positive.push_back(group == &requests);
    }
  PersonRequestDetector detector;
  detector.classifier_ = BinaryClassifier::train(features, positive, options, report);
  return detector;
}

float PersonRequestDetector::probability(std::string_view message) const {
  if (empty()) return 0.0f;
  const auto& config = classifier_.feature_config();
  float best = classifier_.probability(person_request_features(message, config));
  // A request inside a longer message ("Help from a human please, my card got
  // swallowed and I'm abroad") is diluted by the context's n-grams, so each
  // sentence is also read on its own; only a clear reading counts, because
  // fragments such as "please advise." sit near the threshold on their own.
  for (auto sentence : sentences_of(message)) {
    if (sentence.size() == message.size()) continue;
    const float p = classifier_.probability(person_request_features(sentence, config));
    if (p >= kSentenceBar) best = std::max(best, p);
  }
  return best;
}

PersonRequestDetector PersonRequestDetector::load(BinaryReader& in) {
  PersonRequestDetector detector;
  detector.classifier_ = BinaryClassifier::load(in);
  return detector;
}

}  // namespace tandem::nlu
