#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "base/binary_codec.h"
#include "engine/model.h"
#include "kb/action_response.h"

namespace tandem::engine {
namespace {

constexpr char kMagic[4] = {'T', 'N', 'D', 'M'};
constexpr size_t kHeaderSize = 16;

// Sections are tagged and length-prefixed so that a newer writer can add
// sections an older reader skips.
enum Section : uint8_t {
  kMeta = 1,
  kAnswers = 2,
  kClassifier = 3,
  kFaqIndex = 4,
  kPersonRequest = 5,  // optional: older models lack it and never detect a request
  kPolicyExtras = 6,   // optional: fields added after format 1 (order id prefix, redactions)
  kWords = 7,          // optional: labels of intents and FAQs, the widget's own messages
  kActions = 8,        // optional: action hosts, actions, and which entry names which
};

void write_section(BinaryWriter& out, Section tag, const BinaryWriter& body) {
  out.u8(tag);
  out.varint(body.bytes().size());
  out.raw(body.bytes().data(), body.bytes().size());
}

void write_strings(BinaryWriter& out, const std::vector<std::string>& items) {
  out.varint(items.size());
  for (const auto& s : items) out.str(s);
}

std::vector<std::string> read_strings(BinaryReader& in) {
  std::vector<std::string> items(in.count());
  for (auto& s : items) s = in.str();
  return items;
}

void write_answers(BinaryWriter& out, const kb::KnowledgeBase& kb) {
  out.varint(kb.intents.size());
  for (const auto& intent : kb.intents) {
    out.str(intent.id);
    out.str(intent.category);
    out.str(intent.answer);
    out.u8(intent.sensitive ? 1 : 0);
    out.str(intent.queue);
    out.u8(static_cast<uint8_t>(intent.priority));
    write_strings(out, intent.details);
  }
  out.varint(kb.faqs.size());
  for (const auto& faq : kb.faqs) {
    out.str(faq.id);
    out.str(faq.category);
    out.str(faq.answer);
  }
  out.f32(kb.policy.answer_threshold);
  out.f32(kb.policy.clarify_margin);
  out.varint(static_cast<uint64_t>(kb.policy.low_confidence_turns));
  out.str(kb.policy.default_queue);
  out.str(kb.messages.fallback);
  out.str(kb.messages.clarify);
  out.str(kb.messages.handoff);
}

void read_answers(BinaryReader& in, kb::KnowledgeBase& kb) {
  kb.intents.resize(in.count(7));
  for (auto& intent : kb.intents) {
    intent.id = in.str();
    intent.category = in.str();
    intent.answer = in.str();
    intent.sensitive = in.u8() != 0;
    intent.queue = in.str();
    const uint8_t priority = in.u8();
    if (priority > static_cast<uint8_t>(kb::Priority::kUrgent)) in.fail("unknown priority");
    intent.priority = static_cast<kb::Priority>(priority);
    intent.details = read_strings(in);
  }
  kb.faqs.resize(in.count(3));
  for (auto& faq : kb.faqs) {
    faq.id = in.str();
    faq.category = in.str();
    faq.answer = in.str();
  }
  kb.policy.answer_threshold = in.f32();
  kb.policy.clarify_margin = in.f32();
  const uint64_t low_confidence_turns = in.varint();
  kb.policy.default_queue = in.str();
  // The same ranges the knowledge-base validator enforces (kb_loader.cpp): a
  // file with a valid checksum can still carry values no trainer writes.
  const float answer_threshold = kb.policy.answer_threshold;
  if (in.ok() &&
      !(answer_threshold == -1.0f || (answer_threshold > 0.0f && answer_threshold < 1.0f)))
    in.fail("answer threshold out of range");
  if (in.ok() && !(kb.policy.clarify_margin >= 0.0f && kb.policy.clarify_margin < 1.0f))
    in.fail("clarify margin out of range");
  if (in.ok() && (low_confidence_turns < 1 || low_confidence_turns > kb::kMaxLowConfidenceTurns))
    in.fail("low-confidence turn count out of range");
  kb.policy.low_confidence_turns = static_cast<int>(low_confidence_turns);
  kb.messages.fallback = in.str();
  kb.messages.clarify = in.str();
  kb.messages.handoff = in.str();
}

void write_pairs(BinaryWriter& out, const std::vector<std::pair<std::string, std::string>>& pairs) {
  out.varint(pairs.size());
  for (const auto& [key, value] : pairs) {
    out.str(key);
    out.str(value);
  }
}

std::vector<std::pair<std::string, std::string>> read_pairs(BinaryReader& in) {
  std::vector<std::pair<std::string, std::string>> pairs(in.count(2));
  for (auto& [key, value] : pairs) {
    key = in.str();
    value = in.str();
  }
  return pairs;
}

void write_actions(BinaryWriter& out, const kb::KnowledgeBase& kb) {
  write_strings(out, kb.action_hosts);
  out.varint(kb.actions.size());
  for (const auto& action : kb.actions) {
    for (const auto* text :
         {&action.id, &action.method, &action.url, &action.sign_in, &action.not_found})
      out.str(*text);
    write_pairs(out, action.headers);
    out.u8(action.needs_customer ? 1 : 0);
    out.varint(static_cast<uint64_t>(action.timeout_ms));
    out.varint(action.fields.size());
    for (const auto& field : action.fields) {
      out.str(field.name);
      out.str(field.pointer);
      out.u8(static_cast<uint8_t>(field.type));
      write_strings(out, field.values);
    }
    out.varint(action.answers.size());
    for (const auto& answer : action.answers) {
      write_pairs(out, answer.when);
      out.str(answer.text);
    }
  }
  for (const auto& intent : kb.intents) out.str(intent.action);
  for (const auto& faq : kb.faqs) out.str(faq.action);
}

// A file with a valid checksum can still name a host it does not allow, or
// plain http to another machine: the widget would refuse the call, the reader does first.
void read_actions(BinaryReader& in, kb::KnowledgeBase& kb) {
  kb.action_hosts = read_strings(in);
  kb.actions.resize(in.count(8));
  for (auto& action : kb.actions) {
    for (auto* text : {&action.id, &action.method, &action.url, &action.sign_in, &action.not_found})
      *text = in.str();
    action.headers = read_pairs(in);
    action.needs_customer = in.u8() != 0;
    action.timeout_ms = static_cast<int>(std::min<uint64_t>(in.varint(), kb::kMaxActionTimeoutMs));
    action.fields.resize(in.count(4));
    for (auto& field : action.fields) {
      field.name = in.str();
      field.pointer = in.str();
      const uint8_t type = in.u8();
      if (type > static_cast<uint8_t>(kb::FieldType::kEnum)) in.fail("unknown field type");
      field.type = static_cast<kb::FieldType>(type);
      field.values = read_strings(in);
      if (in.ok() && !kb::is_json_pointer(field.pointer)) in.fail("a field pointer is not valid");
    }
    action.answers.resize(in.count(2));
    for (auto& answer : action.answers) {
      answer.when = read_pairs(in);
      answer.text = in.str();
    }
    const std::string host = kb::url_host(action.url);
    const bool allowed =
        std::find(kb.action_hosts.begin(), kb.action_hosts.end(), host) != kb.action_hosts.end();
    if (in.ok() &&
        (!allowed || (action.url.rfind("https://", 0) != 0 && !kb::is_loopback_host(host))))
      in.fail("action " + action.id + " calls a host the file does not allow");
  }
  for (auto& intent : kb.intents) intent.action = in.str();
  for (auto& faq : kb.faqs) faq.action = in.str();
}

// Every classifier class must name an intent or FAQ of the answer table.
bool resolve_labels(const Model& model) {
  std::unordered_set<std::string> ids;
  for (const auto& intent : model.kb.intents) ids.insert(intent.id);
  for (const auto& faq : model.kb.faqs) ids.insert(faq.id);
  for (const auto& label : model.classifier.labels())
    if (!ids.count(label)) return false;
  return true;
}

}  // namespace

float FaqCalibration::probability(float score) const {
  return 1.0f / (1.0f + std::exp(-(slope * score + intercept)));
}

std::string write_model(const Model& model) {
  BinaryWriter payload;
  BinaryWriter meta;
  meta.u8(model.from_knowledge_base ? 1 : 0);
  meta.str(model.kb.name);
  meta.str(model.kb.locale);
  write_section(payload, kMeta, meta);

  BinaryWriter answers;
  write_answers(answers, model.kb);
  answers.f32(model.faq_calibration.slope);
  answers.f32(model.faq_calibration.intercept);
  write_section(payload, kAnswers, answers);

  BinaryWriter classifier;
  model.classifier.save(classifier);
  write_section(payload, kClassifier, classifier);

  BinaryWriter faqs;
  model.faq_index.save(faqs);
  write_section(payload, kFaqIndex, faqs);

  if (!model.person_request.empty()) {
    BinaryWriter person;
    model.person_request.save(person);
    write_strings(person, model.person_request_intents);
    write_section(payload, kPersonRequest, person);
  }

  BinaryWriter extras;
  extras.str(model.kb.policy.order_id_prefix);
  extras.varint(model.kb.redactions.size());
  for (const auto& rule : model.kb.redactions) {
    extras.str(rule.name);
    extras.str(rule.pattern);
  }
  write_section(payload, kPolicyExtras, extras);

  BinaryWriter words;
  for (const auto& intent : model.kb.intents) words.str(intent.label);
  for (const auto& faq : model.kb.faqs) words.str(faq.label);
  for (const auto* text : {&model.kb.messages.greeting, &model.kb.messages.subtitle,
                           &model.kb.messages.placeholder, &model.kb.messages.contact})
    words.str(*text);
  write_section(payload, kWords, words);

  if (!model.kb.actions.empty()) {
    BinaryWriter actions;
    write_actions(actions, model.kb);
    write_section(payload, kActions, actions);
  }

  BinaryWriter file;
  file.raw(kMagic, sizeof kMagic);
  file.u32(kModelFormatVersion);
  file.u32(static_cast<uint32_t>(payload.bytes().size()));
  file.u32(crc32(payload.bytes()));
  file.raw(payload.bytes().data(), payload.bytes().size());
  return file.take();
}

Expected<Model> read_model(std::string_view bytes) {
  auto error = [](std::string what) {
    return Expected<Model>(Error{"model file", std::move(what)});
  };
  if (bytes.size() < kHeaderSize) return error("too short to be a Tandem model (truncated?)");
  if (bytes.substr(0, 4) != std::string_view(kMagic, 4))
    return error("not a Tandem model (bad magic bytes); was it written by `tandem train`?");
  BinaryReader header(bytes.substr(4, kHeaderSize - 4));
  const uint32_t version = header.u32();
  const uint32_t size = header.u32();
  const uint32_t checksum = header.u32();
  if (version != kModelFormatVersion)
    return error("format version " + std::to_string(version) +
                 " is not supported (this build reads " + std::to_string(kModelFormatVersion) +
                 "); retrain with this version of tandem");
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (payload.size() != size)
    return error("payload is " + std::to_string(payload.size()) + " bytes but the header says " +
                 std::to_string(size) + " (truncated or padded file)");
  if (crc32(payload) != checksum) return error("checksum mismatch: the file is corrupted");

  Model model;
  bool seen[9] = {};
  BinaryReader in(payload);
  while (in.ok() && !in.at_end()) {
    const uint8_t tag = in.u8();
    const size_t length = in.count();
    BinaryReader section(in.raw(length));
    if (!in.ok()) break;
    switch (tag) {
      case kMeta:
        model.from_knowledge_base = section.u8() != 0;
        model.kb.name = section.str();
        model.kb.locale = section.str();
        break;
      case kAnswers:
        read_answers(section, model.kb);
        model.faq_calibration.slope = section.f32();
        model.faq_calibration.intercept = section.f32();
        break;
      case kClassifier:
        model.classifier = nlu::IntentClassifier::load(section);
        break;
      case kFaqIndex:
        model.faq_index = retrieval::FaqIndex::load(section);
        break;
      case kPersonRequest:
        model.person_request = nlu::PersonRequestDetector::load(section);
        model.person_request_intents = read_strings(section);
        break;
      case kPolicyExtras:
        model.kb.policy.order_id_prefix = section.str();
        model.kb.redactions.resize(section.count(2));
        for (auto& rule : model.kb.redactions) {
          rule.name = section.str();
          rule.pattern = section.str();
          if (section.ok() && privacy::rule_problem(rule))
            section.fail("redaction rule " + rule.name + " is not valid");
        }
        break;
      case kWords:  // after kAnswers in every file that has it
        for (auto& intent : model.kb.intents) intent.label = section.str();
        for (auto& faq : model.kb.faqs) faq.label = section.str();
        for (auto* text : {&model.kb.messages.greeting, &model.kb.messages.subtitle,
                           &model.kb.messages.placeholder, &model.kb.messages.contact})
          *text = section.str();
        break;
      case kActions:  // after kAnswers: it names their entries' actions
        read_actions(section, model.kb);
        break;
      default:
        continue;  // a section from a newer writer
    }
    if (!section.ok()) return error("section " + std::to_string(tag) + ": " + section.error());
    seen[tag] = true;
  }
  if (!in.ok()) return error(in.error());
  for (int tag = kMeta; tag <= kFaqIndex; ++tag)
    if (!seen[tag]) return error("section " + std::to_string(tag) + " is missing");
  if (!resolve_labels(model)) return error("the classifier knows an id the answer table lacks");
  if (model.faq_index.size() != model.kb.faqs.size())
    return error("the FAQ index and the answer table disagree on the number of FAQs");
  return model;
}

}  // namespace tandem::engine
