// The legal time limit of a decision on an application: counted in working days from the
// Helsinki day of receipt, extended once, and how it stands on a given day.
#include "domain/qualification/rules.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "tests/domain/dates.hpp"
#include "tests/domain/qualification/names.hpp"

namespace tarjotin::domain {
namespace {

using namespace test_names;
using testing::date;
using testing::utc;

const WorkingDayCalendar kCalendar = WorkingDayCalendar::finnish();

// Received on Monday 2 March 2026 at 00:30 in Helsinki, which is still Sunday in UTC.
const Timestamp kReceived = utc(2026, 3, 1, 22, 30, 0);

Application submitted_on(Date due) {
  Application a;
  a.state = ApplicationState::submitted;
  a.received_at = kReceived;
  a.decision_due = due;
  return a;
}

TEST(DecisionDue, IsTenWorkingDaysAfterTheHelsinkiDayOfReceipt) {
  // Counted from Monday 2 March, not from Sunday 1 March (which would give Friday 13 March).
  EXPECT_DATE_EQ(decision_due(kCalendar, kReceived, false), date(2026, 3, 16));
}

TEST(DecisionDue, ExtendedIsFifteenWorkingDays) {
  EXPECT_DATE_EQ(decision_due(kCalendar, kReceived, true), date(2026, 3, 23));
}

TEST(DecisionDue, PublicHolidaysDoNotCount) {
  // Good Friday 3 April and Easter Monday 6 April 2026 are not working days.
  EXPECT_DATE_EQ(decision_due(kCalendar, utc(2026, 4, 1, 9, 0, 0), false), date(2026, 4, 17));
}

TEST(DecisionClock, CountsTheWorkingDaysLeftUntilTheLastDay) {
  const auto app = submitted_on(date(2026, 3, 16));
  auto clock = decision_clock(kCalendar, app, date(2026, 3, 12));
  EXPECT_EQ(clock.working_days_left, 2);  // Friday 13 and Monday 16 March
  EXPECT_FALSE(clock.overdue);
  clock = decision_clock(kCalendar, app, date(2026, 3, 16));
  EXPECT_EQ(clock.working_days_left, 0);  // the last day is still in time
  EXPECT_FALSE(clock.overdue);
}

TEST(DecisionClock, AnOverdueDecisionCountsWorkingDaysBackwards) {
  const auto app = submitted_on(date(2026, 3, 16));
  auto clock = decision_clock(kCalendar, app, date(2026, 3, 17));
  EXPECT_TRUE(clock.overdue);
  EXPECT_EQ(clock.working_days_left, -1);
  clock = decision_clock(kCalendar, app, date(2026, 3, 22));  // Sunday
  EXPECT_TRUE(clock.overdue);
  EXPECT_EQ(clock.working_days_left, -4);
}

TEST(DecisionClock, RunsOnlyWhileADecisionIsOwed) {
  for (const auto& s : kApplicationStates) {
    auto app = submitted_on(date(2026, 3, 16));
    app.state = s.value;
    const auto clock = decision_clock(kCalendar, app, date(2026, 3, 20));
    EXPECT_EQ(clock.working_days_left.has_value(), awaits_decision(s.value)) << s.name;
    EXPECT_EQ(clock.overdue, awaits_decision(s.value)) << s.name;
  }
  Application draft;
  const auto clock = decision_clock(kCalendar, draft, date(2026, 3, 20));
  EXPECT_FALSE(clock.working_days_left.has_value());
  EXPECT_FALSE(clock.overdue);
}

TEST(JudgedOn, IsTheHelsinkiDayOfReceiptOrTodayForADraft) {
  const auto app = submitted_on(date(2026, 3, 16));
  EXPECT_DATE_EQ(judged_on(app, date(2026, 5, 1)), date(2026, 3, 2));
  EXPECT_DATE_EQ(judged_on(Application{}, date(2026, 5, 1)), date(2026, 5, 1));
}

}  // namespace
}  // namespace tarjotin::domain
