#include "session_calls.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/decision_json.h"
#include "handoff/bundle.h"
#include "kb/json_read.h"
#include "kb/json_text.h"

namespace tandem::wasm {
namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A time in ms, or 0. A float out of int64's range (3e114) is not converted:
// that conversion is undefined behaviour (found by fuzz_session_calls).
int64_t ms_of(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number()) return 0;
  if (found->is_number_integer()) return found->get<int64_t>();
  const double ms = found->get<double>();
  return std::isfinite(ms) && std::fabs(ms) < 9.0e18 ? static_cast<int64_t>(ms) : 0;
}

// A score from the page as a float, or nothing when it is not a number a
// float holds (a double beyond float's range does not convert).
std::optional<float> score_of(const json& value) {
  if (!value.is_number()) return std::nullopt;
  const double v = value.get<double>();
  if (!std::isfinite(v) || std::fabs(v) > 1.0e30) return std::nullopt;
  return static_cast<float>(v);
}

// "2025-11-25" -> {2025, 11, 25}; anything else leaves relative dates unresolved.
dialogue::CalendarDate date_of(const std::string& text) {
  dialogue::CalendarDate date;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return date;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = starts[i]; k < starts[i] + lengths[i]; ++k) {
      if (text[k] < '0' || text[k] > '9') return date;
      parts[i] = parts[i] * 10 + (text[k] - '0');
    }
  }
  return {parts[0], parts[1], parts[2]};
}

dialogue::Context context_of(const json& request) {
  dialogue::Context context;
  context.now_ms = ms_of(request, "now_ms");
  context.details.today = date_of(text_of(request, "today"));
  context.details.order_id_prefix = text_of(request, "order_id_prefix");
  if (auto currency = text_of(request, "currency"); !currency.empty())
    context.details.default_currency = currency;
  return context;
}

// The reply with the keys of decide() (one writer, engine/decision_json), plus
// what only the policy knows.
std::string reply_json(const dialogue::Reply& reply) {
  std::string text;
  engine::write_decision_json(dialogue::to_decision(reply), text);
  text.pop_back();  // the closing brace: the policy's keys follow
  const auto key = [&](const char* name) { text.append(",\"").append(name).append("\":"); };
  if (!reply.reason_detail.empty()) {
    key("reason_detail");
    kb::append_json_string(reply.reason_detail, text);
  }
  const auto choice = [&](const dialogue::Choice& c) {
    text += "{\"id\":";
    kb::append_json_string(c.id, text);
    text += ",\"label\":";
    kb::append_json_string(c.label, text);
    text += '}';
  };
  if (!reply.choices.empty()) {
    key("choices");
    for (std::size_t i = 0; i < reply.choices.size(); ++i) {
      text += i == 0 ? "[" : ",";
      choice(reply.choices[i]);
    }
    text += ']';
  }
  if (reply.confirm) {
    key("confirm");
    choice(*reply.confirm);
  }
  if (reply.asking_for) {
    key("asking_for");
    kb::append_json_string(dialogue::detail_name(*reply.asking_for), text);
  }
  if (reply.call) {
    // For the widget to fetch (web/widget/actions.js); it reports back with op "action_result".
    // Written key by key, as the rest of the reply: nlohmann's object building costs download.
    const auto& c = *reply.call;
    const auto field = [&](const char* name, const std::string& value, bool first = false) {
      text.append(first ? "{\"" : ",\"").append(name).append("\":");
      kb::append_json_string(value, text);
    };
    key("call");
    field("action", c.action, true);
    field("method", c.method);
    field("url", c.url);
    field("body", c.body);
    text += ",\"headers\":{";
    for (std::size_t i = 0; i < c.headers.size(); ++i) {
      if (i > 0) text += ',';
      kb::append_json_string(c.headers[i].first, text);
      text += ':';
      kb::append_json_string(c.headers[i].second, text);
    }
    text += c.needs_customer ? "},\"needs_customer\":true" : "},\"needs_customer\":false";
    text += ",\"timeout_ms\":" + std::to_string(c.timeout_ms) + "}";
  }
  key("turn");
  kb::append_unsigned(reply.turn, text);
  // Which scores decided, so the host (and the tests) can tell the fused answer.
  key("neural");
  text += reply.neural ? "true}" : "false}";
  return text;
}

// The feeds of the trained network's graph (docs/neural.md): the engine
// featurises, the browser's ONNX Runtime only runs the graph.
std::string neural_input(const engine::Engine& engine, const json& request) {
  const auto& classifier = engine.model().classifier;
  if (!classifier.has_neural()) return "\"neural\":null";
  const nlu::NeuralInput input = engine.neural_input(text_of(request, "text"));
  std::string text = "\"neural\":{\"fingerprint\":";
  kb::append_unsigned(classifier.neural_fingerprint(), text);
  text += ",\"rows\":[";
  for (std::size_t i = 0; i < input.rows.size(); ++i) {
    if (i > 0) text += ',';
    kb::append_integer(input.rows[i], text);
  }
  text += "],\"weights\":[";
  for (std::size_t i = 0; i < input.weights.size(); ++i) {
    if (i > 0) text += ',';
    kb::append_number(input.weights[i], text);
  }
  text += "]}";
  return text;
}

// The trained network's {"fingerprint": n, "logits": [...]}.
std::optional<nlu::NeuralScores> trained_scores_of(const json& neural) {
  const auto fingerprint = neural.find("fingerprint");
  const auto logits = neural.find("logits");
  if (fingerprint == neural.end() || !fingerprint->is_number_integer() || logits == neural.end() ||
      !logits->is_array())
    return std::nullopt;
  nlu::NeuralScores scores;
  scores.fingerprint = static_cast<uint32_t>(fingerprint->get<int64_t>());
  for (const auto& value : *logits) {
    const auto score = score_of(value);
    if (!score) return std::nullopt;
    scores.values.push_back(*score);
  }
  return scores;
}

// A company encoder's {"weight": w, "scores": {label: log-probability}}, put in
// the classifier's label order; a label the encoder's index lacks gets the
// mean of the others, so it is neither favoured nor ruled out.
std::optional<nlu::NeuralScores> encoder_scores_of(const engine::Engine& engine,
                                                   const json& encoder) {
  const auto weight = encoder.find("weight");
  const auto by_label = encoder.find("scores");
  const auto encoder_weight = weight == encoder.end() ? std::nullopt : score_of(*weight);
  if (!encoder_weight || by_label == encoder.end() || !by_label->is_object()) return std::nullopt;
  nlu::NeuralScores scores;
  scores.kind = nlu::NeuralScores::Kind::kEncoderLogProbabilities;
  scores.weight = *encoder_weight;
  const auto& labels = engine.model().classifier.labels();
  std::vector<bool> known(labels.size(), false);
  scores.values.assign(labels.size(), 0.0f);
  double sum = 0.0;
  size_t count = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    const auto value = by_label->find(labels[i]);
    const auto score = value == by_label->end() ? std::nullopt : score_of(*value);
    if (!score) continue;
    scores.values[i] = *score;
    known[i] = true;
    sum += scores.values[i];
    ++count;
  }
  if (count == 0) return std::nullopt;
  for (size_t i = 0; i < labels.size(); ++i)
    if (!known[i]) scores.values[i] = static_cast<float>(sum / count);
  return scores;
}

// Scores of a neural model run in the browser, if the request carries any;
// anything malformed is left out and the engine answers on its own scores.
std::optional<nlu::NeuralScores> neural_scores_of(const engine::Engine& engine,
                                                  const json& request) {
  const auto neural = request.find("neural");
  if (neural != request.end() && neural->is_object()) return trained_scores_of(*neural);
  const auto encoder = request.find("encoder");
  if (encoder != request.end() && encoder->is_object()) return encoder_scores_of(engine, *encoder);
  return std::nullopt;
}

// Each call answers the keys it adds to the answer object ("error", "info", ...), as
// JSON text: building nlohmann objects for them costs the widget's download.
using Fields = std::string;

Fields error_field(std::string_view message) {
  Fields text = "\"error\":";
  kb::append_json_string(message, text);
  return text;
}

void keep_reply(Conversation& conversation, const dialogue::Reply& reply) {
  if (reply.action == engine::Action::kHandoff && reply.reason != engine::HandoffReason::kNone)
    conversation.handoff = reply;
  conversation.reply_json = reply_json(reply);
}

Fields restore(const engine::Engine& engine, Conversation& conversation, const json& request) {
  conversation = Conversation{};
  const auto stored = request.find("session");
  if (stored == request.end() || stored->is_null()) return {};
  auto session = dialogue::session_from_json(*stored);
  // A damaged session is reported and replaced by a fresh one: the widget keeps working.
  if (!session) return error_field(session.error_text());
  conversation.session = std::move(session).value();
  // Sessions stored by older versions, or before a KB pattern existed, may hold text in clear.
  dialogue::redact_session(conversation.session, engine.model().kb.redactions);
  return {};
}

Fields choose(const engine::Engine& engine, Conversation& conversation, const json& request) {
  const auto id = request.find("id");
  if (id == request.end() || !id->is_string()) return error_field("choose: id must be a string");
  auto reply =
      dialogue::choose(engine, conversation.session, id->get<std::string>(), context_of(request));
  if (!reply) return error_field(reply.error_text());
  keep_reply(conversation, *reply);
  return {};
}

// What the widget shows before any message: the company's own words.
Fields info(const engine::Engine& engine) {
  const kb::KnowledgeBase& kb = engine.model().kb;
  const auto& m = kb.messages;
  const std::pair<const char*, const std::string*> messages[] = {
      {"greeting", &m.greeting}, {"subtitle", &m.subtitle}, {"placeholder", &m.placeholder},
      {"contact", &m.contact},   {"fallback", &m.fallback}, {"handoff", &m.handoff}};
  Fields text = "\"info\":{\"name\":";
  kb::append_json_string(kb.name, text);
  text += ",\"locale\":";
  kb::append_json_string(kb.locale, text);
  text += ",\"messages\":{";
  for (const auto& [key, words] : messages) {
    if (key != messages[0].first) text += ',';
    kb::append_json_string(key, text);
    text += ':';
    kb::append_json_string(*words, text);
  }
  text += "}}";
  return text;
}

Fields feedback(const engine::Engine& engine, Conversation& conversation, const json& request) {
  const auto turn = request.find("turn");
  const auto helpful = request.find("helpful");
  if (turn == request.end() || !turn->is_number_unsigned() || helpful == request.end() ||
      !helpful->is_boolean())
    return error_field("feedback: expected {turn: unsigned integer, helpful: boolean}");
  auto result =
      dialogue::record_feedback(engine, conversation.session, turn->get<dialogue::TurnNumber>(),
                                helpful->get<bool>(), context_of(request));
  if (!result) return error_field(result.error_text());
  if (!*result) return "\"reply\":null";
  keep_reply(conversation, **result);
  return {};
}

// The widget's report of the pending call: {outcome, body, latency_ms}.
Fields action_result(const engine::Engine& engine, Conversation& conversation,
                     const json& request) {
  static const std::pair<const char*, dialogue::CallOutcome> kOutcomes[] = {
      {"response", dialogue::CallOutcome::kResponse},
      {"not_found", dialogue::CallOutcome::kNotFound},
      {"needs_sign_in", dialogue::CallOutcome::kNeedsSignIn},
      {"timeout", dialogue::CallOutcome::kTimeout},
      {"network", dialogue::CallOutcome::kNetwork},
      {"server_error", dialogue::CallOutcome::kServerError}};
  const std::string name = text_of(request, "outcome");
  dialogue::ActionResult result;
  bool known = false;
  for (const auto& [outcome_name, outcome] : kOutcomes)
    if (name == outcome_name) {
      result.outcome = outcome;
      known = true;
    }
  if (!known) return error_field("action_result: unknown outcome '" + name + "'");
  result.body = text_of(request, "body");
  result.latency_ms = ms_of(request, "latency_ms");
  auto reply = dialogue::complete_action(engine, conversation.session, result, context_of(request));
  if (!reply) return error_field(reply.error_text());
  keep_reply(conversation, *reply);
  return {};
}

// The hosts the knowledge base's actions may call: the widget refuses any other.
Fields action_hosts(const engine::Engine& engine) {
  Fields text = "\"action_hosts\":[";
  const auto& hosts = engine.model().kb.action_hosts;
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    if (i > 0) text += ',';
    kb::append_json_string(hosts[i], text);
  }
  text += ']';
  return text;
}

Fields bundle(const engine::Engine& engine, const Conversation& conversation, const json& request) {
  if (!conversation.handoff) return error_field("bundle: no handoff in this page's conversation");
  handoff::BundleInput input;
  input.id = text_of(request, "id");
  input.created_at_ms = ms_of(request, "created_at_ms");
  const json none = json::object();
  const auto page = request.find("page");
  const json& p = page != request.end() && page->is_object() ? *page : none;
  input.page = {text_of(p, "url"), text_of(p, "title"), text_of(p, "locale"),
                text_of(p, "user_agent")};
  const auto customer = request.find("customer");
  const json& c = customer != request.end() && customer->is_object() ? *customer : none;
  input.customer = {text_of(c, "name"), text_of(c, "email"), text_of(c, "id")};
  auto built =
      handoff::build_bundle(engine.model(), conversation.session, *conversation.handoff, input);
  if (!built) return error_field(built.error_text());
  return "\"bundle\":" + kb::json_text(*built);
}

// What the page showed about an order it knows (an after-sales notice), e.g.
// {"op": "remember", "type": "order_id", "value": "LP-000124", "shown": "..."}.
Fields remember(const engine::Engine& engine, Conversation& conversation, const json& request) {
  const std::string name = text_of(request, "type");
  const std::string value = text_of(request, "value");
  const auto type = dialogue::detail_from_name(name);
  if (!type) return error_field("remember: unknown detail type '" + name + "'");
  if (!dialogue::record_known_detail(engine, conversation.session, *type, value,
                                     text_of(request, "shown"), context_of(request)))
    return error_field("remember: '" + value + "' is not one " + name + ", or shown has no words");
  return {};
}

Fields dispatch(const engine::Engine& engine, Conversation& conversation, const json& request) {
  const std::string op = text_of(request, "op");
  if (op == "restore") return restore(engine, conversation, request);
  if (op == "choose") return choose(engine, conversation, request);
  if (op == "info") return info(engine);
  if (op == "respond") {
    const auto text = request.find("text");
    if (text == request.end() || !text->is_string())
      return error_field("respond: text must be a string");
    const auto neural = neural_scores_of(engine, request);
    dialogue::Context context = context_of(request);
    if (neural) context.neural = &*neural;
    keep_reply(conversation,
               dialogue::respond(engine, conversation.session, text->get<std::string>(), context));
    return {};
  }
  if (op == "neural_input") return neural_input(engine, request);
  if (op == "feedback") return feedback(engine, conversation, request);
  if (op == "bundle") return bundle(engine, conversation, request);
  if (op == "action_result") return action_result(engine, conversation, request);
  if (op == "action_hosts") return action_hosts(engine);
  if (op == "agent_message") {
    dialogue::add_agent_turn(conversation.session, text_of(request, "text"), context_of(request));
    return {};
  }
  if (op == "remember") return remember(engine, conversation, request);
  if (op == "return_to_bot") {
    dialogue::return_to_bot(conversation.session);
    return {};
  }
  return error_field("unknown op '" + op + "'");
}

}  // namespace

std::string session_call(const engine::Engine& engine, Conversation& conversation,
                         std::string_view request) {
  conversation.reply_json.clear();
  const json parsed = kb::read_json(request);
  std::string text = "{";
  text += parsed.is_object() ? dispatch(engine, conversation, parsed)
                             : error_field("the request is not a JSON object");
  if (text.size() > 1) text += ',';
  text += conversation.session.mode == dialogue::Mode::kHuman ? "\"mode\":\"human\""
                                                              : "\"mode\":\"bot\"";
  // The session is written as text into the answer: it is the bulk of every answer.
  if (!conversation.reply_json.empty()) text.append(",\"reply\":").append(conversation.reply_json);
  text += ",\"session\":";
  dialogue::append_session_json(conversation.session, text);
  text += '}';
  return text;
}

}  // namespace tandem::wasm
