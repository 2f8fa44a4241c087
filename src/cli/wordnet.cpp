#include "wordnet.h"

#include <algorithm>
#include <array>
#include <sstream>
#include <unordered_set>

#include "files.h"

namespace tandem::cli {
namespace {

constexpr size_t kMaxFileBytes = 64u << 20;  // data.noun is 15 MB

// In the order that breaks ties between parts of speech.
constexpr std::array<const char*, 4> kPartsOfSpeech = {"noun", "verb", "adj", "adv"};

// One word's entry in an index file.
struct Sense {
  size_t part = 0;  // into kPartsOfSpeech
  long senses = 0, tagged = 0;
  long first_offset = -1;  // of its first (most frequent) synset in the data file
};

// "lemma pos synset_cnt p_cnt [ptr_symbol]{p_cnt} sense_cnt tagsense_cnt offset..."
bool parse_index_line(const std::string& line, std::string& lemma, Sense& sense) {
  std::istringstream in(line);
  std::string pos;
  long pointers = 0, repeated_senses = 0;
  if (!(in >> lemma >> pos >> sense.senses >> pointers) || pointers < 0) return false;
  std::string skipped;
  for (long p = 0; p < pointers; ++p) in >> skipped;
  return static_cast<bool>(in >> repeated_senses >> sense.tagged >> sense.first_offset);
}

// "offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id]... p_cnt ..."
std::vector<std::string> synset_lemmas(const std::string& data, long offset) {
  std::vector<std::string> lemmas;
  if (offset < 0 || static_cast<size_t>(offset) >= data.size()) return lemmas;
  const size_t end = data.find('\n', static_cast<size_t>(offset));
  std::istringstream in(
      data.substr(static_cast<size_t>(offset), end - static_cast<size_t>(offset)));
  long at = -1;
  std::string lex_file, type, count_hex, word, lex_id;
  if (!(in >> at >> lex_file >> type >> count_hex) || at != offset) return lemmas;
  const long count = std::strtol(count_hex.c_str(), nullptr, 16);
  for (long w = 0; w < count && in >> word >> lex_id; ++w) lemmas.push_back(word);
  return lemmas;
}

// "call_off" -> "call off"; adjective markers "(a)", "(p)", "(ip)" dropped;
// empty for a capitalised lemma (a name: "Visa").
std::string readable(std::string lemma) {
  if (const size_t marker = lemma.find('('); marker != std::string::npos) lemma.resize(marker);
  if (std::any_of(lemma.begin(), lemma.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return {};
  std::replace(lemma.begin(), lemma.end(), '_', ' ');
  return lemma;
}

}  // namespace

Expected<nlu::SynonymTable> read_wordnet(const std::string& dir,
                                         const std::vector<std::string>& words,
                                         const WordnetOptions& options) {
  const std::unordered_set<std::string> wanted(words.begin(), words.end());
  std::unordered_map<std::string, Sense> best;  // word -> its leading part of speech
  std::array<std::string, kPartsOfSpeech.size()> data;
  size_t listed = 0;  // index entries of every part of speech
  for (size_t part = 0; part < kPartsOfSpeech.size(); ++part) {
    const std::string name = std::string(kPartsOfSpeech[part]);
    auto index = read_file(dir + "/index." + name, kMaxFileBytes);
    if (!index) return index.errors();
    auto synsets = read_file(dir + "/data." + name, kMaxFileBytes);
    if (!synsets) return synsets.errors();
    data[part] = std::move(*synsets);
    std::istringstream lines(*index);
    std::string line, lemma;
    while (std::getline(lines, line)) {
      Sense sense;
      sense.part = part;
      if (line.empty() || line[0] == ' ' || !parse_index_line(line, lemma, sense)) continue;
      ++listed;
      if (!wanted.count(lemma)) continue;
      auto [at, added] = best.emplace(lemma, sense);
      if (!added && sense.tagged > at->second.tagged) at->second = sense;
    }
  }
  if (listed == 0) return Error{dir, "not a WordNet database (its index files list no word)"};
  nlu::SynonymTable table;
  for (const auto& [word, sense] : best) {
    if (sense.senses > options.max_senses) continue;
    std::vector<std::string> synonyms;
    for (const auto& lemma : synset_lemmas(data[sense.part], sense.first_offset)) {
      std::string synonym = readable(lemma);
      if (synonym.empty() || synonym == word ||
          std::find(synonyms.begin(), synonyms.end(), synonym) != synonyms.end())
        continue;
      if (synonyms.size() < options.max_synonyms) synonyms.push_back(std::move(synonym));
    }
    if (!synonyms.empty()) table.emplace(word, std::move(synonyms));
  }
  return table;
}

}  // namespace tandem::cli
