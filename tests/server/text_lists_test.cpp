#include "storage/text_lists.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace tarjotin::storage {
namespace {

TEST(TextLists, KeepsALeadingEmptyLine) {
  const std::vector<std::string> items{"", "fi", "sv"};
  EXPECT_EQ(join_lines(items), "\nfi\nsv");
  EXPECT_EQ(split_lines(join_lines(items)), items);
}

TEST(TextLists, SplitThenJoinGivesTheTextBack) {
  for (const std::string text : {"", "\n", "fi", "fi\n", "\nfi", "fi\n\nsv", "\n\n"})
    EXPECT_EQ(join_lines(split_lines(text)), text) << text;
}

TEST(TextLists, AmountsRoundTripWithEqualsSignsAndNegativeValues) {
  const std::map<std::string, long long> amounts{
      {"", 1}, {"a=b", -7}, {"employment_open_market", 50000}, {"studies", -9223372036854775807}};
  EXPECT_EQ(split_amounts(join_amounts(amounts)), amounts);
}

}  // namespace
}  // namespace tarjotin::storage
