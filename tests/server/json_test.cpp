#include "server/json.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tarjotin::server {
namespace {

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

std::string array_of_zeros(std::size_t items) {
  std::string text = "[";
  for (std::size_t i = 0; i < items; ++i) text += i == 0 ? "0" : ",0";
  return text + "]";
}

std::string object_with_members(std::size_t members) {
  std::string text = "{";
  for (std::size_t i = 0; i < members; ++i)
    text += (i == 0 ? "\"m" : ",\"m") + std::to_string(i) + "\":0";
  return text + "}";
}

TEST(CleanText, AcceptsUtf8AndRefusesMalformedBytesAndControls) {
  EXPECT_TRUE(is_clean_text("Hämeenlinna €"));
  EXPECT_TRUE(is_clean_text(""));
  EXPECT_FALSE(is_clean_text("\xff"));
  EXPECT_FALSE(is_clean_text("\xc3"));          // cut short
  EXPECT_FALSE(is_clean_text("\xc0\xaf"));      // overlong "/"
  EXPECT_FALSE(is_clean_text("\xed\xa0\x80"));  // a surrogate
  EXPECT_FALSE(is_clean_text("a\nb"));
  EXPECT_FALSE(is_clean_text(std::string("a\0b", 3)));
}

TEST(ParseJson, AcceptsAValidObject) {
  rapidjson::Document doc;
  const auto error = parse_json(R"({"name":"Oy Ab","count":3,"tags":["a","b"],"x":null})", doc);
  ASSERT_FALSE(error.has_value()) << error->detail;
  ASSERT_TRUE(doc.IsObject());
  EXPECT_STREQ(doc["name"].GetString(), "Oy Ab");
  EXPECT_EQ(doc["count"].GetInt(), 3);
  ASSERT_TRUE(doc["tags"].IsArray());
  EXPECT_EQ(doc["tags"].Size(), 2u);
  EXPECT_TRUE(doc["x"].IsNull());
}

TEST(ParseJson, AcceptsAScalarRootAndSurroundingWhitespace) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json(" \n\t42 \r\n", doc).has_value());
  ASSERT_TRUE(doc.IsInt());
  EXPECT_EQ(doc.GetInt(), 42);
}

TEST(ParseJson, KeepsMultiByteUtf8Strings) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json("{\"city\":\"J\xC3\xA4rvenp\xC3\xA4\xC3\xA4\"}", doc).has_value());
  EXPECT_EQ(std::string(doc["city"].GetString()), "J\xC3\xA4rvenp\xC3\xA4\xC3\xA4");
}

TEST(ParseJson, RefusesTrailingGarbageAfterTheValue) {
  rapidjson::Document doc;
  const auto error = parse_json(R"({"a":1} x)", doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "syntax");
  EXPECT_FALSE(error->detail.empty());
}

TEST(ParseJson, RefusesASecondValueAfterTheFirst) {
  rapidjson::Document doc;
  const auto error = parse_json(R"({"a":1}{"b":2})", doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "syntax");
}

TEST(ParseJson, ReportsTheByteOffsetOfASyntaxError) {
  rapidjson::Document doc;
  // The stray 'x' sits at byte 5.
  const auto error = parse_json("[1,2,x]", doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "syntax");
  EXPECT_NE(error->detail.find('5'), std::string::npos) << error->detail;
}

TEST(ParseJson, RefusesEmptyInput) {
  rapidjson::Document doc;
  const auto error = parse_json("", doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "syntax");
}

TEST(ParseJson, RefusesWhitespaceOnlyInput) {
  rapidjson::Document doc;
  const auto error = parse_json("  \n ", doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "syntax");
}

TEST(ParseJson, RefusesInvalidUtf8InsideAStringAsAnEncodingError) {
  rapidjson::Document doc;
  const auto error = parse_json("{\"name\":\"\xC3\x28\"}", doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "encoding");
}

TEST(ParseJson, RefusesAnOverlongUtf8EncodingAsAnEncodingError) {
  rapidjson::Document doc;
  // 0xC0 0xAF is an overlong '/', a classic way past naive filters.
  const auto error = parse_json("[\"\xC0\xAF\"]", doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "encoding");
}

TEST(ParseJson, RefusesAnEmbeddedNulInsideAString) {
  rapidjson::Document doc;
  const std::string text("{\"a\":\"x\0y\"}", 11);
  ASSERT_EQ(text.size(), 11u);
  EXPECT_TRUE(parse_json(text, doc).has_value());
}

TEST(ParseJson, RefusesANulAfterAnOtherwiseCompleteValue) {
  // A reader that treats NUL as the end of input would accept this and ignore the rest.
  rapidjson::Document doc;
  const std::string text("{}\0{\"smuggled\":1}", 17);
  ASSERT_EQ(text.size(), 17u);
  EXPECT_TRUE(parse_json(text, doc).has_value());
}

TEST(ParseJson, RefusesNestingDeeperThanTheLimitWithoutCrashing) {
  rapidjson::Document doc;
  const auto error = parse_json(std::string(1'000'000, '['), doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-depth");
}

TEST(ParseJson, RefusesDeeplyNestedObjectsWithoutCrashing) {
  std::string text;
  for (int i = 0; i < 200'000; ++i) text += "{\"a\":";
  rapidjson::Document doc;
  const auto error = parse_json(text, doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-depth");
}

TEST(ParseJson, AcceptsNestingExactlyAtTheDefaultLimitOf32AndRefusesOneDeeper) {
  rapidjson::Document doc;
  const auto at_limit = parse_json(nested_arrays(32), doc);
  EXPECT_FALSE(at_limit.has_value()) << at_limit->detail;
  EXPECT_TRUE(doc.IsArray());
  const auto error = parse_json(nested_arrays(33), doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-depth");
}

TEST(ParseJson, CountsObjectsAndArraysTogetherTowardsTheDepth) {
  const JsonLimits limits{3, 10'000, 1'000};
  rapidjson::Document doc;
  EXPECT_FALSE(parse_json(R"({"a":[{"b":1}]})", doc, limits).has_value());
  const auto error = parse_json(R"({"a":[{"b":[]}]})", doc, limits);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-depth");
}

TEST(ParseJson, HonoursACustomDepthLimit) {
  const JsonLimits limits{4, 10'000, 1'000};
  rapidjson::Document doc;
  EXPECT_FALSE(parse_json(nested_arrays(4), doc, limits).has_value());
  const auto error = parse_json(nested_arrays(5), doc, limits);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-depth");
}

TEST(ParseJson, AcceptsAnArrayOfExactlyMaxArrayItems) {
  const JsonLimits limits{32, 5, 5};
  rapidjson::Document doc;
  const auto error = parse_json("[1,2,3,4,5]", doc, limits);
  ASSERT_FALSE(error.has_value()) << error->detail;
  EXPECT_EQ(doc.Size(), 5u);
}

TEST(ParseJson, RefusesAnArrayLongerThanMaxArrayItems) {
  const JsonLimits limits{32, 5, 5};
  rapidjson::Document doc;
  const auto error = parse_json("[1,2,3,4,5,6]", doc, limits);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-items");
  EXPECT_TRUE(doc.IsNull());
}

TEST(ParseJson, DefaultLimitAllowsTenThousandArrayItemsButNoMore) {
  rapidjson::Document doc;
  const auto at_limit = parse_json(array_of_zeros(10'000), doc);
  EXPECT_FALSE(at_limit.has_value()) << at_limit->detail;
  const auto error = parse_json(array_of_zeros(10'001), doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-items");
}

TEST(ParseJson, CountsNestedContainersAsItemsOfTheirParent) {
  const JsonLimits limits{32, 2, 2};
  rapidjson::Document doc;
  EXPECT_FALSE(parse_json("[[],{}]", doc, limits).has_value());
  const auto error = parse_json("[[],{},[]]", doc, limits);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-items");
}

TEST(ParseJson, CountsItemsPerArrayNotAcrossTheDocument) {
  const JsonLimits limits{32, 3, 3};
  rapidjson::Document doc;
  EXPECT_FALSE(parse_json("[[1,2],[3,4],[5,6]]", doc, limits).has_value());
}

TEST(ParseJson, RefusesAnArrayLongerThanMaxArrayItemsWhenTheObjectLimitIsHigher) {
  const JsonLimits limits{32, 3, 1'000};
  rapidjson::Document doc;
  const auto error = parse_json("[1,2,3,4]", doc, limits);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-items");
}

TEST(ParseJson, RefusesAnObjectWithMoreThanMaxObjectMembers) {
  rapidjson::Document doc;
  // The default JsonLimits allow 1,000 members, far fewer than the 10,000 array items.
  EXPECT_FALSE(parse_json(object_with_members(1'000), doc).has_value());
  const auto error = parse_json(object_with_members(1'001), doc);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->rule, "max-members");
}

TEST(ParseJson, NamesTheLimitThatWasBroken) {
  const JsonLimits limits{2, 3, 4};
  rapidjson::Document doc;
  const auto items = parse_json("[1,2,3,4]", doc, limits);
  ASSERT_TRUE(items.has_value());
  EXPECT_EQ(items->detail, "a JSON array has more than 3 items");
  const auto members = parse_json(R"({"a":1,"b":2,"c":3,"d":4,"e":5})", doc, limits);
  ASSERT_TRUE(members.has_value());
  EXPECT_EQ(members->detail, "a JSON object has more than 4 members");
  const auto depth = parse_json("[[[]]]", doc, limits);
  ASSERT_TRUE(depth.has_value());
  EXPECT_EQ(depth->detail, "JSON nests deeper than 2 levels");
}

TEST(ParseJson, RefusesANumberBeyondTheLargestDouble) {
  rapidjson::Document doc;
  // RapidJSON reads these as infinity by itself, which no JSON writer can write back.
  for (const char* text : {"[9e308]", "{\"threshold\":-1.8e308}", "2e308"}) {
    const auto error = parse_json(text, doc);
    ASSERT_TRUE(error.has_value()) << text;
    EXPECT_EQ(error->rule, "syntax") << text;
    EXPECT_NE(error->detail.find("too big"), std::string::npos) << error->detail;
    EXPECT_TRUE(doc.IsNull());
  }
  EXPECT_FALSE(parse_json("[1.7976931348623157e308,-1e308,5e-324]", doc).has_value());
}

TEST(ParseJson, RefusesALoneLowSurrogateEscape) {
  rapidjson::Document doc;
  // Without the check these became the bytes ED B8 80 / ED BA 80, which are not UTF-8.
  for (const char* text : {R"(["\ude00"])", R"({"a":"x\ud66d\ude80"})", R"({"\udc00":1})"}) {
    const auto error = parse_json(text, doc);
    ASSERT_TRUE(error.has_value()) << text;
    EXPECT_EQ(error->rule, "syntax") << text;
    EXPECT_TRUE(doc.IsNull());
  }
  ASSERT_FALSE(parse_json(R"(["\ud83d\ude80 \ud7ff \ue000"])", doc).has_value());
  EXPECT_EQ(std::string(doc[0].GetString()), "\xF0\x9F\x9A\x80 \xED\x9F\xBF \xEE\x80\x80");
}

TEST(ParseJson, RefusesAnObjectThatNamesAMemberTwice) {
  rapidjson::Document doc;
  for (const char* text : {R"({"user":{"email":"a@b.fi"},"user":{"email":"c@d.fi"}})",
                           R"([{"a":1,"b":2,"a":3}])", R"({"\u0061":1,"a":2})"}) {
    const auto error = parse_json(text, doc);
    ASSERT_TRUE(error.has_value()) << text;
    EXPECT_EQ(error->rule, "syntax") << text;
    EXPECT_NE(error->detail.find("same name"), std::string::npos) << error->detail;
    EXPECT_TRUE(doc.IsNull());
  }
  // The same name in different objects is fine.
  EXPECT_FALSE(parse_json(R"({"a":{"a":1},"b":[{"a":1},{"a":2}]})", doc).has_value());
}

TEST(ParseJson, LeavesTheDocumentEmptyAfterAFailure) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json(R"({"kept":true})", doc).has_value());
  ASSERT_TRUE(doc.IsObject());

  EXPECT_TRUE(parse_json(R"({"a":[1,2,)", doc).has_value());
  EXPECT_TRUE(doc.IsNull());

  ASSERT_FALSE(parse_json(R"({"kept":true})", doc).has_value());
  EXPECT_TRUE(parse_json(std::string(1'000, '['), doc).has_value());
  EXPECT_TRUE(doc.IsNull());
}

TEST(ParseJson, ReplacesAPreviousDocumentOnSuccess) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json(R"({"old":1})", doc).has_value());
  ASSERT_FALSE(parse_json(R"({"new":2})", doc).has_value());
  EXPECT_FALSE(doc.HasMember("old"));
  EXPECT_EQ(doc["new"].GetInt(), 2);
}

TEST(StringMember, ReturnsAStringMember) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json(R"({"email":"a@example.fi"})", doc).has_value());
  EXPECT_EQ(string_member(doc, "email"), "a@example.fi");
}

TEST(StringMember, KeepsAnEscapedNulInsideTheValue) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json(R"({"v":"a\u0000b"})", doc).has_value());
  const auto value = string_member(doc, "v");
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(*value, std::string("a\0b", 3));
}

TEST(StringMember, IsEmptyWhenTheMemberIsAbsent) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json(R"({"email":"a@example.fi"})", doc).has_value());
  EXPECT_FALSE(string_member(doc, "name").has_value());
}

TEST(StringMember, IsEmptyWhenTheMemberIsNotAString) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json(R"({"n":1,"b":true,"z":null,"o":{},"a":["x"]})", doc).has_value());
  for (const char* name : {"n", "b", "z", "o", "a"})
    EXPECT_FALSE(string_member(doc, name).has_value()) << name;
}

TEST(StringMember, IsEmptyWhenTheValueIsNotAnObject) {
  rapidjson::Document doc;
  ASSERT_FALSE(parse_json(R"(["email"])", doc).has_value());
  EXPECT_FALSE(string_member(doc, "email").has_value());
  ASSERT_FALSE(parse_json(R"("email")", doc).has_value());
  EXPECT_FALSE(string_member(doc, "email").has_value());
}

}  // namespace
}  // namespace tarjotin::server
