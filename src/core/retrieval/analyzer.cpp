#include "retrieval/analyzer.h"

#include <algorithm>
#include <array>

#include "text/normalize.h"
#include "text/tokenize.h"

namespace tandem::retrieval {
namespace {

// Words found in nearly every support question. BM25 would give them a low
// weight anyway, but in character trigrams they make unrelated messages look
// alike ("what is ..."), so they are dropped. Sorted for binary search.
constexpr std::array<std::string_view, 51> kStopWords = {
    "a",     "am",     "an",     "and",  "are",    "at",    "be",    "been",    "but",  "by", "can",
    "could", "did",    "do",     "does", "for",    "hello", "hey",   "hi",      "how",  "i",  "i'd",
    "i'm",   "i've",   "is",     "it",   "it's",   "its",   "me",    "my",      "of",   "on", "or",
    "our",   "please", "so",     "that", "that's", "the",   "there", "there's", "this", "to", "was",
    "we",    "what",   "what's", "will", "with",   "would", "you",
};

bool is_stop_word(std::string_view word) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Appends the trigram hashes of "<word>", counting UTF-8 characters rather than
// bytes so Cyrillic or Greek words get grams of three letters too. `padded` is
// scratch space, reused across words.
void add_trigrams(std::string_view word, std::string& padded, std::vector<uint32_t>& out) {
  padded.assign(1, '<');
  padded += word;
  padded += '>';
  std::array<size_t, 4> starts{};  // byte offsets of the last four character starts
  size_t seen = 0;
  for (size_t i = 0; i <= padded.size(); ++i) {
    bool boundary = i == padded.size() || (static_cast<uint8_t>(padded[i]) & 0xC0) != 0x80;
    if (!boundary) continue;
    starts[seen % 4] = i;
    ++seen;
    if (seen >= 4) {
      size_t from = starts[(seen - 4) % 4];
      out.push_back(fnv1a(std::string_view(padded).substr(from, i - from)));
    }
  }
}

}  // namespace

uint32_t fnv1a(std::string_view bytes) {
  uint32_t h = 2166136261u;
  for (char c : bytes) {
    h ^= static_cast<uint8_t>(c);
    h *= 16777619u;
  }
  return h;
}

std::string light_stem(std::string_view word) {
  if (ends_with(word, "'s")) word.remove_suffix(2);
  std::string w(word);
  if (w.size() <= 3) return w;
  if (ends_with(w, "ies") && w.size() > 4) {
    w.replace(w.size() - 3, 3, "y");
  } else if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches") ||
             ends_with(w, "shes") || ends_with(w, "zes")) {
    w.resize(w.size() - 2);
  } else if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") &&
             !ends_with(w, "is")) {
    w.pop_back();
  } else if (ends_with(w, "ing") && w.size() >= 6) {
    w.resize(w.size() - 3);
  } else if (ends_with(w, "ed") && w.size() >= 5) {
    w.resize(w.size() - 2);
  }
  // "shipped" -> "shipp" -> "ship"; "billing" and "bill" both end as "bil", so
  // a final double letter is always undone, not only after a suffix.
  size_t n = w.size();
  if (n >= 4 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1])) w.pop_back();
  // "charge", "charged" and "charging" all end as "charg".
  if (w.size() > 3 && w.back() == 'e') w.pop_back();
  return w;
}

AnalyzedText analyze(std::string_view utf8) {
  std::vector<text::Token> tokens = text::tokenize(text::normalize(utf8));
  std::vector<std::string> forms;
  forms.reserve(tokens.size());
  for (bool keep_stop_words : {false, true}) {
    for (const auto& token : tokens) {
      bool is_word = token.kind == text::TokenKind::kWord;
      if (is_word && !keep_stop_words && is_stop_word(token.text)) continue;
      forms.push_back(is_word ? light_stem(token.text) : text::feature_form(token));
    }
    // A message of function words only ("is it?") still deserves a comparison.
    if (!forms.empty()) break;
  }
  AnalyzedText out;
  out.terms.reserve(forms.size());
  std::string padded;
  for (const auto& form : forms) {
    out.terms.push_back(fnv1a(form));
    add_trigrams(form, padded, out.grams);
  }
  std::sort(out.terms.begin(), out.terms.end());
  std::sort(out.grams.begin(), out.grams.end());
  return out;
}

}  // namespace tandem::retrieval
