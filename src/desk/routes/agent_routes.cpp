// The agent's side: the inbox page and the JSON API it uses, for a named
// agent's session or the shared agent token (agent_auth.h).
#include "desk/agents/agent_auth.h"
#include "desk/crypto.h"
#include "desk/desk.h"
#include "desk/http/http_util.h"
#include "desk/limits.h"
#include "desk/pages/inbox_page.h"

namespace tandem::desk {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

bool agent_authorised(const Desk& desk, const Request& req, Response& res) {
  return agent_identity(desk, req, res).has_value();
}

namespace {

json row_json(const ConversationRow& row) {
  json out = {{"id", row.id},
              {"bundle_id", row.bundle_id},
              {"status", row.status},
              {"priority", row.priority},
              {"queue", row.queue},
              {"category", row.category},
              {"summary", row.summary},
              {"reason", row.reason},
              {"created_at", row.created_at},
              {"received_at", rfc3339_utc(row.received_ms)},
              {"waiting_since", nullptr},
              {"assignee", row.assignee.empty() ? json() : json(row.assignee)}};
  if (row.waiting_since_ms) out["waiting_since"] = rfc3339_utc(*row.waiting_since_ms);
  return out;
}

void get_inbox(Desk& desk, const Request& req, Response& res) {
  // The shared token travels in the URL once: it becomes a session cookie
  // and the redirect drops it from the address bar and history.
  if (req.has_param("token")) {
    if (!same_secret(req.get_param_value("token"), desk.options.agent_token)) {
      return send_error(res, 403, "wrong agent token");
    }
    if (start_agent_session(desk, kSharedAgent, req, res)) res.set_redirect("/inbox", 303);
    return;
  }
  // A browser not signed in goes to the sign-in page; scripts get the 401.
  const bool signed_out = !bearer_token(req) && !cookie(req, kAgentCookie);
  if (signed_out && req.get_header_value("Accept").find("text/html") != std::string::npos) {
    return res.set_redirect("/signin", 303);
  }
  const auto me = agent_identity(desk, req, res);
  if (!me) return;
  const auto rows = desk.store.list("open");
  if (!rows) return send_error(res, 503, "the database is unavailable; retry");
  res.set_header("Content-Security-Policy", kInboxContentSecurityPolicy);
  res.set_header("Referrer-Policy", "same-origin");  // "no-referrer" makes forms send Origin: null
  res.set_header("X-Frame-Options", "DENY");
  res.set_content(render_inbox(*rows, *me, now_ms()), "text/html; charset=utf-8");
}

void list_conversations(Desk& desk, const Request& req, Response& res) {
  const auto me = agent_identity(desk, req, res);
  if (!me) return;
  const std::string status = req.has_param("status") ? req.get_param_value("status") : "open";
  if (status != "open" && status != "resolved" && status != "all") {
    return send_error(res, 400, "status must be open, resolved or all");
  }
  const std::string assigned = req.has_param("assigned") ? req.get_param_value("assigned") : "any";
  AssignmentFilter filter;
  if (assigned == "me") {
    filter = {AssignmentFilter::kAgent, me->name};
  } else if (assigned == "none") {
    filter = {AssignmentFilter::kNone, ""};
  } else if (assigned != "any") {
    return send_error(res, 400, "assigned must be any, me or none");
  }
  const auto rows = desk.store.list(status, filter);
  if (!rows) return send_error(res, 503, "the database is unavailable; retry");
  json list = json::array();
  for (const auto& row : *rows) list.push_back(row_json(row));
  send_json(res, 200, {{"conversations", list}});
}

json notes_json(const std::vector<Note>& notes) {
  json out = json::array();
  for (const Note& note : notes) {
    out.push_back(
        {{"agent", note.agent}, {"text", note.text}, {"time", rfc3339_utc(note.time_ms)}});
  }
  return out;
}

json audit_json(const std::vector<AuditEntry>& entries) {
  json out = json::array();
  for (const AuditEntry& entry : entries) {
    out.push_back(
        {{"actor", entry.actor}, {"action", entry.action}, {"time", rfc3339_utc(entry.time_ms)}});
  }
  return out;
}

void get_conversation(Desk& desk, const Request& req, Response& res) {
  if (!agent_authorised(desk, req, res)) return;
  const std::string id = req.matches[1];
  const auto bundle = desk.store.bundle(id);
  const auto status = desk.store.status(id);
  if (!bundle || !status) return send_error(res, 404, "no conversation " + id);
  // An agent opening the conversation is what the customer is told as "seen".
  if (desk.store.mark_seen(id, now_ms())) desk.signal.notify();
  const auto messages = desk.store.messages(id, 0, "");
  const auto notes = desk.store.notes(id);
  const auto audit = desk.store.audit(id);
  if (!messages || !notes || !audit) {
    return send_error(res, 503, "the database is unavailable; retry");
  }
  json thread = json::array();
  for (const auto& message : *messages) thread.push_back(agent_message_json(message));
  const auto assignee = desk.store.assignee(id);
  send_json(res, 200,
            {{"id", id},
             {"status", *status},
             {"assignee", assignee && !assignee->empty() ? json(*assignee) : json()},
             {"bundle", json::parse(*bundle, nullptr, false)},
             {"messages", thread},
             {"notes", notes_json(*notes)},
             {"audit", audit_json(*audit)}});
}

void post_reply(Desk& desk, const Request& req, Response& res) {
  const auto me = agent_identity(desk, req, res);
  if (!me) return;
  const std::string id = req.matches[1];
  const auto text = read_message_text(req, res);
  if (!text) return;
  if (!desk.store.status(id)) return send_error(res, 404, "no conversation " + id);
  const std::int64_t now = now_ms();
  const auto message_id = desk.store.add_message(id, "agent", *text, now, me->name);
  if (!message_id) return send_error(res, 503, "the database did not accept the message; retry");
  desk.signal.notify();
  send_json(res, 201,
            agent_message_json({*message_id, "agent", *text, now, me->name, me->display_name}));
}

void resolve(Desk& desk, const Request& req, Response& res) {
  const auto me = agent_identity(desk, req, res);
  if (!me) return;
  // A JSON content type cannot be sent cross-site without a CORS preflight,
  // which the desk refuses: with SameSite cookies, this is the CSRF defence.
  if (!has_json_content_type(req)) {
    return send_error(res, 415, "Content-Type must be application/json");
  }
  const std::string id = req.matches[1];
  if (!desk.store.resolve(id, now_ms(), me->name)) {
    return send_error(res, 404, "no conversation " + id);
  }
  desk.signal.notify();
  send_json(res, 200, {{"id", id}, {"status", "resolved"}});
}

void asset(Response& res, const char* content, const char* type) {
  res.set_header("Cache-Control", "no-cache");
  res.set_content(content, type);
}

}  // namespace

void add_agent_routes(httplib::Server& server, Desk& desk) {
  server.Get("/inbox", [&desk](const Request& req, Response& res) { get_inbox(desk, req, res); });
  server.Get("/inbox.js", [](const Request&, Response& res) {
    asset(res, kInboxScript, "text/javascript; charset=utf-8");
  });
  server.Get("/inbox.css",
             [](const Request&, Response& res) { asset(res, kInboxStyle, "text/css"); });
  server.Get("/v1/agent/conversations",
             [&desk](const Request& req, Response& res) { list_conversations(desk, req, res); });
  const std::string one = R"(/v1/agent/conversations/([A-Za-z0-9_]{1,64}))";
  server.Get(one, [&desk](const Request& req, Response& res) { get_conversation(desk, req, res); });
  server.Post(one + "/messages",
              [&desk](const Request& req, Response& res) { post_reply(desk, req, res); });
  server.Post(one + "/resolve",
              [&desk](const Request& req, Response& res) { resolve(desk, req, res); });
}

}  // namespace tandem::desk
