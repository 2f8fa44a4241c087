// Dates: numeric ("2026-11-03", "03/11/2026"), with a month name ("Nov 3",
// "3rd of November 2026") and relative to today ("yesterday", "last Friday",
// "on the 3rd", "3 days ago").
#include <array>
#include <optional>
#include <string_view>

#include "dialogue/detail_calendar.h"
#include "dialogue/detail_scan.h"

namespace tandem::dialogue::detail {
namespace {

// Customers mostly report the past, but a month and day just ahead ("due Nov 25")
// is a delivery or an appointment, not last year's.
constexpr int kNearFutureDays = 31;

struct Match {
  CalendarDate date;
  std::size_t last;  // last token of the date
};
using Found = std::optional<Match>;

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Also words ("sun", "wed", "sat"), so accepted only after "on", "last"...
int weekday_abbreviation(const Scan& s, std::size_t i) {
  if (s.word_in(i, {"mon"})) return 0;
  if (s.word_in(i, {"tue", "tues"})) return 1;
  if (s.word_in(i, {"wed"})) return 2;
  if (s.word_in(i, {"thu", "thur", "thurs"})) return 3;
  if (s.word_in(i, {"fri"})) return 4;
  if (s.word_in(i, {"sat"})) return 5;
  if (s.word_in(i, {"sun"})) return 6;
  return -1;
}

int weekday_name(const Scan& s, std::size_t i) {
  for (std::size_t d = 0; d < kWeekdays.size(); ++d) {
    if (s.word(i, kWeekdays[d])) return static_cast<int>(d);
  }
  return -1;
}

int weekday_any(const Scan& s, std::size_t i) {
  const int name = weekday_name(s, i);
  return name >= 0 ? name : weekday_abbreviation(s, i);
}

// 1..12, or 0. Month words only ever count next to a day number.
int month_of(const Scan& s, std::size_t i) {
  if (!s.word(i) || s.text(i).size() > 9) return 0;
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (std::size_t m = 0; m < 12; ++m) {
    if (s.word(i, kNames[m]) || s.word(i, kShort[m])) return static_cast<int>(m) + 1;
  }
  return s.word(i, "sept") ? 9 : 0;
}

bool has_today(const Scan& s) {
  return valid_date(s.context().today);
}

Found shifted(const Scan& s, long days, std::size_t last) {
  if (!has_today(s)) return std::nullopt;
  const auto date = add_days(s.context().today, days);
  if (!date) return std::nullopt;
  return Match{*date, last};
}

// "2026-11-03", "2026/11/03", "03/11/2026", "3-11-26", "03.11.2026". Slashes and
// dashes read day first only when the first number cannot be a month (en-US
// order otherwise); dots always read day first, as where they are used.
Found numeric_date(const Scan& s, std::size_t i) {
  if (!s.number(i) || !s.isolated_start(i) || i + 1 >= s.size()) return std::nullopt;
  const char32_t sep = s.token(i + 1).symbol;
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  for (std::size_t k = i + 1; k <= i + 4; ++k) {
    const bool ok = (k - i) % 2 == 1 ? s.symbol(k, sep) : s.number(k);
    if (!ok || !s.glued(k)) return std::nullopt;
  }
  if (!s.isolated_end(i + 4)) return std::nullopt;
  const int a = s.small_number(i), b = s.small_number(i + 2), c = s.small_number(i + 4);
  const std::size_t a_len = s.text(i).size(), b_len = s.text(i + 2).size();
  const std::size_t c_len = s.text(i + 4).size();
  if (a < 0 || b < 0 || c < 0 || b_len > 2) return std::nullopt;
  CalendarDate date;
  if (a_len == 4 && c_len <= 2) {
    date = {a, b, c};
  } else if (a_len <= 2 && (c_len == 2 || c_len == 4)) {
    const int year = c_len == 2 ? 2000 + c : c;
    const bool day_first = sep == '.' || a > 12;
    date = day_first ? CalendarDate{year, b, a} : CalendarDate{year, a, b};
  } else {
    return std::nullopt;
  }
  if (!valid_date(date)) return std::nullopt;
  return Match{date, i + 4};
}

Found relative_day(const Scan& s, std::size_t i) {
  if (s.word(i, "today")) return shifted(s, 0, i);
  if (s.word(i, "yesterday")) return shifted(s, -1, i);
  if (s.word(i, "tomorrow")) return shifted(s, 1, i);
  if (s.word(i, "day") && s.word(i + 1, "before") && s.word(i + 2, "yesterday")) {
    return shifted(s, -2, i + 2);
  }
  if (s.word(i, "day") && s.word(i + 1, "after") && s.word(i + 2, "tomorrow")) {
    return shifted(s, 2, i + 2);
  }
  return std::nullopt;
}

// "last Friday" is before today; "next Friday" after it; a bare "Friday" or "on
// Fri" is the latest one not after today, since customers mostly report the past.
Found weekday_phrase(const Scan& s, std::size_t i) {
  if (!s.word(i) || !has_today(s)) return std::nullopt;
  const int today = weekday(s.context().today);
  if (s.word_in(i, {"last", "past", "previous"})) {
    const int day = weekday_any(s, i + 1);
    if (day < 0) return std::nullopt;
    const int back = (today - day + 7) % 7;
    return shifted(s, -(back == 0 ? 7 : back), i + 1);
  }
  if (s.word_in(i, {"next", "coming"})) {
    const int day = weekday_any(s, i + 1);
    if (day < 0) return std::nullopt;
    const int ahead = (day - today + 7) % 7;
    return shifted(s, ahead == 0 ? 7 : ahead, i + 1);
  }
  int day = weekday_name(s, i);
  if (day < 0 && s.word_in(i - 1, {"on", "this", "since", "from", "until", "by"})) {
    day = weekday_abbreviation(s, i);
  }
  if (day < 0) return std::nullopt;
  return shifted(s, -((today - day + 7) % 7), i);
}

// "3 days ago", "a week ago", "two months ago".
Found ago_phrase(const Scan& s, std::size_t i) {
  static constexpr std::array<std::string_view, 12> kCounts = {"one",  "two", "three",  "four",
                                                               "five", "six", "seven",  "eight",
                                                               "nine", "ten", "eleven", "twelve"};
  int count = -1;
  if (s.isolated_start(i)) count = s.small_number(i);
  if (s.word_in(i, {"a", "an"})) count = 1;
  for (std::size_t n = 0; n < kCounts.size() && count < 0; ++n) {
    if (s.word(i, kCounts[n])) count = static_cast<int>(n) + 1;
  }
  if (count < 0 || !s.word(i + 2, "ago") || !has_today(s)) return std::nullopt;
  const CalendarDate& today = s.context().today;
  std::optional<CalendarDate> date;
  if (s.word_in(i + 1, {"day", "days"})) date = add_days(today, -count);
  if (s.word_in(i + 1, {"week", "weeks"})) date = add_days(today, -7L * count);
  if (s.word_in(i + 1, {"month", "months"})) date = add_months(today, -count);
  if (s.word_in(i + 1, {"year", "years"})) date = add_months(today, -12 * count);
  if (!date) return std::nullopt;
  return Match{*date, i + 2};
}

struct DayNumber {
  int day;
  std::size_t last;
  bool ordinal;  // written "3rd", "21st"
};

// A day of month: "3", "03", "3rd".
std::optional<DayNumber> day_number(const Scan& s, std::size_t i) {
  if (!s.number(i, 1, 2) || !s.isolated_start(i)) return std::nullopt;
  const int day = s.small_number(i);
  if (day < 1 || day > 31) return std::nullopt;
  if (s.glued(i + 1) && s.word_in(i + 1, {"st", "nd", "rd", "th"})) {
    if (!s.isolated_end(i + 1)) return std::nullopt;
    return DayNumber{day, i + 1, true};
  }
  if (!s.isolated_end(i)) return std::nullopt;
  return DayNumber{day, i, false};
}

// A month and day with an optional year after them ("3 November 2026", "Nov 3, 2026");
// without one, the latest such day not after today, unless it comes within
// kNearFutureDays: "Jan 5" said on Dec 28 is next week's.
Found month_day(const Scan& s, int month, int day, std::size_t last) {
  std::size_t k = last + 1;
  if (s.symbol(k, ',')) ++k;
  const int year = s.small_number(k);
  if (year >= 1900 && year < 2200 && s.token(k).gap != Gap::kBreak && s.isolated_end(k)) {
    const CalendarDate date{year, month, day};
    if (!valid_date(date)) return std::nullopt;
    return Match{date, k};
  }
  if (!has_today(s)) return std::nullopt;
  const auto date = month_day_near(s.context().today, month, day, kNearFutureDays);
  if (!date) return std::nullopt;
  return Match{*date, last};
}

// "3 November", "3rd of Nov", "the 3rd of November 2026".
Found day_then_month(const Scan& s, std::size_t i) {
  const auto day = day_number(s, i);
  if (!day) return std::nullopt;
  std::size_t k = day->last + 1;
  if (s.word(k, "of")) ++k;
  const int month = month_of(s, k);
  if (month == 0) return std::nullopt;
  return month_day(s, month, day->day, k);
}

// "Nov 3", "November 3rd", "Nov. 3, 2026".
Found month_then_day(const Scan& s, std::size_t i) {
  const int month = month_of(s, i);
  if (month == 0) return std::nullopt;
  std::size_t k = i + 1;
  if (s.symbol(k, '.') && s.glued(k)) ++k;
  if (!s.number(k) || s.token(k).gap == Gap::kNone) return std::nullopt;
  const auto day = day_number(s, k);
  if (!day) return std::nullopt;
  return month_day(s, month, day->day, day->last);
}

// "on the 3rd", "the 21st": the latest such day not after today. Not "the 3rd
// time", "the 2nd attempt".
Found day_of_month(const Scan& s, std::size_t i) {
  const bool previous_cue = s.word_in(i - 1, {"the", "on"});
  const auto day = day_number(s, i);
  if (!previous_cue || !day || !day->ordinal || !has_today(s)) return std::nullopt;
  if (s.word_in(
          day->last + 1,
          {"time",    "times", "attempt", "try",    "one",    "item",   "order",    "floor", "call",
           "message", "email", "payment", "charge", "person", "place",  "week",     "month", "year",
           "day",     "row",   "line",    "page",   "step",   "option", "question", "party"})) {
    return std::nullopt;
  }
  const auto date = latest_day_of_month(s.context().today, day->day);
  if (!date) return std::nullopt;
  return Match{*date, day->last};
}

Found date_at(const Scan& s, std::size_t i) {
  if (!s.word(i) && !s.number(i)) return std::nullopt;
  for (const auto recognise : {numeric_date, relative_day, weekday_phrase, ago_phrase,
                               day_then_month, month_then_day, day_of_month}) {
    if (Found found = recognise(s, i)) return found;
  }
  return std::nullopt;
}

}  // namespace

void find_dates(Scan& scan) {
  for (std::size_t i = 0; i < scan.size();) {
    const Found found = date_at(scan, i);
    if (!found) {
      ++i;
      continue;
    }
    scan.emit(DetailType::kDate, iso_date(found->date), i, found->last);
    i = found->last + 1;
  }
}

}  // namespace tandem::dialogue::detail
