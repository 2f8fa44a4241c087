#include <algorithm>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "engine_io.h"
#include "evaluation.h"
#include "neural_io.h"
#include "options.h"
#include "training_data.h"

namespace tandem::cli {
namespace {

std::string percent(const std::optional<double>& v) {
  char buf[16];
  if (!v) return "n/a";
  std::snprintf(buf, sizeof buf, "%.2f%%", *v * 100);
  return buf;
}

nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const Evaluation& e) {
  const auto& m = e.metrics;
  return {
      {"n", m.n},
      {"accuracy", m.accuracy},
      {"in_scope_accuracy", m.in_scope_accuracy},
      {"answered", m.answered},
      {"oos_precision", optional_number(m.oos_precision)},
      {"oos_recall", optional_number(m.oos_recall)},
      {"macro_f1", m.macro_f1},
      {"latency_us_p50", e.latency_us_p50},
      {"latency_us_p99", e.latency_us_p99},
  };
}

void print_table(const Evaluation& e) {
  const auto& m = e.metrics;
  std::printf("items              %zu\n", m.n);
  std::printf("accuracy           %.2f%%  (top intent, in-scope items)\n", m.accuracy * 100);
  std::printf("in-scope accuracy  %.2f%%  (answered with the right intent)\n",
              m.in_scope_accuracy * 100);
  std::printf("answered           %.2f%%  (of in-scope items)\n", m.answered * 100);
  std::printf("oos precision      %s\n", percent(m.oos_precision).c_str());
  std::printf("oos recall         %s\n", percent(m.oos_recall).c_str());
  std::printf("macro F1           %.4f\n", m.macro_f1);
  std::printf("latency p50 / p99  %.1f / %.1f us per message\n", e.latency_us_p50,
              e.latency_us_p99);
}

// The three ways the widget can answer, side by side.
void print_comparison(const Evaluation& engine, const Evaluation& neural, const Evaluation& fused) {
  const Evaluation* all[] = {&engine, &neural, &fused};
  std::printf("\n                   engine alone  neural alone  fused\n");
  auto row = [&](const char* name, auto cell) {
    std::string line = name;
    line.resize(18, ' ');
    for (const Evaluation* e : all) {
      const std::string text = cell(*e);
      line += " " + text + std::string(text.size() < 13 ? 13 - text.size() : 0, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    std::puts(line.c_str());
  };
  auto pct = [](double v) { return percent(std::optional<double>(v)); };
  row("accuracy", [&](const Evaluation& e) { return pct(e.metrics.accuracy); });
  row("in-scope accuracy", [&](const Evaluation& e) { return pct(e.metrics.in_scope_accuracy); });
  row("oos precision", [](const Evaluation& e) { return percent(e.metrics.oos_precision); });
  row("oos recall", [](const Evaluation& e) { return percent(e.metrics.oos_recall); });
  row("macro F1",
      [](const Evaluation& e) { return std::to_string(e.metrics.macro_f1).substr(0, 6); });
  row("p50 / p99 us", [](const Evaluation& e) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f / %.0f", e.latency_us_p50, e.latency_us_p99);
    return std::string(buf);
  });
}

// Which way a message went wrong, or "right".
std::string outcome(const data::Example& item, const engine::Decision& d) {
  const bool commits = engine::commits(d);
  if (item.label == data::kOutOfScope) return commits ? "answered_out_of_scope" : "right";
  if (commits) return *d.intent == item.label ? "right" : "wrong_answer";
  if (d.action == engine::Action::kClarify)
    return d.intent && *d.intent == item.label ? "clarified_right_first" : "clarified";
  return "declined";
}

// Every message not answered right, as the author needs it to fix the KB.
nlohmann::json errors_json(const std::vector<data::Example>& items, const Evaluation& e) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& d = e.decisions[i];
    const std::string what = outcome(items[i], d);
    if (what == "right") continue;
    nlohmann::json candidates = nlohmann::json::array();
    for (const auto& c : d.candidates)
      candidates.push_back({{"id", c.id}, {"confidence", c.confidence}});
    out.push_back({{"text", items[i].text},
                   {"expected", items[i].label},
                   {"predicted", d.intent ? nlohmann::json(*d.intent) : nlohmann::json(nullptr)},
                   {"confidence", d.confidence},
                   {"action", engine::action_name(d.action)},
                   {"reason", engine::basis_name(d.basis)},
                   {"outcome", what},
                   {"answer_threshold", d.answer_threshold},
                   {"candidates", std::move(candidates)}});
  }
  return out;
}

// In-scope messages whose top candidate was another intent, by unordered pair,
// most frequent first, with their texts.
nlohmann::json confused_pairs_json(const std::vector<data::Example>& items, const Evaluation& e,
                                   size_t limit) {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> pairs;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& d = e.decisions[i];
    if (items[i].label == data::kOutOfScope || !d.intent || *d.intent == items[i].label) continue;
    auto key = std::minmax(items[i].label, *d.intent);
    pairs[{key.first, key.second}].push_back(items[i].text);
  }
  std::vector<std::pair<std::pair<std::string, std::string>, std::vector<std::string>>> ranked(
      pairs.begin(), pairs.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  if (ranked.size() > limit) ranked.resize(limit);
  nlohmann::json out = nlohmann::json::array();
  for (auto& [pair, texts] : ranked) {
    const size_t count = texts.size();
    if (texts.size() > 3) texts.resize(3);
    out.push_back({{"intents", {pair.first, pair.second}}, {"count", count}, {"examples", texts}});
  }
  return out;
}

// Texts and ids come from the author's files: escaped for the terminal (engine_io.h).
void print_errors(const nlohmann::json& errors, const nlohmann::json& pairs) {
  auto text = [](const nlohmann::json& value) {
    return value.is_null() ? std::string("-") : printable(value.get<std::string>());
  };
  std::printf(
      "\n%zu messages not answered right (expected -> predicted, confidence, action, "
      "reason):\n",
      errors.size());
  for (const auto& e : errors) {
    std::printf("  [%s] \"%s\"\n      %s -> %s  %.3f  %s  %s\n", text(e["outcome"]).c_str(),
                text(e["text"]).c_str(), text(e["expected"]).c_str(), text(e["predicted"]).c_str(),
                e["confidence"].get<double>(), text(e["action"]).c_str(),
                text(e["reason"]).c_str());
  }
  if (pairs.empty()) return;
  std::printf("\nmost confused intent pairs (top candidate was the other one):\n");
  for (const auto& p : pairs) {
    std::printf("  %s / %s: %d, e.g. \"%s\"\n", text(p["intents"][0]).c_str(),
                text(p["intents"][1]).c_str(), p["count"].get<int>(),
                text(p["examples"][0]).c_str());
  }
}

// The .onnx sibling when it belongs to this model file; the browser would
// ignore one with another fingerprint, and so does eval (with a note).
Expected<std::optional<nlu::NeuralModel>> matching_network(const std::string& model_path,
                                                           const engine::Engine& engine) {
  auto network = load_neural_sibling(model_path);
  if (!network || !*network) return network;
  const auto& classifier = engine.model().classifier;
  if (classifier.has_neural() && classifier.neural_fingerprint() == (*network)->fingerprint())
    return network;
  std::fprintf(stderr,
               "tandem eval: note: %s was not trained with this model file (retrain with "
               "--neural); evaluating the engine alone\n",
               onnx_sibling(model_path).c_str());
  return std::optional<nlu::NeuralModel>{};
}

}  // namespace

int eval_command(const Args& raw) {
  const ParsedArgs args = parse_args(raw, {}, {"--json", "--errors"});
  if (!args.error.empty() || args.positional.size() != 2) {
    std::fprintf(stderr, "%susage: tandem eval MODEL DATA [--json] [--errors]\n",
                 args.error.empty() ? "" : ("tandem eval: " + args.error + "\n").c_str());
    return 2;
  }
  const std::string& model_path = args.positional[0];
  auto engine = load_engine(model_path);
  if (!engine) return report_errors("eval", engine.errors());
  auto network = matching_network(model_path, *engine);
  if (!network) return report_errors("eval", network.errors());
  auto data = load_training_data(args.positional[1]);
  if (!data) return report_errors("eval", data.errors());

  if (data->kb)
    std::fputs(
        "tandem eval: note: a knowledge base is scored on its own training phrasings, so these "
        "figures are optimistic; score held-out messages with a CSV (text,category)\n",
        stderr);
  const auto& items = evaluation_items(data->labelled);
  const Evaluation e = evaluate(*engine, items);
  std::optional<Evaluation> neural, fused;
  if (*network) {
    neural = evaluate_neural(*engine, **network, items);
    fused = evaluate_fused(*engine, **network, items);
  }
  constexpr size_t kConfusedPairs = 10;
  const bool with_errors = args.has("--errors");
  if (!args.has("--json")) {
    print_table(e);
    if (fused) print_comparison(e, *neural, *fused);
    if (with_errors)
      print_errors(errors_json(items, e), confused_pairs_json(items, e, kConfusedPairs));
    return 0;
  }
  // The engine's figures stay at the top level (ARCHITECTURE.md 3.1).
  nlohmann::json out = to_json(e);
  if (with_errors) {
    out["errors"] = errors_json(items, e);
    out["confused_pairs"] = confused_pairs_json(items, e, kConfusedPairs);
  }
  if (fused) {
    out["neural"] = to_json(*neural);
    out["fused"] = to_json(*fused);
  }
  std::puts(out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return 0;
}

}  // namespace tandem::cli
