// The fixed evaluation protocols of the engine benchmark.
#pragma once

#include <string>

#include "base/status.h"
#include "data/labelled_data.h"

namespace tandem::bench {

// BANKING77: a stratified 80/20 split of train.csv, the same on every machine.
Expected<data::LabelledData> banking77_split(const std::string& data_dir);

// CLINC150: train + oos_train for training, val + oos_val for evaluation (the
// reader chooses test + oos_test instead when the file has them).
Expected<data::LabelledData> clinc150(const std::string& data_dir);

}  // namespace tandem::bench
