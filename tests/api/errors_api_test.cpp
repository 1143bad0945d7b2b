// Every kind of bad request gets its RFC 9457 answer, never a 5xx, and changes nothing.
#include <gtest/gtest.h>

#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

using http::verb;

class ErrorsApi : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();

  void expect_problem(const HttpResult& r, unsigned status, const std::string& type) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(r.problem_type(), type) << r.body;
    EXPECT_EQ(schema_violation("problem", r.body), "") << r.body;
    EXPECT_FALSE(r.header("X-Request-Id").empty());
  }
  long long audit_events() { return server.runtime().db().verify_audit_chain().events; }
};

TEST_F(ErrorsApi, UnknownPathIs404) {
  expect_problem(api.get("/v1/nothing-here"), 404, "no-route");
}

TEST_F(ErrorsApi, WrongMethodIs405WithAllow) {
  const auto r = api.request(verb::put, "/v1/sessions/current");
  expect_problem(r, 405, "method-not-allowed");
  EXPECT_EQ(r.header("Allow"), "GET, DELETE");
}

TEST_F(ErrorsApi, OversizedBodyIs413) {
  // Only the head is sent: the server answers from Content-Length and closes without reading a
  // body, so a client still writing one could see its connection reset before the answer.
  const std::string reply = api.raw(
      "POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
      "application/json\r\nContent-Length: 71680\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  EXPECT_NE(reply.find("Content-Type: application/problem+json"), std::string::npos) << reply;
  EXPECT_NE(reply.find("urn:tarjotin:problem:body-too-large"), std::string::npos) << reply;
  EXPECT_NE(reply.find("X-Request-Id: "), std::string::npos) << reply;
}

TEST_F(ErrorsApi, MalformedJsonIs400NamingTheOffset) {
  const auto r = api.post("/v1/sessions", R"({"email": "a@b.fi",)");
  expect_problem(r, 400, "malformed-json");
  EXPECT_NE(r.body.find("byte"), std::string::npos);
}

TEST_F(ErrorsApi, DeepNestingIs400NotACrash) {
  expect_problem(api.post("/v1/sessions", std::string(60000, '[')), 400, "malformed-json");
  EXPECT_EQ(api.get("/healthz").status, 200u);
}

TEST_F(ErrorsApi, InvalidUtf8Is400) {
  const auto r = api.post("/v1/sessions", "{\"email\":\"\xC3\x28@x.fi\",\"password\":\"p\"}");
  expect_problem(r, 400, "malformed-json");
  EXPECT_STREQ(r.json()["errors"][0]["rule"].GetString(), "encoding");
}

TEST_F(ErrorsApi, SchemaViolationIs422NamingPointerAndRule) {
  const auto r = api.post("/v1/sessions", R"({"email":"a@b.fi","password":"p","admin":true})");
  expect_problem(r, 422, "invalid-input");
  const auto doc = r.json();
  EXPECT_STREQ(doc["errors"][0]["pointer"].GetString(), "/admin");
  EXPECT_STREQ(doc["errors"][0]["rule"].GetString(), "additionalProperties");
}

TEST_F(ErrorsApi, WrongMediaTypeIs415) {
  const auto r = api.request(verb::post, "/v1/sessions", R"({"email":"a@b.fi","password":"p"})", "",
                             {{"Content-Type", "text/plain"}});
  expect_problem(r, 415, "unsupported-media-type");
}

TEST_F(ErrorsApi, BodyOnARouteThatTakesNoneIs400) {
  expect_problem(api.request(verb::get, "/healthz", "{}"), 400, "unexpected-body");
}

TEST_F(ErrorsApi, RefusedRegistrationChangesNothing) {
  const auto before = audit_events();
  const auto r =
      api.post("/v1/provider-registrations",
               R"({"organisation":{"name":"X","business_id":"0737546-2"},"user":{"email":"x@y.fi",)"
               R"("display_name":"X","password":"short"}})");
  expect_problem(r, 422, "invalid-input");
  EXPECT_STREQ(r.json()["errors"][0]["pointer"].GetString(), "/user/password");
  EXPECT_EQ(audit_events(), before);
}

TEST_F(ErrorsApi, CallerSuppliedRequestIdIsEchoedAndAForgedOneReplaced) {
  const auto kept = api.request(verb::get, "/healthz", "", "", {{"X-Request-Id", "trace-42"}});
  EXPECT_EQ(kept.header("X-Request-Id"), "trace-42");
  const auto replaced =
      api.request(verb::get, "/healthz", "", "", {{"X-Request-Id", "bad id\" injected"}});
  EXPECT_NE(replaced.header("X-Request-Id"), "bad id\" injected");
  EXPECT_FALSE(replaced.header("X-Request-Id").empty());
}

TEST_F(ErrorsApi, ReadinessReportsTheSchemaVersion) {
  const auto r = api.get("/readyz");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(schema_violation("health", r.body), "");
  EXPECT_GE(r.json()["schema_version"].GetInt(), 2);
}

TEST_F(ErrorsApi, MetricsCountRequestsByRouteAndStatus) {
  api.get("/v1/nothing-here");
  api.get("/healthz");
  const auto r = api.get("/metrics", kMetricsToken);
  ASSERT_EQ(r.status, 200u);
  EXPECT_NE(
      r.body.find(R"(tarjotin_http_requests_total{route="/healthz",method="GET",status="200"} 1)"),
      std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find(R"(route="unmatched",method="GET",status="404"} 1)"), std::string::npos);
  EXPECT_NE(r.body.find("tarjotin_db_connections "), std::string::npos);
  EXPECT_NE(r.body.find("tarjotin_open_connections 1"), std::string::npos);
}

}  // namespace
}  // namespace tarjotin::testing
