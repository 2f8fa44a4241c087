#include "desk/time_zone.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

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

bool is_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' ||
      name.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  });
}

std::int64_t big_endian(const std::string& data, std::size_t at, std::size_t bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < bytes; ++i)
    value = value << 8 | static_cast<unsigned char>(data[at + i]);
  if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
  return static_cast<std::int64_t>(value);
}

// The 64-bit (version 2+) block of a TZif file (RFC 8536). Times after the
// last transition keep its offset: Debian's files list transitions to 2037.
std::optional<TimeZone> read_tzif(const std::string& name, const std::string& data) {
  constexpr std::size_t kHeader = 44;
  if (data.size() < kHeader || data.compare(0, 4, "TZif") != 0 || data[4] < '2') {
    return std::nullopt;
  }
  auto counts = [&](std::size_t at) {
    std::array<std::int64_t, 6> c{};
    for (std::size_t i = 0; i < 6; ++i) c[i] = big_endian(data, at + 20 + 4 * i, 4);
    return c;
  };
  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  const auto v1 = counts(0);
  const std::size_t v1_size =
      static_cast<std::size_t>(v1[3] * 5 + v1[4] * 6 + v1[5] + v1[2] * 8 + v1[1] + v1[0]);
  const std::size_t second = kHeader + v1_size;
  if (data.size() < second + kHeader || data.compare(second, 4, "TZif") != 0) return std::nullopt;
  const auto c = counts(second);
  const auto times = static_cast<std::size_t>(c[3]), types = static_cast<std::size_t>(c[4]);
  const std::size_t at_times = second + kHeader, at_index = at_times + times * 8,
                    at_types = at_index + times;
  if (types == 0 || data.size() < at_types + types * 6) return std::nullopt;
  auto type_offset = [&](std::size_t type) {
    return big_endian(data, at_types + type * 6, 4) * 1000;
  };
  TimeZone zone{name, type_offset(0), {}, {}};
  for (std::size_t i = 0; i < times; ++i) {
    const auto type = static_cast<unsigned char>(data[at_index + i]);
    if (type >= types) return std::nullopt;
    zone.change_ms.push_back(big_endian(data, at_times + i * 8, 8) * 1000);
    zone.change_to_ms.push_back(type_offset(type));
  }
  return zone;
}

std::optional<TimeZone> named_zone(std::string_view name) {
  if (!is_zone_name(name)) return std::nullopt;
  const char* dir = std::getenv("TZDIR");
  std::ifstream file(
      std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + std::string(name),
      std::ios::binary);
  if (!file) return std::nullopt;
  const std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  return read_tzif(std::string(name), data);
}

}  // namespace

std::int64_t TimeZone::offset_at(std::int64_t utc_ms) const {
  const auto next = std::upper_bound(change_ms.begin(), change_ms.end(), utc_ms);
  if (next == change_ms.begin()) return offset_ms;
  return change_to_ms[static_cast<std::size_t>(next - change_ms.begin()) - 1];
}

std::optional<TimeZone> parse_time_zone(std::string_view text) {
  if (text.empty() || text == "UTC" || text == "Z" || text == "Etc/UTC") return TimeZone{};
  if (text[0] != '+' && text[0] != '-') return named_zone(text);
  const auto ms = offset(text, 0);
  if (!ms) return std::nullopt;
  return TimeZone{offset_text(*ms), *ms, {}, {}};
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
    // The UTC instant whose local time is that midnight (a midnight skipped
    // by a DST change maps to the hour after it).
    const std::int64_t local = *day * kDay;
    return local - zone.offset_at(local - zone.offset_at(local));
  }
  return parse_instant(text);
}

std::string local_day(std::int64_t ms, const TimeZone& zone) {
  const Civil c = civil_from_days(floor_div(ms + zone.offset_at(ms), kDay));
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return out;
}

std::string local_time(std::int64_t ms, const TimeZone& zone) {
  const std::int64_t offset_ms = zone.offset_at(ms);
  const std::int64_t local = ms + offset_ms;
  const std::int64_t in_day = local - floor_div(local, kDay) * kDay;
  char out[40];
  std::snprintf(out, sizeof out, "%sT%02d:%02d:%02d%s", local_day(ms, zone).c_str(),
                static_cast<int>(in_day / 3'600'000), static_cast<int>(in_day / 60'000 % 60),
                static_cast<int>(in_day / 1000 % 60),
                offset_ms == 0 ? "Z" : offset_text(offset_ms).c_str());
  return out;
}

}  // namespace tandem::desk
