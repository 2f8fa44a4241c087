// BERT's WordPiece tokenizer, for sentence encoders a company brings along
// (docs/embedding.md, "Bring your own encoder"): the same ids as the Python
// reference tokenizer, from the model's own vocab.txt or tokenizer.json.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/binary_codec.h"
#include "base/status.h"

namespace tandem::text {

struct WordPieceSettings {
  bool lowercase = true;      // uncased models; also strips accents (NFD, marks removed)
  bool strip_accents = true;  // only together with lowercase
  std::string unk_token = "[UNK]";
  std::string cls_token = "[CLS]";
  std::string sep_token = "[SEP]";
  std::string continuing_prefix = "##";
  uint32_t max_input_chars_per_word = 100;  // longer words become [UNK]
};

// What the encoder's input tensors hold for one text: [CLS] pieces [SEP].
struct WordPieceEncoding {
  std::vector<int32_t> input_ids;
  std::vector<int32_t> attention_mask;  // all 1: one text, no padding
  std::vector<int32_t> token_type_ids;  // all 0: one segment
};

class WordPieceTokenizer {
 public:
  // vocab.txt: one token per line, its id is its line number from 0.
  static Expected<WordPieceTokenizer> from_vocab_text(std::string_view text,
                                                      WordPieceSettings settings = {});
  // A Hugging Face tokenizer.json whose model is WordPiece (BertNormalizer or none).
  static Expected<WordPieceTokenizer> from_tokenizer_json(std::string_view json_text);

  // The basic tokenizer's words: cleaned, case- and accent-folded as configured,
  // split at white space and punctuation, one word per CJK ideograph.
  std::vector<std::string> words(std::string_view utf8) const;
  // The word pieces of the text ("unaffable" -> "un", "##aff", "##able").
  std::vector<std::string> tokenize(std::string_view utf8) const;
  // [CLS] pieces [SEP], cut to at most max_tokens (at least 2) ids.
  WordPieceEncoding encode(std::string_view utf8, size_t max_tokens) const;

  const WordPieceSettings& settings() const { return settings_; }
  size_t vocab_size() const { return tokens_.size(); }

  void save(BinaryWriter& out) const;
  static Expected<WordPieceTokenizer> load(BinaryReader& in);

 private:
  static Expected<WordPieceTokenizer> create(std::vector<std::string> tokens,
                                             WordPieceSettings settings);
  void append_pieces(const std::string& word, std::vector<int32_t>& ids) const;
  int32_t id_of(const std::string& token) const;

  WordPieceSettings settings_;
  std::vector<std::string> tokens_;  // by id
  std::unordered_map<std::string, int32_t> ids_;
  int32_t unk_id_ = 0, cls_id_ = 0, sep_id_ = 0;
};

}  // namespace tandem::text
