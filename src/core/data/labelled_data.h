// Labelled training and evaluation data in the formats `tandem` accepts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace tandem::data {

// Larger inputs are refused before parsing: a mistaken path (a disk image, a
// log) must fail fast instead of exhausting memory, in the browser too.
inline constexpr std::size_t kMaxDataBytes = std::size_t{64} << 20;

// The label of an out-of-scope item: the right answer is to decline.
inline constexpr std::string_view kOutOfScope = "oos";

struct Example {
  std::string text;
  std::string label;
};

struct LabelledData {
  std::vector<Example> train;
  std::vector<Example> eval;  // empty when the source has no evaluation split
};

// The most distinct labels training accepts, out-of-scope included: the model
// file stores a class as a 16-bit index (docs/model-file.md).
inline constexpr std::size_t kMaxLabels = 65535;

// Whether examples can train a classifier, checked before any training
// allocates per-label tables: at most kMaxLabels labels, and at least one
// that is not out of scope (a model that only ever declines is no model).
std::optional<Error> check_trainable(const std::vector<Example>& train);

// CSV with header "text,category" (RFC 4180: quoted fields may hold commas,
// doubled quotes and line breaks). All rows go to `train`; errors name the line.
Expected<LabelledData> parse_csv(std::string_view csv_text);

// CLINC150-style JSON: an object of [text, intent] lists. train = "train" +
// "oos_train"; eval = "test" + "oos_test" when present, else "val" + "oos_val".
Expected<LabelledData> parse_clinc_json(std::string_view json_text);

// Either of the above, chosen by content: a JSON object is CLINC-style, anything
// else CSV. A knowledge base (JSON with "tandem_kb") is refused with an error
// that says to load it with kb::parse_knowledge_base instead.
Expected<LabelledData> parse_labelled_data(std::string_view text);

}  // namespace tandem::data
