#include "nlu/augment.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "nlu/random.h"

namespace tandem::nlu {
namespace {

// Words WordNet lists that carry no topic in a support message (auxiliaries,
// light verbs, greetings, quantities): swapping "can" for "tin" or "get" for
// "acquire" teaches the models nothing but noise. Sorted for binary search.
constexpr std::array<std::string_view, 67> kKeep = {
    "a",     "about",  "again", "all", "also",  "am",    "an",     "any",    "are",  "as",
    "at",    "be",     "been",  "but", "by",    "can",   "could",  "did",    "do",   "does",
    "done",  "for",    "from",  "get", "go",    "going", "got",    "had",    "has",  "have",
    "hello", "hey",    "hi",    "how", "in",    "is",    "it",     "just",   "know", "let",
    "like",  "make",   "may",   "me",  "might", "much",  "must",   "need",   "no",   "not",
    "now",   "of",     "ok",    "on",  "one",   "or",    "please", "should", "so",   "still",
    "tell",  "thanks", "the",   "to",  "want",  "will",  "would",
};

bool kept(std::string_view word) {
  return std::binary_search(kKeep.begin(), kKeep.end(), word);
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Where a word of letters may be replaced: its neighbours are no digits, no
// currency marks or other symbols glued to it ("$5", "3rd", "e-mail", "don't").
bool isolated(std::string_view text, size_t begin, size_t end) {
  auto glued = [](char c) {
    return is_digit(c) || c == '$' || c == '-' || c == '\'' || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  return (begin == 0 || !glued(text[begin - 1])) && (end == text.size() || !glued(text[end]));
}

struct Span {
  size_t begin, end;
  std::string word;  // lower case
};

std::vector<Span> replaceable_spans(std::string_view text) {
  std::vector<Span> spans;
  for (size_t i = 0; i < text.size();) {
    if (!is_letter(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_letter(text[end])) ++end;
    if (end - i >= 3 && isolated(text, i, end)) {
      std::string word(text.substr(i, end - i));
      std::transform(word.begin(), word.end(), word.begin(),
                     [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
      if (!kept(word)) spans.push_back({i, end, std::move(word)});
    }
    i = end;
  }
  return spans;
}

}  // namespace

std::vector<std::string> replaceable_words(const std::vector<std::string>& texts) {
  std::vector<std::string> words;
  for (const auto& text : texts)
    for (auto& span : replaceable_spans(text)) words.push_back(std::move(span.word));
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

// Variant j replaces every known word by its j-th synonym, so that a synonym
// appears in as many variants as its word in examples.
std::vector<Variant> consistent_variants(const std::vector<std::string>& texts, size_t count,
                                         const SynonymTable& synonyms,
                                         const AugmentOptions& options) {
  std::vector<Variant> variants;
  count = std::min(count, texts.size());
  for (size_t i = 0; i < count; ++i) {
    const std::string& text = texts[i];
    const std::vector<Span> spans = replaceable_spans(text);
    for (int j = 0; j < options.variants_per_example; ++j) {
      std::string out;
      size_t at = 0;
      bool changed = false;
      for (const Span& span : spans) {
        const auto found = synonyms.find(span.word);
        if (found == synonyms.end() || found->second.size() <= size_t(j)) continue;
        out += text.substr(at, span.begin - at) + found->second[size_t(j)];
        at = span.end;
        changed = true;
      }
      if (!changed) break;
      variants.push_back({static_cast<uint32_t>(i), out + text.substr(at)});
    }
  }
  return variants;
}

std::vector<Variant> synonym_variants(const std::vector<std::string>& texts, size_t count,
                                      const SynonymTable& synonyms, const AugmentOptions& options) {
  if (options.every_word) return consistent_variants(texts, count, synonyms, options);
  std::vector<Variant> variants;
  Random random(options.seed);
  count = std::min(count, texts.size());
  for (size_t i = 0; i < count; ++i) {
    const std::string& text = texts[i];
    // Every (word, synonym) choice the example offers, in text order.
    std::vector<std::pair<const Span*, const std::string*>> choices;
    const std::vector<Span> spans = replaceable_spans(text);
    for (const Span& span : spans) {
      const auto found = synonyms.find(span.word);
      if (found == synonyms.end()) continue;
      for (const std::string& synonym : found->second)
        if (synonym != span.word) choices.emplace_back(&span, &synonym);
    }
    random.shuffle(choices);
    const size_t wanted =
        std::min(choices.size(), static_cast<size_t>(std::max(0, options.variants_per_example)));
    for (size_t k = 0; k < wanted; ++k) {
      const Span& span = *choices[k].first;
      variants.push_back({static_cast<uint32_t>(i),
                          text.substr(0, span.begin) + *choices[k].second + text.substr(span.end)});
    }
  }
  return variants;
}

}  // namespace tandem::nlu
