#include "text/features.h"

#include <algorithm>
#include <string>

#include "text/hashing.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace tandem::text {
namespace {

enum Family : uint32_t { kWordGrams = 1, kCharGrams = 2 };

// Each (family, n) hashes with its own seed, so the word "abc" and the character
// trigram "abc" land in unrelated buckets. fmix32 is a bijection, which keeps the
// seeds distinct for distinct (family, n).
uint32_t namespace_seed(uint32_t seed, Family family, int n) {
  return detail::fmix32(seed ^ detail::fmix32(family << 16 | static_cast<uint32_t>(n)));
}

class Hasher {
 public:
  explicit Hasher(const FeatureConfig& config)
      : config_(config),
        mask_(config.hash_bits >= 32 ? 0xFFFFFFFFu : (1u << config.hash_bits) - 1) {}

  // Enough room for every n-gram of a text of this many tokens and bytes.
  void reserve(std::size_t tokens, std::size_t bytes) {
    const auto char_sizes =
        static_cast<std::size_t>(std::max(config_.char_max - config_.char_min + 1, 1));
    const auto word_sizes = static_cast<std::size_t>(std::max(config_.word_ngrams, 0));
    indices_.reserve(tokens * word_sizes + (bytes + 2 * tokens) * char_sizes);
  }

  void word_ngrams(const std::vector<std::string>& forms) {
    for (int n = 1; n <= config_.word_ngrams; ++n) {
      const uint32_t seed = namespace_seed(config_.seed, kWordGrams, n);
      for (std::size_t i = 0; i + n <= forms.size(); ++i) {
        if (n == 1) {
          add(forms[i], seed);
          continue;
        }
        buffer_ = forms[i];
        // Word forms never contain a space, so ' ' joins them unambiguously.
        for (int k = 1; k < n; ++k) (buffer_ += ' ') += forms[i + k];
        add(buffer_, seed);
      }
    }
  }

  // Character n-grams count code points, not bytes, so "<привет>" is cut
  // between letters.
  void char_ngrams(std::string_view word) {
    if (config_.char_max <= 0) return;
    const int char_min = std::max(config_.char_min, 1);
    buffer_.assign(1, '<');
    (buffer_ += word) += '>';
    starts_.clear();
    for (std::size_t i = 0; i < buffer_.size(); ++i) {
      if ((static_cast<unsigned char>(buffer_[i]) & 0xC0) != 0x80) starts_.push_back(i);
    }
    const int chars = static_cast<int>(starts_.size());
    starts_.push_back(buffer_.size());
    const std::string_view framed = buffer_;
    if (chars < char_min) {
      add(framed, namespace_seed(config_.seed, kCharGrams, chars));
      return;
    }
    for (int n = char_min; n <= config_.char_max && n <= chars; ++n) {
      const uint32_t seed = namespace_seed(config_.seed, kCharGrams, n);
      for (int i = 0; i + n <= chars; ++i) {
        add(framed.substr(starts_[i], starts_[i + n] - starts_[i]), seed);
      }
    }
  }

  // Sorted buckets, one entry each with its count.
  std::vector<Feature> take() {
    std::sort(indices_.begin(), indices_.end());
    std::vector<Feature> features;
    features.reserve(indices_.size());
    for (const uint32_t index : indices_) {
      if (!features.empty() && features.back().index == index) {
        features.back().count += 1.0f;
      } else {
        features.push_back({index, 1.0f});
      }
    }
    return features;
  }

 private:
  void add(std::string_view gram, uint32_t seed) {
    indices_.push_back(detail::murmur3_32(gram, seed) & mask_);
  }

  const FeatureConfig& config_;
  const uint32_t mask_;
  std::string buffer_;
  std::vector<std::size_t> starts_;
  std::vector<uint32_t> indices_;
};

}  // namespace

std::vector<Feature> extract_features(std::string_view utf8, const FeatureConfig& config) {
  const std::vector<Token> tokens = tokenize(normalize(utf8));
  std::vector<std::string> forms;
  std::vector<std::string_view> words;
  forms.reserve(tokens.size());
  for (const Token& token : tokens) {
    forms.push_back(feature_form(token));
    if (token.kind == TokenKind::kWord) words.push_back(token.text);
  }
  return hash_features(forms, words, config);
}

std::vector<Feature> hash_features(const std::vector<std::string>& word_forms,
                                   const std::vector<std::string_view>& char_words,
                                   const FeatureConfig& config) {
  std::size_t bytes = 0;
  for (const auto& word : char_words) bytes += word.size();
  Hasher hasher(config);
  hasher.reserve(word_forms.size() + char_words.size(), bytes);
  hasher.word_ngrams(word_forms);
  for (const auto& word : char_words) hasher.char_ngrams(word);
  return hasher.take();
}

}  // namespace tandem::text
