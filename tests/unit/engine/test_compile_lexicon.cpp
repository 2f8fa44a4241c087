#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/compile.h"
#include "engine/model.h"

namespace tandem::engine {
namespace {

kb::KnowledgeBase shop(size_t copies) {
  kb::KnowledgeBase kb;
  kb.name = "shop";
  kb.messages = kb::default_messages();
  kb::Intent cancel{}, damaged{};
  cancel.id = "cancel", cancel.answer = "Cancelled.";
  damaged.id = "damaged", damaged.answer = "We will replace it.";
  for (size_t n = 0; n < copies; ++n) {
    const std::string k = std::to_string(n);
    cancel.examples.push_back("cancel my plan " + k);
    cancel.examples.push_back("please cancel order " + k);
    damaged.examples.push_back("parcel " + k + " arrived broken");
    damaged.examples.push_back("broken lamp in box " + k);
  }
  kb.intents = {cancel, damaged};
  kb.out_of_scope.builtin = false;
  kb.out_of_scope.examples = {"cancel the rain", "broken records of music", "the weather"};
  return kb;
}

nlu::Lexicon lexicon() {
  nlu::Lexicon l;
  l.synonyms = {{"cancel", {"call off", "scrub"}}, {"broken", {"faulty", "damaged"}}};
  return l;
}

nlu::ClassifierOptions options() {
  nlu::ClassifierOptions o;
  o.folds = 2;
  return o;
}

TEST_CASE("a small knowledge base trains on synonym variants of its in-scope examples only",
          "[engine][lexicon]") {
  CompileReport with, without;
  const Model augmented = compile_knowledge_base(shop(3), options(), &with, {}, nullptr, lexicon());
  const Model plain = compile_knowledge_base(shop(3), options(), &without);
  // Two variants of each of the 12 in-scope examples; none of the out-of-scope ones.
  CHECK(with.lexicon_variants == 24);
  CHECK_FALSE(with.lexicon_skipped);
  CHECK(without.lexicon_variants == 0);
  CHECK(with.classifier.examples == without.classifier.examples);
  CHECK(write_model(augmented) != write_model(plain));
  CompileReport again;
  CHECK(write_model(compile_knowledge_base(shop(3), options(), &again, {}, nullptr, lexicon())) ==
        write_model(augmented));
}

TEST_CASE("a knowledge base with many examples per intent is trained without the lexicon",
          "[engine][lexicon]") {
  const size_t copies = kLexiconMaxPerClass / 2 + 1;  // over the limit per intent
  CompileReport with;
  const Model skipped =
      compile_knowledge_base(shop(copies), options(), &with, {}, nullptr, lexicon());
  CHECK(with.lexicon_skipped);
  CHECK(with.lexicon_variants == 0);
  CHECK(write_model(skipped) == write_model(compile_knowledge_base(shop(copies), options())));
}

}  // namespace
}  // namespace tandem::engine
