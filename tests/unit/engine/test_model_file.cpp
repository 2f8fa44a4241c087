#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "base/binary_codec.h"
#include "engine/engine.h"
#include "engine/model.h"
#include "engine_test_support.h"
#include "nlu/random.h"

namespace tandem::engine {
namespace {

constexpr size_t kHeaderSize = 16;

const std::string& demo_bytes() {
  static const std::string bytes = write_model(testing::compiled_demo().model);
  return bytes;
}

std::string payload_of(const std::string& file) {
  return file.substr(kHeaderSize);
}

// A well-formed header around any payload, so the reader gets past the checksum.
std::string with_header(const std::string& payload, uint32_t version = kModelFormatVersion) {
  BinaryWriter file;
  file.raw("TNDM", 4);
  file.u32(version);
  file.u32(static_cast<uint32_t>(payload.size()));
  file.u32(crc32(payload));
  file.raw(payload.data(), payload.size());
  return file.take();
}

void require_error(const std::string& bytes, const std::string& fragment) {
  const auto model = read_model(bytes);
  REQUIRE_FALSE(model.ok());
  INFO(model.error_text());
  CHECK(model.error_text().find(fragment) != std::string::npos);
  CHECK(model.errors().front().where == "model file");
}

// Reading must end in an error or a usable model, never a crash.
void check_error_or_usable(const std::string& bytes) {
  const auto model = read_model(bytes);
  if (!model.ok()) {
    CHECK_FALSE(model.error_text().empty());
    return;
  }
  const Engine engine(model.value());
  const Decision d = engine.decide("where is my refund");
  CHECK_FALSE(action_name(d.action).empty());
  CHECK(d.confidence >= 0.0f);
  CHECK(d.confidence <= 1.0f);
}

const std::vector<std::string>& messages() {
  static const std::vector<std::string> list = {
      "when is my next payment due?",
      "where is my refund",
      "my card was declined",
      "someone used my account to buy things I never ordered",
      "What are your opening hours?",
      "Is Lumen Pay interest-free?",
      "I want to close my account",
      "can I pay off my plan early",
      "I can't log in",
      "how do I change my address",
      "what is my spending limit",
      "I want to talk to a human",
      "I'm struggling to pay, I lost my job",
      "this service is terrible, I want to complain",
      "where is my order",
      "why was I charged a late fee",
      "can I move my payment date",
      "what's the weather like",
      "",
      "\xF0\x9F\x98\x80",
  };
  return list;
}

TEST_CASE("a model survives the round trip through its file", "[model]") {
  const std::string& bytes = demo_bytes();
  REQUIRE(bytes.size() > kHeaderSize);
  CHECK(bytes.substr(0, 4) == "TNDM");
  const auto loaded = read_model(bytes);
  INFO((loaded.ok() ? std::string() : loaded.error_text()));
  REQUIRE(loaded.ok());
  CHECK(write_model(loaded.value()) == bytes);

  const Model& original = testing::compiled_demo().model;
  CHECK(loaded->from_knowledge_base);
  CHECK(loaded->kb.name == original.kb.name);
  CHECK(loaded->kb.intents.size() == original.kb.intents.size());
  CHECK(loaded->kb.faqs.size() == original.kb.faqs.size());

  const Engine before(original), after(loaded.value());
  CHECK(before.answer_threshold() == after.answer_threshold());
  for (const auto& message : messages()) {
    INFO(message);
    const Decision a = before.decide(message), b = after.decide(message);
    CHECK(a.action == b.action);
    CHECK(a.intent == b.intent);
    CHECK(a.confidence == b.confidence);
    CHECK(a.reply == b.reply);
    CHECK(a.reason == b.reason);
    REQUIRE(a.candidates.size() == b.candidates.size());
    for (size_t i = 0; i < a.candidates.size(); ++i) {
      CHECK(a.candidates[i].id == b.candidates[i].id);
      CHECK(a.candidates[i].confidence == b.candidates[i].confidence);
    }
  }
}

// A copy of the demo model with one loaded value no trainer writes, behind a
// valid checksum: the reader must refuse it, not load it and fail later.
template <typename Edit>
void require_refused(Edit edit, const std::string& fragment) {
  Model model = testing::compiled_demo().model;
  edit(model);
  require_error(write_model(model), fragment);
}

TEST_CASE("well-formed files with values no trainer writes are refused", "[model]") {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  require_refused([&](Model& m) { m.kb.policy.clarify_margin = nan; }, "not finite");
  require_refused([&](Model& m) { m.kb.policy.answer_threshold = -inf; }, "not finite");
  require_refused([](Model& m) { m.kb.policy.answer_threshold = 1.5f; }, "answer threshold");
  require_refused([](Model& m) { m.kb.policy.answer_threshold = 0.0f; }, "answer threshold");
  require_refused([](Model& m) { m.kb.policy.clarify_margin = -0.1f; }, "clarify margin");
  require_refused([](Model& m) { m.kb.policy.low_confidence_turns = 0; }, "low-confidence");
  require_refused([](Model& m) { m.kb.policy.low_confidence_turns = 1000; }, "low-confidence");
}

TEST_CASE("NaN or infinity anywhere in a real model's floats is refused", "[model]") {
  // Every 4-byte window of the payload is overwritten in turn with a NaN: each
  // load either refuses it or never read those bytes as a float, and the
  // engine it builds still gives finite confidences.
  const std::string payload = payload_of(demo_bytes());
  const char nan_bits[4] = {0, 0, '\xc0', '\x7f'};
  for (size_t at = 0; at + 4 <= payload.size(); at += 997) {
    std::string edited = payload;
    edited.replace(at, 4, nan_bits, 4);
    INFO("NaN at payload byte " << at);
    check_error_or_usable(with_header(edited));
  }
}

TEST_CASE("Engine::load reads a model file and rejects a bad one", "[model]") {
  const auto engine = Engine::load(demo_bytes());
  REQUIRE(engine.ok());
  CHECK(engine->decide("where is my refund").intent == "refund_status");
  const auto bad = Engine::load("not a model");
  REQUIRE_FALSE(bad.ok());
  CHECK_FALSE(bad.error_text().empty());
}

TEST_CASE("a truncated model file gives a clear error", "[model]") {
  const std::string& bytes = demo_bytes();
  std::vector<size_t> lengths;
  for (size_t n = 0; n < 64; ++n) lengths.push_back(n);
  for (size_t i = 0; i < 200; ++i) lengths.push_back(64 + i * (bytes.size() - 65) / 199);
  for (size_t n : lengths) {
    INFO("first " << n << " of " << bytes.size() << " bytes");
    require_error(bytes.substr(0, n), "truncated");
  }
}

TEST_CASE("a truncated payload behind a valid header gives an error, not a crash", "[model]") {
  const std::string payload = payload_of(demo_bytes());
  for (size_t i = 0; i < 200; ++i) {
    const size_t n = i * (payload.size() - 1) / 199;
    INFO("payload cut to " << n << " of " << payload.size() << " bytes");
    REQUIRE_FALSE(read_model(with_header(payload.substr(0, n))).ok());
  }
}

TEST_CASE("a flipped byte anywhere in the payload fails the checksum", "[model]") {
  const std::string& bytes = demo_bytes();
  const size_t payload = bytes.size() - kHeaderSize;
  for (size_t i = 0; i <= 200; ++i) {
    const size_t at = kHeaderSize + i * (payload - 1) / 200;
    std::string corrupted = bytes;
    corrupted[at] = static_cast<char>(corrupted[at] ^ 0x5A);
    INFO("byte " << at);
    require_error(corrupted, "checksum");
  }
}

TEST_CASE("a foreign file, a newer format or a wrong size is refused", "[model]") {
  const std::string& bytes = demo_bytes();
  std::string foreign = bytes;
  foreign[3] = 'X';
  require_error(foreign, "magic");
  require_error("\x89PNG\r\n\x1a\n" + std::string(64, '\0'), "magic");

  require_error(with_header(payload_of(bytes), kModelFormatVersion + 1),
                "version " + std::to_string(kModelFormatVersion + 1));

  require_error(bytes + '\0', "header says");
  std::string bigger = bytes;  // the size field (bytes 8..11, little-endian) plus one
  bigger[8] = static_cast<char>(bigger[8] + 1);
  require_error(bigger, "header says");
}

TEST_CASE("sections from a newer writer are skipped", "[model]") {
  BinaryWriter extra;
  extra.u8(200);  // an unknown tag
  extra.str("a section this reader does not know");
  const auto loaded = read_model(with_header(payload_of(demo_bytes()) + extra.take()));
  INFO((loaded.ok() ? std::string() : loaded.error_text()));
  REQUIRE(loaded.ok());
  CHECK(Engine(loaded.value()).decide("where is my refund").intent == "refund_status");
}

std::string section(uint8_t tag, const std::string& body) {
  BinaryWriter out;
  out.u8(tag);
  out.str(body);
  return out.take();
}

std::string varint(uint64_t v) {
  BinaryWriter out;
  out.varint(v);
  return out.take();
}

TEST_CASE("garbage behind a valid checksum gives an error, no crash", "[model]") {
  SECTION("random payloads") {
    nlu::Random random(7);
    for (int i = 0; i < 300; ++i) {
      std::string payload(1 + random.below(i < 100 ? 16 : 4096), '\0');
      for (auto& c : payload) c = static_cast<char>(random.next());
      // Valid tags with random bodies reach the section parsers.
      if (i % 2) payload[0] = static_cast<char>(1 + random.below(4));
      INFO("payload " << i << " of " << payload.size() << " bytes");
      CHECK_FALSE(read_model(with_header(payload)).ok());
    }
  }
  SECTION("huge counts and lengths") {
    const std::string huge = varint(uint64_t{1} << 60);
    const std::vector<std::string> payloads = {
        std::string(1, '\3') + huge,                     // section longer than the file
        std::string(1, '\1') + std::string(12, '\xff'),  // malformed length varint
        section(2, huge),                                // 2^60 intents
        section(2, varint(0) + huge),                    // 2^60 faqs
        section(3, huge),                                // 2^60 labels
        section(3, varint(0) + '\0' + std::string(8, '\0') + varint(24) + huge),
        section(4, std::string(1, '\1') + huge),  // 2^60 FAQs in the index
        section(1, std::string(1, '\1') + huge),  // a 2^60-byte name
        section(1, std::string(3, '\0')),         // only the meta section
        std::string(),                            // no sections at all
    };
    for (size_t i = 0; i < payloads.size(); ++i) {
      INFO("payload " << i);
      const auto model = read_model(with_header(payloads[i]));
      REQUIRE_FALSE(model.ok());
      CHECK_FALSE(model.error_text().empty());
    }
  }
  SECTION("a real model with corrupted bytes and a recomputed checksum") {
    const std::string payload = payload_of(demo_bytes());
    nlu::Random random(11);
    for (int i = 0; i < 120; ++i) {
      std::string corrupted = payload;
      const int flips = 1 + static_cast<int>(random.below(4));
      for (int k = 0; k < flips; ++k)
        corrupted[random.below(corrupted.size())] = static_cast<char>(random.next());
      INFO("corruption " << i);
      check_error_or_usable(with_header(corrupted));
    }
  }
}

}  // namespace
}  // namespace tandem::engine
