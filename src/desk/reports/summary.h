// The quality figures of a period, computed from facts rows at query time
// with the formulas docs/metrics.md publishes ("tandem.summary/1").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "desk/reports/facts.h"
#include "desk/time_zone.h"

namespace tandem::desk {

struct Period {
  std::int64_t since_ms = 0, until_ms = 0;
  TimeZone zone;
};

// The period of since/until/tz texts (empty: the default), or the error to
// report: dates or RFC 3339 instants, until defaulting to now_ms and since to
// 30 days before until, at most kMaxReportDays long.
std::variant<std::string, Period> parse_period(const std::string& since, const std::string& until,
                                               const std::string& tz, std::int64_t now_ms);

// `facts`: the conversations that started in the period.
nlohmann::json summarise(const std::vector<Facts>& facts, const Period& period);

// Human first response of the desk's own handoffs (not the events: the
// desk saw these itself): percentiles, counts and buckets.
nlohmann::json first_response_figures(const std::vector<std::optional<std::int64_t>>& waits);

// Human time to resolution of the desk's own handoffs: for each, ms from
// receipt to an agent's resolve (nullopt: open, or the customer ended it).
nlohmann::json human_resolution_figures(const std::vector<std::optional<std::int64_t>>& times);

// The conversations behind one figure of the summary (docs/metrics.md
// "Drill-down"): `figure` names a count; `reason`, `intent`, `day` narrow it
// as handoffs_by_reason, by_intent and by_day do. nullopt: unknown figure.
struct DrillDown {
  std::string figure, reason, intent, day;
};
std::optional<nlohmann::json> drill_down(const std::vector<Facts>& facts, const Period& period,
                                         const DrillDown& query);

// The conversation's outcome as reported: a handoff wins over any end the
// widget sent; "open" while no end has arrived.
std::string outcome_of(const Facts& facts);

}  // namespace tandem::desk
