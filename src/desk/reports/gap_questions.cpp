#include "desk/reports/gap_questions.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>

#include "desk/limits.h"

namespace tandem::desk {
namespace {

using nlohmann::json;

// Words that say nothing about what a question is about.
constexpr std::string_view kFunctionWords[] = {
    "a",    "about", "am",     "an",   "and",  "are",   "be",     "but",   "can", "could",
    "did",  "do",    "does",   "for",  "from", "get",   "have",   "hello", "hi",  "how",
    "i",    "if",    "in",     "is",   "it",   "just",  "me",     "my",    "of",  "on",
    "or",   "our",   "please", "so",   "that", "the",   "there",  "this",  "to",  "u",
    "up",   "was",   "we",     "what", "when", "where", "which",  "who",   "why", "will",
    "with", "would", "you",    "your", "im",   "its",   "thanks", "want"};

bool is_function_word(std::string_view word) {
  return std::find(std::begin(kFunctionWords), std::end(kFunctionWords), word) !=
         std::end(kFunctionWords);
}

bool ends_with(const std::string& word, std::string_view suffix) {
  return word.size() > suffix.size() &&
         word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Enough to put "refunds", "refunded" and "refunding" together.
std::string stem(std::string word) {
  for (std::string_view suffix : {"ing", "ed", "es", "s"}) {
    if (ends_with(word, suffix) && word.size() - suffix.size() >= 3 && !ends_with(word, "ss")) {
      word.resize(word.size() - suffix.size());
      break;
    }
  }
  return word;
}

std::string customer_text(const json& turn) {
  if (!turn.is_object() || turn.value("role", "") != "customer") return "";
  const auto text = turn.find("text");
  return text != turn.end() && text->is_string() ? text->get<std::string>() : "";
}

// The customer message just before transcript turn `turn`.
std::string question_before(const json& transcript, std::size_t turn) {
  for (std::size_t i = std::min(turn, transcript.size()); i-- > 0;) {
    std::string text = customer_text(transcript[i]);
    if (!text.empty()) return text;
  }
  return "";
}

}  // namespace

std::vector<std::string> failed_questions(const json& bundle) {
  std::vector<std::size_t> failed_turns;
  const json transcript = bundle.value("transcript", json::array());
  if (!transcript.is_array()) return {};
  for (std::size_t i = 0; i < transcript.size(); ++i) {
    const json& turn = transcript[i];
    if (turn.is_object() && turn.value("action", "") == "fallback") failed_turns.push_back(i);
  }
  for (const json& tried : bundle.value("answers_tried", json::array())) {
    const auto turn = tried.find("turn");
    if (tried.value("feedback", "") == "not_helpful" && turn != tried.end() &&
        turn->is_number_unsigned()) {
      failed_turns.push_back(turn->get<std::size_t>());
    }
  }
  std::sort(failed_turns.begin(), failed_turns.end());
  if (failed_turns.empty()) failed_turns.push_back(transcript.size());
  std::vector<std::string> out;
  for (std::size_t turn : failed_turns) {
    std::string question = question_before(transcript, turn);
    if (question.empty() || std::find(out.begin(), out.end(), question) != out.end()) continue;
    out.push_back(std::move(question));
    if (out.size() == kMaxGapQuestionsPerHandoff) break;
  }
  return out;
}

std::set<std::string> fingerprint(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (word.size() >= 2 && !is_function_word(word)) words.insert(stem(word));
    word.clear();
  };
  for (unsigned char c : text) {
    if (c == '\'') continue;  // "don't" and "dont" are one word
    if (std::isalnum(c) || c >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

double similarity(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  std::size_t shared = 0;
  for (const std::string& word : a) shared += b.count(word);
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

}  // namespace tandem::desk
