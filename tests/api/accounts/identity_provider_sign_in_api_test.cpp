// The browser's sign-in through its organisation's identity provider: out to the provider with
// PKCE, state and nonce, back with a code that is exchanged once, and into the same session a
// password sign-in gives; every way it can go wrong ends on a page that says so.
#include "tests/api/accounts/identity_provider_world.hpp"

namespace tarjotin::testing {
namespace {

using http::verb;

bool holds(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string query_value(const std::string& url, const std::string& name) {
  const auto at = url.find(name + "=", url.find('?'));
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 1;
  return url.substr(start, url.find('&', start) - start);
}

using BrowserSignIn = BrowserSignInWorld;

TEST_F(BrowserSignIn, ListsTheProvidersABrowserCanSignInThrough) {
  const auto r = api->get("/v1/identity-providers");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(schema_violation("identity-provider-list", r.body), "");
  EXPECT_EQ(r.body, R"({"items":[{"id":"kuopio","display_name":"Kuopion kaupunki"}]})");
}

TEST_F(BrowserSignIn, ACoachSignsInWithPkceAndLandsSignedInInTheirLanguage) {
  const auto way = go_out("?lang=sv");
  EXPECT_TRUE(holds(way.location, "/authorize?response_type=code&client_id=tarjotin-web&"))
      << way.location;
  EXPECT_EQ(query_value(way.location, "redirect_uri"),
            "https%3A%2F%2Flocalhost%2Fv1%2Fidentity-providers%2Fcallback");
  EXPECT_EQ(query_value(way.location, "scope"), "openid%20email");
  EXPECT_EQ(query_value(way.location, "code_challenge_method"), "S256");
  EXPECT_EQ(query_value(way.location, "code_challenge").size(), 43u);
  EXPECT_FALSE(query_value(way.location, "nonce").empty());
  const std::string state = query_value(way.location, "state");
  EXPECT_EQ(way.cookie, "__Host-tarjotin-sign-in=" + state);
  // The state is stored only as its hash.
  EXPECT_EQ(count("SELECT COUNT(*) FROM pending_sign_ins WHERE state_hash = '" +
                  crypto::sha256_hex(state) + "'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pending_sign_ins WHERE state_hash = '" + state +
                  "' OR nonce = '" + state + "' OR code_verifier = '" + state + "'"),
            0);

  const auto back = come_back(way);
  ASSERT_EQ(back.status, 200u) << back.body;
  EXPECT_EQ(back.header("Content-Type"), "text/html; charset=utf-8");
  // The page moves on by itself, same-site, with nothing of the code or state in our URL, and
  // carries no script: the API's policy allows none.
  EXPECT_TRUE(holds(back.body, R"(<meta http-equiv="refresh" content="0; url=/sign-in?lang=sv">)"))
      << back.body;
  EXPECT_TRUE(holds(back.body, "Inloggningen lyckades")) << back.body;
  EXPECT_FALSE(holds(back.body, "code=") || holds(back.body, state) || holds(back.body, "<script"));
  EXPECT_EQ(back.header("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'");
  EXPECT_EQ(back.header("Referrer-Policy"), "no-referrer");
  const auto cookie = session_cookie(back);
  ASSERT_FALSE(cookie.empty()) << back.header("Set-Cookie");
  EXPECT_TRUE(holds(back.header("Set-Cookie"), "HttpOnly; SameSite=Strict"));

  const auto me = api->request(verb::get, "/v1/sessions/current", "", "", {{"Cookie", cookie}});
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(me.json()["role"].GetString(), std::string("coach"));
  EXPECT_TRUE(me.json().HasMember("csrf_token"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM pending_sign_ins"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'maija.valmentaja@kuopio.fi'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events WHERE action IN ('user.provisioned', "
                  "'session.created')"),
            2);
}

TEST_F(BrowserSignIn, AnotherReplicaOnTheSameDatabaseFinishesTheSignIn) {
  TestServer replica{ServerTweaks{.oidc_issuers_file = directory + "/issuers.json",
                                  .database_url = server->database().url()}};
  const auto way = go_out();  // through the first replica
  const auto back =
      replica.client().request(verb::get, way.target, "", "", {{"Cookie", way.cookie}});
  ASSERT_EQ(back.status, 200u) << back.body;
  const auto me =
      api->request(verb::get, "/v1/sessions/current", "", "", {{"Cookie", session_cookie(back)}});
  EXPECT_EQ(me.status, 200u) << me.body;
}

TEST_F(BrowserSignIn, AStateServesOnce) {
  const auto way = go_out();
  ASSERT_EQ(come_back(way).status, 200u);
  const auto again = come_back(way);
  EXPECT_EQ(again.status, 400u);
  EXPECT_TRUE(holds(again.body, "url=/sign-in?lang=fi&amp;failed=unknown")) << again.body;
  EXPECT_TRUE(holds(again.body, "Kirjautuminen ei onnistunut"));
  EXPECT_EQ(session_cookie(again), "");
}

TEST_F(BrowserSignIn, AWayBackWithoutTheBrowsersSignInCookieSignsNoOneIn) {
  const auto way = go_out();
  const auto planted = come_back(way, false);
  EXPECT_EQ(planted.status, 400u);
  EXPECT_TRUE(holds(planted.body, "failed=unknown")) << planted.body;
  EXPECT_EQ(session_cookie(planted), "");
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);
  // The sign-in it names was not used up: the browser that started it still finishes it.
  EXPECT_EQ(come_back(way).status, 200u);
}

TEST_F(BrowserSignIn, AWrongCodeVerifierIsRefusedByTheProviderAndLoggedWithoutSecrets) {
  server.reset();
  start({.log_level = server::LogLevel::warn});
  const auto way = go_out();
  server->runtime().db().with_session(
      [](soci::session& sql) { sql << "UPDATE pending_sign_ins SET code_verifier = 'guessed'"; });
  ::testing::internal::CaptureStdout();
  const auto back = come_back(way);
  const std::string log = ::testing::internal::GetCapturedStdout();
  EXPECT_EQ(back.status, 400u);
  EXPECT_TRUE(holds(back.body, "failed=failed")) << back.body;
  EXPECT_EQ(session_cookie(back), "");
  EXPECT_EQ(idp->last_token_refusal(), "code_verifier");
  EXPECT_TRUE(holds(log, "identity provider sign-in refused")) << log;
  EXPECT_TRUE(holds(log, "HTTP 400 invalid_grant")) << log;
  EXPECT_FALSE(holds(log, query_value(way.target, "code"))) << log;
  EXPECT_FALSE(holds(log, query_value(way.target, "state"))) << log;
}

TEST_F(BrowserSignIn, AnIdTokenCarryingAnotherNonceIsRefused) {
  idp->put_nonce_in_id_tokens("nonce-of-another-sign-in");
  const auto back = come_back(go_out());
  EXPECT_EQ(back.status, 400u);
  EXPECT_TRUE(holds(back.body, "failed=failed")) << back.body;
  EXPECT_EQ(idp->last_token_refusal(), "") << "the provider gave the token; Tarjotin refused it";
  EXPECT_EQ(session_cookie(back), "");
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);
}

TEST_F(BrowserSignIn, APendingSignInOlderThanTenMinutesIsRefusedInTheBrowsersLanguage) {
  const auto way = go_out("?lang=sv");
  server->clock().advance(std::chrono::minutes(10) + std::chrono::seconds(1));
  const auto back = come_back(way, true, {{"Accept-Language", "en-GB,en;q=0.9,fi;q=0.5"}});
  EXPECT_EQ(back.status, 400u);
  EXPECT_TRUE(holds(back.body, "url=/sign-in?lang=en&amp;failed=expired")) << back.body;
  EXPECT_TRUE(holds(back.body, "Sign-in failed"));
  EXPECT_EQ(session_cookie(back), "");
}

TEST_F(BrowserSignIn, TheProvidersRefusalIsSaidAndUsesUpTheState) {
  idp->refuse_sign_ins("access_denied");
  const auto way = go_out();
  EXPECT_TRUE(holds(way.target, "error=access_denied")) << way.target;
  const auto back = come_back(way);
  EXPECT_EQ(back.status, 400u);
  EXPECT_TRUE(holds(back.body, "failed=refused")) << back.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM pending_sign_ins"), 0);
}

TEST_F(BrowserSignIn, AnIdentityThatIsAUserOfAnotherOrganisationIsRefused) {
  // The person the provider signs in has an account, but in another unit.
  server->runtime().db().with_session([](soci::session& sql) {
    sql << "INSERT INTO organisations (id, kind, name, country, created_at) VALUES "
           "('elsewhere', 'coaching_unit', 'Muu yksikkö', 'FI', 0)";
    sql << "INSERT INTO users (id, organisation_id, email, display_name, role, password_hash, "
           "active, created_at, password_change_required) VALUES ('u-else', 'elsewhere', "
           "'maija.valmentaja@kuopio.fi', 'Maija', 'coach', 'x', 1, 0, 0)";
  });
  const auto back = come_back(go_out());
  EXPECT_EQ(back.status, 403u);
  EXPECT_TRUE(holds(back.body, "failed=not-a-user")) << back.body;
  EXPECT_EQ(session_cookie(back), "");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
}

TEST_F(BrowserSignIn, AnUnknownProviderIsNotFound) {
  const auto r = api->get("/v1/identity-providers/espoo/sign-in");
  EXPECT_EQ(r.status, 404u) << r.body;
  EXPECT_EQ(schema_violation("problem", r.body), "");
  EXPECT_EQ(count("SELECT COUNT(*) FROM pending_sign_ins"), 0);
}

TEST_F(BrowserSignIn, TheConfiguredPublicUrlIsWhereTheProviderSendsTheBrowserBack) {
  server.reset();
  start({.public_url = "https://tarjotin.kuopio.example"});
  const auto way = go_out();
  EXPECT_EQ(query_value(way.location, "redirect_uri"),
            "https%3A%2F%2Ftarjotin.kuopio.example%2Fv1%2Fidentity-providers%2Fcallback");
  EXPECT_EQ(come_back(way).status, 200u);
}

TEST_F(BrowserSignIn, AConfidentialClientAuthenticatesWithItsSecret) {
  server.reset();
  idp.reset();
  start({.client_secret = "s3cret-of-tarjotin", .configured_secret = "s3cret-of-tarjotin"});
  const auto back = come_back(go_out());
  EXPECT_EQ(back.status, 200u) << back.body;
  EXPECT_FALSE(session_cookie(back).empty());

  server.reset();
  idp.reset();
  start({.client_secret = "s3cret-of-tarjotin", .configured_secret = "an old secret"});
  const auto refused = come_back(go_out());
  EXPECT_EQ(refused.status, 400u);
  EXPECT_EQ(idp->last_token_refusal(), "client_secret");
}

}  // namespace
}  // namespace tarjotin::testing
