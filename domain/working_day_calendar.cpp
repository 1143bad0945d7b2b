#include "domain/working_day_calendar.hpp"

#include <stdexcept>

namespace tarjotin::domain {

using namespace std::chrono;

namespace {

using Kind = HolidayRule::Kind;

constexpr HolidayRule fixed_date(std::string_view name, month m, day d) {
  return {.name = name, .kind = Kind::kFixedDate, .month = m, .day = d};
}

constexpr HolidayRule easter_relative(std::string_view name, int offset_days) {
  return {.name = name, .kind = Kind::kEasterOffset, .easter_offset = days{offset_days}};
}

constexpr HolidayRule weekday_from(std::string_view name, weekday wd, month m, day first) {
  return {.name = name, .kind = Kind::kWeekdayInWindow, .month = m, .day = first, .weekday = wd};
}

// Order matters only for holiday_name when two entries coincide (May Day and Ascension Day share
// 1 May when Easter is on 23 March); the civil fixed date is listed first.
constexpr HolidayRule kFinnishHolidays[] = {
    fixed_date("New Year's Day", January, day{1}),
    fixed_date("Epiphany", January, day{6}),
    fixed_date("May Day", May, day{1}),
    fixed_date("Independence Day", December, day{6}),
    // Not a statutory holiday, but public offices are closed, so nothing can be decided.
    fixed_date("Christmas Eve", December, day{24}),
    fixed_date("Christmas Day", December, day{25}),
    fixed_date("St Stephen's Day", December, day{26}),

    easter_relative("Good Friday", -2),
    easter_relative("Easter Sunday", 0),
    easter_relative("Easter Monday", 1),
    easter_relative("Ascension Day", 39),
    easter_relative("Whit Sunday", 49),

    // Like Christmas Eve, a de-facto day off for public offices.
    weekday_from("Midsummer Eve", Friday, June, day{19}),
    weekday_from("Midsummer Day", Saturday, June, day{20}),
    weekday_from("All Saints' Day", Saturday, October, day{31}),
};

}  // namespace

year_month_day easter_sunday(year y) {
  const int yr = static_cast<int>(y);
  const int a = yr % 19;
  const int b = yr / 100;
  const int c = yr % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month_number = (h + l - 7 * m + 114) / 31;
  const int day_number = (h + l - 7 * m + 114) % 31 + 1;
  return y / month{static_cast<unsigned>(month_number)} / day{static_cast<unsigned>(day_number)};
}

sys_days HolidayRule::date_in(year y) const {
  switch (kind) {
    case Kind::kFixedDate:
      return sys_days{y / month / day};
    case Kind::kEasterOffset:
      return sys_days{easter_sunday(y)} + easter_offset;
    case Kind::kWeekdayInWindow: {
      const sys_days first{y / month / day};
      // weekday difference is always in [0, 6], i.e. it lands inside the seven-day window.
      return first + (weekday - std::chrono::weekday{first});
    }
  }
  throw std::logic_error("unknown HolidayRule::Kind");
}

WorkingDayCalendar WorkingDayCalendar::finnish() { return WorkingDayCalendar{kFinnishHolidays}; }

const HolidayRule* WorkingDayCalendar::find_rule(sys_days d) const {
  const year y = year_month_day{d}.year();
  for (const HolidayRule& rule : rules_) {
    if (rule.date_in(y) == d) return &rule;
  }
  return nullptr;
}

bool WorkingDayCalendar::is_holiday(sys_days d) const { return find_rule(d) != nullptr; }

std::string WorkingDayCalendar::holiday_name(sys_days d) const {
  const HolidayRule* rule = find_rule(d);
  return rule ? std::string{rule->name} : std::string{};
}

bool WorkingDayCalendar::is_working_day(sys_days d) const {
  const weekday wd{d};
  if (wd == Saturday || wd == Sunday) return false;
  return !is_holiday(d);
}

sys_days WorkingDayCalendar::add_working_days(sys_days from, int n) const {
  if (n < 0) throw std::invalid_argument("add_working_days: n must be non-negative");
  sys_days d = from;
  while (n > 0) {
    d += days{1};
    if (is_working_day(d)) --n;
  }
  return d;
}

int WorkingDayCalendar::working_days_between(sys_days from, sys_days to) const {
  int count = 0;
  for (sys_days d = from + days{1}; d <= to; d += days{1}) {
    if (is_working_day(d)) ++count;
  }
  return count;
}

}  // namespace tarjotin::domain
