// Scores decisions against the right answers (`tandem eval`, bench/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/labelled_data.h"
#include "engine/engine.h"

namespace tandem::engine {

struct Metrics {
  size_t n = 0;
  double accuracy = 0.0;           // top candidate over in-scope items, no rejection
  double in_scope_accuracy = 0.0;  // in-scope items whose final decision is the right intent
  std::optional<double> oos_precision, oos_recall;  // none when no item is out of scope
  double macro_f1 = 0.0;                            // over in-scope labels, final decisions
  double answered = 0.0;                            // share of in-scope items the bot committed on
};

// True when the decision commits to its top intent rather than declining.
bool commits(const Decision& decision);

// items[i] was decided as decisions[i].
Metrics score(const std::vector<data::Example>& items, const std::vector<Decision>& decisions);

}  // namespace tandem::engine
