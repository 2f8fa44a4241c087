// An agent's work on a conversation besides replying: take it, release it,
// and leave internal notes for colleagues. Notes live apart from messages:
// no customer route ever reads them. Each action is audited (store_work.cpp).
#include "desk/agents/agent_auth.h"
#include "desk/desk.h"
#include "desk/http/http_util.h"

namespace tandem::desk {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

void send_assignment(Response& res, const std::string& id, const AssignResult& result) {
  switch (result.outcome) {
    case AssignOutcome::kChanged:
    case AssignOutcome::kUnchanged:
      return send_json(
          res, 200,
          {{"id", id}, {"assignee", result.assignee.empty() ? json() : json(result.assignee)}});
    case AssignOutcome::kSomeoneElses:
      return send_error(res, 409, "the conversation is assigned to " + result.assignee);
    case AssignOutcome::kNotFound:
      return send_error(res, 404, "no conversation " + id);
    case AssignOutcome::kFailed:
      break;
  }
  send_error(res, 503, "the database did not accept the change; retry");
}

// POSTs need a JSON content type: the CSRF defence (agent_routes.cpp resolve).
std::optional<AgentIdentity> authorised_post(Desk& desk, const Request& req, Response& res) {
  auto me = agent_identity(desk, req, res);
  if (me && !has_json_content_type(req)) {
    send_error(res, 415, "Content-Type must be application/json");
    return std::nullopt;
  }
  return me;
}

void take(Desk& desk, const Request& req, Response& res) {
  const auto me = authorised_post(desk, req, res);
  if (!me) return;
  const std::string id = req.matches[1];
  send_assignment(res, id, desk.store.take(id, me->name, now_ms()));
}

void release(Desk& desk, const Request& req, Response& res) {
  const auto me = authorised_post(desk, req, res);
  if (!me) return;
  const std::string id = req.matches[1];
  send_assignment(res, id, desk.store.release(id, me->name, me->shared(), now_ms()));
}

void add_note(Desk& desk, const Request& req, Response& res) {
  const auto me = agent_identity(desk, req, res);
  if (!me) return;
  const auto text = read_message_text(req, res);
  if (!text) return;
  const std::string id = req.matches[1];
  if (!desk.store.status(id)) return send_error(res, 404, "no conversation " + id);
  const std::int64_t now = now_ms();
  if (!desk.store.add_note(id, me->name, *text, now)) {
    return send_error(res, 503, "the database did not accept the note; retry");
  }
  send_json(res, 201, {{"agent", me->name}, {"text", *text}, {"time", rfc3339_utc(now)}});
}

}  // namespace

void add_assignment_routes(httplib::Server& server, Desk& desk) {
  const std::string one = R"(/v1/agent/conversations/([A-Za-z0-9_]{1,64}))";
  server.Post(one + "/take", [&desk](const Request& req, Response& res) { take(desk, req, res); });
  server.Post(one + "/release",
              [&desk](const Request& req, Response& res) { release(desk, req, res); });
  server.Post(one + "/notes",
              [&desk](const Request& req, Response& res) { add_note(desk, req, res); });
}

}  // namespace tandem::desk
