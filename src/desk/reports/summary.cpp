#include "desk/reports/summary.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "desk/limits.h"

namespace tandem::desk {
namespace {

using nlohmann::json;

json ratio(std::size_t part, std::size_t whole) {
  if (whole == 0) return nullptr;
  return static_cast<double>(part) / static_cast<double>(whole);
}

struct Mean {
  std::int64_t sum = 0;
  std::size_t count = 0;
  void add(int value) {
    sum += value;
    ++count;
  }
  json value() const {
    if (count == 0) return nullptr;
    return static_cast<double>(sum) / static_cast<double>(count);
  }
};

// Nearest rank: the smallest value with at least p of the values at or below it.
json percentile(std::vector<std::int64_t> values, double p) {
  if (values.empty()) return nullptr;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
  return values[std::max<std::size_t>(rank, 1) - 1];
}

bool resolved(const std::string& outcome) {
  return outcome == "resolved_confirmed" || outcome == "resolved_assumed";
}

// The counts every grouping (whole period, day, intent) shares.
struct Tally {
  std::size_t conversations = 0, handoffs = 0, confirmed = 0, assumed = 0, abandoned = 0, open = 0;
  Mean csat_bot;

  void add(const Facts& f) {
    ++conversations;
    const std::string outcome = outcome_of(f);
    handoffs += outcome == "handed_off";
    confirmed += outcome == "resolved_confirmed";
    assumed += outcome == "resolved_assumed";
    abandoned += outcome == "abandoned";
    open += outcome == "open";
    if (f.csat_bot) csat_bot.add(*f.csat_bot);
  }
  std::size_t resolved() const { return confirmed + assumed; }
  json counts() const {
    return {{"conversations", conversations},
            {"handoffs", handoffs},
            {"resolved_confirmed", confirmed},
            {"resolved_assumed", assumed},
            {"abandoned", abandoned}};
  }
};

}  // namespace

std::variant<std::string, Period> parse_period(const std::string& since, const std::string& until,
                                               const std::string& tz, std::int64_t now_ms) {
  constexpr std::int64_t kDayMs = 86'400'000;
  const auto zone = parse_time_zone(tz.empty() ? "UTC" : tz);
  if (!zone) {
    return std::string(
        "tz must be UTC, a fixed offset such as +02:00, or a time zone name this machine's "
        "tzdata has, such as Europe/Paris");
  }
  Period period{0, now_ms, *zone};
  if (!until.empty()) {
    const auto bound = parse_bound(until, *zone);
    if (!bound) return std::string("until must be a date (2026-12-01) or an RFC 3339 time");
    period.until_ms = *bound;
  }
  period.since_ms = period.until_ms - 30 * kDayMs;
  if (!since.empty()) {
    const auto bound = parse_bound(since, *zone);
    if (!bound) return std::string("since must be a date (2026-12-01) or an RFC 3339 time");
    period.since_ms = *bound;
  }
  if (period.since_ms >= period.until_ms) return std::string("since must be before until");
  if (period.until_ms - period.since_ms > kMaxReportDays * kDayMs) {
    return "a report covers at most " + std::to_string(kMaxReportDays) + " days";
  }
  return period;
}

std::string outcome_of(const Facts& f) {
  if (!f.handoff_reason.empty()) return "handed_off";
  return f.outcome.empty() ? "open" : f.outcome;
}

json summarise(const std::vector<Facts>& facts, const Period& period) {
  Tally all;
  std::size_t answered = 0, repeat_1d = 0, repeat_7d = 0, bot_asked = 0, human_asked = 0;
  Mean csat_human;
  std::map<std::string, std::size_t> by_reason;
  std::map<std::string, Tally> by_day, by_intent;
  std::vector<std::int64_t> bot_resolution_ms;
  for (const Facts& f : facts) {
    all.add(f);
    by_day[local_day(f.started_ms, period.zone)].add(f);
    if (!f.intent().empty()) by_intent[f.intent()].add(f);
    const std::string outcome = outcome_of(f);
    answered += f.answers > 0;
    repeat_1d += f.repeat_1d;
    repeat_7d += f.repeat_7d;
    bot_asked += f.csat_bot_asked;
    human_asked += f.csat_human_asked;
    if (f.csat_human) csat_human.add(*f.csat_human);
    if (outcome == "handed_off") {
      ++by_reason[f.handoff_reason.empty() ? "unspecified" : f.handoff_reason];
    }
    if (resolved(outcome))
      bot_resolution_ms.push_back(std::max<std::int64_t>(0, f.outcome_ms - f.started_ms));
  }
  const std::size_t n = all.conversations;

  json reasons = json::object(), reason_rates = json::object();
  for (const auto& [reason, count] : by_reason) {
    reasons[reason] = count;
    reason_rates[reason] = ratio(count, n);
  }
  json days = json::array();
  for (const auto& [day, tally] : by_day) {
    json row = tally.counts();
    row["day"] = day;
    days.push_back(std::move(row));
  }
  std::vector<std::pair<std::string, Tally>> intents(by_intent.begin(), by_intent.end());
  std::stable_sort(intents.begin(), intents.end(), [](const auto& a, const auto& b) {
    return a.second.conversations > b.second.conversations;
  });
  json intent_rows = json::array();
  for (const auto& [intent, tally] : intents) {
    json row = tally.counts();
    row["intent"] = intent;
    row["resolution_rate"] = ratio(tally.resolved(), tally.conversations);
    row["handoff_share"] = ratio(tally.handoffs, all.handoffs);
    row["csat_bot"] = tally.csat_bot.value();
    intent_rows.push_back(std::move(row));
  }
  const std::size_t resolved_count = all.resolved();
  json false_resolution = nullptr, durable = nullptr;
  if (resolved_count > 0) {
    const double withdrawn =
        std::min(1.0, static_cast<double>(repeat_7d) / static_cast<double>(resolved_count));
    false_resolution = withdrawn;
    durable = 1.0 - withdrawn;
  }

  json out = all.counts();
  out["schema"] = "tandem.summary/1";
  out["since"] = local_time(period.since_ms, period.zone);
  out["until"] = local_time(period.until_ms, period.zone);
  out["tz"] = period.zone.name;
  out["answered"] = answered;
  out["open"] = all.open;
  out["handoffs_by_reason"] = reasons;
  out["repeat_contacts_1d"] = repeat_1d;
  out["repeat_contacts_7d"] = repeat_7d;
  out["csat_bot"] = all.csat_bot.value();
  out["csat_human"] = csat_human.value();
  out["csat_bot_responses"] = all.csat_bot.count;
  out["csat_bot_asked"] = bot_asked;
  out["csat_human_responses"] = csat_human.count;
  out["csat_human_asked"] = human_asked;
  out["rates"] = {
      {"bot_coverage", ratio(answered, n)},
      {"containment", ratio(n - all.handoffs, n)},
      {"automated_resolution", ratio(resolved_count, n)},
      {"automated_resolution_confirmed", ratio(all.confirmed, n)},
      {"automated_resolution_assumed", ratio(all.assumed, n)},
      {"handoff_rate", ratio(all.handoffs, n)},
      {"handoff_rate_by_reason", reason_rates},
      {"abandonment", ratio(all.abandoned, n)},
      {"false_resolution_estimate", false_resolution},
      {"durable_resolution_7d", durable},
      {"csat_bot_response_rate", ratio(all.csat_bot.count, bot_asked)},
      {"csat_human_response_rate", ratio(csat_human.count, human_asked)},
  };
  out["time_to_resolution_bot_ms"] = {{"p50", percentile(bot_resolution_ms, 0.5)},
                                      {"p90", percentile(bot_resolution_ms, 0.9)}};
  out["by_day"] = days;
  out["by_intent"] = intent_rows;
  return out;
}

json first_response_figures(const std::vector<std::optional<std::int64_t>>& waits) {
  // Upper bounds, exclusive; anything longer is over_1h.
  static const std::pair<const char*, std::int64_t> kBuckets[] = {
      {"under_1m", 60'000}, {"1m_5m", 300'000}, {"5m_15m", 900'000}, {"15m_1h", 3'600'000}};
  std::vector<std::int64_t> answered;
  std::map<std::string, std::size_t> buckets = {
      {"under_1m", 0}, {"1m_5m", 0}, {"5m_15m", 0}, {"15m_1h", 0}, {"over_1h", 0}};
  for (const auto& wait : waits) {
    if (!wait) continue;
    answered.push_back(*wait);
    const auto* bucket = std::find_if(std::begin(kBuckets), std::end(kBuckets),
                                      [&](const auto& b) { return *wait < b.second; });
    ++buckets[bucket == std::end(kBuckets) ? "over_1h" : bucket->first];
  }
  return {{"handoffs_received", waits.size()},         {"answered", answered.size()},
          {"waiting", waits.size() - answered.size()}, {"p50", percentile(answered, 0.5)},
          {"p90", percentile(answered, 0.9)},          {"buckets", buckets}};
}

json human_resolution_figures(const std::vector<std::optional<std::int64_t>>& times) {
  std::vector<std::int64_t> resolved;
  for (const auto& time : times) {
    if (time) resolved.push_back(std::max<std::int64_t>(0, *time));
  }
  return {{"handoffs_received", times.size()},
          {"resolved_by_agent", resolved.size()},
          {"p50", percentile(resolved, 0.5)},
          {"p90", percentile(resolved, 0.9)}};
}

std::optional<json> drill_down(const std::vector<Facts>& facts, const Period& period,
                               const DrillDown& query) {
  using Test = bool (*)(const Facts&, const std::string&);
  static const std::map<std::string, Test> kFigures = {
      {"conversations", [](const Facts&, const std::string&) { return true; }},
      {"answered", [](const Facts& f, const std::string&) { return f.answers > 0; }},
      {"handoffs", [](const Facts&, const std::string& o) { return o == "handed_off"; }},
      {"resolved", [](const Facts&, const std::string& o) { return resolved(o); }},
      {"resolved_confirmed",
       [](const Facts&, const std::string& o) { return o == "resolved_confirmed"; }},
      {"resolved_assumed",
       [](const Facts&, const std::string& o) { return o == "resolved_assumed"; }},
      {"abandoned", [](const Facts&, const std::string& o) { return o == "abandoned"; }},
      {"open", [](const Facts&, const std::string& o) { return o == "open"; }},
      {"repeat_contacts_1d", [](const Facts& f, const std::string&) { return f.repeat_1d; }},
      {"repeat_contacts_7d", [](const Facts& f, const std::string&) { return f.repeat_7d; }},
      {"csat_bot_responses",
       [](const Facts& f, const std::string&) { return f.csat_bot.has_value(); }},
      {"csat_bot_asked", [](const Facts& f, const std::string&) { return f.csat_bot_asked; }},
      {"csat_human_responses",
       [](const Facts& f, const std::string&) { return f.csat_human.has_value(); }},
      {"csat_human_asked", [](const Facts& f, const std::string&) { return f.csat_human_asked; }},
  };
  const auto figure = kFigures.find(query.figure);
  if (figure == kFigures.end()) return std::nullopt;
  json rows = json::array();
  std::size_t count = 0;
  for (const Facts& f : facts) {
    const std::string outcome = outcome_of(f);
    if (!figure->second(f, outcome)) continue;
    if (!query.reason.empty() && (outcome != "handed_off" || f.handoff_reason != query.reason)) {
      continue;
    }
    if (!query.intent.empty() && f.intent() != query.intent) continue;
    if (!query.day.empty() && local_day(f.started_ms, period.zone) != query.day) continue;
    if (++count > kMaxDrillDownRows) continue;
    rows.push_back({{"conversation", f.conversation},
                    {"started", local_time(f.started_ms, period.zone)},
                    {"outcome", outcome},
                    {"intent", f.intent()},
                    {"handoff_reason", f.handoff_reason},
                    {"csat_bot", f.csat_bot ? json(*f.csat_bot) : json()},
                    {"csat_human", f.csat_human ? json(*f.csat_human) : json()}});
  }
  return json{{"figure", query.figure}, {"count", count}, {"conversations", rows}};
}

}  // namespace tandem::desk
