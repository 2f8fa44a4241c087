#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/background_out_of_scope.h"

using tandem::engine::background_out_of_scope;

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ASCII letters and digits make words; everything else (punctuation, emoji bytes) separates.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : lower(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

}  // namespace

TEST_CASE("background out-of-scope set is large, distinct and clean", "[oos]") {
  const auto& messages = background_out_of_scope();
  CHECK(messages.size() >= 250);

  std::set<std::string> seen;
  std::vector<std::string> duplicates;
  for (std::string_view m : messages) {
    INFO(m);
    CHECK_FALSE(m.empty());
    CHECK(m.size() <= 200);
    CHECK(m.find_first_of(" \t\n") != 0);
    CHECK(m.find_last_of(" \t\n") != m.size() - 1);
    if (!seen.insert(lower(m)).second) duplicates.emplace_back(m);
  }
  CHECK(duplicates.empty());
}

TEST_CASE("background out-of-scope set never uses support vocabulary", "[oos]") {
  // A shared word would teach the classifier to decline real support questions.
  const std::set<std::string> forbidden = {"payment",    "pay",    "refund",   "order",   "card",
                                           "account",    "fee",    "charge",   "bank",    "money",
                                           "instalment", "loan",   "credit",   "balance", "human",
                                           "agent",      "person", "complaint"};
  std::vector<std::string> offenders;
  for (std::string_view m : background_out_of_scope()) {
    const std::vector<std::string> ws = words(m);
    if (std::any_of(ws.begin(), ws.end(),
                    [&](const std::string& w) { return forbidden.count(w); })) {
      offenders.emplace_back(m);
    }
  }
  CHECK(offenders.empty());

  // The check itself must catch a forbidden word whatever its case and punctuation.
  const std::vector<std::string> probe = words("Where's my REFUND?");
  CHECK(std::find(probe.begin(), probe.end(), "refund") != probe.end());
}

TEST_CASE("background out-of-scope messages range from single words to long sentences", "[oos]") {
  size_t single_words = 0, long_messages = 0;
  for (std::string_view m : background_out_of_scope()) {
    const size_t n = words(m).size();
    INFO(m);
    CHECK(n <= 25);
    if (n == 1) ++single_words;
    if (n >= 15) ++long_messages;
  }
  CHECK(single_words >= 20);
  CHECK(long_messages >= 5);
}

TEST_CASE("background out-of-scope list is built once", "[oos]") {
  CHECK(&background_out_of_scope() == &background_out_of_scope());
}
