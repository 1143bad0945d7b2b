#include "domain/working_day_calendar.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace tarjotin::domain {
namespace {

using namespace std::chrono;

constexpr sys_days date(int y, unsigned m, unsigned d) {
  return sys_days{year{y} / month{m} / day{d}};
}

// Printable form for failure messages; chrono's own operator<< is not available on GCC 12.
std::string iso(sys_days d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

#define EXPECT_DATE_EQ(actual, expected) EXPECT_EQ(iso(actual), iso(expected))

class WorkingDayCalendarTest : public ::testing::Test {
 protected:
  const WorkingDayCalendar cal_ = WorkingDayCalendar::finnish();
};

// Reference dates from published Easter tables.
TEST(EasterSundayTest, MatchesPublishedDatesFor2024To2030) {
  EXPECT_EQ(easter_sunday(year{2024}), year{2024} / March / 31);
  EXPECT_EQ(easter_sunday(year{2025}), year{2025} / April / 20);
  EXPECT_EQ(easter_sunday(year{2026}), year{2026} / April / 5);
  EXPECT_EQ(easter_sunday(year{2027}), year{2027} / March / 28);
  EXPECT_EQ(easter_sunday(year{2028}), year{2028} / April / 16);
  EXPECT_EQ(easter_sunday(year{2029}), year{2029} / April / 1);
  EXPECT_EQ(easter_sunday(year{2030}), year{2030} / April / 21);
}

TEST(EasterSundayTest, MatchesPublishedDatesForOtherYears) {
  EXPECT_EQ(easter_sunday(year{2000}), year{2000} / April / 23);
  EXPECT_EQ(easter_sunday(year{2008}), year{2008} / March / 23);
  EXPECT_EQ(easter_sunday(year{2019}), year{2019} / April / 21);
}

TEST(EasterSundayTest, HandlesExtremeDatesInFarYears) {
  // 25 April is the latest possible Easter, 22 March the earliest.
  EXPECT_EQ(easter_sunday(year{2038}), year{2038} / April / 25);
  EXPECT_EQ(easter_sunday(year{2285}), year{2285} / March / 22);
}

TEST(EasterSundayTest, IsAlwaysASunday) {
  for (int y = 1900; y <= 2400; ++y) {
    EXPECT_EQ(weekday{sys_days{easter_sunday(year{y})}}, Sunday) << y;
  }
}

// Good Friday = Easter - 2, Easter Monday = Easter + 1, Ascension Day = Easter + 39 (a Thursday).
// Ascension worked out by counting to the end of April (30 days) and carrying the rest into May:
//   2025: Apr 20 + 10 = Apr 30, + 29 -> May 29     2026: Apr 5 + 25 = Apr 30, + 14 -> May 14
//   2027: Mar 28 + 3 = Mar 31, + 30 = Apr 30, + 6 -> May 6
//   2028: Apr 16 + 14 = Apr 30, + 25 -> May 25     2029: Apr 1 + 29 = Apr 30, + 10 -> May 10
//   2030: Apr 21 + 9 = Apr 30, + 30 -> May 30
TEST_F(WorkingDayCalendarTest, EasterRelativeHolidaysFor2025To2030) {
  struct Expected {
    sys_days good_friday, easter_monday, ascension;
  };
  const Expected years[] = {
      {date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 29)},
      {date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 14)},
      {date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 6)},
      {date(2028, 4, 14), date(2028, 4, 17), date(2028, 5, 25)},
      {date(2029, 3, 30), date(2029, 4, 2), date(2029, 5, 10)},
      {date(2030, 4, 19), date(2030, 4, 22), date(2030, 5, 30)},
  };
  for (const Expected& e : years) {
    EXPECT_EQ(cal_.holiday_name(e.good_friday), "Good Friday") << iso(e.good_friday);
    EXPECT_EQ(cal_.holiday_name(e.easter_monday), "Easter Monday") << iso(e.easter_monday);
    EXPECT_EQ(cal_.holiday_name(e.ascension), "Ascension Day") << iso(e.ascension);
    EXPECT_FALSE(cal_.is_working_day(e.good_friday));
    EXPECT_FALSE(cal_.is_working_day(e.easter_monday));
    EXPECT_FALSE(cal_.is_working_day(e.ascension));
    // The Thursday before Good Friday is an ordinary working day.
    EXPECT_TRUE(cal_.is_working_day(e.good_friday - days{1})) << iso(e.good_friday);
  }
}

TEST_F(WorkingDayCalendarTest, WhitSundayIsSevenWeeksAfterEaster) {
  // 2025: Apr 20 + 49 = Apr 30 (+10), + 39 = May 31 (+31), + 8 -> Jun 8.
  EXPECT_EQ(cal_.holiday_name(date(2025, 6, 8)), "Whit Sunday");
  EXPECT_EQ(cal_.holiday_name(date(2025, 4, 20)), "Easter Sunday");
}

// Weekdays from 1 January: 2024 Mon (leap), 2025 Wed, 2026 Thu, 2027 Fri, 2028 Sat (leap).
//   19 June is day-of-year 170 (171 in leap years):
//     2024: Mon + 170 % 7 (=2) = Wed 19th -> Friday 21st     2025: Wed + 169 % 7 (=1) = Thu -> 20th
//     2026: Thu + 1 = Fri -> 19th                              2027: Fri + 1 = Sat -> Friday 25th
//     2028: Sat + 2 = Mon 19th -> Friday 23rd
TEST_F(WorkingDayCalendarTest, MidsummerEveIsTheFridayBetween19And25June) {
  EXPECT_EQ(cal_.holiday_name(date(2024, 6, 21)), "Midsummer Eve");
  EXPECT_EQ(cal_.holiday_name(date(2025, 6, 20)), "Midsummer Eve");
  EXPECT_EQ(cal_.holiday_name(date(2026, 6, 19)), "Midsummer Eve");
  EXPECT_EQ(cal_.holiday_name(date(2027, 6, 25)), "Midsummer Eve");
  EXPECT_EQ(cal_.holiday_name(date(2028, 6, 23)), "Midsummer Eve");
  EXPECT_FALSE(cal_.is_working_day(date(2025, 6, 20)));
  // The Friday a week earlier is not Midsummer Eve.
  EXPECT_TRUE(cal_.is_working_day(date(2025, 6, 13)));
  EXPECT_FALSE(cal_.is_holiday(date(2027, 6, 18)));
}

TEST_F(WorkingDayCalendarTest, MidsummerDayIsTheSaturdayAfterMidsummerEve) {
  EXPECT_EQ(cal_.holiday_name(date(2025, 6, 21)), "Midsummer Day");
  EXPECT_EQ(cal_.holiday_name(date(2026, 6, 20)), "Midsummer Day");
  EXPECT_EQ(cal_.holiday_name(date(2027, 6, 26)), "Midsummer Day");
}

// 31 October is day-of-year 304 (305 in leap years):
//   2024: Mon + 304 % 7 (=3) = Thu 31st -> Saturday 2 Nov     2025: Wed + 303 % 7 (=2) = Fri -> 1
//   Nov 2026: Thu + 2 = Sat -> 31 Oct                               2027: Fri + 2 = Sun -> Saturday
//   6 Nov
TEST_F(WorkingDayCalendarTest, AllSaintsDayIsTheSaturdayBetween31OctoberAnd6November) {
  EXPECT_EQ(cal_.holiday_name(date(2024, 11, 2)), "All Saints' Day");
  EXPECT_EQ(cal_.holiday_name(date(2025, 11, 1)), "All Saints' Day");
  EXPECT_EQ(cal_.holiday_name(date(2026, 10, 31)), "All Saints' Day");
  EXPECT_EQ(cal_.holiday_name(date(2027, 11, 6)), "All Saints' Day");
  EXPECT_FALSE(cal_.is_holiday(date(2025, 10, 31)));
}

TEST_F(WorkingDayCalendarTest, FixedDateHolidaysHaveTheirNames) {
  EXPECT_EQ(cal_.holiday_name(date(2026, 1, 1)), "New Year's Day");
  EXPECT_EQ(cal_.holiday_name(date(2026, 1, 6)), "Epiphany");
  EXPECT_EQ(cal_.holiday_name(date(2026, 5, 1)), "May Day");
  EXPECT_EQ(cal_.holiday_name(date(2026, 12, 6)), "Independence Day");
  EXPECT_EQ(cal_.holiday_name(date(2026, 12, 24)), "Christmas Eve");
  EXPECT_EQ(cal_.holiday_name(date(2026, 12, 25)), "Christmas Day");
  EXPECT_EQ(cal_.holiday_name(date(2026, 12, 26)), "St Stephen's Day");
}

TEST_F(WorkingDayCalendarTest, CoincidingHolidaysReportTheFirstListedName) {
  // 2008: Easter Mar 23, + 39 = Mar 31 (+8), Apr 30 (+38), May 1 (+39): Ascension on May Day.
  EXPECT_EQ(cal_.holiday_name(date(2008, 5, 1)), "May Day");
  EXPECT_FALSE(cal_.is_working_day(date(2008, 5, 1)));
}

TEST_F(WorkingDayCalendarTest, OrdinaryWeekendIsNotAHolidayButIsNotAWorkingDay) {
  // Sat/Sun 2025-03-08/09 (2025-03-08: Wed + 66 % 7 (=3) = Saturday); March 2025 has no holiday.
  EXPECT_FALSE(cal_.is_holiday(date(2025, 3, 8)));
  EXPECT_EQ(cal_.holiday_name(date(2025, 3, 8)), "");
  EXPECT_FALSE(cal_.is_working_day(date(2025, 3, 8)));
  EXPECT_FALSE(cal_.is_working_day(date(2025, 3, 9)));
  EXPECT_TRUE(cal_.is_working_day(date(2025, 3, 10)));
}

TEST_F(WorkingDayCalendarTest, TenDaysFromThursdayBeforeEasterSkipsGoodFridayAndEasterMonday) {
  // Receipt Thu 2026-04-02. Fri 3 Good Friday, Sat 4, Sun 5, Mon 6 Easter Monday.
  // Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5), Tue 14 (6), Wed 15 (7), Thu 16 (8),
  // Fri 17 (9), Mon 20 (10).
  EXPECT_DATE_EQ(cal_.add_working_days(date(2026, 4, 2), 10), date(2026, 4, 20));
}

TEST_F(WorkingDayCalendarTest, TenDaysFromReceiptOnGoodFridaySkipsEasterAndMayDay) {
  // Receipt Good Friday 2025-04-18 (day 0). Sat 19, Sun 20, Mon 21 Easter Monday.
  // Tue 22 (1), Wed 23 (2), Thu 24 (3), Fri 25 (4), Mon 28 (5), Tue 29 (6), Wed 30 (7),
  // Thu May 1 May Day, Fri 2 (8), Mon 5 (9), Tue 6 (10).
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 4, 18), 10), date(2025, 5, 6));
}

TEST_F(WorkingDayCalendarTest, FifteenDaysFromReceiptOnGoodFriday) {
  // Continuing the previous count from Tue 2025-05-06 (10): Wed 7 (11), Thu 8 (12), Fri 9 (13),
  // Mon 12 (14), Tue 13 (15). Ascension 2025 is May 29, outside the range.
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 4, 18), 15), date(2025, 5, 13));
}

TEST_F(WorkingDayCalendarTest, TenDaysFromFridayBeforeHolidayMonday) {
  // 2025-01-06 Epiphany is a Monday (1 Jan Wed + 5). Receipt Fri 2025-01-03; Sat 4, Sun 5, Mon 6.
  // Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5), Tue 14 (6), Wed 15 (7), Thu 16 (8),
  // Fri 17 (9), Mon 20 (10).
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 1, 3), 10), date(2025, 1, 20));
}

TEST_F(WorkingDayCalendarTest, TenDaysFromThursdayBeforeMidsummerEve) {
  // Receipt Thu 2026-06-18; Fri 19 Midsummer Eve, Sat 20 Midsummer Day, Sun 21.
  // Mon 22 (1), Tue 23 (2), Wed 24 (3), Thu 25 (4), Fri 26 (5), Mon 29 (6), Tue 30 (7),
  // Wed Jul 1 (8), Thu 2 (9), Fri 3 (10).
  EXPECT_DATE_EQ(cal_.add_working_days(date(2026, 6, 18), 10), date(2026, 7, 3));
}

TEST_F(WorkingDayCalendarTest, TenAndFifteenDaysAcrossChristmasAndNewYear) {
  // Receipt Fri 2025-12-19 (day-of-year 353: Wed + 352 % 7 (=2) = Friday). Sat 20, Sun 21.
  // Mon 22 (1), Tue 23 (2), Wed 24 Christmas Eve, Thu 25 Christmas Day, Fri 26 St Stephen's Day,
  // Sat 27, Sun 28, Mon 29 (3), Tue 30 (4), Wed 31 (5), Thu 2026-01-01 New Year's Day,
  // Fri 2 (6), Sat 3, Sun 4, Mon 5 (7), Tue 6 Epiphany, Wed 7 (8), Thu 8 (9), Fri 9 (10),
  // Mon 12 (11), Tue 13 (12), Wed 14 (13), Thu 15 (14), Fri 16 (15).
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 12, 19), 10), date(2026, 1, 9));
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 12, 19), 15), date(2026, 1, 16));
}

TEST_F(WorkingDayCalendarTest, ReceiptOnSaturdayCountsFromMonday) {
  // Receipt Sat 2025-03-08; Sun 9. Mon 10 (1) ... Fri 14 (5), Mon 17 (6) ... Fri 21 (10).
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 3, 8), 10), date(2025, 3, 21));
  // Because the receipt day never counts, Friday, Saturday and Sunday receipts share a deadline.
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 3, 7), 10), date(2025, 3, 21));
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 3, 9), 10), date(2025, 3, 21));
}

TEST_F(WorkingDayCalendarTest, FifteenDaysWithoutHolidaysSpanThreeCalendarWeeks) {
  // Receipt Mon 2025-03-03. Tue 4 (1) ... Fri 7 (4), Mon 10 (5) ... Fri 14 (9),
  // Mon 17 (10) ... Fri 21 (14), Mon 24 (15).
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 3, 3), 15), date(2025, 3, 24));
}

TEST_F(WorkingDayCalendarTest, ZeroDaysReturnsTheReceiptDayEvenIfNotAWorkingDay) {
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 3, 8), 0), date(2025, 3, 8));
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 12, 25), 0), date(2025, 12, 25));
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 3, 10), 0), date(2025, 3, 10));
}

TEST_F(WorkingDayCalendarTest, OneDayIsTheNextWorkingDay) {
  // Thu 2025-03-06 -> Fri 7; Fri 7 -> Mon 10.
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 3, 6), 1), date(2025, 3, 7));
  EXPECT_DATE_EQ(cal_.add_working_days(date(2025, 3, 7), 1), date(2025, 3, 10));
}

TEST_F(WorkingDayCalendarTest, NegativeDayCountIsRejected) {
  EXPECT_THROW(cal_.add_working_days(date(2025, 3, 6), -1), std::invalid_argument);
}

TEST_F(WorkingDayCalendarTest, WorkingDaysBetweenHandWorkedCases) {
  // Same ranges as the add_working_days cases above.
  EXPECT_EQ(cal_.working_days_between(date(2026, 4, 2), date(2026, 4, 20)), 10);
  EXPECT_EQ(cal_.working_days_between(date(2025, 12, 19), date(2026, 1, 9)), 10);
  EXPECT_EQ(cal_.working_days_between(date(2025, 12, 19), date(2026, 1, 16)), 15);
  // Wed 24 .. Sun 28 December 2025 contains no working day.
  EXPECT_EQ(cal_.working_days_between(date(2025, 12, 23), date(2025, 12, 28)), 0);
  // Fri -> Sat: the Saturday is not a working day; Thu -> Fri: the Friday is.
  EXPECT_EQ(cal_.working_days_between(date(2025, 3, 7), date(2025, 3, 8)), 0);
  EXPECT_EQ(cal_.working_days_between(date(2025, 3, 6), date(2025, 3, 7)), 1);
}

TEST_F(WorkingDayCalendarTest, WorkingDaysBetweenIsZeroForEmptyOrReversedRange) {
  EXPECT_EQ(cal_.working_days_between(date(2025, 3, 10), date(2025, 3, 10)), 0);
  EXPECT_EQ(cal_.working_days_between(date(2025, 3, 21), date(2025, 3, 10)), 0);
}

TEST_F(WorkingDayCalendarTest, WorkingDaysBetweenInvertsAddWorkingDays) {
  for (sys_days from = date(2025, 1, 1); from <= date(2027, 1, 10); from += days{1}) {
    for (int n = 0; n <= 16; ++n) {
      const sys_days due = cal_.add_working_days(from, n);
      ASSERT_EQ(cal_.working_days_between(from, due), n) << iso(from) << " + " << n;
      if (n > 0) {
        // The deadline is the earliest day that completes the count, so it is itself a working
        // day and the day before it falls one short.
        ASSERT_TRUE(cal_.is_working_day(due)) << iso(from) << " + " << n;
        ASSERT_EQ(cal_.working_days_between(from, due - days{1}), n - 1) << iso(from) << " + " << n;
      }
    }
  }
}

}  // namespace
}  // namespace tarjotin::domain
