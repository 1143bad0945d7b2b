// The Helsinki calendar day of an instant, and the instant a Helsinki day begins.
#include "domain/time.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "tests/domain/dates.hpp"

namespace tarjotin::domain {
namespace {

using namespace std::chrono;
using testing::date;
using testing::utc;

// Finland is UTC+2 in winter, UTC+3 in summer time; summer time runs from 01:00 UTC on the last
// Sunday of March to 01:00 UTC on the last Sunday of October. In 2026 those Sundays are 29 March
// and 25 October.

TEST(HelsinkiDate, WinterIsTwoHoursAheadOfUtc) {
  // 21:59:59 + 2 h = 23:59:59 on 15 Jan; 22:00:00 + 2 h = 00:00:00 on 16 Jan.
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 1, 15, 21, 59, 59)), date(2026, 1, 15));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 1, 15, 22, 0, 0)), date(2026, 1, 16));
}

TEST(HelsinkiDate, SummerIsThreeHoursAheadOfUtc) {
  // 20:59:59 + 3 h = 23:59:59 on 1 Jul; 21:00:00 + 3 h = 00:00:00 on 2 Jul.
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 7, 1, 20, 59, 59)), date(2026, 7, 1));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 7, 1, 21, 0, 0)), date(2026, 7, 2));
}

TEST(HelsinkiDate, TheLastMicrosecondOfALocalDayStaysOnIt) {
  const Timestamp midnight = utc(2026, 1, 15, 22, 0, 0);
  EXPECT_DATE_EQ(helsinki_date(midnight - microseconds{1}), date(2026, 1, 15));
}

TEST(HelsinkiDate, SummerTimeStartsOnTheLastSundayOfMarch) {
  // Saturday 28 Mar is still winter: 21:59:59 + 2 h = 23:59:59 on 28 Mar, 22:00 + 2 h = 00:00 on
  // 29 Mar, and 21:30 + 2 h = 23:30 on 28 Mar (+3 h would already be 29 Mar).
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 3, 28, 21, 59, 59)), date(2026, 3, 28));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 3, 28, 22, 0, 0)), date(2026, 3, 29));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 3, 28, 21, 30, 0)), date(2026, 3, 28));
  // 00:59:59 UTC on 29 Mar is 02:59:59 local, the last winter second; 01:00 UTC is 04:00 local.
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 3, 29, 0, 59, 59)), date(2026, 3, 29));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 3, 29, 1, 0, 0)), date(2026, 3, 29));
  // From then on +3 h: 21:00 UTC on 29 Mar is 00:00 on 30 Mar (+2 h would be 23:00 on 29 Mar).
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 3, 29, 20, 59, 59)), date(2026, 3, 29));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 3, 29, 21, 0, 0)), date(2026, 3, 30));
}

TEST(HelsinkiDate, SummerTimeEndsOnTheLastSundayOfOctober) {
  // Saturday 24 Oct is still summer: 20:59:59 + 3 h = 23:59:59 on 24 Oct, 21:00 + 3 h = 00:00
  // on 25 Oct (+2 h would be 23:00 on 24 Oct).
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 10, 24, 20, 59, 59)), date(2026, 10, 24));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 10, 24, 21, 0, 0)), date(2026, 10, 25));
  // 00:59:59 UTC on 25 Oct is 03:59:59 local summer time; 01:00 UTC is 03:00 winter time.
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 10, 25, 0, 59, 59)), date(2026, 10, 25));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 10, 25, 1, 0, 0)), date(2026, 10, 25));
  // From then on +2 h: 21:30 UTC is 23:30 on 25 Oct (+3 h would be 00:30 on 26 Oct), and
  // 22:00 UTC is 00:00 on 26 Oct.
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 10, 25, 21, 30, 0)), date(2026, 10, 25));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 10, 25, 22, 0, 0)), date(2026, 10, 26));
}

TEST(HelsinkiDate, FindsTheLastSundayInOtherYears) {
  // Last Sundays: 2024 is 31 Mar / 27 Oct, 2027 is 28 Mar / 31 Oct, 2029 is 25 Mar / 28 Oct.
  // On each switch day, 21:30 UTC is 00:30 the next day under +3 h, 23:30 the same day under +2 h.
  struct Case {
    int year;
    unsigned march_sunday, october_sunday;
  };
  for (const Case& c : {Case{2024, 31, 27}, Case{2027, 28, 31}, Case{2029, 25, 28}}) {
    // The Saturday before summer time: +2 h, same day.
    EXPECT_DATE_EQ(helsinki_date(utc(c.year, 3, c.march_sunday - 1, 21, 30, 0)),
                   date(c.year, 3, c.march_sunday - 1));
    // The switch Sunday in March: +3 h from 01:00 UTC, so the evening rolls over.
    EXPECT_DATE_EQ(helsinki_date(utc(c.year, 3, c.march_sunday, 21, 30, 0)),
                   date(c.year, 3, c.march_sunday) + days{1});
    // The Saturday before winter time: still +3 h.
    EXPECT_DATE_EQ(helsinki_date(utc(c.year, 10, c.october_sunday - 1, 21, 30, 0)),
                   date(c.year, 10, c.october_sunday));
    // The switch Sunday in October: +2 h from 01:00 UTC.
    EXPECT_DATE_EQ(helsinki_date(utc(c.year, 10, c.october_sunday, 21, 30, 0)),
                   date(c.year, 10, c.october_sunday));
  }
}

TEST(HelsinkiDate, NewYearComesTwoHoursEarly) {
  // 21:59:59 + 2 h = 23:59:59 on 31 Dec; 22:00 + 2 h = 00:00 on 1 Jan of the next year.
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 12, 31, 21, 59, 59)), date(2026, 12, 31));
  EXPECT_DATE_EQ(helsinki_date(utc(2026, 12, 31, 22, 0, 0)), date(2027, 1, 1));
}

TEST(HelsinkiDate, WorksBeforeTheEpoch) {
  // 1969-12-31 21:59:59 UTC + 2 h = 23:59:59 on 31 Dec; 22:00 UTC is 00:00 on 1 Jan 1970.
  EXPECT_DATE_EQ(helsinki_date(utc(1969, 12, 31, 21, 59, 59)), date(1969, 12, 31));
  EXPECT_DATE_EQ(helsinki_date(utc(1969, 12, 31, 22, 0, 0)), date(1970, 1, 1));
}

TEST(HelsinkiMidnight, IsTwentyTwoUtcInWinterAndTwentyOneInSummer) {
  EXPECT_EQ(helsinki_midnight(date(2026, 1, 16)), utc(2026, 1, 15, 22, 0, 0));
  EXPECT_EQ(helsinki_midnight(date(2026, 7, 2)), utc(2026, 7, 1, 21, 0, 0));
}

TEST(HelsinkiMidnight, FollowsTheSwitchDays) {
  // 29 March 2026 begins in winter time and 25 October in summer time: their midnights are
  // before the switch at 01:00 UTC.
  EXPECT_EQ(helsinki_midnight(date(2026, 3, 29)), utc(2026, 3, 28, 22, 0, 0));
  EXPECT_EQ(helsinki_midnight(date(2026, 3, 30)), utc(2026, 3, 29, 21, 0, 0));
  EXPECT_EQ(helsinki_midnight(date(2026, 10, 25)), utc(2026, 10, 24, 21, 0, 0));
  EXPECT_EQ(helsinki_midnight(date(2026, 10, 26)), utc(2026, 10, 25, 22, 0, 0));
}

TEST(HelsinkiMidnight, IsTheFirstInstantOfItsDay) {
  for (Date d = date(2026, 1, 1); d < date(2027, 1, 1); d += days{1}) {
    const Timestamp midnight = helsinki_midnight(d);
    EXPECT_DATE_EQ(helsinki_date(midnight), d);
    EXPECT_DATE_EQ(helsinki_date(midnight - microseconds{1}), d - days{1});
  }
}

}  // namespace
}  // namespace tarjotin::domain
