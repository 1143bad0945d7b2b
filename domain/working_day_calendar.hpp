#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>

namespace tarjotin::domain {

// Gregorian Easter Sunday (anonymous Gregorian computus). Only meaningful for years from 1583 on,
// which is all a procurement system will ever see.
std::chrono::year_month_day easter_sunday(std::chrono::year y);

// One public holiday, described by how its date moves from year to year rather than by a list of
// dates, so the calendar never runs out of years.
struct HolidayRule {
  enum class Kind {
    kFixedDate,        // same month/day every year
    kEasterOffset,     // easter_sunday(year) + easter_offset
    kWeekdayInWindow,  // the `weekday` within the seven days starting at month/day
  };

  // Points at a string literal in a static rule table; rules are never built from runtime data.
  std::string_view name;
  Kind kind = Kind::kFixedDate;
  std::chrono::month month{};
  std::chrono::day day{};
  std::chrono::days easter_offset{};
  std::chrono::weekday weekday{};

  std::chrono::sys_days date_in(std::chrono::year y) const;
};

// Counts working days for statutory decision deadlines ("decide within 10 working days of receipt,
// extendable to 15").
//
// Day counting convention: the day of the triggering event (receipt of the application) is day 0
// and is never counted, even if it is a working day. A time limit expressed in days starts running
// on the day after the event; this is the general EU rule in Regulation (EEC, Euratom) No 1182/71
// art. 3(1), and it also keeps the result independent of the time of day the event happened.
//
// A deadline is the END of the returned day: a decision made at any time on that day is in time.
class WorkingDayCalendar {
 public:
  // Saturdays, Sundays, Finnish public holidays and the days Finnish public offices are closed in
  // practice (Midsummer Eve, Christmas Eve).
  static WorkingDayCalendar finnish();

  // True only for listed holidays; an ordinary weekend day is not a holiday.
  bool is_holiday(std::chrono::sys_days d) const;
  // English name of the holiday on `d`, empty if none. When two holidays fall on the same date the
  // one listed first in the rule table wins.
  std::string holiday_name(std::chrono::sys_days d) const;
  bool is_working_day(std::chrono::sys_days d) const;

  // The date that is `n` working days after `from` (n >= 0; throws std::invalid_argument
  // otherwise). `from` itself never counts, so with n == 0 the result is `from` even when `from`
  // is not a working day.
  std::chrono::sys_days add_working_days(std::chrono::sys_days from, int n) const;
  // Number of working days d with from < d <= to (0 if to <= from). Inverse of add_working_days:
  // working_days_between(f, add_working_days(f, n)) == n.
  int working_days_between(std::chrono::sys_days from, std::chrono::sys_days to) const;

 private:
  explicit WorkingDayCalendar(std::span<const HolidayRule> rules) : rules_(rules) {}

  const HolidayRule* find_rule(std::chrono::sys_days d) const;

  std::span<const HolidayRule> rules_;
};

}  // namespace tarjotin::domain
