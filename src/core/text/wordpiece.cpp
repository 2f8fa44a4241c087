#include "text/wordpiece.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "text/utf8.h"
#include "text/wordpiece_chars.h"

namespace tandem::text {
namespace {

using nlohmann::json;

// Bounds that keep a hostile vocabulary from exhausting memory; real BERT
// vocabularies hold 30-250 thousand short tokens.
constexpr size_t kMaxVocabTokens = size_t{1} << 20;
constexpr size_t kMaxTokenBytes = 256;
constexpr uint32_t kMaxWordChars = 10000;

bool valid_utf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp;
    const size_t len = detail::decode_utf8(text, pos, cp);
    if (len == 0) return false;
    pos += len;
  }
  return true;
}

Error vocab_error(std::string where, std::string what) {
  return Error{std::move(where), std::move(what)};
}

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

// Reads an optional string member; false (with an error) when it has another type.
bool read_string(const json& object, const char* key, const std::string& where, std::string& out,
                 std::vector<Error>& errors) {
  const json* value = member(object, key);
  if (!value) return true;
  if (!value->is_string()) {
    errors.push_back(vocab_error(where + "/" + key, "must be a string"));
    return false;
  }
  out = value->get<std::string>();
  return true;
}

bool read_bool(const json& object, const char* key, const std::string& where, bool& out,
               std::vector<Error>& errors) {
  const json* value = member(object, key);
  if (!value) return true;
  if (!value->is_boolean()) {
    errors.push_back(vocab_error(where + "/" + key, "must be true or false"));
    return false;
  }
  out = value->get<bool>();
  return true;
}

void read_model(const json& model, WordPieceSettings& settings, std::vector<std::string>& tokens,
                std::vector<Error>& errors) {
  std::string type;
  if (!model.is_object() || !read_string(model, "type", "/model", type, errors)) {
    errors.push_back(vocab_error("/model", "missing or not an object"));
    return;
  }
  if (type != "WordPiece") {
    errors.push_back(vocab_error(
        "/model/type", "is \"" + type +
                           "\"; only WordPiece tokenizers (BERT family) are supported, not "
                           "sentencepiece (Unigram) or BPE models"));
    return;
  }
  read_string(model, "unk_token", "/model", settings.unk_token, errors);
  read_string(model, "continuing_subword_prefix", "/model", settings.continuing_prefix, errors);
  if (const json* max_chars = member(model, "max_input_chars_per_word")) {
    if (!max_chars->is_number_unsigned() || max_chars->get<uint64_t>() == 0 ||
        max_chars->get<uint64_t>() > kMaxWordChars) {
      errors.push_back(
          vocab_error("/model/max_input_chars_per_word",
                      "must be a whole number from 1 to " + std::to_string(kMaxWordChars)));
    } else {
      settings.max_input_chars_per_word = max_chars->get<uint32_t>();
    }
  }
  const json* vocab = member(model, "vocab");
  if (!vocab || !vocab->is_object() || vocab->empty() || vocab->size() > kMaxVocabTokens) {
    errors.push_back(
        vocab_error("/model/vocab",
                    "must map 1 to " + std::to_string(kMaxVocabTokens) + " tokens to their ids"));
    return;
  }
  tokens.assign(vocab->size(), std::string());
  std::vector<bool> seen(vocab->size(), false);
  for (const auto& [token, id] : vocab->items()) {
    if (!id.is_number_unsigned() || id.get<uint64_t>() >= vocab->size() || seen[id.get<size_t>()]) {
      errors.push_back(vocab_error(
          "/model/vocab/" + token,
          "ids must be 0 to " + std::to_string(vocab->size() - 1) + ", each used once"));
      return;
    }
    seen[id.get<size_t>()] = true;
    tokens[id.get<size_t>()] = token;
  }
}

void read_normalizer(const json& root, WordPieceSettings& settings, std::vector<Error>& errors) {
  const json* normalizer = member(root, "normalizer");
  if (!normalizer) {  // no normalizer: a cased model
    settings.lowercase = settings.strip_accents = false;
    return;
  }
  std::string type;
  read_string(*normalizer, "type", "/normalizer", type, errors);
  if (type != "BertNormalizer") {
    errors.push_back(
        vocab_error("/normalizer/type", "is \"" + type + "\"; only BertNormalizer is supported"));
    return;
  }
  read_bool(*normalizer, "lowercase", "/normalizer", settings.lowercase, errors);
  // null means "as lowercase", as in the Python tokenizer.
  settings.strip_accents = settings.lowercase;
  read_bool(*normalizer, "strip_accents", "/normalizer", settings.strip_accents, errors);
}

// [CLS] and [SEP] under their model-specific names, from BertProcessing or the
// first and last special tokens of a TemplateProcessing "single" template.
void read_post_processor(const json& root, WordPieceSettings& settings,
                         std::vector<Error>& errors) {
  const json* post = member(root, "post_processor");
  if (!post || !post->is_object()) return;
  const json* type = member(*post, "type");
  if (!type || !type->is_string()) return;
  const auto name_of = [](const json* pair) -> const json* {
    return pair && pair->is_array() && !pair->empty() && (*pair)[0].is_string() ? &(*pair)[0]
                                                                                : nullptr;
  };
  if (*type == "BertProcessing") {
    const json* cls = name_of(member(*post, "cls"));
    const json* sep = name_of(member(*post, "sep"));
    if (!cls || !sep) {
      errors.push_back(vocab_error("/post_processor", "cls and sep must be [token, id] pairs"));
      return;
    }
    settings.cls_token = cls->get<std::string>();
    settings.sep_token = sep->get<std::string>();
  } else if (*type == "TemplateProcessing") {
    const json* single = member(*post, "single");
    if (!single || !single->is_array() || single->size() < 2) return;
    const auto special = [](const json& piece) -> const json* {
      const json* token = member(piece, "SpecialToken");
      const json* id = token ? member(*token, "id") : nullptr;
      return id && id->is_string() ? id : nullptr;
    };
    if (const json* first = special(single->front()))
      settings.cls_token = first->get<std::string>();
    if (const json* last = special(single->back())) settings.sep_token = last->get<std::string>();
  }
}

}  // namespace

Expected<WordPieceTokenizer> WordPieceTokenizer::create(std::vector<std::string> tokens,
                                                        WordPieceSettings settings) {
  std::vector<Error> errors;
  if (settings.strip_accents && !settings.lowercase) {
    errors.push_back(vocab_error("", "stripping accents without lower-casing is not supported"));
  }
  if (settings.max_input_chars_per_word == 0 || settings.max_input_chars_per_word > kMaxWordChars) {
    errors.push_back(
        vocab_error("", "max_input_chars_per_word must be 1 to " + std::to_string(kMaxWordChars)));
  }
  if (tokens.empty() || tokens.size() > kMaxVocabTokens) {
    errors.push_back(vocab_error(
        "", "the vocabulary must hold 1 to " + std::to_string(kMaxVocabTokens) + " tokens"));
  }
  WordPieceTokenizer tokenizer;
  for (size_t id = 0; id < tokens.size(); ++id) {
    const std::string& token = tokens[id];
    if (token.empty() || token.size() > kMaxTokenBytes || !valid_utf8(token)) {
      errors.push_back(
          vocab_error("token " + std::to_string(id),
                      "must be 1 to " + std::to_string(kMaxTokenBytes) + " bytes of valid UTF-8"));
      if (errors.size() >= 5) break;
      continue;
    }
    // A token listed twice keeps its last id, as the Python tokenizer does.
    tokenizer.ids_[token] = static_cast<int32_t>(id);
  }
  if (errors.empty()) {
    for (const std::string* special :
         {&settings.unk_token, &settings.cls_token, &settings.sep_token}) {
      if (!tokenizer.ids_.count(*special)) {
        errors.push_back(vocab_error("", "the vocabulary has no " + *special + " token"));
      }
    }
  }
  if (!errors.empty()) return errors;
  tokenizer.unk_id_ = tokenizer.ids_.at(settings.unk_token);
  tokenizer.cls_id_ = tokenizer.ids_.at(settings.cls_token);
  tokenizer.sep_id_ = tokenizer.ids_.at(settings.sep_token);
  tokenizer.settings_ = std::move(settings);
  tokenizer.tokens_ = std::move(tokens);
  return tokenizer;
}

Expected<WordPieceTokenizer> WordPieceTokenizer::from_vocab_text(std::string_view text,
                                                                 WordPieceSettings settings) {
  std::vector<std::string> tokens;
  size_t line = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view token = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line;
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.remove_suffix(1);
    if (token.empty()) {
      return vocab_error("line " + std::to_string(line),
                         "empty token; vocab.txt holds one token per line");
    }
    if (tokens.size() == kMaxVocabTokens) {
      return vocab_error("line " + std::to_string(line),
                         "more than " + std::to_string(kMaxVocabTokens) + " tokens");
    }
    tokens.emplace_back(token);
  }
  return create(std::move(tokens), std::move(settings));
}

Expected<WordPieceTokenizer> WordPieceTokenizer::from_tokenizer_json(std::string_view json_text) {
  const json root = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) {
    return vocab_error("", "not a tokenizer.json file (not a JSON object)");
  }
  std::vector<Error> errors;
  WordPieceSettings settings;
  std::vector<std::string> tokens;
  const json* model = member(root, "model");
  if (!model) {
    errors.push_back(vocab_error("/model", "missing"));
  } else {
    read_model(*model, settings, tokens, errors);
  }
  read_normalizer(root, settings, errors);
  read_post_processor(root, settings, errors);
  if (!errors.empty()) return errors;
  return create(std::move(tokens), std::move(settings));
}

std::vector<std::string> WordPieceTokenizer::words(std::string_view utf8) const {
  std::vector<std::string> words;
  std::string word;
  const auto finish = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t pos = 0; pos < utf8.size();) {
    char32_t cp;
    const size_t len = detail::decode_utf8(utf8, pos, cp);
    pos += len ? len : 1;
    if (len == 0 || cp == 0 || cp == 0xFFFD || detail::is_bert_control(cp)) continue;
    if (detail::is_bert_whitespace(cp)) {
      finish();
      continue;
    }
    if (settings_.lowercase) cp = detail::bert_lower(cp);
    if (settings_.strip_accents) {
      if (detail::is_nonspacing_mark(cp)) continue;
      cp = detail::strip_accent(cp);
    }
    if (detail::is_bert_punctuation(cp) || detail::is_cjk_ideograph(cp)) {
      finish();
      detail::append_utf8(word, cp);
      finish();
      continue;
    }
    detail::append_utf8(word, cp);
  }
  finish();
  return words;
}

int32_t WordPieceTokenizer::id_of(const std::string& token) const {
  const auto it = ids_.find(token);
  return it == ids_.end() ? -1 : it->second;
}

// Greedy longest match first, as BERT does: a word with any unmatched rest is
// one [UNK], not a partial match.
void WordPieceTokenizer::append_pieces(const std::string& word, std::vector<int32_t>& ids) const {
  std::vector<size_t> starts;  // byte offset of every code point, then the end
  for (size_t pos = 0; pos < word.size();) {
    starts.push_back(pos);
    char32_t cp;
    const size_t len = detail::decode_utf8(word, pos, cp);
    pos += len ? len : 1;
  }
  const size_t chars = starts.size();
  starts.push_back(word.size());
  if (chars > settings_.max_input_chars_per_word) {
    ids.push_back(unk_id_);
    return;
  }
  const size_t first_piece = ids.size();
  std::string candidate;
  for (size_t begin = 0; begin < chars;) {
    int32_t found = -1;
    size_t end = chars;
    for (; end > begin; --end) {
      candidate = begin ? settings_.continuing_prefix : std::string();
      candidate.append(word, starts[begin], starts[end] - starts[begin]);
      found = id_of(candidate);
      if (found >= 0) break;
    }
    if (found < 0) {
      ids.resize(first_piece);
      ids.push_back(unk_id_);
      return;
    }
    ids.push_back(found);
    begin = end;
  }
}

std::vector<std::string> WordPieceTokenizer::tokenize(std::string_view utf8) const {
  std::vector<int32_t> ids;
  for (const std::string& word : words(utf8)) append_pieces(word, ids);
  std::vector<std::string> pieces;
  pieces.reserve(ids.size());
  for (int32_t id : ids) pieces.push_back(tokens_[static_cast<size_t>(id)]);
  return pieces;
}

WordPieceEncoding WordPieceTokenizer::encode(std::string_view utf8, size_t max_tokens) const {
  const size_t room = max_tokens > 2 ? max_tokens - 2 : 0;
  WordPieceEncoding encoding;
  std::vector<int32_t>& ids = encoding.input_ids;
  ids.push_back(cls_id_);
  for (const std::string& word : words(utf8)) {
    if (ids.size() > room) break;
    append_pieces(word, ids);
  }
  if (ids.size() > room + 1) ids.resize(room + 1);
  ids.push_back(sep_id_);
  encoding.attention_mask.assign(ids.size(), 1);
  encoding.token_type_ids.assign(ids.size(), 0);
  return encoding;
}

void WordPieceTokenizer::save(BinaryWriter& out) const {
  out.u8(static_cast<uint8_t>(settings_.lowercase) | static_cast<uint8_t>(settings_.strip_accents)
                                                         << 1);
  out.str(settings_.unk_token);
  out.str(settings_.cls_token);
  out.str(settings_.sep_token);
  out.str(settings_.continuing_prefix);
  out.varint(settings_.max_input_chars_per_word);
  out.varint(tokens_.size());
  for (const std::string& token : tokens_) out.str(token);
}

Expected<WordPieceTokenizer> WordPieceTokenizer::load(BinaryReader& in) {
  WordPieceSettings settings;
  const uint8_t flags = in.u8();
  if (flags > 3) in.fail("bad tokenizer flags");
  settings.lowercase = flags & 1;
  settings.strip_accents = flags & 2;
  settings.unk_token = in.str();
  settings.cls_token = in.str();
  settings.sep_token = in.str();
  settings.continuing_prefix = in.str();
  const uint64_t max_chars = in.varint();
  settings.max_input_chars_per_word =
      static_cast<uint32_t>(std::min<uint64_t>(max_chars, kMaxWordChars + 1));
  std::vector<std::string> tokens(in.count(2));
  for (std::string& token : tokens) token = in.str();
  if (!in.ok()) return vocab_error("byte " + std::to_string(in.position()), in.error());
  return create(std::move(tokens), std::move(settings));
}

}  // namespace tandem::text
