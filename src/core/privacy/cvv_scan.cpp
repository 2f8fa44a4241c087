#include "privacy/cvv_scan.h"

#include <cstddef>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace tandem::privacy::detail {

namespace {

constexpr std::size_t kCvvWindow = 5;  // words either side of a card word
constexpr std::size_t kLastFourLookBack = 3;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Words are split where letters meet digits, so "cvv2" and "cvv:123" read as
// "cvv" followed by a number.
const std::vector<std::vector<std::string>>& card_phrases() {
  static const std::vector<std::vector<std::string>> phrases = {
      {"cvv"},
      {"cvc"},
      {"cvn"},
      {"csc"},
      {"cvd"},
      {"security", "code"},
      {"security", "number"},
      {"security", "digits"},
      {"verification", "code"},
      {"verification", "number"},
      {"verification", "value"},
      {"card", "code"},
      {"on", "the", "back"},
      {"at", "the", "back"},
      {"back", "of", "the", "card"},
      {"back", "of", "my", "card"},
      {"front", "of", "the", "card"},
      {"código", "de", "seguridad"},
      {"codigo", "de", "seguridad"},
      {"code", "de", "sécurité"},
      {"cryptogramme"},
      {"kartenprüfnummer"},
      {"prüfnummer"},
  };
  return phrases;
}

bool names_last_four(const std::string& word) {
  return word == "ending" || word == "ends" || word == "last";
}

struct Word {
  std::size_t begin;  // glyph index
  std::size_t end;
  bool digits;
  std::string lower;  // ASCII-lowercased UTF-8; empty for numbers
};

std::vector<Word> split_words(const GlyphText& text) {
  std::vector<Word> words;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_word_char(text.at(i))) {
      ++i;
      continue;
    }
    Word word{i, i, digit_value(text.at(i)) >= 0, {}};
    for (; i < text.size() && is_word_char(text.at(i)) &&
           (digit_value(text.at(i)) >= 0) == word.digits;
         ++i) {
      if (!word.digits) text::detail::append_utf8(word.lower, ascii_lower(text.at(i)));
    }
    word.end = i;
    words.push_back(std::move(word));
  }
  return words;
}

std::vector<bool> mark_card_words(const std::vector<Word>& words) {
  std::vector<bool> marked(words.size(), false);
  for (std::size_t w = 0; w < words.size(); ++w) {
    for (const auto& phrase : card_phrases()) {
      if (w + phrase.size() > words.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < phrase.size() && match; ++k) {
        match = words[w + k].lower == phrase[k];
      }
      if (!match) continue;
      for (std::size_t k = 0; k < phrase.size(); ++k) marked[w + k] = true;
    }
  }
  return marked;
}

// Distance in words from each word to the nearest marked one (kNone if none).
std::vector<std::size_t> distance_to_marked(const std::vector<bool>& marked) {
  const std::size_t n = marked.size();
  std::vector<std::size_t> distance(n, kNone);
  std::size_t last = kNone;
  for (std::size_t w = 0; w < n; ++w) {
    if (marked[w]) last = w;
    if (last != kNone) distance[w] = w - last;
  }
  last = kNone;
  for (std::size_t w = n; w-- > 0;) {
    if (marked[w]) last = w;
    if (last != kNone && last - w < distance[w]) distance[w] = last - w;
  }
  return distance;
}

bool after_last_four_words(const std::vector<Word>& words, std::size_t w) {
  for (std::size_t back = 1; back <= kLastFourLookBack && back <= w; ++back) {
    if (names_last_four(words[w - back].lower)) return true;
  }
  return false;
}

}  // namespace

void find_cvvs(const GlyphText& text, Findings& findings) {
  const std::vector<Word> words = split_words(text);
  const std::vector<std::size_t> distance = distance_to_marked(mark_card_words(words));
  for (std::size_t w = 0; w < words.size(); ++w) {
    const Word& word = words[w];
    const std::size_t length = word.end - word.begin;
    if (!word.digits || length < 3 || length > 4 || distance[w] > kCvvWindow) continue;
    if (after_last_four_words(words, w) || !findings.is_free(word.begin, word.end)) continue;
    findings.add({word.begin, word.end, kCvvKind, "[cvv]"});
  }
}

}  // namespace tandem::privacy::detail
