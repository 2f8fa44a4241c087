#include <set>

#include <catch2/catch.hpp>

#include "../test_files.h"

#include "data/labelled_data.h"
#include "kb/json_input.h"

namespace tandem::data {
namespace {

using tandem::testing::read_file;

std::set<std::string> labels_of(const std::vector<Example>& examples) {
  std::set<std::string> labels;
  for (const auto& example : examples) labels.insert(example.label);
  return labels;
}

// The result must be an error at `where` whose message contains `fragment`.
void require_error(const Expected<LabelledData>& result, const std::string& where,
                   const std::string& fragment) {
  REQUIRE_FALSE(result.ok());
  INFO("errors:\n" << result.error_text());
  bool found = false;
  for (const auto& error : result.errors()) {
    found = found || (error.where == where && error.what.find(fragment) != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("CSV quoting follows RFC 4180", "[data]") {
  const auto result = parse_csv(
      "text,category\r\n"
      "plain text,a\r\n"
      "\"with, a comma\",b\r\n"
      "\"she said \"\"hi\"\"\",c\r\n"
      "\"two\r\nlines\",d\n"
      "unix line end,\"e\"\n"
      "\n"
      "no final line break,f");
  INFO((result.ok() ? std::string() : result.error_text()));
  REQUIRE(result.ok());
  const auto& rows = result->train;
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].text == "plain text");
  CHECK(rows[1].text == "with, a comma");
  CHECK(rows[2].text == "she said \"hi\"");
  CHECK(rows[3].text == "two\r\nlines");
  CHECK(rows[4].label == "e");
  CHECK(rows[5].text == "no final line break");
  CHECK(rows[5].label == "f");
  CHECK(result->eval.empty());
}

TEST_CASE("CSV may start with a UTF-8 byte order mark", "[data]") {
  const auto result = parse_csv("\xEF\xBB\xBFtext,category\nhello,greet\n");
  REQUIRE(result.ok());
  CHECK(result->train.at(0).text == "hello");
}

TEST_CASE("CSV errors name the line", "[data]") {
  SECTION("missing header") {
    require_error(parse_csv("hello,greet\n"), "line 1", "expected the header \"text,category\"");
    require_error(parse_csv("sentence,label\nhello,greet\n"), "line 1", "header");
    require_error(parse_csv(""), "line 1", "the file is empty");
  }
  SECTION("wrong column count") {
    const auto result = parse_csv("text,category\nok,a\nhello, world,greet\nalone\n");
    require_error(result, "line 3", "expected 2 fields (text,category), got 3");
    require_error(result, "line 4", "got 1");
  }
  SECTION("line numbers count line breaks inside quotes") {
    require_error(parse_csv("text,category\n\"one\ntwo\nthree\",a\nx,y,z\n"), "line 5", "got 3");
  }
  SECTION("unterminated quote names the line where it opened") {
    require_error(parse_csv("text,category\nok,a\n\"never closed,b\nmore,c\n"), "line 3",
                  "closing quote is missing");
  }
  SECTION("text after a closing quote") {
    require_error(parse_csv("text,category\n\"quoted\" tail,a\n"), "line 2",
                  "unexpected text after a closing quote");
  }
  SECTION("empty text or label") {
    require_error(parse_csv("text,category\n  ,a\n"), "line 2", "the text is empty");
    require_error(parse_csv("text,category\nhello,\n"), "line 2", "the category is empty");
  }
  SECTION("header without rows") {
    require_error(parse_csv("text,category\n"), "", "no rows");
  }
}

TEST_CASE("CSV reports many bad rows but stops at 100", "[data]") {
  std::string csv = "text,category\n";
  for (int i = 0; i < 500; ++i) csv += "a,b,c\n";
  const auto result = parse_csv(csv);
  REQUIRE_FALSE(result.ok());
  CHECK(result.errors().size() == 101);
  CHECK(result.errors().back().what.find("stopped reporting after 100") != std::string::npos);
}

TEST_CASE("binary and oversized data files are refused", "[data]") {
  require_error(parse_csv(std::string("text,category\nhi\0,a\n", 20)), "byte 16",
                "binary or non-UTF-8");
  require_error(parse_labelled_data(std::string(kMaxDataBytes + 1, 'x')), "",
                "at most 67108864 bytes (64 MiB)");
}

TEST_CASE("the BANKING77 sample has every category", "[data]") {
  const auto result = parse_csv(read_file(TANDEM_TEST_DATA_DIR "/banking77/sample.csv"));
  INFO((result.ok() ? std::string() : result.error_text()));
  REQUIRE(result.ok());
  // 40 per category, but contactless_not_working has only 35 rows in the source.
  CHECK(result->train.size() == 3075);
  CHECK(labels_of(result->train).size() == 77);
  CHECK(result->train.front().text == "I am still waiting on my card?");
  CHECK(result->train.front().label == "card_arrival");
}

TEST_CASE("the CLINC150 sample splits into train and eval", "[data]") {
  const auto result = parse_clinc_json(read_file(TANDEM_TEST_DATA_DIR "/clinc150/sample.json"));
  INFO((result.ok() ? std::string() : result.error_text()));
  REQUIRE(result.ok());
  CHECK(result->train.size() == 1200 + 60);  // train + oos_train
  CHECK(result->eval.size() == 300 + 60);    // no test list: val + oos_val
  const auto labels = labels_of(result->train);
  CHECK(labels.size() == 21);
  CHECK(labels.count(std::string(kOutOfScope)) == 1);
  CHECK(labels_of(result->eval) == labels);
  CHECK(result->train.back().label == kOutOfScope);
}

TEST_CASE("CLINC eval prefers test over val", "[data]") {
  const auto result = parse_clinc_json(R"({
    "train": [["hi", "greet"]], "val": [["hello", "greet"]],
    "test": [["hey", "greet"]], "oos_test": [["what is love", "oos"]]})");
  REQUIRE(result.ok());
  REQUIRE(result->eval.size() == 2);
  CHECK(result->eval[0].text == "hey");
  CHECK(result->eval[1].label == "oos");
}

TEST_CASE("CLINC items must be [text, intent] pairs", "[data]") {
  require_error(parse_clinc_json(R"({"train": [["ok", "a"], "not a pair"]})"), "/train/1",
                "expected a [text, intent] pair of two strings, got a string");
  require_error(parse_clinc_json(R"({"train": [["a", "b", "c"]]})"), "/train/0",
                "an array of 3 item(s)");
  require_error(parse_clinc_json(R"({"val": [["a", 7]]})"), "/val/0", "two strings");
  require_error(parse_clinc_json(R"({"test": [[" ", "x"]]})"), "/test/0/0", "text is empty");
  require_error(parse_clinc_json(R"({"train": [["a", "x"]], "oos_train": [["b", "x"]]})"),
                "/oos_train/0/1", "must have the intent \"oos\"");
  require_error(parse_clinc_json(R"({"train": {"a": "b"}})"), "/train",
                "expected an array, got an object");
}

TEST_CASE("CLINC objects need a train, val or test list", "[data]") {
  require_error(parse_clinc_json(R"({"oos_train": [["a", "oos"]]})"), "",
                "none of the lists \"train\", \"val\" or \"test\"");
  require_error(parse_clinc_json(R"({"trian": [["a", "b"]], "val": []})"), "/trian",
                "did you mean \"train\"");
  require_error(parse_clinc_json("[]"), "", "must be a JSON object");
  require_error(parse_clinc_json("{\n\"train\": [\n[\"a\" \"b\"]]}"), "line 3, column 8",
                "syntax error");
}

TEST_CASE("parse_labelled_data recognises the format", "[data]") {
  const auto csv = parse_labelled_data("text,category\nhi,greet\n");
  REQUIRE(csv.ok());
  CHECK(csv->train.at(0).label == "greet");

  const auto clinc = parse_labelled_data("\xEF\xBB\xBF  {\"train\": [[\"hi\", \"greet\"]]}");
  INFO((clinc.ok() ? std::string() : clinc.error_text()));
  REQUIRE(clinc.ok());
  CHECK(clinc->train.at(0).text == "hi");

  require_error(parse_labelled_data(R"({"tandem_kb": 1, "name": "x"})"), "",
                "load it with the knowledge-base reader");
  require_error(parse_labelled_data("{\"train\": "), "line 1, column 11", "syntax error");
}

TEST_CASE("check_trainable refuses data no classifier can be trained on", "[data]") {
  CHECK_FALSE(check_trainable({{"hi", "greet"}, {"weather", "oos"}}).has_value());
  const auto only_oos = check_trainable({{"weather", "oos"}, {"sing", "oos"}});
  REQUIRE(only_oos.has_value());
  CHECK(only_oos->what.find("out of scope") != std::string::npos);

  std::vector<Example> many;
  for (size_t i = 0; i <= kMaxLabels; ++i) many.push_back({"x", "label_" + std::to_string(i)});
  const auto too_many = check_trainable(many);
  REQUIRE(too_many.has_value());
  CHECK(too_many->what.find("distinct labels") != std::string::npos);
  many.pop_back();
  CHECK_FALSE(check_trainable(many).has_value());
}

TEST_CASE("a key repeated in one object is an error at its pointer", "[data]") {
  require_error(parse_clinc_json(R"({"train": [["a", "x"]], "train": [["b", "y"]]})"), "/train",
                "duplicate key");
  const auto nested = kb::parse_json(R"({"a": [1, {"b": 1, "c": {"d": 2, "d": 3}}]})");
  REQUIRE_FALSE(nested.ok());
  CHECK(nested.errors().front().where == "/a/1/c/d");
  CHECK(kb::parse_json(R"({"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, {"x": 2}]})").ok());
}

}  // namespace
}  // namespace tandem::data
