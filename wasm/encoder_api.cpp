// The C ABI of tandem-encoder, the lazily loaded module behind a company's own
// sentence encoder (tandem-encoder.js wraps it). It never runs the encoder:
// C++ turns text into the encoder's input ids, JS runs ONNX Runtime, C++ pools
// the hidden states and scores them against the knowledge base's phrasings.
// The same handle builds that index at training time (web/tools/encoder-index.mjs).
#include <emscripten/emscripten.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "nlu/encoder_companion.h"

namespace {

using tandem::nlu::EncoderCompanion;

struct Handle {
  EncoderCompanion companion;
  bool has_index = false;
  // Building: every phrasing added so far, pooled.
  std::vector<std::string> labels;
  std::vector<std::vector<float>> vectors;
  // What the last call handed out; valid until the next call on this handle.
  std::vector<int32_t> feeds;
  std::vector<float> pooled;
  std::string text;
};

std::string last_error;

template <typename T>
Handle* fail(const tandem::Expected<T>& result) {
  last_error = result.error_text();
  return nullptr;
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

tandem::Expected<std::vector<float>> pool(const float* hidden, size_t tokens, size_t dims) {
  // One text per run and no padding, so every token counts.
  return tandem::nlu::pool_sentence(std::vector<float>(hidden, hidden + tokens * dims), tokens,
                                    dims, std::vector<int32_t>(tokens, 1));
}

}  // namespace

extern "C" {

// A handle for scoring, from the companion file's bytes (site.encoder), or
// null with the reason in tandem_encoder_last_error().
EMSCRIPTEN_KEEPALIVE Handle* tandem_encoder_load(const char* bytes, size_t size) {
  auto loaded = tandem::nlu::load_encoder_companion(std::string_view(bytes, size));
  if (!loaded) return fail(loaded);
  last_error.clear();
  return new Handle{std::move(loaded).value(), true, {}, {}, {}, {}, {}};
}

// A handle for building an index: the encoder's vocab.txt or tokenizer.json
// (told apart by a leading '{') and its maximum input length in tokens.
EMSCRIPTEN_KEEPALIVE Handle* tandem_encoder_from_vocab(const char* bytes, size_t size,
                                                       uint32_t max_tokens) {
  const std::string_view text(bytes, size);
  const size_t first = text.find_first_not_of(" \t\r\n");
  auto tokenizer = first != std::string_view::npos && text[first] == '{'
                       ? tandem::text::WordPieceTokenizer::from_tokenizer_json(text)
                       : tandem::text::WordPieceTokenizer::from_vocab_text(text);
  if (!tokenizer) return fail(tokenizer);
  if (max_tokens < 2 || max_tokens > tandem::nlu::kMaxEncoderTokens) {
    last_error = "max_tokens must be 2 to " + std::to_string(tandem::nlu::kMaxEncoderTokens);
    return nullptr;
  }
  last_error.clear();
  auto* handle = new Handle{};
  handle->companion.tokenizer = std::move(tokenizer).value();
  handle->companion.max_tokens = max_tokens;
  return handle;
}

EMSCRIPTEN_KEEPALIVE const char* tandem_encoder_last_error() {
  return last_error.c_str();
}

// The encoder's inputs for one text: n, then n input ids, n attention-mask
// values and n token-type ids (int32; JS widens them if the model wants int64).
EMSCRIPTEN_KEEPALIVE const int32_t* tandem_encoder_feeds(Handle* handle, const char* text,
                                                         size_t size) {
  const auto encoding = handle->companion.tokenizer.encode(std::string_view(text, size),
                                                           handle->companion.max_tokens);
  std::vector<int32_t>& out = handle->feeds;
  out.assign(1, static_cast<int32_t>(encoding.input_ids.size()));
  for (const auto* part :
       {&encoding.input_ids, &encoding.attention_mask, &encoding.token_type_ids}) {
    out.insert(out.end(), part->begin(), part->end());
  }
  return out.data();
}

// Pools one text's hidden states (tokens x dims floats) and scores them:
// {"weight": w, "scores": {label: log-probability}} or {"error": "..."}.
EMSCRIPTEN_KEEPALIVE const char* tandem_encoder_scores(Handle* handle, const float* hidden,
                                                       size_t tokens, size_t dims) {
  nlohmann::json answer;
  const auto pooled = pool(hidden, tokens, dims);
  const auto& index = handle->companion.index;
  std::vector<float> scores;
  if (!handle->has_index) {
    answer["error"] = "no index: load an encoder companion file";
  } else if (!pooled) {
    answer["error"] = pooled.error_text();
  } else if ((scores = index.log_probabilities(pooled.value())).empty()) {
    answer["error"] = "the encoder gives " + std::to_string(dims) + " dimensions, the index has " +
                      std::to_string(index.dims()) + ": was it built with another encoder?";
  } else {
    answer["weight"] = handle->companion.weight;
    nlohmann::json& by_label = answer["scores"] = nlohmann::json::object();
    for (size_t i = 0; i < scores.size(); ++i) by_label[index.labels()[i]] = scores[i];
  }
  handle->text = dump(answer);
  return handle->text.c_str();
}

// The unit sentence vector of one text's hidden states (dims floats, valid
// until the next call), or null with the reason in tandem_encoder_last_error().
EMSCRIPTEN_KEEPALIVE const float* tandem_encoder_pool(Handle* handle, const float* hidden,
                                                      size_t tokens, size_t dims) {
  auto pooled = pool(hidden, tokens, dims);
  if (!pooled) {
    last_error = pooled.error_text();
    return nullptr;
  }
  handle->pooled = std::move(pooled).value();
  return handle->pooled.data();
}

// Building: adds one phrasing of `label` from its hidden states. 1 on success,
// 0 with the reason in tandem_encoder_last_error().
EMSCRIPTEN_KEEPALIVE int tandem_encoder_add(Handle* handle, const char* label, const float* hidden,
                                            size_t tokens, size_t dims) {
  auto pooled = pool(hidden, tokens, dims);
  if (!pooled) {
    last_error = std::string(label) + ": " + pooled.error_text();
    return 0;
  }
  handle->labels.emplace_back(label);
  handle->vectors.push_back(std::move(pooled).value());
  return 1;
}

// Building: indexes every phrasing added and returns the companion file's
// bytes (size in tandem_encoder_size()), or null with the reason.
EMSCRIPTEN_KEEPALIVE const char* tandem_encoder_build(Handle* handle, float weight) {
  if (!(weight >= 0.0f && weight <= tandem::nlu::kMaxEncoderWeight)) {
    last_error = "the fusion weight must be 0 to " + std::to_string(tandem::nlu::kMaxEncoderWeight);
    return nullptr;
  }
  auto index = tandem::nlu::EncoderIndex::build(handle->labels, handle->vectors);
  if (!index) {
    last_error = index.error_text();
    return nullptr;
  }
  handle->companion.index = std::move(index).value();
  handle->companion.weight = weight;
  handle->has_index = true;
  handle->text = tandem::nlu::save_encoder_companion(handle->companion);
  return handle->text.data();
}

EMSCRIPTEN_KEEPALIVE size_t tandem_encoder_size(Handle* handle) {
  return handle->text.size();
}

// What the handle holds, as JSON: max_tokens, vocab_size, and once indexed
// labels, dims, phrasings, temperature and weight.
EMSCRIPTEN_KEEPALIVE const char* tandem_encoder_info(Handle* handle) {
  const EncoderCompanion& c = handle->companion;
  nlohmann::json info = {{"max_tokens", c.max_tokens}, {"vocab_size", c.tokenizer.vocab_size()}};
  if (handle->has_index) {
    info["labels"] = c.index.labels();
    info["dims"] = c.index.dims();
    info["phrasings"] = c.index.size();
    info["temperature"] = c.index.temperature();
    info["weight"] = c.weight;
  }
  handle->text = dump(info);
  return handle->text.c_str();
}

EMSCRIPTEN_KEEPALIVE void tandem_encoder_destroy(Handle* handle) {
  delete handle;
}

}  // extern "C"
