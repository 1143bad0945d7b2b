#include "server/schema_registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "server/json.hpp"

namespace tarjotin::server {
namespace {

const SchemaRegistry& registry() {
  static const SchemaRegistry instance;
  return instance;
}

rapidjson::Document json(const std::string& text) {
  rapidjson::Document doc;
  if (auto error = parse_json(text, doc)) ADD_FAILURE() << "test JSON broken: " << error->detail;
  return doc;
}

std::optional<SchemaViolation> check(const std::string& schema, const std::string& instance) {
  const rapidjson::Document doc = json(instance);
  return registry().validate(schema, doc);
}

const char* const kValidRegistration = R"({
  "organisation": {"name": "Siivous Oy", "country": "FI", "business_id": "1234567-8"},
  "user": {"email": "anna@siivous.fi", "display_name": "Anna", "password": "correct horse battery"}
})";

const char* const kValidUser = R"({
  "email": "olli@kunta.fi", "display_name": "Olli", "role": "officer",
  "password": "long enough password"
})";

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(SchemaRegistry, CompilesEveryEmbeddedSchema) {
  EXPECT_NO_THROW(SchemaRegistry{});
  const auto names = registry().names();
  for (const char* name : {"provider-registration.request", "user.request", "problem", "session",
                           "session.request", "organisation.request", "user-update.request"})
    EXPECT_TRUE(contains(names, name)) << name;
}

TEST(SchemaRegistry, HoldsEverySchemaFileInTheSchemasDirectory) {
  // Embedding happens at build time, so a file left out of the embed list would only show up
  // when a request first needs it.
  const auto dir =
      std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "schemas";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string name = entry.path().stem().string();
    if (name == "openapi") continue;
    EXPECT_TRUE(registry().has(name)) << name;
    EXPECT_NO_THROW(registry().source(name)) << name;
  }
  EXPECT_GT(files, 1);
}

TEST(SchemaRegistry, NamesOnlyWhatItHolds) {
  for (const auto& name : registry().names()) EXPECT_NO_THROW(registry().source(name)) << name;
  EXPECT_FALSE(contains(registry().names(), "no-such-schema"));
  EXPECT_FALSE(registry().has("no-such-schema"));
}

TEST(SchemaRegistry, OpenApiDocumentIsNotASchemaButItsSourceIsAvailable) {
  EXPECT_FALSE(registry().has("openapi"));
  const rapidjson::Document& openapi = registry().source("openapi");
  ASSERT_TRUE(openapi.IsObject());
  ASSERT_TRUE(openapi.HasMember("openapi"));
  EXPECT_TRUE(openapi["openapi"].IsString());
  EXPECT_TRUE(openapi.HasMember("paths"));
}

TEST(SchemaRegistry, SourceIsTheSchemaText) {
  const rapidjson::Document& schema = registry().source("user.request");
  ASSERT_TRUE(schema.IsObject());
  ASSERT_TRUE(schema.HasMember("properties"));
  EXPECT_TRUE(schema["properties"].HasMember("role"));
}

TEST(SchemaRegistry, SourceOfAnUnknownNameThrows) {
  EXPECT_THROW(registry().source("no-such-schema"), std::out_of_range);
}

TEST(SchemaRegistry, ValidatingAgainstAnUnknownOrNonSchemaNameThrows) {
  const rapidjson::Document doc = json("{}");
  EXPECT_THROW(registry().validate("no-such-schema", doc), std::out_of_range);
  EXPECT_THROW(registry().validate("openapi", doc), std::out_of_range);
}

TEST(SchemaRegistry, AcceptsAValidProviderRegistration) {
  const auto violation = check("provider-registration.request", kValidRegistration);
  EXPECT_FALSE(violation.has_value()) << violation->pointer << " " << violation->rule;
}

TEST(SchemaRegistry, AcceptsAValidUserRequest) {
  const auto violation = check("user.request", kValidUser);
  EXPECT_FALSE(violation.has_value()) << violation->pointer << " " << violation->rule;
}

TEST(SchemaRegistry, PointsAtAMissingRequiredNestedMember) {
  const auto violation = check("provider-registration.request", R"({
    "organisation": {"name": "Siivous Oy", "business_id": "1234567-8"},
    "user": {"email": "anna@siivous.fi", "display_name": "Anna"}
  })");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/user/password");
  EXPECT_EQ(violation->rule, "required");
  EXPECT_NE(violation->detail.find("password"), std::string::npos) << violation->detail;
}

TEST(SchemaRegistry, PointsAtAMissingRequiredTopLevelMember) {
  const auto violation = check("provider-registration.request", R"({
    "user": {"email": "anna@siivous.fi", "display_name": "Anna", "password": "correct horse battery"}
  })");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/organisation");
  EXPECT_EQ(violation->rule, "required");
}

TEST(SchemaRegistry, PointsAtAnUnknownPropertyItself) {
  const auto violation = check("provider-registration.request", R"({
    "organisation": {"name": "Siivous Oy", "business_id": "1234567-8"},
    "user": {"email": "anna@siivous.fi", "display_name": "Anna",
             "password": "correct horse battery", "role": "admin"}
  })");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/user/role");
  EXPECT_EQ(violation->rule, "additionalProperties");
  EXPECT_NE(violation->detail.find("role"), std::string::npos) << violation->detail;
}

TEST(SchemaRegistry, PointsAtAnUnknownTopLevelProperty) {
  const auto violation = check("user-update.request", R"({"active": true, "admin": true})");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/admin");
  EXPECT_EQ(violation->rule, "additionalProperties");
}

TEST(SchemaRegistry, PointsAtAnUnknownPropertyWhoseValueIsAnObject) {
  // The object's own members must not be mistaken for the unknown property.
  const auto violation = check("provider-registration.request", R"({
    "organisation": {"name": "Siivous Oy", "business_id": "1234567-8"},
    "user": {"email": "anna@siivous.fi", "display_name": "Anna",
             "password": "correct horse battery", "grant": {"role": "admin"}}
  })");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/user/grant");
  EXPECT_EQ(violation->rule, "additionalProperties");
}

TEST(SchemaRegistry, APointerToAPropertyWhoseNameHoldsANulStillNamesIt) {
  // Found by fuzz_json: the pointer was cut at the NUL and named the document's root.
  const auto doc = json(R"({"active": true, "a/\u0000b": 1})");
  const auto violation = registry().validate("user-update.request", doc);
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->rule, "additionalProperties");
  EXPECT_EQ(violation->pointer, std::string("/a~1\0b", 6));
}

TEST(SchemaRegistry, EscapesAnUnknownPropertyNameInThePointer) {
  const auto violation = check("user-update.request", R"({"active": true, "a/b~c": 1})");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/a~1b~0c");
  EXPECT_EQ(violation->rule, "additionalProperties");
}

TEST(SchemaRegistry, PointsAtATooShortPassword) {
  const auto violation = check("provider-registration.request", R"({
    "organisation": {"name": "Siivous Oy", "business_id": "1234567-8"},
    "user": {"email": "anna@siivous.fi", "display_name": "Anna", "password": "short"}
  })");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/user/password");
  EXPECT_EQ(violation->rule, "minLength");
}

TEST(SchemaRegistry, PointsAtARoleOutsideTheEnum) {
  const auto violation = check("user.request", R"({
    "email": "olli@kunta.fi", "display_name": "Olli", "role": "root",
    "password": "long enough password"
  })");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/role");
  EXPECT_EQ(violation->rule, "enum");
}

TEST(SchemaRegistry, PointsAtAValueOfTheWrongType) {
  const auto violation = check("user-update.request", R"({"active": "yes"})");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/active");
  EXPECT_EQ(violation->rule, "type");
}

TEST(SchemaRegistry, PointsAtAMalformedEmail) {
  const auto violation = check("user.request", R"({
    "email": "not an email", "display_name": "Olli", "role": "officer",
    "password": "long enough password"
  })");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->pointer, "/email");
  EXPECT_EQ(violation->rule, "pattern");
}

TEST(SchemaRegistry, RefusesABodyThatIsNotAnObject) {
  const auto violation = check("user.request", R"(["olli@kunta.fi"])");
  ASSERT_TRUE(violation.has_value());
  EXPECT_EQ(violation->rule, "type");
}

// Counts wrong answers from many threads validating against one compiled schema at once, as the
// server's worker threads do. "pattern" is included on purpose: a regex keeping match state
// inside the shared schema would make concurrent validations clash.
int wrong_answers_under_concurrency() {
  const rapidjson::Document good = json(kValidUser);
  const rapidjson::Document bad_email = json(R"({
    "email": "not an email", "display_name": "Olli", "role": "officer",
    "password": "long enough password"
  })");
  std::vector<int> wrong(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < wrong.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2'000; ++i) {
        if (registry().validate("user.request", good).has_value()) ++wrong[t];
        const auto v = registry().validate("user.request", bad_email);
        if (!v || v->pointer != "/email" || v->rule != "pattern") ++wrong[t];
      }
    });
  for (auto& thread : threads) thread.join();
  int total = 0;
  for (int w : wrong) total += w;
  return total;
}

TEST(SchemaRegistry, ValidatesConcurrentlyFromManyThreads) {
  // In a child process, so that a crash fails this test alone instead of the whole run.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(std::exit(wrong_answers_under_concurrency() == 0 ? 0 : 1),
              ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace tarjotin::server
