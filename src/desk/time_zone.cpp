#include "time_zone.h"

#include <cstdio>

namespace tandem::desk {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kDay = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month, day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

// Reads exactly `count` digits at `at`, advancing it.
std::optional<int> digits(std::string_view text, std::size_t& at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[at + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  at += count;
  return value;
}

bool expect(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

unsigned days_in_month(std::int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYY-MM-DD" at `at`: days since the epoch.
std::optional<std::int64_t> date(std::string_view text, std::size_t& at) {
  const auto y = digits(text, at, 4);
  if (!y || !expect(text, at, '-')) return std::nullopt;
  const auto m = digits(text, at, 2);
  if (!m || *m < 1 || *m > 12 || !expect(text, at, '-')) return std::nullopt;
  const auto d = digits(text, at, 2);
  if (!d || *d < 1 || static_cast<unsigned>(*d) > days_in_month(*y, *m)) return std::nullopt;
  return days_from_civil(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

// "+HH:MM", "+HHMM" or "-..." at `at`, to the end of the text.
std::optional<std::int64_t> offset(std::string_view text, std::size_t at) {
  if (at >= text.size() || (text[at] != '+' && text[at] != '-')) return std::nullopt;
  const std::int64_t sign = text[at++] == '-' ? -1 : 1;
  const auto h = digits(text, at, 2);
  if (!h) return std::nullopt;
  expect(text, at, ':');
  const auto m = digits(text, at, 2);
  if (!m || *h > 23 || *m > 59 || at != text.size()) return std::nullopt;
  return sign * (*h * 60 + *m) * kMinute;
}

std::string offset_text(std::int64_t offset_ms) {
  const std::int64_t minutes = (offset_ms < 0 ? -offset_ms : offset_ms) / kMinute;
  char out[8];
  std::snprintf(out, sizeof out, "%c%02d:%02d", offset_ms < 0 ? '-' : '+',
                static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return out;
}

}  // namespace

std::optional<TimeZone> parse_time_zone(std::string_view text) {
  if (text.empty() || text == "UTC" || text == "Z" || text == "Etc/UTC") return TimeZone{};
  const auto ms = offset(text, 0);
  if (!ms) return std::nullopt;
  return TimeZone{offset_text(*ms), *ms};
}

std::optional<std::int64_t> parse_instant(std::string_view text) {
  std::size_t at = 0;
  const auto day = date(text, at);
  if (!day || at >= text.size() || (text[at] != 'T' && text[at] != 't')) return std::nullopt;
  ++at;
  const auto h = digits(text, at, 2);
  if (!h || *h > 23 || !expect(text, at, ':')) return std::nullopt;
  const auto m = digits(text, at, 2);
  if (!m || *m > 59 || !expect(text, at, ':')) return std::nullopt;
  const auto s = digits(text, at, 2);
  if (!s || *s > 60) return std::nullopt;
  std::int64_t fraction_ms = 0;
  if (expect(text, at, '.')) {
    std::int64_t scale = 100;
    std::size_t count = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      fraction_ms += (text[at++] - '0') * scale;
      scale /= 10;
      ++count;
    }
    if (count == 0 || count > 9) return std::nullopt;
  }
  std::int64_t zone_ms = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    if (at + 1 != text.size()) return std::nullopt;
  } else {
    const auto parsed = offset(text, at);
    if (!parsed) return std::nullopt;
    zone_ms = *parsed;
  }
  return *day * kDay + ((*h * 60 + *m) * 60 + *s) * 1000 + fraction_ms - zone_ms;
}

std::optional<std::int64_t> parse_bound(std::string_view text, const TimeZone& zone) {
  std::size_t at = 0;
  if (text.size() == 10) {
    const auto day = date(text, at);
    if (!day) return std::nullopt;
    return *day * kDay - zone.offset_ms;
  }
  return parse_instant(text);
}

std::string local_day(std::int64_t ms, const TimeZone& zone) {
  const Civil c = civil_from_days(floor_div(ms + zone.offset_ms, kDay));
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return out;
}

std::string local_time(std::int64_t ms, const TimeZone& zone) {
  const std::int64_t local = ms + zone.offset_ms;
  const std::int64_t in_day = local - floor_div(local, kDay) * kDay;
  char out[40];
  std::snprintf(out, sizeof out, "%sT%02d:%02d:%02d%s", local_day(ms, zone).c_str(),
                static_cast<int>(in_day / 3'600'000), static_cast<int>(in_day / 60'000 % 60),
                static_cast<int>(in_day / 1000 % 60),
                zone.offset_ms == 0 ? "Z" : offset_text(zone.offset_ms).c_str());
  return out;
}

}  // namespace tandem::desk
