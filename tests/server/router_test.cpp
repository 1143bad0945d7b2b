#include "server/router.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace tarjotin::server {
namespace {

Route route(http::verb method, std::string path, std::string operation) {
  return Route{method, std::move(path), std::move(operation), Guard::open(), "", nullptr};
}

Router sample_router() {
  Router router;
  router.add(route(http::verb::get, "/healthz", "health"));
  router.add(route(http::verb::post, "/v1/sessions", "signIn"));
  router.add(route(http::verb::get, "/v1/sessions/current", "readCurrentSession"));
  router.add(route(http::verb::delete_, "/v1/sessions/current", "signOut"));
  router.add(route(http::verb::get, "/v1/organisations/{organisation_id}", "readOrganisation"));
  router.add(route(http::verb::get, "/v1/organisations/{organisation_id}/users", "listUsers"));
  router.add(route(http::verb::post, "/v1/organisations/{organisation_id}/users", "createUser"));
  router.add(route(http::verb::patch, "/v1/organisations/{organisation_id}/users/{user_id}",
                   "updateUser"));
  return router;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(Router, MatchesALiteralPath) {
  const Router router = sample_router();
  const RouteMatch m = router.match(http::verb::get, "/healthz");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->operation, "health");
  EXPECT_TRUE(m.params.empty());
  EXPECT_TRUE(m.allowed.empty());
}

TEST(Router, PicksTheRouteByMethodOnASharedPath) {
  const Router router = sample_router();
  const RouteMatch get = router.match(http::verb::get, "/v1/sessions/current");
  const RouteMatch del = router.match(http::verb::delete_, "/v1/sessions/current");
  ASSERT_NE(get.route, nullptr);
  ASSERT_NE(del.route, nullptr);
  EXPECT_EQ(get.route->operation, "readCurrentSession");
  EXPECT_EQ(del.route->operation, "signOut");
}

TEST(Router, ExtractsTemplateParameters) {
  const Router router = sample_router();
  const RouteMatch m = router.match(
      http::verb::patch, "/v1/organisations/3f2c9a10-0000-4000-8000-00000000abcd/users/u-17");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->operation, "updateUser");
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.params.at("organisation_id"), "3f2c9a10-0000-4000-8000-00000000abcd");
  EXPECT_EQ(m.params.at("user_id"), "u-17");
}

TEST(Router, ParametersOfADifferentlyShapedRouteDoNotLeakIn) {
  const Router router = sample_router();
  const RouteMatch m = router.match(http::verb::get, "/v1/organisations/org1/users");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->operation, "listUsers");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params.at("organisation_id"), "org1");
}

TEST(Router, UnknownPathIsNotFoundWithNoAllowedMethods) {
  const Router router = sample_router();
  for (const char* path : {"/nothing", "/v1", "/v1/organisations", "/", ""}) {
    const RouteMatch m = router.match(http::verb::get, path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_TRUE(m.allowed.empty()) << path;
  }
}

TEST(Router, KnownPathWithTheWrongMethodListsThePathsMethods) {
  const Router router = sample_router();
  const RouteMatch m = router.match(http::verb::put, "/v1/sessions/current");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(sorted(m.allowed), (std::vector<std::string>{"DELETE", "GET"}));
}

TEST(Router, AllowedMethodsComeOnlyFromTheRequestedPath) {
  const Router router = sample_router();
  const RouteMatch m = router.match(http::verb::delete_, "/v1/organisations/org1/users");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(sorted(m.allowed), (std::vector<std::string>{"GET", "POST"}));
}

TEST(Router, AllowedMethodsAreEmptyOnAMatch) {
  // A route added after a same-path route of another method must still clear `allowed`.
  const Router router = sample_router();
  const RouteMatch m = router.match(http::verb::delete_, "/v1/sessions/current");
  ASSERT_NE(m.route, nullptr);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(Router, TrailingSlashDoesNotMatch) {
  const Router router = sample_router();
  for (const char* path : {"/healthz/", "/v1/sessions/", "/v1/organisations/org1/"}) {
    const RouteMatch m = router.match(http::verb::get, path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_TRUE(m.allowed.empty()) << path;
  }
}

TEST(Router, LiteralSegmentsAreCaseSensitive) {
  const Router router = sample_router();
  EXPECT_EQ(router.match(http::verb::get, "/HEALTHZ").route, nullptr);
  EXPECT_EQ(router.match(http::verb::get, "/V1/sessions/current").route, nullptr);
}

TEST(Router, AParameterAcceptsIdAndSlugCharacters) {
  const Router router = sample_router();
  const RouteMatch m = router.match(http::verb::get, "/v1/organisations/Ab-9_z.Q");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("organisation_id"), "Ab-9_z.Q");
}

TEST(Router, AParameterWithOtherCharactersDoesNotMatch) {
  const Router router = sample_router();
  for (const char* value :
       {"a%2Fb", "a%20b", "a b", "a;b", "a:b", "a@b", "a+b", "a~b", "%2E%2E", "\xC3\xA4", "a\tb"}) {
    const RouteMatch m = router.match(http::verb::get, std::string("/v1/organisations/") + value);
    EXPECT_EQ(m.route, nullptr) << value;
    EXPECT_TRUE(m.allowed.empty()) << value;
  }
}

TEST(Router, AnEmptyParameterDoesNotMatch) {
  const Router router = sample_router();
  EXPECT_EQ(router.match(http::verb::get, "/v1/organisations/").route, nullptr);
  EXPECT_EQ(router.match(http::verb::get, "/v1/organisations//users").route, nullptr);
}

TEST(Router, AParameterCannotSpanSegments) {
  const Router router = sample_router();
  EXPECT_EQ(router.match(http::verb::get, "/v1/organisations/a/b").route, nullptr);
}

TEST(Router, AParameterOfUpTo128CharactersMatchesAndALongerOneDoesNot) {
  const Router router = sample_router();
  const std::string longest(128, 'a');
  const RouteMatch ok = router.match(http::verb::get, "/v1/organisations/" + longest);
  ASSERT_NE(ok.route, nullptr);
  EXPECT_EQ(ok.params.at("organisation_id"), longest);
  EXPECT_EQ(router.match(http::verb::get, "/v1/organisations/" + longest + "a").route, nullptr);
}

TEST(Router, AddingTheSameMethodAndPathTwiceThrows) {
  Router router;
  router.add(route(http::verb::get, "/v1/things/{id}", "readThing"));
  EXPECT_THROW(router.add(route(http::verb::get, "/v1/things/{id}", "readThingAgain")),
               std::logic_error);
  EXPECT_EQ(router.routes().size(), 1u);
}

TEST(Router, SamePathWithAnotherMethodOrAnotherPathWithTheSameMethodIsFine) {
  Router router;
  router.add(route(http::verb::get, "/v1/things", "listThings"));
  EXPECT_NO_THROW(router.add(route(http::verb::post, "/v1/things", "createThing")));
  EXPECT_NO_THROW(router.add(route(http::verb::get, "/v1/things/{id}", "readThing")));
  EXPECT_EQ(router.routes().size(), 3u);
}

TEST(Router, KeepsRoutesInTheOrderAdded) {
  const Router router = sample_router();
  ASSERT_FALSE(router.routes().empty());
  EXPECT_EQ(router.routes().front().operation, "health");
  EXPECT_EQ(router.routes().back().operation, "updateUser");
}

TEST(Router, EmptyRouterFindsNothing) {
  const Router router;
  const RouteMatch m = router.match(http::verb::get, "/healthz");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(SplitPath, SplitsOnSlashesAfterTheLeadingOne) {
  EXPECT_EQ(split_path("/v1/organisations/x"),
            (std::vector<std::string>{"v1", "organisations", "x"}));
  EXPECT_EQ(split_path("/healthz"), (std::vector<std::string>{"healthz"}));
}

TEST(SplitPath, KeepsEmptySegments) {
  EXPECT_EQ(split_path("/a//b"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(split_path("/a/"), (std::vector<std::string>{"a", ""}));
  EXPECT_EQ(split_path("/"), (std::vector<std::string>{""}));
}

TEST(SplitPath, TreatsAPathWithoutLeadingSlashTheSame) {
  EXPECT_EQ(split_path("a/b"), (std::vector<std::string>{"a", "b"}));
}

TEST(Guard, OpenNeedsNoSignIn) {
  EXPECT_FALSE(Guard::open().sign_in_required);
  EXPECT_TRUE(Guard::signed_in().sign_in_required);
  EXPECT_TRUE(Guard::only({domain::Role::admin}).sign_in_required);
}

TEST(Guard, SignedInAdmitsEveryRole) {
  const Guard guard = Guard::signed_in();
  for (auto role : {domain::Role::admin, domain::Role::officer, domain::Role::provider,
                    domain::Role::coach, domain::Role::auditor})
    EXPECT_TRUE(guard.admits(role));
}

TEST(Guard, OnlyAdmitsTheListedRoles) {
  const Guard guard = Guard::only({domain::Role::admin, domain::Role::officer});
  EXPECT_TRUE(guard.admits(domain::Role::admin));
  EXPECT_TRUE(guard.admits(domain::Role::officer));
  EXPECT_FALSE(guard.admits(domain::Role::provider));
  EXPECT_FALSE(guard.admits(domain::Role::coach));
  EXPECT_FALSE(guard.admits(domain::Role::auditor));
}

TEST(Guard, ADefaultGuardRequiresSignIn) {
  // Forgetting to choose a guard must not leave a route open.
  EXPECT_TRUE(Guard{}.sign_in_required);
}

}  // namespace
}  // namespace tarjotin::server
