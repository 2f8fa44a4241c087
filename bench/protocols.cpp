#include "protocols.h"

#include <map>
#include <vector>

#include "files.h"
#include "nlu/random.h"

namespace tandem::bench {
namespace {
constexpr uint64_t kSplitSeed = 77;
constexpr size_t kEvalShareDivisor = 5;  // one in five examples of every intent
}  // namespace

Expected<data::LabelledData> banking77_split(const std::string& data_dir) {
  auto text = cli::read_file(data_dir + "/banking77/train.csv", size_t{64} << 20);
  if (!text) return text.errors();
  auto all = data::parse_csv(*text);
  if (!all) return all.errors();
  std::map<std::string, std::vector<data::Example>> by_label;
  for (auto& e : all->train) by_label[e.label].push_back(std::move(e));
  nlu::Random random(kSplitSeed);
  data::LabelledData split;
  for (auto& [label, examples] : by_label) {
    random.shuffle(examples);
    const size_t held_out = (examples.size() + kEvalShareDivisor / 2) / kEvalShareDivisor;
    for (size_t i = 0; i < examples.size(); ++i)
      (i < held_out ? split.eval : split.train).push_back(std::move(examples[i]));
  }
  return split;
}

Expected<data::LabelledData> clinc150(const std::string& data_dir) {
  auto text = cli::read_file(data_dir + "/clinc150/data_full_trainval.json", size_t{64} << 20);
  if (!text) return text.errors();
  return data::parse_clinc_json(*text);
}

}  // namespace tandem::bench
