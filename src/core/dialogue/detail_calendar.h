// Proleptic Gregorian calendar arithmetic for relative dates ("last Friday",
// "3 days ago", "on the 3rd"), valid for years 1..9999.
#pragma once

#include <optional>
#include <string>

#include "dialogue/details.h"

namespace tandem::dialogue::detail {

int days_in_month(int year, int month);
bool valid_date(const CalendarDate& date);

// Days since 1970-01-01 and back; weekday 0 is Monday.
long days_from_civil(const CalendarDate& date);
CalendarDate civil_from_days(long days);
int weekday(const CalendarDate& date);

// Each returns nothing when the result would leave years 1..9999.
std::optional<CalendarDate> add_days(const CalendarDate& date, long days);
// Keeps the day of month where it exists, else the month's last day ("Mar 31" - 1 month = "Feb
// 28").
std::optional<CalendarDate> add_months(const CalendarDate& date, int months);

// The latest date not after today whose day of month is day (1..31).
std::optional<CalendarDate> latest_day_of_month(const CalendarDate& today, int day);
// The next month/day after today if it comes within future_days, else the latest
// one not after today (years back as needed, for Feb 29).
std::optional<CalendarDate> month_day_near(const CalendarDate& today, int month, int day,
                                           int future_days);

std::string iso_date(const CalendarDate& date);

}  // namespace tandem::dialogue::detail
