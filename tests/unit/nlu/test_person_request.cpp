#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "data/labelled_data.h"
#include "engine/model.h"
#include "nlu/person_request.h"
#include "nlu/person_request_phrasings.h"
#include "text/normalize.h"
#include "text/tokenize.h"

#include "../engine/engine_test_support.h"

namespace tandem::nlu {
namespace {

using engine::testing::compiled_demo;
using tandem::testing::read_file;

const PersonRequestDetector& detector() {
  return compiled_demo().model.person_request;
}

std::vector<data::Example> read_set(const char* path) {
  auto parsed = data::parse_csv(read_file(path));
  INFO((parsed.ok() ? std::string() : parsed.error_text()));
  REQUIRE(parsed.ok());
  return std::move(parsed->train);
}

const std::vector<data::Example>& heldout() {
  static const auto items = read_set(TANDEM_TEST_DATA_DIR "/person_requests/heldout.csv");
  return items;
}

// Case, accents and punctuation set aside: "Agent!" and "agent" are one line.
std::string words_of(std::string_view text) {
  std::string out;
  for (const auto& token : text::tokenize(text::normalize(text))) (out += token.text) += ' ';
  return out;
}

double share_fired(const std::vector<std::string>& texts) {
  size_t fired = 0;
  for (const auto& t : texts) fired += detector().says_yes(t);
  return texts.empty() ? 0.0 : static_cast<double>(fired) / texts.size();
}

std::vector<std::string> heldout_texts(bool requests) {
  std::vector<std::string> out;
  for (const auto& e : heldout())
    if ((e.label == "person") == requests) out.push_back(e.text);
  return out;
}

TEST_CASE("person detector: trained at compile time with a held-out threshold", "[nlu][person]") {
  const auto& report = compiled_demo().report.person_request;
  CHECK(report.positives >= 700);
  CHECK(report.examples - report.positives >= 1200);
  CHECK(report.heldout > 400);
  CHECK(report.threshold > 0.0f);
  CHECK(report.threshold < 1.0f);
  CHECK_FALSE(detector().empty());
  // The demo's own "talk to a person" intent is recognised as one.
  CHECK(compiled_demo().model.person_request_intents == std::vector<std::string>{"human_agent"});
}

TEST_CASE("person detector: the held-out sets are apart from the training phrasings",
          "[nlu][person]") {
  std::set<std::string> trained;
  for (auto p : person_request_phrasings()) trained.insert(words_of(p));
  for (auto p : person_mention_phrasings()) trained.insert(words_of(p));
  REQUIRE(heldout().size() >= 600);
  auto items = heldout();
  const auto second = read_set(TANDEM_TEST_DATA_DIR "/person_requests/second_pass.csv");
  REQUIRE(second.size() >= 100);
  items.insert(items.end(), second.begin(), second.end());
  const auto third = read_set(TANDEM_TEST_DATA_DIR "/person_requests/third_pass.csv");
  REQUIRE(third.size() >= 120);
  items.insert(items.end(), third.begin(), third.end());
  const auto fourth = read_set(TANDEM_TEST_DATA_DIR "/person_requests/fourth_pass.csv");
  REQUIRE(fourth.size() >= 150);
  items.insert(items.end(), fourth.begin(), fourth.end());
  const auto fifth = read_set(TANDEM_TEST_DATA_DIR "/person_requests/fifth_pass.csv");
  REQUIRE(fifth.size() >= 160);
  items.insert(items.end(), fifth.begin(), fifth.end());
  for (const auto& e : items) {
    INFO(e.text);
    CHECK(trained.count(words_of(e.text)) == 0);
    CHECK((e.label == "person" || e.label == "other"));
  }
}

// docs/engine.md gives the measured figures (tandem-person-bench); these floors
// leave a margin under them so that a small, honest change does not fail here.
TEST_CASE("person detector: recall and false fires on the held-out set", "[nlu][person]") {
  const auto requests = heldout_texts(true), others = heldout_texts(false);
  REQUIRE(requests.size() >= 300);
  REQUIRE(others.size() >= 300);
  CHECK(share_fired(requests) >= 0.91);
  CHECK(share_fired(others) <= 0.05);
}

TEST_CASE("person detector: rare on ordinary BANKING77 and CLINC150 questions", "[nlu][person]") {
  std::vector<std::string> texts;
  const auto banking = data::parse_csv(read_file(TANDEM_TEST_DATA_DIR "/banking77/sample.csv"));
  const auto clinc =
      data::parse_clinc_json(read_file(TANDEM_TEST_DATA_DIR "/clinc150/sample.json"));
  REQUIRE(banking.ok());
  REQUIRE(clinc.ok());
  for (const auto* items : {&banking->train, &clinc->train, &clinc->eval})
    for (const auto& e : *items)
      if (e.label != data::kOutOfScope) texts.push_back(e.text);
  REQUIRE(texts.size() > 4000);
  CHECK(share_fired(texts) <= 0.015);
}

TEST_CASE("person detector: asking for no one is not a request", "[nlu][person]") {
  const char* negations[] = {
      "I don't need a person, just the opening hours",
      "no need for a human, I found it",
      "I do not want to speak to an agent",
      "don't transfer me to anyone please",
      "I don't want a callback",
  };
  for (const char* text : negations) {
    INFO(text << " p=" << detector().probability(text));
    CHECK_FALSE(detector().says_yes(text));
  }
}

TEST_CASE("person detector: a negation reaches the end of its clause, no further",
          "[nlu][person]") {
  // The request after the comma or "but" is read as it is written.
  const char* requests[] = {
      "no, just get me an agent",
      "I won't give my email, get me a person",
      "I don't want to talk to a robot but I need someone",
  };
  for (const char* text : requests) {
    INFO(text << " p=" << detector().probability(text));
    CHECK(detector().says_yes(text));
  }
  // Negated words take their own form: "need an agent" is not in the features
  // of "don't need an agent".
  const text::FeatureConfig config;
  const auto asked = person_request_features("I need an agent", config);
  const auto refused = person_request_features("I don't need an agent", config);
  size_t shared = 0;
  for (const auto& f : asked)
    shared += std::any_of(refused.begin(), refused.end(),
                          [&](const text::Feature& g) { return g.index == f.index; });
  CHECK(shared < asked.size() / 2);
}

TEST_CASE("person detector: machines, bots and people in their ordinary senses", "[nlu][person]") {
  const char* ordinary[] = {
      "the cash machine at the station kept my card",
      "my new washing machine arrived with a dent",
      "the website says I'm a robot when I try to pay",
      "are you a bot?",
      "the agent at the store told me to come here",
      "can somebody else pay my bill",
      "someone stole my card",
      "the human resources team needs my statement",
  };
  for (const char* text : ordinary) {
    INFO(text << " p=" << detector().probability(text));
    CHECK_FALSE(detector().says_yes(text));
  }
}

TEST_CASE("person detector: requests of every kind", "[nlu][person]") {
  const char* requests[] = {
      "can I tlak to a humna",                                               // misspelt
      "is there a real person I can chat to?",                               // indirect
      "get me somebody other than you",                                      // someone else
      "a human and not a machine please",                                    // not a machine
      "this chatbot is hopeless",                                            // about the bot
      "I'm not typing my bank details into a bot, put me through to staff",  // refusal
      "thanks but I'm still lost, can I speak to someone from the team",     // did not help
      "can the front desk call me about my room",                            // hotel
  };
  for (const char* text : requests) {
    INFO(text << " p=" << detector().probability(text));
    CHECK(detector().says_yes(text));
  }
}

TEST_CASE("person detector: a request inside a longer message still counts", "[nlu][person]") {
  // Each of these asks for a person in one sentence and tells a story in the
  // others; the story's words alone would outvote the request.
  for (const char* text :
       {"Real person please, the parcel was left at the wrong house and the neighbours are away",
        "my statement shows two identical payments to the gym. I want a human to look at it.",
        "The booking says two adults but we are three; can I speak with someone at reception?"}) {
    INFO(text);
    CHECK(detector().says_yes(text));
  }
  // A sentence that would sit near the threshold alone ("please advise")
  // does not turn an ordinary question into a request.
  for (const char* text :
       {"My top up is still pending after an hour. Please advise.",
        "Which documents do you need for a joint account? Thanks, please help."}) {
    INFO(text);
    CHECK_FALSE(detector().says_yes(text));
  }
}

TEST_CASE("person detector: survives the model file", "[nlu][person]") {
  const auto bytes = engine::write_model(compiled_demo().model);
  auto loaded = engine::read_model(bytes);
  REQUIRE(loaded.ok());
  const auto& copy = loaded->person_request;
  REQUIRE_FALSE(copy.empty());
  CHECK(copy.threshold() == detector().threshold());
  CHECK(copy.probability("get me a human") == detector().probability("get me a human"));
  CHECK(loaded->person_request_intents == compiled_demo().model.person_request_intents);
}

}  // namespace
}  // namespace tandem::nlu
