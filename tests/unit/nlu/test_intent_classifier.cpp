#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "base/binary_codec.h"
#include "data/labelled_data.h"
#include "nlu/intent_classifier.h"
#include "nlu_test_support.h"

namespace tandem::nlu {
namespace {

const data::LabelledData& clinc() {
  static const data::LabelledData data = [] {
    auto parsed =
        data::parse_clinc_json(testing::read_file(TANDEM_TEST_DATA_DIR "/clinc150/sample.json"));
    REQUIRE(parsed.ok());
    return std::move(parsed).value();
  }();
  return data;
}

IntentClassifier train_clinc(uint64_t seed) {
  std::vector<std::string> texts, labels;
  for (const auto& e : clinc().train) {
    texts.push_back(e.text);
    labels.push_back(e.label);
  }
  ClassifierOptions options;
  options.folds = 2;
  options.softmax.seed = seed;
  return IntentClassifier::train(texts, labels, options);
}

const IntentClassifier& clinc_classifier() {
  static const IntentClassifier classifier = train_clinc(1);
  return classifier;
}

std::string saved(const IntentClassifier& classifier) {
  BinaryWriter out;
  classifier.save(out);
  return out.take();
}

struct OosScore {
  double in_scope_accuracy, oos_recall;
};

// As a deployed bot: an in-scope item counts only when answered with its intent.
OosScore score_with_rejection(const IntentClassifier& classifier,
                              const std::vector<data::Example>& items) {
  size_t in_scope = 0, right = 0, oos = 0, declined = 0;
  for (const auto& e : items) {
    const Classification c = classifier.classify(e.text);
    if (e.label == data::kOutOfScope) {
      ++oos;
      declined += !c.in_scope;
    } else {
      ++in_scope;
      right += c.in_scope && classifier.labels()[c.ranked.at(0).intent] == e.label;
    }
  }
  return {double(right) / in_scope, double(declined) / oos};
}

TEST_CASE("held-out BANKING77 accuracy is far above chance", "[nlu]") {
  const auto& split = testing::banking_split();
  const IntentClassifier& classifier = testing::banking_classifier();
  REQUIRE(classifier.labels().size() == 77);
  size_t right = 0;
  for (const auto& e : split.heldout)
    right += classifier.labels()[classifier.classify(e.text).ranked.at(0).intent] == e.label;
  const double accuracy = double(right) / split.heldout.size();
  INFO("held-out top-1 accuracy " << accuracy << " over " << split.heldout.size());
  CHECK(accuracy > 0.6);  // chance is 1/77
}

TEST_CASE("classify ranks in-scope intents best first with calibrated probabilities", "[nlu]") {
  const IntentClassifier& classifier = clinc_classifier();
  REQUIRE(classifier.labels().size() == 20);  // "oos" is not an intent
  const Classification c = classifier.classify("what is my bank balance", 3);
  REQUIRE(c.ranked.size() == 3);
  CHECK(classifier.labels()[c.ranked[0].intent] == "balance");
  float total = 0.0f;
  for (size_t r = 0; r < c.ranked.size(); ++r) {
    CHECK(c.ranked[r].probability >= 0.0f);
    if (r > 0) CHECK(c.ranked[r].probability <= c.ranked[r - 1].probability);
    total += c.ranked[r].probability;
  }
  CHECK(total <= 1.0f + 1e-5f);
  CHECK(classifier.classify("anything", 100).ranked.size() == 20);
}

TEST_CASE("CLINC out-of-scope messages are declined while in-scope ones are answered", "[nlu]") {
  const OosScore score = score_with_rejection(clinc_classifier(), clinc().eval);
  INFO("in-scope accuracy " << score.in_scope_accuracy << ", oos recall " << score.oos_recall);
  CHECK(score.in_scope_accuracy > 0.7);
  CHECK(score.oos_recall > 0.5);
}

TEST_CASE("training is deterministic for a seed", "[nlu]") {
  const std::string first = saved(clinc_classifier());
  CHECK(saved(train_clinc(1)) == first);

  const IntentClassifier other = train_clinc(7);
  CHECK(saved(other) != first);
  CHECK(other.labels() == clinc_classifier().labels());
  const OosScore score = score_with_rejection(other, clinc().eval);
  CHECK(score.in_scope_accuracy > 0.7);
  CHECK(score.oos_recall > 0.5);
}

TEST_CASE("a saved classifier loads back and classifies identically", "[nlu]") {
  const IntentClassifier& original = clinc_classifier();
  const std::string bytes = saved(original);
  BinaryReader in(bytes);
  const IntentClassifier loaded = IntentClassifier::load(in);
  REQUIRE(in.ok());
  CHECK(in.at_end());
  CHECK(loaded.labels() == original.labels());
  CHECK(loaded.threshold() == original.threshold());
  CHECK(saved(loaded) == bytes);
  for (const auto& e : clinc().eval) {
    const Classification a = original.classify(e.text), b = loaded.classify(e.text);
    REQUIRE(a.ranked.size() == b.ranked.size());
    CHECK(a.in_scope == b.in_scope);
    for (size_t r = 0; r < a.ranked.size(); ++r) {
      CHECK(a.ranked[r].intent == b.ranked[r].intent);
      CHECK(a.ranked[r].probability == b.ranked[r].probability);
    }
  }
}

TEST_CASE("a truncated classifier fails to load instead of half-loading", "[nlu]") {
  const std::string bytes = saved(clinc_classifier());
  for (size_t length : {size_t{0}, size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    BinaryReader in(std::string_view(bytes).substr(0, length));
    const IntentClassifier loaded = IntentClassifier::load(in);
    INFO("length " << length);
    CHECK_FALSE(in.ok());
    CHECK(loaded.empty());
    CHECK(loaded.classify("hello").ranked.empty());
  }
}

TEST_CASE("training without any in-scope label gives an empty classifier", "[nlu]") {
  const IntentClassifier none = IntentClassifier::train({"hi", "hello"}, {"oos", "oos"}, {});
  CHECK(none.empty());
  CHECK(none.classify("hi").ranked.empty());
  CHECK_FALSE(none.classify("hi").in_scope);
}

// The BANKING77 sample trained as banking_classifier() is, plus the neural mode
// with a network small enough for the WASM test run.
struct NeuralBanking {
  IntentClassifier classifier;
  NeuralModel network;
  TrainingReport report;
};

const NeuralBanking& neural_banking() {
  static const NeuralBanking trained = [] {
    ClassifierOptions options;
    options.folds = 2;
    options.neural.enabled = true;
    options.neural.buckets = 4096;
    options.neural.dim = 32;
    options.neural.hidden = 64;
    NeuralBanking out;
    const auto& split = testing::banking_split();
    out.classifier = IntentClassifier::train(split.train_texts, split.train_labels, options,
                                             &out.report, {}, &out.network);
    return out;
  }();
  return trained;
}

NeuralScores network_scores(const NeuralBanking& trained, const std::string& text) {
  NeuralScores scores;
  scores.fingerprint = trained.network.fingerprint();
  trained.network.logits(trained.classifier.neural_input(text), scores.values);
  return scores;
}

void check_same(const Classification& a, const Classification& b) {
  REQUIRE(a.ranked.size() == b.ranked.size());
  for (size_t r = 0; r < a.ranked.size(); ++r) {
    CHECK(a.ranked[r].intent == b.ranked[r].intent);
    CHECK(a.ranked[r].probability == b.ranked[r].probability);
  }
  CHECK(a.in_scope == b.in_scope);
  CHECK(a.declined_by_model == b.declined_by_model);
  CHECK(a.neural == b.neural);
  CHECK(a.threshold == b.threshold);
  CHECK(a.answer_threshold == b.answer_threshold);
}

size_t top_intent(const Classification& c) {
  return c.ranked.at(0).intent;
}

TEST_CASE("the neural mode is trained beside an unchanged lexical mode", "[nlu][neural]") {
  const NeuralBanking& trained = neural_banking();
  const IntentClassifier& lexical_only = testing::banking_classifier();
  REQUIRE(trained.classifier.has_neural());
  CHECK_FALSE(lexical_only.has_neural());
  CHECK(trained.classifier.neural_fingerprint() == trained.network.fingerprint());
  CHECK(trained.network.weights().classes == 77);
  CHECK(trained.report.neural);
  INFO("held-out accuracy: lexical " << trained.report.heldout_accuracy << ", neural mode "
                                     << trained.report.neural_heldout_accuracy << " (weight "
                                     << trained.report.neural_weight << ")");
  CHECK(trained.report.neural_heldout_accuracy > 0.6);
  // The lexical mode's bytes come first and are those of a classifier trained without it.
  const std::string with = saved(trained.classifier), without = saved(lexical_only);
  REQUIRE(with.size() > without.size());
  CHECK(with.compare(0, without.size(), without) == 0);
  for (const auto& e : testing::banking_split().heldout)
    check_same(trained.classifier.classify(e.text), lexical_only.classify(e.text));
}

TEST_CASE("the network's matching logits are fused in the neural mode", "[nlu][neural]") {
  const NeuralBanking& trained = neural_banking();
  const IntentClassifier& classifier = trained.classifier;
  REQUIRE(trained.report.neural_weight > 0.0f);
  size_t right_lexical = 0, right_neural = 0, changed = 0;
  for (const auto& e : testing::banking_split().heldout) {
    const NeuralScores scores = network_scores(trained, e.text);
    const Classification lexical = classifier.classify(e.text);
    const Classification fused = classifier.classify(e.text, 5, &scores);
    CHECK(fused.neural);
    changed += fused.ranked[0].probability != lexical.ranked[0].probability;
    right_lexical += classifier.labels()[top_intent(lexical)] == e.label;
    right_neural += classifier.labels()[top_intent(fused)] == e.label;
  }
  const size_t n = testing::banking_split().heldout.size();
  INFO("held-out top-1: lexical " << right_lexical << ", fused " << right_neural << " of " << n);
  CHECK(changed > n / 2);
  CHECK(double(right_neural) / n > 0.6);

  // Logits that all but name another intent move the ranking towards it.
  const std::string text = "my card has not arrived yet";
  const Classification lexical = classifier.classify(text);
  NeuralScores pushed = network_scores(trained, text);
  const uint32_t other = (lexical.ranked[0].intent + 1) % 77;
  pushed.values[other] += 1000.0f;
  const Classification fused = classifier.classify(text, 5, &pushed);
  CHECK(top_intent(fused) == other);
  CHECK(fused.neural);
}

TEST_CASE("neural scores that do not fit give exactly the lexical result", "[nlu][neural]") {
  const NeuralBanking& trained = neural_banking();
  const IntentClassifier& classifier = trained.classifier;
  const std::string text = "how do I top up by card";
  const Classification lexical = classifier.classify(text);
  const NeuralScores good = network_scores(trained, text);
  std::vector<NeuralScores> misfits(6, good);
  misfits[0].fingerprint ^= 1;
  misfits[1].values.pop_back();
  misfits[2].values.push_back(0.0f);
  misfits[3].values[5] = std::numeric_limits<float>::quiet_NaN();
  misfits[4].values[0] = -std::numeric_limits<float>::infinity();
  misfits[5].values.clear();
  for (const auto& scores : misfits) check_same(classifier.classify(text, 5, &scores), lexical);
  // Without the neural mode, even the right-looking logits are not the model's.
  NeuralScores stray = good;
  stray.fingerprint = 0;
  check_same(testing::banking_classifier().classify(text, 5, &good), lexical);
  check_same(classifier.classify(text, 5, &stray), lexical);
  CHECK(testing::banking_classifier().neural_input(text).rows.empty());
}

TEST_CASE("encoder log-probabilities shift the ranking, the out-of-scope share kept",
          "[nlu][neural]") {
  const IntentClassifier& classifier = clinc_classifier();  // lexical only, with an oos class
  const size_t intents = classifier.labels().size();
  const std::string text = "what is my bank balance";
  const Classification lexical = classifier.classify(text, intents);
  const uint32_t favoured = lexical.ranked[1].intent;  // the runner-up
  NeuralScores encoder;
  encoder.kind = NeuralScores::Kind::kEncoderLogProbabilities;
  encoder.values.assign(intents, std::log(0.1f / float(intents - 1)));
  encoder.values[favoured] = std::log(0.9f);
  encoder.weight = 4.0f;
  const Classification shifted = classifier.classify(text, intents, &encoder);
  CHECK(top_intent(shifted) == favoured);
  CHECK_FALSE(shifted.neural);
  CHECK(shifted.threshold == lexical.threshold);
  CHECK(shifted.answer_threshold == lexical.answer_threshold);
  auto in_scope_mass = [](const Classification& c) {
    return std::accumulate(c.ranked.begin(), c.ranked.end(), 0.0,
                           [](double sum, const IntentScore& s) { return sum + s.probability; });
  };
  CHECK(in_scope_mass(shifted) == Approx(in_scope_mass(lexical)).epsilon(1e-5));

  encoder.weight = 0.0f;  // no vote: the lexical ranking
  const Classification unmoved = classifier.classify(text, intents, &encoder);
  for (size_t r = 0; r < intents; ++r)
    CHECK(unmoved.ranked[r].probability == Approx(lexical.ranked[r].probability).margin(1e-6));

  encoder.weight = std::numeric_limits<float>::quiet_NaN();
  check_same(classifier.classify(text, intents, &encoder), lexical);
  encoder.weight = 1.0f;
  encoder.values.pop_back();
  check_same(classifier.classify(text, intents, &encoder), lexical);
}

TEST_CASE("a saved classifier keeps its neural mode", "[nlu][neural]") {
  const NeuralBanking& trained = neural_banking();
  const std::string bytes = saved(trained.classifier);
  BinaryReader in(bytes);
  const IntentClassifier loaded = IntentClassifier::load(in);
  REQUIRE(in.ok());
  CHECK(in.at_end());
  CHECK(loaded.has_neural());
  CHECK(loaded.neural_fingerprint() == trained.classifier.neural_fingerprint());
  CHECK(saved(loaded) == bytes);
  for (const std::string text : {"where is my card", "I was charged twice", "change my pin"}) {
    const NeuralScores scores = network_scores(trained, text);
    CHECK(loaded.neural_input(text).rows == trained.classifier.neural_input(text).rows);
    check_same(loaded.classify(text, 5, &scores), trained.classifier.classify(text, 5, &scores));
  }
  for (size_t cut : {size_t{1}, size_t{8}}) {
    BinaryReader truncated(std::string_view(bytes).substr(0, bytes.size() - cut));
    CHECK(IntentClassifier::load(truncated).empty());
    CHECK_FALSE(truncated.ok());
  }
}

// Three intents of four examples each, every text followed by suffix: a
// small knowledge base.
void add_small_kb(std::vector<std::string>& texts, std::vector<std::string>& labels,
                  const std::string& suffix) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> intents = {
      {"refund", {"i want a refund", "money back please", "refund my order", "give me a refund"}},
      {"delivery", {"where is my parcel", "delivery is late", "track my parcel", "parcel missing"}},
      {"password",
       {"reset my password", "forgot my password", "password not working", "change password"}}};
  for (const auto& [label, examples] : intents)
    for (const auto& e : examples) texts.push_back(e + suffix), labels.push_back(label);
}

TEST_CASE("out-of-scope examples that outnumber the intents' are brought to their share", "[nlu]") {
  // Three intents of four examples against twenty out-of-scope ones: a small
  // knowledge base beside the built-in off-topic messages.
  std::vector<std::string> texts, labels;
  add_small_kb(texts, labels, "");
  for (int i = 0; i < 20; ++i)
    texts.push_back("weather forecast for city number " + std::to_string(i)),
        labels.push_back("oos");
  ClassifierOptions corrected, uncorrected;
  corrected.folds = uncorrected.folds = 2;
  uncorrected.out_of_scope_share = 0.99f;  // above the trained share: left alone
  TrainingReport report;
  const IntentClassifier a = IntentClassifier::train(texts, labels, corrected, &report);
  const IntentClassifier b = IntentClassifier::train(texts, labels, uncorrected);
  CHECK(report.out_of_scope_odds == Approx((0.25 / 0.75) / (20.0 / 12)));
  CHECK(report.heldout.size() == texts.size());
  CHECK(report.heldout_examples.size() == texts.size());
  const Classification ca = a.classify("my parcel is late"), cb = b.classify("my parcel is late");
  CHECK(a.labels()[top_intent(ca)] == "delivery");
  CHECK(ca.ranked[0].probability > cb.ranked[0].probability);

  const std::string bytes = saved(a);
  BinaryReader in(bytes);
  const IntentClassifier loaded = IntentClassifier::load(in);
  REQUIRE(in.ok());
  CHECK(saved(loaded) == bytes);
  check_same(loaded.classify("my parcel is late"), ca);
  // The odds are a probability ratio in (0, 1]: anything else is refused.
  std::string corrupt = bytes;
  const size_t at = corrupt.size() - 4;
  const float two = 2.0f;
  std::memcpy(&corrupt[at], &two, 4);
  BinaryReader bad(corrupt);
  CHECK(IntentClassifier::load(bad).empty());
  CHECK_FALSE(bad.ok());
}

TEST_CASE("the embedding table has at most rows_per_example rows per in-scope example", "[nlu]") {
  // A small knowledge base's table is most of its bytes; it shrinks with the
  // data, and a cap the data does not reach changes nothing.
  std::vector<std::string> texts, labels;
  for (int copy = 0; copy < 3; ++copy) add_small_kb(texts, labels, " " + std::to_string(copy));
  ClassifierOptions scaled, full, unreached;
  scaled.folds = full.folds = unreached.folds = 2;
  scaled.embedding.rows_per_example = 2.0f;
  full.embedding.rows_per_example = 0.0f;
  unreached.embedding.rows_per_example = 1000.0f;
  const IntentClassifier a = IntentClassifier::train(texts, labels, scaled);
  const IntentClassifier b = IntentClassifier::train(texts, labels, full);
  const IntentClassifier c = IntentClassifier::train(texts, labels, unreached);
  // 36 examples, 2 rows each: 72 rows of 48 int8 weights, not one per feature row.
  CHECK(saved(a).size() + 48 * 100 < saved(b).size());
  CHECK(saved(c) == saved(b));
  CHECK(a.labels()[top_intent(a.classify("my parcel is late"))] == "delivery");
  CHECK(a.labels()[top_intent(a.classify("i forgot the password"))] == "password");
}

TEST_CASE("held-out predictions of near-twins come from models without the twins", "[nlu]") {
  // Each sentence written three times with a different last word: plain folds
  // let every held-out copy lean on its twins in training; grouped folds hold
  // the copies out together, so the held-out scores are no better than a new
  // wording would get, and never more confident on average.
  std::vector<std::string> texts, labels;
  const std::vector<std::pair<std::string, std::vector<std::string>>> intents = {
      {"refund", {"i want a refund for my order", "can i have my money back", "refund please"}},
      {"delivery", {"where is my parcel right now", "my delivery is late", "track my order"}},
      {"password", {"reset my password for me", "i forgot my password", "password not working"}}};
  for (const auto& [label, examples] : intents)
    for (const auto& e : examples)
      for (const char* tail : {" today", " now", " please"})
        texts.push_back(e + tail), labels.push_back(label);
  ClassifierOptions plain, grouped;
  plain.folds = grouped.folds = 3;
  plain.near_duplicate_similarity = 2.0f;  // groups nothing
  TrainingReport plain_report, grouped_report;
  IntentClassifier::train(texts, labels, plain, &plain_report);
  IntentClassifier::train(texts, labels, grouped, &grouped_report);
  auto mean_confidence = [](const TrainingReport& r) {
    double sum = 0.0;
    for (const auto& p : r.heldout) sum += p.correct ? p.confidence : 0.0;
    return sum / double(r.heldout.size());
  };
  CHECK(grouped_report.heldout_accuracy <= plain_report.heldout_accuracy);
  CHECK(mean_confidence(grouped_report) < mean_confidence(plain_report));
  for (const auto& p : grouped_report.heldout) {
    CHECK(p.runner_up <= p.confidence);
    CHECK(p.runner_up >= 0.0f);
  }
}

}  // namespace
}  // namespace tandem::nlu
