#include "server/entity_tags.hpp"

#include <gtest/gtest.h>

namespace tarjotin::server {
namespace {

using Versions = std::vector<long long>;

TEST(EntityTags, AVersionReadsBackFromTheTagWrittenForIt) {
  EXPECT_EQ(entity_tag(7), "\"7\"");
  EXPECT_EQ(if_match_versions(entity_tag(7)), Versions{7});
  EXPECT_EQ(if_match_versions(" \"3\" , \"12\""), (Versions{3, 12}));
}

TEST(EntityTags, AnyOrNothingSetsNoCondition) {
  EXPECT_EQ(if_match_versions("*"), std::nullopt);
  EXPECT_EQ(if_match_versions(" * "), std::nullopt);
  EXPECT_EQ(if_match_versions(""), std::nullopt);
}

TEST(EntityTags, WeakOrForeignTagsMatchNoVersion) {
  for (const char* never :
       {"W/\"7\"", "7", "\"\"", "\"x7\"", "\"7 \"", "\"-7\"", "\"0\"", "\"99999999999999999999\""})
    EXPECT_EQ(if_match_versions(never), Versions{}) << never;
  EXPECT_EQ(if_match_versions("W/\"7\", \"8\""), Versions{8});
}

}  // namespace
}  // namespace tarjotin::server
