#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "retrieval/analyzer.h"
#include "retrieval/faq_index.h"

namespace {

using tandem::BinaryReader;
using tandem::BinaryWriter;
using tandem::retrieval::FaqIndex;
using tandem::retrieval::FaqMatch;

const std::vector<std::vector<std::string>>& sample_faqs() {
  static const std::vector<std::vector<std::string>> faqs = {
      {"How do I get a refund?", "Can I get my money back?", "I want a refund for my order"},
      {"Where is my order?", "How can I track my package?", "My order has not arrived yet"},
      {"How do I change my shipping address?", "Can I update the delivery address on my order?",
       "I entered the wrong address"},
      {"How do I cancel my order?", "Can I cancel an order I just placed?",
       "I want to cancel my purchase"},
      {"How do I reset my password?", "I forgot my password", "I can't log in to my account"},
      {"What payment methods do you accept?", "Can I pay with PayPal?",
       "Do you take credit cards?"},
      {"How long does shipping take?", "What are the delivery times?",
       "How much does shipping cost?"},
      {"How do I return an item?", "What is your return policy?",
       "Can I send back a product I don't like?"},
      {"My item arrived damaged", "The product I received is broken",
       "What should I do if my package was damaged?"},
      {"How can I talk to a person?", "I want to speak to a human agent",
       "What is your phone number?"},
      {"How do I use a promo code?", "My discount code is not working",
       "Where do I enter a coupon?"},
      {"How do I delete my account?", "Please close my account",
       "I want to remove my personal data"},
      {"Can I get an invoice for my purchase?", "Where can I download my receipt?",
       "I need a VAT invoice"},
      {"Do you ship internationally?", "Can you deliver to Canada?",
       "Which countries do you ship to?"},
  };
  return faqs;
}

// Paraphrases with the typos and shorthand customers type, and the FAQ they mean.
const std::vector<std::pair<std::string, uint32_t>>& labelled_queries() {
  static const std::vector<std::pair<std::string, uint32_t>> queries = {
      {"i want my mony back pls", 0},
      {"refnd for order 12345", 0},
      {"how to get refunded", 0},
      {"wheres my packge", 1},
      {"track my ordr", 1},
      {"order still hasnt arrived", 1},
      {"change delivery adress", 2},
      {"wrong shipping adress on my order", 2},
      {"cancel my ordr please", 3},
      {"i'd like to cancell the purchase", 3},
      {"forgot pasword", 4},
      {"cant login to my acount", 4},
      {"do you accept paypal", 5},
      {"can i pay by credit card", 5},
      {"how long is shiping", 6},
      {"shipping costs?", 6},
      {"return polcy", 7},
      {"how can i send an item back", 7},
      {"the item came broken", 8},
      {"package arrived damagd", 8},
      {"talk to a real human", 9},
      {"need to speak with an agent", 9},
      {"promo code doesnt work", 10},
      {"where to put coupon code", 10},
      {"delete my acount", 11},
      {"remove my data", 11},
      {"download invoice", 12},
      {"need a receipt for my purchase", 12},
      {"do you deliver to germany", 13},
      {"ship internationaly?", 13},
  };
  return queries;
}

const std::vector<std::string>& unrelated_messages() {
  static const std::vector<std::string> messages = {
      "what's the weather like today",
      "tell me a joke about cats",
      "the quick brown fox jumps over the lazy dog",
      "asdfgh qwerty zxcv",
      "who won the football game last night",
  };
  return messages;
}

std::string saved(const FaqIndex& index) {
  BinaryWriter out;
  index.save(out);
  return out.take();
}

void require_same_ranking(const std::vector<FaqMatch>& a, const std::vector<FaqMatch>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].faq == b[i].faq);
    CHECK(a[i].score == b[i].score);
  }
}

}  // namespace

TEST_CASE("light_stem lets inflections of a word meet", "[retrieval]") {
  using tandem::retrieval::light_stem;
  CHECK(light_stem("refunds") == light_stem("refund"));
  CHECK(light_stem("refunded") == light_stem("refund"));
  CHECK(light_stem("shipping") == light_stem("ship"));
  CHECK(light_stem("shipped") == light_stem("ships"));
  CHECK(light_stem("cancelled") == light_stem("cancel"));
  CHECK(light_stem("charged") == light_stem("charge"));
  CHECK(light_stem("deliveries") == light_stem("delivery"));
  CHECK(light_stem("addresses") == light_stem("address"));
  CHECK(light_stem("billing") == light_stem("bill"));
  CHECK(light_stem("order's") == light_stem("order"));
  CHECK(light_stem("status") == "status");
  CHECK(light_stem("bus") == "bus");
}

TEST_CASE("analyze drops function words unless nothing else is left", "[retrieval]") {
  using tandem::retrieval::analyze;
  CHECK(analyze("How do I get a REFUND?").terms == analyze("refund get").terms);
  CHECK(analyze("is it?").terms.size() == 2);
  CHECK(analyze("").terms.empty());
  CHECK(analyze("").grams.empty());
}

TEST_CASE("an exact phrasing ranks its FAQ first with a score of about 1", "[retrieval]") {
  const auto& faqs = sample_faqs();
  FaqIndex index = FaqIndex::build(faqs);
  REQUIRE(index.size() == faqs.size());
  for (uint32_t faq = 0; faq < faqs.size(); ++faq) {
    for (const auto& phrasing : faqs[faq]) {
      INFO(phrasing);
      auto matches = index.rank(phrasing, 3);
      REQUIRE(matches.size() == 3);
      CHECK(matches[0].faq == faq);
      CHECK(matches[0].score == Approx(1.0f).margin(1e-4));
      CHECK(matches[1].score < matches[0].score);
    }
  }
}

TEST_CASE("paraphrases with typos rank the right FAQ first", "[retrieval]") {
  FaqIndex index = FaqIndex::build(sample_faqs());
  size_t correct = 0;
  for (const auto& [query, faq] : labelled_queries()) {
    auto matches = index.rank(query, 1);
    REQUIRE(matches.size() == 1);
    if (matches[0].faq == faq) {
      ++correct;
    } else {
      WARN("missed: \"" << query << "\" -> FAQ " << matches[0].faq << " (wanted " << faq << ")");
    }
  }
  CHECK(correct * 10 >= labelled_queries().size() * 9);
}

TEST_CASE("scores stay in [0, 1] and come best first", "[retrieval]") {
  FaqIndex index = FaqIndex::build(sample_faqs());
  for (const auto& [query, faq] : labelled_queries()) {
    auto matches = index.rank(query, sample_faqs().size());
    REQUIRE(matches.size() == sample_faqs().size());
    for (size_t i = 0; i < matches.size(); ++i) {
      CHECK(matches[i].score >= 0.0f);
      CHECK(matches[i].score <= 1.0f);
      if (i > 0) CHECK(matches[i].score <= matches[i - 1].score);
    }
  }
}

TEST_CASE("unrelated messages score below 0.2", "[retrieval]") {
  FaqIndex index = FaqIndex::build(sample_faqs());
  for (const auto& message : unrelated_messages()) {
    INFO(message);
    auto matches = index.rank(message, 1);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].score < 0.2f);
  }
}

TEST_CASE("empty, blank and emoji-only messages score low", "[retrieval]") {
  FaqIndex index = FaqIndex::build(sample_faqs());
  for (std::string message :
       {"", "   \t\n ", "\xF0\x9F\x98\x80\xF0\x9F\x8E\x89", "?!...", "\xFF\xFE"}) {
    INFO(message);
    auto matches = index.rank(message, 5);
    REQUIRE(matches.size() == 5);
    for (const auto& m : matches) CHECK(m.score < 0.2f);
  }
}

TEST_CASE("k is capped by the number of FAQs", "[retrieval]") {
  FaqIndex index = FaqIndex::build(sample_faqs());
  CHECK(index.rank("refund", 0).empty());
  CHECK(index.rank("refund", 1000).size() == sample_faqs().size());
}

TEST_CASE("ties are broken by FAQ index", "[retrieval]") {
  FaqIndex index = FaqIndex::build({{"reset my password"}, {"track my order"}, {"track my order"}});
  auto matches = index.rank("track my order", 3);
  REQUIRE(matches.size() == 3);
  CHECK(matches[0].faq == 1);
  CHECK(matches[1].faq == 2);
  CHECK(matches[0].score == matches[1].score);
  CHECK(matches[2].faq == 0);
}

TEST_CASE("an empty index ranks nothing and round-trips", "[retrieval]") {
  FaqIndex empty;
  CHECK(empty.size() == 0);
  CHECK(empty.rank("refund", 5).empty());
  FaqIndex built = FaqIndex::build({});
  CHECK(built.rank("refund", 5).empty());

  std::string bytes = saved(built);
  BinaryReader in(bytes);
  FaqIndex loaded = FaqIndex::load(in);
  CHECK(in.ok());
  CHECK(in.at_end());
  CHECK(loaded.size() == 0);
}

TEST_CASE("FAQs without usable phrasings never match", "[retrieval]") {
  FaqIndex index = FaqIndex::build({{}, {"", "\xF0\x9F\x98\x80"}, {"where is my order"}});
  REQUIRE(index.size() == 3);
  auto matches = index.rank("where is my order", 3);
  REQUIRE(matches.size() == 3);
  CHECK(matches[0].faq == 2);
  CHECK(matches[1].score == 0.0f);
  CHECK(matches[2].score == 0.0f);
}

TEST_CASE("save and load give identical rankings", "[retrieval]") {
  FaqIndex index = FaqIndex::build(sample_faqs());
  std::string bytes = saved(index);
  BinaryReader in(bytes);
  FaqIndex loaded = FaqIndex::load(in);
  REQUIRE(in.ok());
  CHECK(in.at_end());
  REQUIRE(loaded.size() == index.size());
  for (const auto& [query, faq] : labelled_queries()) {
    require_same_ranking(index.rank(query, 5), loaded.rank(query, 5));
  }
  CHECK(saved(loaded) == bytes);
}

TEST_CASE("truncated bytes report an error and load an empty index", "[retrieval]") {
  std::string bytes = saved(FaqIndex::build(sample_faqs()));
  for (size_t len = 0; len < bytes.size(); ++len) {
    BinaryReader in(std::string_view(bytes).substr(0, len));
    FaqIndex loaded = FaqIndex::load(in);
    INFO("length " << len);
    CHECK_FALSE(in.ok());
    CHECK(loaded.size() == 0);
  }
}

TEST_CASE("corrupted bytes never crash", "[retrieval]") {
  std::string bytes = saved(FaqIndex::build(sample_faqs()));
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (uint8_t flip : {0x01, 0x80, 0xFF}) {
      std::string corrupt = bytes;
      corrupt[i] = static_cast<char>(corrupt[i] ^ flip);
      BinaryReader in(corrupt);
      FaqIndex loaded = FaqIndex::load(in);
      if (!in.ok()) CHECK(loaded.size() == 0);
      CHECK(loaded.rank("where is my order", 3).size() <= 3);
    }
  }
}

TEST_CASE("a huge count or unknown version is rejected", "[retrieval]") {
  BinaryWriter huge;
  huge.u8(1);
  huge.varint(uint64_t{1} << 40);
  BinaryReader in_huge(huge.bytes());
  CHECK(FaqIndex::load(in_huge).size() == 0);
  CHECK_FALSE(in_huge.ok());

  std::string bytes = saved(FaqIndex::build(sample_faqs()));
  bytes[0] = 99;
  BinaryReader in_version(bytes);
  CHECK(FaqIndex::load(in_version).size() == 0);
  CHECK(in_version.error().find("version") != std::string::npos);
}

TEST_CASE("building and ranking are deterministic", "[retrieval]") {
  FaqIndex a = FaqIndex::build(sample_faqs());
  FaqIndex b = FaqIndex::build(sample_faqs());
  CHECK(saved(a) == saved(b));
  for (const auto& [query, faq] : labelled_queries()) {
    require_same_ranking(a.rank(query, 4), b.rank(query, 4));
    require_same_ranking(a.rank(query, 4), a.rank(query, 4));
  }
}
