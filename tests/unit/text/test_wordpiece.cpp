#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/wordpiece.h"

using tandem::BinaryReader;
using tandem::BinaryWriter;
using tandem::text::WordPieceSettings;
using tandem::text::WordPieceTokenizer;

namespace {

// Ids are line numbers: [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3 un=4 ##aff=5 ##able=6 ...
constexpr const char* kVocab =
    "[PAD]\n[UNK]\n[CLS]\n[SEP]\nun\n##aff\n##able\nthe\ncafe\n,\n!\n.\nhello\nworld\n"
    "\xE4\xBD\xA0\n\xE5\xA5\xBD\n##s\nrun\n##ning\n'\ns\n##n\n##a\nu\n##u\n$\n5\nHello\n";

WordPieceTokenizer make(std::string_view vocab = kVocab, WordPieceSettings settings = {}) {
  auto tokenizer = WordPieceTokenizer::from_vocab_text(vocab, settings);
  REQUIRE(tokenizer.ok());
  return std::move(tokenizer).value();
}

std::string joined(const std::vector<std::string>& pieces) {
  std::string out;
  for (const auto& piece : pieces) out += (out.empty() ? "" : " ") + piece;
  return out;
}

std::string pieces(const WordPieceTokenizer& tokenizer, std::string_view text) {
  return joined(tokenizer.tokenize(text));
}

}  // namespace

TEST_CASE("wordpiece splits a word greedily, longest piece first", "[wordpiece]") {
  const auto tokenizer = make();
  CHECK(pieces(tokenizer, "unaffable") == "un ##aff ##able");
  // "running": "run" then "##ning"; "runs": "run" "##s".
  CHECK(pieces(tokenizer, "running runs") == "run ##ning run ##s");
  // Longest first: "un" is taken before "u", so "u ##n ##a" never happens.
  CHECK(pieces(tokenizer, "una") == "un ##a");
}

TEST_CASE("wordpiece encodes [CLS] pieces [SEP] with the mask and segment ids", "[wordpiece]") {
  const auto encoding = make().encode("unaffable!", 16);
  CHECK(encoding.input_ids == std::vector<int32_t>{2, 4, 5, 6, 10, 3});
  CHECK(encoding.attention_mask == std::vector<int32_t>{1, 1, 1, 1, 1, 1});
  CHECK(encoding.token_type_ids == std::vector<int32_t>{0, 0, 0, 0, 0, 0});
}

TEST_CASE("wordpiece splits punctuation into tokens of its own", "[wordpiece]") {
  const auto tokenizer = make();
  CHECK(pieces(tokenizer, "hello,world!") == "hello , world !");
  CHECK(pieces(tokenizer, "the runs's") == "the run ##s ' s");
  // ASCII symbols count as punctuation, as in BERT; so does Unicode's "¿" (Po).
  CHECK(pieces(tokenizer, "$5") == "$ 5");
  CHECK(tokenizer.words("\xC2\xBFhello?") == std::vector<std::string>{"\xC2\xBF", "hello", "?"});
}

TEST_CASE("wordpiece lower-cases and strips accents when the model is uncased", "[wordpiece]") {
  const auto tokenizer = make();
  CHECK(pieces(tokenizer, "CAF\xC3\x89") == "cafe");   // CAFÉ, precomposed
  CHECK(pieces(tokenizer, "Cafe\xCC\x81") == "cafe");  // e + combining acute
  CHECK(tokenizer.words("\xC5\xBD\xC3\xA9\xC4\x8D") == std::vector<std::string>{"zec"});  // Žéč
  CHECK(tokenizer.words("\xD0\x81\xD0\x96") ==
        std::vector<std::string>{"\xD0\xB5\xD0\xB6"});  // ЁЖ -> еж
  CHECK(tokenizer.words("\xCE\x86\xCE\xA3") ==
        std::vector<std::string>{"\xCE\xB1\xCF\x83"});  // ΆΣ -> ασ
}

TEST_CASE("wordpiece keeps case and accents for a cased model", "[wordpiece]") {
  WordPieceSettings cased;
  cased.lowercase = cased.strip_accents = false;
  const auto tokenizer = make(kVocab, cased);
  CHECK(pieces(tokenizer, "Hello hello") == "Hello hello");
  CHECK(tokenizer.words("Caf\xC3\xA9") == std::vector<std::string>{"Caf\xC3\xA9"});
}

TEST_CASE("wordpiece gives one [UNK] per word it cannot spell", "[wordpiece]") {
  const auto tokenizer = make();
  // "unx": "un" matches but "##x" does not, so the whole word is unknown.
  CHECK(pieces(tokenizer, "the unx world") == "the [UNK] world");
  CHECK(pieces(tokenizer, "zebra") == "[UNK]");
  WordPieceSettings short_words;
  short_words.max_input_chars_per_word = 5;
  CHECK(pieces(make(kVocab, short_words), "unaffable un") == "[UNK] un");
}

TEST_CASE("wordpiece makes every CJK ideograph a word", "[wordpiece]") {
  const auto tokenizer = make();
  // 你好 with no space: two words, two ids.
  CHECK(make().encode("\xE4\xBD\xA0\xE5\xA5\xBD", 8).input_ids ==
        std::vector<int32_t>{2, 14, 15, 3});
  CHECK(tokenizer.words("a\xE4\xBD\xA0z") == std::vector<std::string>{"a", "\xE4\xBD\xA0", "z"});
}

TEST_CASE("wordpiece drops control characters and splits on any white space", "[wordpiece]") {
  const auto tokenizer = make();
  // NUL, a zero-width space (Cf) and a soft hyphen (Cf) vanish; tab, NBSP and ideographic space
  // split.
  CHECK(tokenizer.words(std::string("he\0llo", 6)) == std::vector<std::string>{"hello"});
  CHECK(tokenizer.words("he\xE2\x80\x8Bl\xC2\xADlo") == std::vector<std::string>{"hello"});
  CHECK(tokenizer.words("the\tthe\xC2\xA0the\xE3\x80\x80the").size() == 4);
  // Invalid UTF-8 bytes are dropped, never passed on.
  CHECK(tokenizer.words("the\xFF\xC3") == std::vector<std::string>{"the"});
}

TEST_CASE("wordpiece truncates to the model's length, keeping [SEP]", "[wordpiece]") {
  const auto tokenizer = make();
  CHECK(tokenizer.encode("unaffable the world", 4).input_ids == std::vector<int32_t>{2, 4, 5, 3});
  CHECK(tokenizer.encode("the world", 1).input_ids == std::vector<int32_t>{2, 3});
  CHECK(tokenizer.encode("", 8).input_ids == std::vector<int32_t>{2, 3});
}

TEST_CASE("wordpiece reads a Hugging Face tokenizer.json", "[wordpiece]") {
  const auto parsed = WordPieceTokenizer::from_tokenizer_json(R"({
    "version": "1.0",
    "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                   "strip_accents": null, "lowercase": true},
    "pre_tokenizer": {"type": "BertPreTokenizer"},
    "post_processor": {"type": "TemplateProcessing",
      "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}},
                 {"Sequence": {"id": "A", "type_id": 0}},
                 {"SpecialToken": {"id": "</s>", "type_id": 0}}]},
    "model": {"type": "WordPiece", "unk_token": "<unk>", "continuing_subword_prefix": "@@",
              "max_input_chars_per_word": 100,
              "vocab": {"<unk>": 0, "<s>": 1, "</s>": 2, "un": 3, "@@aff": 4, "@@able": 5}}
  })");
  REQUIRE(parsed.ok());
  CHECK(parsed->settings().lowercase);
  CHECK(parsed->settings().strip_accents);
  CHECK(parsed->encode("UNAFFABLE x", 16).input_ids == std::vector<int32_t>{1, 3, 4, 5, 0, 2});

  // No normalizer: a cased model.
  const auto cased = WordPieceTokenizer::from_tokenizer_json(
      R"({"model": {"type": "WordPiece", "vocab": {"[UNK]": 0, "[CLS]": 1, "[SEP]": 2, "A": 3}}})");
  REQUIRE(cased.ok());
  CHECK(cased->encode("A a", 8).input_ids == std::vector<int32_t>{1, 3, 0, 2});
}

TEST_CASE("wordpiece rejects tokenizers it cannot reproduce, saying why", "[wordpiece]") {
  const auto error_of = [](std::string_view json) {
    const auto parsed = WordPieceTokenizer::from_tokenizer_json(json);
    REQUIRE_FALSE(parsed.ok());
    return parsed.error_text();
  };
  CHECK_THAT(error_of(R"({"model": {"type": "Unigram", "vocab": [["a", 0.0]]}})"),
             Catch::Contains("/model/type") && Catch::Contains("sentencepiece"));
  CHECK_THAT(error_of("{not json"), Catch::Contains("not a tokenizer.json"));
  CHECK_THAT(error_of(R"({"model": {"type": "WordPiece", "vocab": {"[UNK]": 0, "a": 0}}})"),
             Catch::Contains("each used once"));
  CHECK_THAT(error_of(R"({"model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}})"),
             Catch::Contains("no [CLS] token"));
  CHECK_THAT(error_of(R"({"normalizer": {"type": "Sequence", "normalizers": []},
                          "model": {"type": "WordPiece", "vocab": {"[UNK]": 0}}})"),
             Catch::Contains("only BertNormalizer"));
}

TEST_CASE("wordpiece rejects a malformed vocab.txt", "[wordpiece]") {
  const auto error_of = [](std::string_view vocab) {
    const auto parsed = WordPieceTokenizer::from_vocab_text(vocab);
    REQUIRE_FALSE(parsed.ok());
    return parsed.error_text();
  };
  CHECK_THAT(error_of(""), Catch::Contains("1 to"));
  CHECK_THAT(error_of("[UNK]\n\n[CLS]\n[SEP]\n"), Catch::Contains("line 2: empty token"));
  CHECK_THAT(error_of("[UNK]\n[CLS]\n"), Catch::Contains("no [SEP] token"));
  CHECK_THAT(error_of("[UNK]\n[CLS]\n[SEP]\nbad\xFF\n"), Catch::Contains("token 3"));
  // Windows line ends are fine.
  CHECK(WordPieceTokenizer::from_vocab_text("[UNK]\r\n[CLS]\r\n[SEP]\r\n").ok());
}

TEST_CASE("wordpiece round-trips through its binary form", "[wordpiece]") {
  WordPieceSettings cased;
  cased.lowercase = cased.strip_accents = false;
  cased.max_input_chars_per_word = 7;
  const auto tokenizer = make(kVocab, cased);
  BinaryWriter out;
  tokenizer.save(out);
  BinaryReader in(out.bytes());
  const auto loaded = WordPieceTokenizer::load(in);
  REQUIRE(loaded.ok());
  CHECK(in.at_end());
  CHECK(loaded->vocab_size() == tokenizer.vocab_size());
  CHECK_FALSE(loaded->settings().lowercase);
  CHECK(loaded->settings().max_input_chars_per_word == 7);
  CHECK(loaded->encode("Hello unaffable", 16).input_ids ==
        tokenizer.encode("Hello unaffable", 16).input_ids);

  BinaryReader truncated(std::string_view(out.bytes()).substr(0, out.bytes().size() - 3));
  CHECK_FALSE(WordPieceTokenizer::load(truncated).ok());
}
