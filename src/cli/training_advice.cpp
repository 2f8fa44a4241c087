#include "training_advice.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine_io.h"
#include "kb/knowledge_base.h"

namespace tandem::cli {
namespace {

// Below this many examples an intent's held-out figures are mostly luck.
constexpr size_t kFewExamples = 10;
constexpr size_t kListed = 8;  // examples and pairs listed at most

// The author's own text, escaped for the terminal (engine_io.h).
std::string quoted(const std::string& text) {
  return "\"" + printable(text.size() > 70 ? text.substr(0, 67) + "..." : text) + "\"";
}

void print_scope(const engine::CompileReport& report, const engine::Model& model, std::FILE* out) {
  const auto& c = report.classifier;
  const size_t own = c.out_of_scope_examples - report.builtin_out_of_scope;
  std::fprintf(out,
               "out of scope: %zu built-in off-topic messages (weather, sport, chit-chat, "
               "noise; src/core/engine/background_out_of_scope.cpp) and %zu of the data's own "
               "teach the model what to decline",
               report.builtin_out_of_scope, own);
  if (model.from_knowledge_base)
    std::fputs(
        "; a knowledge base adds its own with \"out_of_scope\": {\"examples\": [...]} and turns "
        "the built-in ones off with \"builtin\": false",
        out);
  std::fputs("\n", out);
  if (c.out_of_scope_odds < 1.0f)
    std::fprintf(
        out,
        "  they are more than a quarter of the examples, so the out-of-scope odds are scaled by "
        "%.3f (to a 25%% share of messages) before deciding\n",
        c.out_of_scope_odds);
}

// Two-sided 90%: what 150 held-out examples can and cannot promise.
constexpr double kRangeZ = 1.645;

void print_threshold(const engine::CompileReport& report, const engine::Model& model,
                     std::FILE* out) {
  if (!model.from_knowledge_base) return;
  const auto& c = report.classifier;
  const float pinned = model.kb.policy.answer_threshold;
  const float used = pinned >= 0.0f ? pinned : c.answer_point.threshold;
  // As Engine::decide answers: close calls get a "did you mean" instead.
  const nlu::OperatingPoint p =
      nlu::evaluate_threshold(c.heldout, used, nlu::ClarifyRule{model.kb.policy.clarify_margin});
  const auto in_scope = static_cast<double>(
      std::count_if(c.heldout.begin(), c.heldout.end(),
                    [](const nlu::HeldOutPrediction& h) { return !h.out_of_scope; }));
  const double wrong = p.answered - p.in_scope_accuracy;
  std::fprintf(out,
               "answer threshold %.3f (%s) -> held out: %.1f%% of in-scope examples answered, "
               "%.1f%% answered right, %.1f%% answered wrong",
               used, pinned >= 0.0f ? "set in the knowledge base" : "auto: chosen in training",
               p.answered * 100, p.in_scope_accuracy * 100, wrong * 100);
  if (c.out_of_scope_examples)
    std::fprintf(out, ", %.1f%% of out-of-scope declined", p.oos_recall * 100);
  std::fputs("\n", out);
  if (pinned >= 0.0f)
    std::fprintf(out,
                 "  (training would have chosen %.3f: a wrong answer costing as much as a "
                 "right one gains)\n",
                 c.answer_point.threshold);
  const double right = std::round(p.in_scope_accuracy * in_scope);
  const double low = nlu::wilson_lower_bound(right, in_scope, kRangeZ);
  const double high = 1.0 - nlu::wilson_lower_bound(in_scope - right, in_scope, kRangeZ);
  std::fprintf(out,
               "  expect about %.0f%% of new in-scope questions like these examples answered "
               "right (90%% range %.0f-%.0f%% from %.0f held-out examples) and %.0f%% answered "
               "wrong; the rest get a \"did you mean\" or the fallback\n"
               "  (each example was scored by a model trained without it and without its "
               "near-duplicates, so a rewording of an example does not count as a new "
               "question; customers who word things unlike any example will see less)\n",
               p.in_scope_accuracy * 100, low * 100, high * 100, in_scope, wrong * 100);
}

void print_examples(const engine::CompileReport& report, const engine::Model& model,
                    const std::vector<std::string>& texts, std::FILE* out) {
  const auto& labels = model.classifier.labels();
  const auto& examples = report.classifier.heldout_examples;
  auto name = [&](uint32_t id) {
    return id < labels.size() ? printable(labels[id]) : std::string(data::kOutOfScope);
  };
  std::map<uint32_t, size_t> count;
  for (const auto& e : examples) ++count[e.truth];
  size_t few = 0;
  for (const auto& [id, n] : count) {
    if (id >= labels.size() || n >= kFewExamples) continue;
    if (few++ < kListed)
      std::fprintf(out, "warning: %s has %zu examples; add %zu or more in customers' own words\n",
                   name(id).c_str(), n, kFewExamples - n);
  }
  if (few > kListed)
    std::fprintf(out, "warning: ... and %zu more intents with under %zu examples\n", few - kListed,
                 kFewExamples);

  std::vector<const nlu::HeldOutExample*> misread;
  std::map<std::pair<uint32_t, uint32_t>, std::vector<const nlu::HeldOutExample*>> pairs;
  for (const auto& e : examples) {
    if (e.truth >= labels.size() || e.predicted == e.truth) continue;
    misread.push_back(&e);
    pairs[{std::min(e.truth, e.predicted), std::max(e.truth, e.predicted)}].push_back(&e);
  }
  std::sort(misread.begin(), misread.end(),
            [](auto* a, auto* b) { return a->confidence > b->confidence; });
  if (!misread.empty())
    std::fprintf(out,
                 "%zu examples read as another intent by a model that did not see them "
                 "(closest to that intent, most confident first):\n",
                 misread.size());
  for (size_t i = 0; i < misread.size() && i < kListed; ++i) {
    const auto& e = *misread[i];
    const std::string text = e.example < texts.size() ? texts[e.example] : "";
    std::fprintf(out, "  %s (%s) reads as %s (%.2f)\n", quoted(text).c_str(), name(e.truth).c_str(),
                 name(e.predicted).c_str(), e.confidence);
  }
  std::vector<std::pair<std::pair<uint32_t, uint32_t>, size_t>> ranked;
  for (const auto& [pair, list] : pairs) ranked.push_back({pair, list.size()});
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.empty()) return;
  std::fputs("most confused intent pairs (add examples that tell them apart, or merge them):\n",
             out);
  for (size_t i = 0; i < ranked.size() && i < kListed / 2; ++i) {
    const auto& [pair, n] = ranked[i];
    const auto& first = *pairs[pair].front();
    std::fprintf(out, "  %s / %s: %zu examples, e.g. %s\n", name(pair.first).c_str(),
                 name(pair.second).c_str(), n,
                 quoted(first.example < texts.size() ? texts[first.example] : "").c_str());
  }
}

}  // namespace

void print_advice(const engine::CompileReport& report, const engine::Model& model,
                  const std::vector<std::string>& texts, std::FILE* out) {
  print_scope(report, model, out);
  print_threshold(report, model, out);
  print_examples(report, model, texts, out);
}

}  // namespace tandem::cli
