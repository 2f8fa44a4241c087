// Outcome events in, quality figures out (docs/metrics.md). Events come from
// browsers on the --allow-origin sites; the reports need the agent token.
#include "desk.h"
#include "events.h"
#include "gaps.h"
#include "http_util.h"
#include "inbox_page.h"
#include "limits.h"
#include "reports_page.h"
#include "summary.h"

namespace tandem::desk {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

constexpr std::int64_t kDayMs = 86'400'000;

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
  auto parsed = parse_event_batch(body);
  if (const auto* problem = std::get_if<std::string>(&parsed)) {
    return send_error(res, 422, *problem);
  }
  const EventsResult result = desk.store.add_events(std::get<std::vector<Event>>(parsed), now_ms());
  if (!result.ok) return send_error(res, 503, "the database did not accept the events; retry");
  send_json(res, 200, {{"accepted", result.accepted}, {"duplicates", result.duplicates}});
}

// The period of ?since=&until=&tz=, or nullopt after sending the 400.
// Defaults: until now, since 30 days before until.
std::optional<Period> read_period(const Request& req, Response& res) {
  const auto zone = parse_time_zone(req.has_param("tz") ? req.get_param_value("tz") : "UTC");
  if (!zone) {
    send_error(res, 400,
               "tz must be UTC, a fixed offset such as +02:00, or a time zone name this "
               "machine's tzdata has, such as Europe/Paris");
    return std::nullopt;
  }
  Period period{0, now_ms(), *zone};
  if (req.has_param("until")) {
    const auto until = parse_bound(req.get_param_value("until"), *zone);
    if (!until) {
      send_error(res, 400, "until must be a date (2026-12-01) or an RFC 3339 time");
      return std::nullopt;
    }
    period.until_ms = *until;
  }
  period.since_ms = period.until_ms - 30 * kDayMs;
  if (req.has_param("since")) {
    const auto since = parse_bound(req.get_param_value("since"), *zone);
    if (!since) {
      send_error(res, 400, "since must be a date (2026-12-01) or an RFC 3339 time");
      return std::nullopt;
    }
    period.since_ms = *since;
  }
  if (period.since_ms >= period.until_ms) {
    send_error(res, 400, "since must be before until");
    return std::nullopt;
  }
  if (period.until_ms - period.since_ms > kMaxReportDays * kDayMs) {
    send_error(res, 400, "a report covers at most " + std::to_string(kMaxReportDays) + " days");
    return std::nullopt;
  }
  return period;
}

void get_summary(Desk& desk, const Request& req, Response& res) {
  if (!agent_authorised(desk, req, res)) return;
  const auto period = read_period(req, res);
  if (!period) return;
  const auto facts = desk.store.facts(period->since_ms, period->until_ms);
  const auto waits = desk.store.first_responses(period->since_ms, period->until_ms);
  if (!facts || !waits) return send_error(res, 503, "the database is unavailable; retry");
  json summary = summarise(*facts, *period);
  summary["human_first_response_ms"] = first_response_figures(*waits);
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

void get_gaps(Desk& desk, const Request& req, Response& res) {
  if (!agent_authorised(desk, req, res)) return;
  const auto period = read_period(req, res);
  if (!period) return;
  const auto events = desk.store.gap_events(period->since_ms, period->until_ms);
  if (!events) return send_error(res, 503, "the database is unavailable; retry");
  send_json(res, 200, knowledge_gaps(*events));
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
  server.Get("/v1/agent/reports/gaps",
             [&desk](const Request& req, Response& res) { get_gaps(desk, req, res); });
}

}  // namespace tandem::desk
