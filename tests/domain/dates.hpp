#pragma once
// Calendar days and UTC instants written as people write them, for tests of time rules.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "domain/time.hpp"

namespace tarjotin::testing {

constexpr domain::Date date(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}};
}

inline domain::Timestamp utc(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
  using namespace std::chrono;
  return domain::Timestamp{date(y, m, d) + hours{hh} + minutes{mm} + seconds{ss}};
}

// Printable form for failure messages; chrono's own operator<< is not available on GCC 12.
inline std::string iso(domain::Date d) {
  using namespace std::chrono;
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace tarjotin::testing

#define EXPECT_DATE_EQ(actual, expected) \
  EXPECT_EQ(::tarjotin::testing::iso(actual), ::tarjotin::testing::iso(expected))
