// The served OpenAPI document and the router describe exactly the same API.
#include <gtest/gtest.h>

#include <rapidjson/pointer.h>

#include <set>

#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void collect_refs(const rapidjson::Value& v, std::set<std::string>& out) {
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      if (std::string(m.name.GetString()) == "$ref" && m.value.IsString())
        out.insert(m.value.GetString());
      else
        collect_refs(m.value, out);
    }
  } else if (v.IsArray()) {
    for (const auto& item : v.GetArray()) collect_refs(item, out);
  }
}

class OpenApi : public ::testing::Test {
 protected:
  TestServer server;
  rapidjson::Document doc = server.client().get("/v1/openapi.json").json();
};

TEST_F(OpenApi, DocumentsEveryRouteAndNoOther) {
  ASSERT_TRUE(doc.IsObject());
  std::set<std::string> documented, routed;
  for (const auto& path : doc["paths"].GetObject())
    for (const auto& op : path.value.GetObject())
      documented.insert(lower(op.name.GetString()) + " " + path.name.GetString());
  for (const auto& route : server.runtime().api().router().routes())
    routed.insert(lower(std::string(http::to_string(route.method))) + " " + route.path);
  EXPECT_EQ(documented, routed);
}

TEST_F(OpenApi, OperationIdsAndRequestSchemasMatchTheRoutes) {
  for (const auto& route : server.runtime().api().router().routes()) {
    const auto& op =
        doc["paths"][route.path.c_str()][lower(std::string(http::to_string(route.method))).c_str()];
    EXPECT_STREQ(op["operationId"].GetString(), route.operation.c_str()) << route.path;
    if (route.takes_upload) {
      ASSERT_TRUE(op.HasMember("requestBody")) << route.path;
      EXPECT_TRUE(op["requestBody"]["content"].HasMember("application/pdf")) << route.path;
    } else if (route.request_schema.empty()) {
      EXPECT_FALSE(op.HasMember("requestBody")) << route.path;
    } else {
      ASSERT_TRUE(op.HasMember("requestBody")) << route.path;
      EXPECT_EQ(std::string(
                    op["requestBody"]["content"]["application/json"]["schema"]["$ref"].GetString()),
                "#/components/schemas/" + route.request_schema);
    }
    // Anonymous callers are documented by an empty security list, or by an empty requirement
    // among the alternatives when a token is optional.
    bool anonymous = false;
    if (op.HasMember("security")) {
      anonymous = op["security"].Empty();
      for (const auto& alternative : op["security"].GetArray())
        anonymous = anonymous || alternative.ObjectEmpty();
    }
    EXPECT_EQ(anonymous, !route.guard.sign_in_required) << route.path;
  }
}

TEST_F(OpenApi, EveryReferenceResolves) {
  std::set<std::string> refs;
  collect_refs(doc["paths"], refs);
  ASSERT_FALSE(refs.empty());
  for (const auto& ref : refs) {
    ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
    rapidjson::Value* at = rapidjson::Pointer(ref.substr(1).c_str()).Get(doc);
    EXPECT_NE(at, nullptr) << ref;
  }
}

// OpenAPI 3.0 schemas take one "type" (with "nullable") and no "definitions"; the draft-04
// schemas the server validates with are translated when the document is assembled.
void expect_openapi_30_schema(const rapidjson::Value& v, const std::string& at) {
  if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
      expect_openapi_30_schema(v[i], at + "/" + std::to_string(i));
    return;
  }
  if (!v.IsObject()) return;
  for (const auto& m : v.GetObject()) {
    const std::string name = m.name.GetString();
    if (name == "type") {
      EXPECT_FALSE(m.value.IsArray()) << at;
    }
    if (name == "definitions" || name == "$schema") {
      ADD_FAILURE() << at << " has " << name;
    }
    expect_openapi_30_schema(m.value, at + "/" + name);
  }
}

TEST_F(OpenApi, SchemasAreOpenApi30AndEveryReferenceInThemResolves) {
  expect_openapi_30_schema(doc["components"]["schemas"], "#/components/schemas");
  std::set<std::string> refs;
  collect_refs(doc["components"], refs);
  for (const auto& ref : refs) {
    ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
    EXPECT_NE(rapidjson::Pointer(ref.substr(1).c_str()).Get(doc), nullptr) << ref;
  }
  // A draft-04 "may be null" becomes the same type with nullable.
  const auto& due = doc["components"]["schemas"]["application"]["properties"]["decision_due"];
  EXPECT_STREQ(due["type"].GetString(), "string");
  EXPECT_TRUE(due["nullable"].GetBool());
  // A schema's own definitions become components of their own.
  EXPECT_STREQ(
      doc["components"]["schemas"]["user-list"]["properties"]["items"]["items"]["$ref"].GetString(),
      "#/components/schemas/user-list.user");
}

}  // namespace
}  // namespace tarjotin::testing
