#include "dialogue/detail_calendar.h"

namespace tandem::dialogue::detail {
namespace {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

bool is_leap(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

bool not_after(const CalendarDate& a, const CalendarDate& b) {
  return days_from_civil(a) <= days_from_civil(b);
}

std::optional<CalendarDate> checked(const CalendarDate& date) {
  if (date.year < kMinYear || date.year > kMaxYear) return std::nullopt;
  return date;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool valid_date(const CalendarDate& date) {
  return date.year >= kMinYear && date.year <= kMaxYear && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

// Howard Hinnant's days_from_civil: eras of 400 years make the leap rule regular.
long days_from_civil(const CalendarDate& date) {
  const long y = date.month <= 2 ? date.year - 1 : date.year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;
  const long month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;
  const long day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CalendarDate civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long month_from_march = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const int month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  const long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<int>(year), month, day};
}

int weekday(const CalendarDate& date) {
  const long days = days_from_civil(date);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::optional<CalendarDate> add_days(const CalendarDate& date, long days) {
  return checked(civil_from_days(days_from_civil(date) + days));
}

std::optional<CalendarDate> add_months(const CalendarDate& date, int months) {
  const long index = static_cast<long>(date.year) * 12 + (date.month - 1) + months;
  const long year = index >= 0 ? index / 12 : (index - 11) / 12;
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  const int month = static_cast<int>(index - year * 12) + 1;
  const int last = days_in_month(static_cast<int>(year), month);
  return CalendarDate{static_cast<int>(year), month, date.day < last ? date.day : last};
}

std::optional<CalendarDate> latest_day_of_month(const CalendarDate& today, int day) {
  // Of any two consecutive months one has 31 days, so two steps back always suffice.
  for (int back = 0; back <= 2; ++back) {
    const auto month = add_months({today.year, today.month, 1}, -back);
    if (!month) return std::nullopt;
    const CalendarDate candidate{month->year, month->month, day};
    if (valid_date(candidate) && not_after(candidate, today)) return candidate;
  }
  return std::nullopt;
}

std::optional<CalendarDate> month_day_near(const CalendarDate& today, int month, int day,
                                           int future_days) {
  const long now = days_from_civil(today);
  for (int year = today.year; year <= today.year + 1; ++year) {
    const CalendarDate next{year, month, day};
    if (valid_date(next) && days_from_civil(next) > now &&
        days_from_civil(next) - now <= future_days) {
      return next;
    }
  }
  // Eight years always include a leap year.
  for (int year = today.year; year >= today.year - 8; --year) {
    const CalendarDate candidate{year, month, day};
    if (valid_date(candidate) && days_from_civil(candidate) <= now) return candidate;
  }
  return std::nullopt;
}

std::string iso_date(const CalendarDate& date) {
  std::string out = "0000-00-00";
  auto put = [&](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) {
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    }
  };
  put(0, date.year, 4);
  put(5, date.month, 2);
  put(8, date.day, 2);
  return out;
}

}  // namespace tandem::dialogue::detail
