// The widget's side of the desk: hand a conversation over, then exchange
// messages with the agent, authorised by the customer token of the handoff.
#include <chrono>

#include "desk/crypto.h"
#include "desk/desk.h"
#include "desk/http/forwarded.h"
#include "desk/http/http_server.h"
#include "desk/http/http_util.h"
#include "desk/limits.h"
#include "desk/routes/bundle_check.h"
#include "desk/text_length.h"

namespace tandem::desk {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

int priority_rank(const std::string& priority) {
  if (priority == "urgent") return 3;
  if (priority == "high") return 2;
  if (priority == "normal") return 1;
  return 0;
}

void post_handoff(Desk& desk, const Request& req, Response& res) {
  if (!has_json_content_type(req)) {
    return send_error(res, 415, "Content-Type must be application/json");
  }
  if (req.body.size() > kMaxBundleBytes) {
    return send_error(res, 413, "bundle larger than " + std::to_string(kMaxBundleBytes) + " bytes");
  }
  const json bundle = json::parse(req.body, nullptr, false);
  if (bundle.is_discarded()) return send_error(res, 400, "body is not valid JSON");
  if (auto problem = bundle_problem(bundle)) return send_error(res, 422, *problem);
  const std::string& id = bundle["id"].get_ref<const std::string&>();
  if (req.has_header("Idempotency-Key") && req.get_header_value("Idempotency-Key") != id) {
    return send_error(res, 400, "Idempotency-Key must equal the bundle id");
  }
  const auto token = random_hex(kCustomerTokenBytes);
  const auto conversation = random_hex(kConversationIdBytes);
  if (!token || !conversation) return send_error(res, 500, "no randomness available");

  NewHandoff handoff{id, bundle.dump(), 0, "c_" + *conversation, sha256_hex(*token)};
  handoff.priority = priority_rank(bundle["intent"]["priority"].get<std::string>());
  const HandoffResult result = desk.store.add_handoff(handoff, now_ms());
  switch (result.outcome) {
    case HandoffOutcome::kCreated:
    case HandoffOutcome::kRepeated:
      desk.signal.notify();
      return send_json(res, result.outcome == HandoffOutcome::kCreated ? 201 : 200,
                       {{"conversation_id", result.conversation_id}, {"customer_token", *token}});
    case HandoffOutcome::kConflict:
      return send_error(res, 409, "a different bundle with id " + id + " was already received");
    case HandoffOutcome::kFailed:
      break;
  }
  send_error(res, 503, "the database did not accept the bundle; retry");
}

// The conversation in the path, if the bearer token grants it; otherwise
// nullopt after sending 401 (no token) or 403 (a token that does not grant it).
std::optional<std::string> authorised_conversation(Desk& desk, const Request& req, Response& res) {
  const auto token = bearer_token(req);
  if (!token) {
    send_error(res, 401, "missing Authorization: Bearer <customer_token>");
    return std::nullopt;
  }
  const std::string conversation = req.matches[1];
  const auto granted = desk.store.conversation_of_token(sha256_hex(*token));
  if (!granted || *granted != conversation) {
    send_error(res, 403, "this token does not grant access to this conversation");
    return std::nullopt;
  }
  return conversation;
}

std::optional<std::int64_t> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

void get_messages(Desk& desk, const Request& req, Response& res) {
  const auto conversation = authorised_conversation(desk, req, res);
  if (!conversation) return;
  const auto after = parse_count(req.has_param("after") ? req.get_param_value("after") : "0");
  const auto wait = parse_count(req.has_param("wait") ? req.get_param_value("wait") : "0");
  if (!after) return send_error(res, 400, "after must be a message cursor (a whole number)");
  if (!wait) return send_error(res, 400, "wait must be a whole number of seconds");
  // The state the widget last saw: a change to it (an agent opened, answered
  // or resolved the conversation) ends the wait as a message does.
  const std::string known = req.has_param("status") ? req.get_param_value("status") : "";

  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::seconds(std::min<std::int64_t>(*wait, kMaxWaitSeconds));
  std::optional<std::vector<Message>> messages;
  std::optional<std::string> status;
  // Held long-polls are counted per conversation, per client and in all, so
  // that they cannot take every worker thread; a wait is asked for only when
  // there is nothing to answer yet.
  const std::string client = client_address(desk.options, req);
  bool waiting = false;
  for (;;) {
    const std::uint64_t seen = desk.signal.version();
    messages = desk.store.messages(*conversation, *after, "agent");
    status = desk.store.progress(*conversation);
    if (!messages || !status || !messages->empty() || *wait == 0) break;
    if (!known.empty() && *status != known) break;
    if (!waiting) {
      if (const auto refused = desk.long_polls.enter(*conversation, client)) {
        return send_too_many(res, *refused + ": retry later", kRetryAfterSeconds);
      }
      waiting = true;
    }
    if (!desk.signal.wait_for_change(seen, deadline)) break;
  }
  if (waiting) desk.long_polls.leave(*conversation, client);
  if (!messages || !status) return send_error(res, 503, "the database is unavailable; retry");

  json list = json::array();
  std::int64_t cursor = *after;
  for (const Message& message : *messages) {
    list.push_back(message_json(message));
    cursor = message.id;
  }
  send_json(res, 200, {{"messages", list}, {"cursor", cursor}, {"status", *status}});
}

void post_message(Desk& desk, const Request& req, Response& res) {
  const auto conversation = authorised_conversation(desk, req, res);
  if (!conversation) return;
  const auto text = read_message_text(req, res);
  if (!text) return;
  const std::int64_t now = now_ms();
  const auto id = desk.store.add_message(*conversation, "customer", *text, now);
  if (!id) return send_error(res, 503, "the database did not accept the message; retry");
  desk.signal.notify();
  json answer = message_json({*id, "customer", *text, now, "", ""});
  // A message to a resolved conversation reopened it: the widget says so.
  answer["status"] = desk.store.progress(*conversation).value_or("queued");
  send_json(res, 201, answer);
}

// The customer went back to the bot: the agent sees the conversation resolved.
void end_conversation(Desk& desk, const Request& req, Response& res) {
  const auto conversation = authorised_conversation(desk, req, res);
  if (!conversation) return;
  if (!desk.store.resolve(*conversation, now_ms(), kCustomerActor)) {
    return send_error(res, 503, "the database did not accept the change; retry");
  }
  desk.signal.notify();
  send_json(res, 200, {{"id", *conversation}, {"status", "resolved"}});
}

}  // namespace

std::optional<std::string> read_message_text(const Request& req, Response& res) {
  if (!has_json_content_type(req)) {
    send_error(res, 415, "Content-Type must be application/json");
    return std::nullopt;
  }
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    send_error(res, 400, "body is not valid JSON");
    return std::nullopt;
  }
  const auto text = body.is_object() && body.size() == 1 ? body.find("text") : body.end();
  const std::size_t length = text != body.end() && text->is_string()
                                 ? code_points(text->get_ref<const std::string&>())
                                 : 0;
  if (length == 0 || length > kMaxMessageChars) {
    send_error(res, 422,
               "body must be {\"text\": \"...\"} with 1 to " + std::to_string(kMaxMessageChars) +
                   " characters");
    return std::nullopt;
  }
  return text->get<std::string>();
}

json message_json(const Message& message) {
  json out = {{"id", message.id},
              {"role", message.role},
              {"text", message.text},
              {"time", rfc3339_utc(message.time_ms)}};
  if (!message.agent_name.empty()) out["agent_name"] = message.agent_name;
  return out;
}

json agent_message_json(const Message& message) {
  json out = message_json(message);
  if (message.role == "agent") out["agent"] = message.agent;
  return out;
}

void add_customer_routes(httplib::Server& server, Desk& desk) {
  server.Post("/v1/handoffs",
              [&desk](const Request& req, Response& res) { post_handoff(desk, req, res); });
  const std::string messages = R"(/v1/conversations/([A-Za-z0-9_]{1,64})/messages)";
  server.Get(messages,
             [&desk](const Request& req, Response& res) { get_messages(desk, req, res); });
  server.Post(messages,
              [&desk](const Request& req, Response& res) { post_message(desk, req, res); });
  server.Post(R"(/v1/conversations/([A-Za-z0-9_]{1,64})/end)",
              [&desk](const Request& req, Response& res) { end_conversation(desk, req, res); });
}

}  // namespace tandem::desk
