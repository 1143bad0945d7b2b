// Bearer tokens from an identity provider whose keys Tarjotin takes from the provider's
// discovery document: broken tokens refused, rotated keys picked up without a restart, the
// provider asked at most once a minute however many unknown keys arrive, and its absence
// survived on the keys last fetched.
#include "tests/api/accounts/identity_provider_world.hpp"

namespace tarjotin::testing {
namespace {

bool holds(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string signature_of(const std::string& token) { return token.substr(token.rfind('.') + 1); }

using DiscoveredKeys = IdentityProviderWorld;

TEST_F(DiscoveredKeys, TokensSignedWithThePublishedRsaAndEcKeysSignIn) {
  for (const char* alg : {"RS256", "ES256"}) {
    const auto r = api->get("/v1/sessions/current", token_for("maija@kuopio.fi", alg));
    EXPECT_EQ(r.status, 200u) << alg << ": " << r.body;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'maija@kuopio.fi'"), 1);
}

TEST_F(DiscoveredKeys, BrokenTokensAre401AndLoggedWithoutTheToken) {
  server.reset();
  start({.log_level = server::LogLevel::warn});
  const auto claims = idp->claims("maija@kuopio.fi", now());
  const struct {
    std::string token;
    const char* why;
  } broken[] = {
      {idp->token_by_stranger(claims), "the signature is not the issuer's"},
      {idp->token(idp->claims("maija@kuopio.fi", now() - std::chrono::hours(3))), "expired"},
      {idp->unsigned_token(claims), "signed with 'none', not RS256 or ES256"},
      {idp->hs256_token_keyed_with_public_key(claims), "signed with 'HS256', not RS256 or ES256"},
  };
  for (const auto& b : broken) {
    ::testing::internal::CaptureStdout();
    const auto r = api->get("/v1/sessions/current", b.token);
    const std::string log = ::testing::internal::GetCapturedStdout();
    EXPECT_EQ(r.status, 401u) << b.why << ": " << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(r.problem_type(), "unauthenticated") << r.body;
    EXPECT_TRUE(holds(r.body, b.why)) << r.body;
    EXPECT_FALSE(holds(r.body, b.token.substr(0, b.token.find('.'))));
    EXPECT_TRUE(holds(log, "identity token refused")) << log;
    EXPECT_TRUE(holds(log, b.why)) << log;
    EXPECT_FALSE(holds(log, b.token.substr(0, b.token.find('.')))) << log;
    if (const auto signature = signature_of(b.token); !signature.empty()) {
      EXPECT_FALSE(holds(log, signature)) << log;
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);
}

TEST_F(DiscoveredKeys, ARotatedKeyIsFetchedWithoutARestartAndTheWithdrawnOneRefused) {
  const auto before = token_for("maija@kuopio.fi");
  ASSERT_EQ(api->get("/v1/sessions/current", before).status, 200u);
  idp->rotate_keys();
  let_a_minute_pass();
  const int fetches = idp->key_set_fetches();
  const auto after = api->get("/v1/sessions/current", token_for("maija@kuopio.fi"));
  EXPECT_EQ(after.status, 200u) << after.body;
  EXPECT_EQ(idp->key_set_fetches(), fetches + 1);
  const auto withdrawn = api->get("/v1/sessions/current", before);
  EXPECT_EQ(withdrawn.status, 401u) << withdrawn.body;
}

TEST_F(DiscoveredKeys, AFloodOfUnknownKeysAsksTheProviderAtMostOnceAMinute) {
  let_a_minute_pass();
  const int fetches = idp->key_set_fetches();
  const auto forged = idp->token_by_stranger(idp->claims("maija@kuopio.fi", now()));
  for (int i = 0; i < 20; ++i) EXPECT_EQ(api->get("/v1/sessions/current", forged).status, 401u);
  EXPECT_EQ(idp->key_set_fetches(), fetches + 1);
  // Within the minute a key the provider has really rotated in waits for the next one, too.
  idp->rotate_keys();
  EXPECT_EQ(api->get("/v1/sessions/current", token_for("maija@kuopio.fi")).status, 401u);
  let_a_minute_pass();
  EXPECT_EQ(api->get("/v1/sessions/current", token_for("maija@kuopio.fi")).status, 200u);
  EXPECT_EQ(idp->key_set_fetches(), fetches + 2);
}

TEST_F(DiscoveredKeys, KeysOlderThanTheCacheLifetimeAreFetchedAgainUnasked) {
  const auto before = token_for("maija@kuopio.fi");
  idp->rotate_keys();
  const int fetches = idp->key_set_fetches();
  server->clock().advance(std::chrono::seconds(3600));
  ASSERT_TRUE(eventually([&] { return idp->key_set_fetches() > fetches; }));
  // The fetch is answered before its keys are in use: wait for the withdrawn key to go.
  EXPECT_TRUE(eventually([&] { return api->get("/v1/sessions/current", before).status == 401; }));
  EXPECT_EQ(idp->key_set_fetches(), fetches + 1)
      << "within the minute, tokens of the withdrawn key fetch nothing more";
}

TEST_F(DiscoveredKeys, KeysAgeFromWhenTheyWereAskedForNotFromWhenTheyArrived) {
  const int fetches = idp->key_set_fetches();
  // The keys grow old and are fetched again, and that answer takes an hour on its way (the
  // issuer may rotate meanwhile): they are an hour old when they arrive, so asked for once more.
  idp->while_answering_keys([&] { server->clock().advance(std::chrono::seconds(3600)); });
  server->clock().advance(std::chrono::seconds(3600));
  ASSERT_TRUE(eventually([&] { return idp->key_set_fetches() > fetches + 1; }))
      << "fetched " << idp->key_set_fetches() - fetches << " times";
}

TEST_F(DiscoveredKeys, AProviderAwayKeepsTheLastKeysAndIsCounted) {
  idp->set_available(false);
  const int fetches = idp->discovery_fetches();
  server->clock().advance(std::chrono::seconds(3600));
  ASSERT_TRUE(eventually([&] { return idp->discovery_fetches() > fetches; }));
  const auto failures = [&] {
    return api->request(http::verb::get, "/metrics", "", kMetricsToken).body;
  };
  ASSERT_TRUE(eventually([&] {
    return holds(failures(), "\ntarjotin_identity_provider_fetch_failures 1\n");
  })) << failures();
  const auto r = api->get("/v1/sessions/current", token_for("maija@kuopio.fi"));
  EXPECT_EQ(r.status, 200u) << r.body;
  // Back again: the next fetch, a minute on, succeeds.
  idp->set_available(true);
  const int keys = idp->key_set_fetches();
  let_a_minute_pass();
  EXPECT_TRUE(eventually([&] { return idp->key_set_fetches() > keys; }));
}

}  // namespace
}  // namespace tarjotin::testing
