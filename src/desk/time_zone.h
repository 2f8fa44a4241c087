// Instants and calendar days for the reports: RFC 3339 times, and the day
// boundaries of the time zone a report is asked in (docs/metrics.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::desk {

// A fixed offset from UTC, or an IANA zone's offsets read from the system's
// tzdata (TZif files under $TZDIR or /usr/share/zoneinfo).
struct TimeZone {
  std::string name = "UTC";
  std::int64_t offset_ms = 0;              // before the first transition, or always
  std::vector<std::int64_t> change_ms;     // transitions, ascending
  std::vector<std::int64_t> change_to_ms;  // the offset from each transition on

  std::int64_t offset_at(std::int64_t utc_ms) const;
};

// "UTC", "Z", "+02:00", "-05:30", "+0200", or a zone name such as
// "Europe/Paris" that the system's tzdata has; nullopt for anything else.
std::optional<TimeZone> parse_time_zone(std::string_view text);

// "2026-12-01T10:00:00Z", "2026-12-01T10:00:00.250+02:00" -> ms since the epoch.
std::optional<std::int64_t> parse_instant(std::string_view text);

// An instant, or a bare date "2026-12-01" meaning its midnight in `zone`.
std::optional<std::int64_t> parse_bound(std::string_view text, const TimeZone& zone);

// The local calendar day of an instant, as "YYYY-MM-DD".
std::string local_day(std::int64_t ms, const TimeZone& zone);
// "2026-12-01T00:00:00+02:00": an instant written in the zone's local time.
std::string local_time(std::int64_t ms, const TimeZone& zone);

}  // namespace tandem::desk
