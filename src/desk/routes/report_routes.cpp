// Outcome events in, quality figures out (docs/metrics.md). Events come from
// browsers on the --allow-origin sites; the reports need the agent token.
#include "desk/desk.h"
#include "desk/http/http_util.h"
#include "desk/limits.h"
#include "desk/pages/inbox_page.h"
#include "desk/pages/reports_page.h"
#include "desk/reports/events.h"
#include "desk/reports/gaps.h"
#include "desk/reports/summary.h"

namespace tandem::desk {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

// navigator.sendBeacon sends a string as text/plain, the one type a browser
// may send cross-origin without a preflight; the body is JSON either way.
bool is_event_content_type(const Request& req) {
  if (has_json_content_type(req)) return true;
  const std::string type = req.get_header_value("Content-Type");
  return type.rfind("text/plain", 0) == 0;
}

void post_events(Desk& desk, const Request& req, Response& res) {
  if (!is_event_content_type(req)) {
    return send_error(res, 415, "Content-Type must be application/json or text/plain");
  }
  if (req.body.size() > kMaxEventBatchBytes) {
    return send_error(res, 413,
                      "batch larger than " + std::to_string(kMaxEventBatchBytes) + " bytes");
  }
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) return send_error(res, 400, "body is not valid JSON");
  auto parsed = parse_event_batch(body, kMaxEventsPerBatch);
  if (const auto* problem = std::get_if<std::string>(&parsed)) {
    return send_error(res, 422, *problem);
  }
  const EventsResult result = desk.store.add_events(std::get<std::vector<Event>>(parsed), now_ms());
  if (!result.ok) return send_error(res, 503, "the database did not accept the events; retry");
  send_json(res, 200, {{"accepted", result.accepted}, {"duplicates", result.duplicates}});
}

// The period of ?since=&until=&tz=, or nullopt after sending the 400.
std::optional<Period> read_period(const Request& req, Response& res) {
  const auto param = [&req](const char* name) {
    return req.has_param(name) ? req.get_param_value(name) : std::string();
  };
  auto period = parse_period(param("since"), param("until"), param("tz"), now_ms());
  if (const auto* problem = std::get_if<std::string>(&period)) {
    send_error(res, 400, *problem);
    return std::nullopt;
  }
  return std::get<Period>(period);
}

void get_summary(Desk& desk, const Request& req, Response& res) {
  if (!agent_authorised(desk, req, res)) return;
  const auto period = read_period(req, res);
  if (!period) return;
  const auto facts = desk.store.facts(period->since_ms, period->until_ms);
  const auto waits = desk.store.first_responses(period->since_ms, period->until_ms);
  const auto resolutions = desk.store.human_resolutions(period->since_ms, period->until_ms);
  if (!facts || !waits || !resolutions) {
    return send_error(res, 503, "the database is unavailable; retry");
  }
  json summary = summarise(*facts, *period);
  summary["human_first_response_ms"] = first_response_figures(*waits);
  summary["time_to_resolution_human_ms"] = human_resolution_figures(*resolutions);
  send_json(res, 200, summary);
}

void get_drill_down(Desk& desk, const Request& req, Response& res) {
  if (!agent_authorised(desk, req, res)) return;
  const auto period = read_period(req, res);
  if (!period) return;
  const auto param = [&req](const char* name) {
    return req.has_param(name) ? req.get_param_value(name) : std::string();
  };
  const DrillDown query{param("figure"), param("reason"), param("intent"), param("day")};
  const auto facts = desk.store.facts(period->since_ms, period->until_ms);
  if (!facts) return send_error(res, 503, "the database is unavailable; retry");
  const auto rows = drill_down(*facts, *period, query);
  if (!rows)
    return send_error(res, 400, "figure must be one of docs/metrics.md's drill-down figures");
  send_json(res, 200, *rows);
}

// The period's events as one tandem.events/1 document: what a company keeps,
// and what `tandem-desk report` summarises offline.
void get_events(Desk& desk, const Request& req, Response& res) {
  if (!agent_authorised(desk, req, res)) return;
  const auto period = read_period(req, res);
  if (!period) return;
  const auto events = desk.store.events(period->since_ms, period->until_ms);
  if (!events) return send_error(res, 503, "the database is unavailable; retry");
  json list = json::array();
  for (const Event& event : *events) list.push_back(event_json(event));
  send_json(res, 200, {{"schema", "tandem.events/1"}, {"events", list}});
}

// The period's knowledge gaps, or nullopt after sending the error.
std::optional<json> read_gaps(Desk& desk, const Request& req, Response& res) {
  if (!agent_authorised(desk, req, res)) return std::nullopt;
  const auto period = read_period(req, res);
  if (!period) return std::nullopt;
  const auto events = desk.store.gap_events(period->since_ms, period->until_ms);
  const auto handoffs = desk.store.gap_handoffs(period->since_ms, period->until_ms);
  if (!events || !handoffs) {
    send_error(res, 503, "the database is unavailable; retry");
    return std::nullopt;
  }
  return knowledge_gaps(*events, *handoffs);
}

void get_gaps(Desk& desk, const Request& req, Response& res) {
  if (const auto gaps = read_gaps(desk, req, res)) send_json(res, 200, *gaps);
}

void get_gap_suggestions(Desk& desk, const Request& req, Response& res) {
  if (const auto gaps = read_gaps(desk, req, res)) {
    send_json(res, 200, knowledge_base_suggestions(*gaps));
  }
}

void get_reports_page(Desk& desk, const Request& req, Response& res) {
  if (!agent_authorised(desk, req, res)) return;
  res.set_header("Content-Security-Policy", kInboxContentSecurityPolicy);
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_content(kReportsPage, "text/html; charset=utf-8");
}

}  // namespace

void add_report_routes(httplib::Server& server, Desk& desk) {
  server.Post("/v1/events",
              [&desk](const Request& req, Response& res) { post_events(desk, req, res); });
  server.Get("/v1/agent/reports/summary",
             [&desk](const Request& req, Response& res) { get_summary(desk, req, res); });
  server.Get("/reports",
             [&desk](const Request& req, Response& res) { get_reports_page(desk, req, res); });
  server.Get("/reports.js", [](const Request&, Response& res) {
    res.set_header("Cache-Control", "no-cache");
    res.set_content(kReportsScript, "text/javascript; charset=utf-8");
  });
  server.Get("/reports.css", [](const Request&, Response& res) {
    res.set_header("Cache-Control", "no-cache");
    res.set_content(kReportsStyle, "text/css");
  });
  server.Get("/v1/agent/reports/conversations",
             [&desk](const Request& req, Response& res) { get_drill_down(desk, req, res); });
  server.Get("/v1/agent/reports/events",
             [&desk](const Request& req, Response& res) { get_events(desk, req, res); });
  server.Get("/v1/agent/reports/gaps",
             [&desk](const Request& req, Response& res) { get_gaps(desk, req, res); });
  server.Get("/v1/agent/reports/gaps/suggestions",
             [&desk](const Request& req, Response& res) { get_gap_suggestions(desk, req, res); });
}

}  // namespace tandem::desk
