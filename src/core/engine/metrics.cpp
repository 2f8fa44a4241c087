#include "engine/metrics.h"

#include <map>

namespace tandem::engine {

bool commits(const Decision& decision) {
  return decision.intent &&
         (decision.action == Action::kAnswer || decision.action == Action::kCollect ||
          (decision.action == Action::kHandoff && decision.reason == HandoffReason::kSensitive));
}

Metrics score(const std::vector<data::Example>& items, const std::vector<Decision>& decisions) {
  Metrics m;
  m.n = items.size();
  struct Counts {
    size_t true_positive = 0, predicted = 0, actual = 0;
  };
  std::map<std::string, Counts> per_label;
  size_t in_scope = 0, top_right = 0, final_right = 0, committed = 0;
  size_t oos = 0, oos_declined = 0, declined = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string& truth = items[i].label;
    const Decision& d = decisions[i];
    const bool committed_here = commits(d);
    const std::string predicted = committed_here ? *d.intent : std::string(data::kOutOfScope);
    if (!committed_here) ++declined;
    if (predicted != data::kOutOfScope) ++per_label[predicted].predicted;
    if (truth == data::kOutOfScope) {
      ++oos;
      oos_declined += !committed_here;
      continue;
    }
    ++in_scope;
    ++per_label[truth].actual;
    top_right += d.intent && *d.intent == truth;
    committed += committed_here;
    if (predicted == truth) ++final_right, ++per_label[truth].true_positive;
  }
  if (in_scope) {
    m.accuracy = double(top_right) / in_scope;
    m.in_scope_accuracy = double(final_right) / in_scope;
    m.answered = double(committed) / in_scope;
  }
  if (oos) {
    m.oos_recall = double(oos_declined) / oos;
    m.oos_precision = declined ? double(oos_declined) / declined : 0.0;
  }
  double f1_sum = 0.0;
  size_t labels = 0;
  for (const auto& [label, c] : per_label) {
    if (c.actual == 0) continue;  // predicted but never true: counted in others' precision
    const double precision = c.predicted ? double(c.true_positive) / c.predicted : 0.0;
    const double recall = double(c.true_positive) / c.actual;
    f1_sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    ++labels;
  }
  m.macro_f1 = labels ? f1_sum / labels : 0.0;
  return m;
}

}  // namespace tandem::engine
