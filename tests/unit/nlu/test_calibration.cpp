#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "nlu/calibration.h"
#include "nlu/random.h"
#include "nlu/softmax_trainer.h"
#include "nlu_test_support.h"

namespace tandem::nlu {
namespace {

double uniform(Random& random) {
  return double(random.next() >> 11) * 0x1.0p-53;
}

// Logits whose labels are drawn from softmax(logits / temperature): the NLL
// minimum sits at that temperature, up to sampling noise.
void synthetic_logits(float temperature, size_t n, std::vector<std::vector<float>>& logits,
                      std::vector<uint32_t>& labels) {
  constexpr size_t kClasses = 6;
  Random random(42);
  for (size_t i = 0; i < n; ++i) {
    std::vector<float> z(kClasses);
    for (auto& v : z) v = static_cast<float>(8.0 * uniform(random) - 4.0);
    std::vector<float> p = z;
    for (auto& v : p) v /= temperature;
    softmax(p);
    double u = uniform(random), cumulative = 0.0;
    uint32_t label = kClasses - 1;
    for (uint32_t c = 0; c < kClasses; ++c) {
      cumulative += p[c];
      if (u < cumulative) {
        label = c;
        break;
      }
    }
    logits.push_back(std::move(z));
    labels.push_back(label);
  }
}

TEST_CASE("fit_temperature recovers the temperature that generated the labels", "[calibration]") {
  for (float truth : {0.5f, 1.0f, 2.5f}) {
    std::vector<std::vector<float>> logits;
    std::vector<uint32_t> labels;
    synthetic_logits(truth, 6000, logits, labels);
    INFO("true temperature " << truth);
    CHECK(fit_temperature(logits, labels) == Approx(truth).epsilon(0.1));
  }
}

TEST_CASE("fit_temperature of no data is the identity", "[calibration]") {
  CHECK(fit_temperature({}, {}) == 1.0f);
}

HeldOutPrediction in_scope(float confidence, bool correct) {
  return {confidence, correct, false};
}

HeldOutPrediction out_of_scope(float confidence, bool rejected_by_model = false) {
  return {confidence, false, true, rejected_by_model};
}

TEST_CASE("choose_threshold without out-of-scope items maximises right minus wrong answers",
          "[calibration]") {
  // Right minus wrong answers when answering at or above each confidence:
  // 0.95:1 0.9:2 0.8:1 0.75:2 0.7:3 0.6:2 0.5:1 0.4:2 0.3:1, so 0.7 is the one best.
  const std::vector<HeldOutPrediction> predictions = {
      in_scope(0.95f, true), in_scope(0.9f, true), in_scope(0.8f, false),
      in_scope(0.75f, true), in_scope(0.7f, true), in_scope(0.6f, false),
      in_scope(0.5f, false), in_scope(0.4f, true), in_scope(0.3f, false)};
  const OperatingPoint point = choose_threshold(predictions);
  CHECK(point.threshold == 0.7f);
  CHECK(point.in_scope_accuracy == Approx(4.0 / 9));
  CHECK(point.answered == Approx(5.0 / 9));
  CHECK(point.oos_recall == 0.0);
}

TEST_CASE("choose_answer_threshold weighs a wrong answer by its cost", "[calibration]") {
  const std::vector<HeldOutPrediction> predictions = {
      in_scope(0.95f, true), in_scope(0.9f, true), in_scope(0.8f, false),
      in_scope(0.75f, true), in_scope(0.7f, true), in_scope(0.6f, false),
      in_scope(0.5f, false), in_scope(0.4f, true), in_scope(0.3f, false)};
  // Cost 1 is right minus wrong (best at 0.7, as above); at cost 3 every
  // threshold below 0.9 loses what its extra right answers gain.
  CHECK(choose_answer_threshold(predictions, 1.0f, 0.25f).threshold == 0.7f);
  CHECK(choose_answer_threshold(predictions, 3.0f, 0.25f).threshold == 0.9f);
  // Half a wrong answer's cost: answering at 0.4 gains 5 - 0.5 x 2 = 4, the most.
  CHECK(choose_answer_threshold(predictions, 0.5f, 0.25f).threshold == 0.4f);
}

TEST_CASE("choose_answer_threshold counts out-of-scope items at their share of traffic",
          "[calibration]") {
  // One out-of-scope item at 0.7 stands for the share given, however many in-scope items there are.
  const std::vector<HeldOutPrediction> predictions = {in_scope(0.9f, true), in_scope(0.6f, true),
                                                      out_of_scope(0.7f)};
  // Half of traffic: answering it costs more than the right answer at 0.6 gains.
  CHECK(choose_answer_threshold(predictions, 1.0f, 0.5f).threshold == 0.9f);
  // A tenth: answering everything gains 0.9 - 0.1 = 0.8 against 0.45.
  CHECK(choose_answer_threshold(predictions, 1.0f, 0.1f).threshold == 0.0f);
  // A model rejection declines the item whatever the threshold.
  const std::vector<HeldOutPrediction> rejected = {in_scope(0.9f, true), in_scope(0.6f, true),
                                                   out_of_scope(0.7f, true)};
  CHECK(choose_answer_threshold(rejected, 1.0f, 0.5f).threshold == 0.0f);
}

TEST_CASE("choose_threshold with out-of-scope items keeps the best accuracy at the recall asked",
          "[calibration]") {
  // threshold:        0.35  0.5   0.6   0.65  0.7   0.8   0.9
  // in-scope accuracy 5/6   4/6   4/6   3/6   2/6   2/6   1/6
  // oos recall        0.4   0.6   0.8   0.8   0.8   1.0   1.0
  // The item the model's own oos class rejected is declined at every threshold.
  const std::vector<HeldOutPrediction> predictions = {
      in_scope(0.9f, true),  in_scope(0.8f, true),  in_scope(0.65f, true),     in_scope(0.6f, true),
      in_scope(0.5f, false), in_scope(0.35f, true), out_of_scope(0.95f, true), out_of_scope(0.7f),
      out_of_scope(0.55f),   out_of_scope(0.4f),    out_of_scope(0.3f)};
  SECTION("a recall of 0.75 is first reached at 0.6") {
    const OperatingPoint point = choose_threshold(predictions, 0.75f);
    CHECK(point.threshold == 0.6f);
    CHECK(point.in_scope_accuracy == Approx(4.0 / 6));
    CHECK(point.answered == Approx(4.0 / 6));
    CHECK(point.oos_recall == Approx(0.8));
    CHECK(point.oos_precision == Approx(4.0 / 6));  // 4 of the 6 declined were out of scope
  }
  SECTION("full recall costs accuracy") {
    const OperatingPoint point = choose_threshold(predictions, 1.0f);
    CHECK(point.threshold == 0.8f);
    CHECK(point.in_scope_accuracy == Approx(2.0 / 6));
    CHECK(point.oos_recall == Approx(1.0));
  }
  SECTION("a low recall target keeps the most accurate threshold") {
    const OperatingPoint point = choose_threshold(predictions, 0.0f);
    CHECK(point.in_scope_accuracy == Approx(5.0 / 6));
  }
}

TEST_CASE("choose_threshold gets as close as it can to an unreachable recall", "[calibration]") {
  // The out-of-scope item above every confidence is answered at every threshold.
  const std::vector<HeldOutPrediction> predictions = {in_scope(0.5f, true), in_scope(0.4f, true),
                                                      out_of_scope(0.9f), out_of_scope(0.3f)};
  CHECK(choose_threshold(predictions, 0.85f).oos_recall == Approx(0.5));
}

TEST_CASE("wilson_lower_bound sits below the observed rate by less as trials grow",
          "[calibration]") {
  // 85 of 100 at z 1.2816 (one-sided 90%): the closed form gives 0.7986.
  CHECK(wilson_lower_bound(85, 100, 1.2816) == Approx(0.7986).margin(1e-4));
  CHECK(wilson_lower_bound(850, 1000, 1.2816) > wilson_lower_bound(85, 100, 1.2816));
  CHECK(wilson_lower_bound(850, 1000, 1.2816) < 0.85);
  CHECK(wilson_lower_bound(85, 100, 0.0) == Approx(0.85));
  CHECK(wilson_lower_bound(0, 10, 1.2816) == Approx(0.0).margin(1e-12));
  CHECK(wilson_lower_bound(0, 0, 1.2816) == 0.0);
}

TEST_CASE("choose_threshold asks more of a few held-out out-of-scope items than the point",
          "[calibration]") {
  // 20 out-of-scope items at confidences 0.05 ... 1.0, in-scope ones always right.
  std::vector<HeldOutPrediction> predictions;
  for (int i = 1; i <= 20; ++i) predictions.push_back(out_of_scope(0.05f * float(i)));
  for (int i = 1; i <= 20; ++i) predictions.push_back(in_scope(0.05f * float(i) - 0.01f, true));
  const OperatingPoint point = choose_threshold(predictions, 0.75f);
  CHECK(point.oos_recall == Approx(0.75));  // 15 of 20 declined
  // 15 of 20 has a 90% lower bound of 0.61, 17 of 20 0.72: it takes 18 (0.78).
  const OperatingPoint bounded = choose_threshold(predictions, 0.75f, 1.2816f);
  CHECK(bounded.oos_recall == Approx(0.9));
  CHECK(bounded.threshold > point.threshold);
  CHECK(bounded.in_scope_accuracy < point.in_scope_accuracy);
}

TEST_CASE("evaluate_threshold counts a model rejection as declining", "[calibration]") {
  const std::vector<HeldOutPrediction> predictions = {
      in_scope(0.9f, true), {0.9f, true, false, true}, out_of_scope(0.9f, true)};
  const OperatingPoint point = evaluate_threshold(predictions, 0.5f);
  CHECK(point.in_scope_accuracy == Approx(0.5));
  CHECK(point.answered == Approx(0.5));
  CHECK(point.oos_recall == Approx(1.0));
  CHECK(point.oos_precision == Approx(0.5));
}

TEST_CASE("evaluate_threshold does not count a close call it would ask about as an answer",
          "[calibration]") {
  HeldOutPrediction close = in_scope(0.5f, true), clear = in_scope(0.8f, true);
  close.runner_up = 0.4f;
  clear.runner_up = 0.1f;
  HeldOutPrediction unlikely_second = in_scope(0.5f, false);
  unlikely_second.runner_up = 0.15f;  // under the 0.2 floor: no question, an answer
  const std::vector<HeldOutPrediction> predictions = {close, clear, unlikely_second};
  const OperatingPoint plain = evaluate_threshold(predictions, 0.3f);
  CHECK(plain.answered == Approx(1.0));
  CHECK(plain.in_scope_accuracy == Approx(2.0 / 3));
  const OperatingPoint asked = evaluate_threshold(predictions, 0.3f, ClarifyRule{0.15f});
  CHECK(asked.answered == Approx(2.0 / 3));
  CHECK(asked.in_scope_accuracy == Approx(1.0 / 3));
  CHECK(ClarifyRule{0.15f}.asks(0.5f, 0.4f));
  CHECK_FALSE(ClarifyRule{0.15f}.asks(0.5f, 0.3f));
  CHECK_FALSE(ClarifyRule{}.asks(0.5f, 0.5f));  // no margin: never asks
}

TEST_CASE("expected_calibration_error is zero when confidence equals accuracy", "[calibration]") {
  std::vector<HeldOutPrediction> predictions;
  for (int percent : {15, 35, 55, 75, 95}) {
    for (int i = 0; i < 100; ++i) predictions.push_back(in_scope(percent / 100.0f, i < percent));
  }
  predictions.push_back(out_of_scope(0.99f));  // out-of-scope items do not count
  CHECK(expected_calibration_error(predictions) == Approx(0.0).margin(1e-6));
}

TEST_CASE("expected_calibration_error measures overconfidence", "[calibration]") {
  std::vector<HeldOutPrediction> predictions;
  for (int i = 0; i < 100; ++i) predictions.push_back(in_scope(0.9f, i % 2 == 0));
  for (int i = 0; i < 100; ++i) predictions.push_back(in_scope(0.3f, i < 30));
  // Half the weight is 0.4 off, half is exact.
  CHECK(expected_calibration_error(predictions) == Approx(0.2).margin(1e-6));
  CHECK(expected_calibration_error({}) == 0.0);
}

TEST_CASE("held-out BANKING77 confidence matches held-out accuracy", "[calibration]") {
  const auto& split = testing::banking_split();
  const IntentClassifier& classifier = testing::banking_classifier();
  REQUIRE_FALSE(classifier.empty());

  std::vector<HeldOutPrediction> predictions;
  for (const auto& example : split.heldout) {
    const Classification c = classifier.classify(example.text);
    REQUIRE_FALSE(c.ranked.empty());
    const bool correct = classifier.labels()[c.ranked[0].intent] == example.label;
    predictions.push_back(in_scope(c.ranked[0].probability, correct));
  }

  constexpr int kBuckets = 5;
  constexpr size_t kTrustedBucket = 50;  // smaller buckets are too noisy to judge
  double confidence[kBuckets] = {}, correct[kBuckets] = {};
  size_t count[kBuckets] = {};
  for (const auto& p : predictions) {
    const int b = std::min(kBuckets - 1, static_cast<int>(p.confidence * kBuckets));
    confidence[b] += p.confidence;
    correct[b] += p.correct;
    ++count[b];
  }
  std::string table = "bucket     items  confidence  accuracy\n";
  for (int b = 0; b < kBuckets; ++b) {
    if (count[b] == 0) continue;
    char line[96];
    std::snprintf(line, sizeof line, "%.1f-%.1f  %5zu  %10.3f  %8.3f\n", double(b) / kBuckets,
                  double(b + 1) / kBuckets, count[b], confidence[b] / count[b],
                  correct[b] / count[b]);
    table += line;
  }
  const double ece = expected_calibration_error(predictions);
  WARN(table << "ECE " << ece << " over " << predictions.size() << " held-out messages");

  for (int b = 0; b < kBuckets; ++b) {
    if (count[b] < kTrustedBucket) continue;
    INFO("bucket " << b << " with " << count[b] << " items");
    CHECK(std::fabs(confidence[b] / count[b] - correct[b] / count[b]) < 0.08);
  }
  CHECK(ece < 0.06);
}

}  // namespace
}  // namespace tandem::nlu
