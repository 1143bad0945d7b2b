#include "server/time_format.hpp"

#include <gtest/gtest.h>

namespace tarjotin::server {
namespace {

TEST(ParseTimestamp, ReadsUtcTimesWithOrWithoutFractions) {
  const auto t = parse_timestamp("2026-12-01T10:00:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_timestamp(*t), "2026-12-01T10:00:00.000000Z");
  const auto f = parse_timestamp("2026-12-01T10:00:00.5Z");
  ASSERT_TRUE(f);
  EXPECT_EQ(format_timestamp(*f), "2026-12-01T10:00:00.500000Z");
  // Whatever format_timestamp writes reads back to the same instant.
  EXPECT_EQ(parse_timestamp(format_timestamp(*f)), f);
}

TEST(ParseTimestamp, RefusesZonesOtherThanUtcAndImpossibleTimes) {
  for (const char* bad :
       {"2026-12-01T10:00:00+02:00", "2026-12-01T10:00:00", "2026-02-30T10:00:00Z",
        "2026-12-01T24:00:00Z", "2026-12-01T10:60:00Z", "2026-12-01T10:00:00.Z",
        "2026-12-01T10:00:00.1234567Z", "2026-12-01 10:00:00Z", ""})
    EXPECT_FALSE(parse_timestamp(bad)) << bad;
}

}  // namespace
}  // namespace tarjotin::server
