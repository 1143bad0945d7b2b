// Sign-up, sign-in and the account routes through a real server over TLS.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/crypto.hpp"
#include "server/installation.hpp"
#include "server/json.hpp"
#include "tests/api/support/test_server.hpp"
#include "tests/support/test_identity_provider.hpp"

namespace tarjotin::testing {
namespace {

using domain::OrganisationKind;
using domain::Role;
using http::verb;

std::string registration(const std::string& business_id, const std::string& email,
                         const std::string& password = kPassword) {
  return R"({"organisation":{"name":"Valmennus Oy","business_id":")" + business_id +
         R"("},"user":{"email":")" + email + R"(","display_name":"Maija","password":")" + password +
         R"("}})";
}

std::string field(const HttpResult& r, const char* pointer_name) {
  return server::string_member(r.json(), pointer_name).value_or("");
}

class AccountsApi : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();
  long long audit_events() { return server.runtime().db().verify_audit_chain().events; }
};

TEST_F(AccountsApi, ProviderSignsUpThenSignsInAndSeesItself) {
  const auto signup =
      api.post("/v1/provider-registrations", registration("0737546-2", "maija@example.fi"));
  ASSERT_EQ(signup.status, 201u) << signup.body;
  EXPECT_EQ(schema_violation("registration", signup.body), "");
  EXPECT_EQ(signup.body.find("password_hash"), std::string::npos);
  EXPECT_EQ(signup.body.find("correct horse"), std::string::npos);
  EXPECT_EQ(signup.body.find("scrypt"), std::string::npos);

  const auto session = api.post(
      "/v1/sessions", R"({"email":"MAIJA@example.fi","password":"correct horse battery"})");
  ASSERT_EQ(session.status, 201u) << session.body;
  EXPECT_EQ(schema_violation("session", session.body), "");
  const std::string token = field(session, "token");

  const auto me = api.get("/v1/sessions/current", token);
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(schema_violation("current-session", me.body), "");
  const auto doc = me.json();
  EXPECT_STREQ(doc["role"].GetString(), "provider");
  EXPECT_STREQ(doc["organisation"]["business_id"].GetString(), "0737546-2");
}

TEST_F(AccountsApi, WrongPasswordIsRefusedWith401AndAChallenge) {
  ASSERT_EQ(
      api.post("/v1/provider-registrations", registration("0737546-2", "a@example.fi")).status,
      201u);
  const auto r =
      api.post("/v1/sessions", R"({"email":"a@example.fi","password":"wrong horse battery"})");
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.problem_type(), "unauthenticated");
  EXPECT_EQ(r.header("WWW-Authenticate").rfind("Bearer", 0), 0u);
  EXPECT_EQ(schema_violation("problem", r.body), "");
}

TEST_F(AccountsApi, RepeatedWrongPasswordsGet429WithRetryAfterOnBothSignInRoutes) {
  ASSERT_EQ(
      api.post("/v1/provider-registrations", registration("0737546-2", "a@example.fi")).status,
      201u);
  const std::string wrong = R"({"email":"a@example.fi","password":"wrong horse battery"})";
  for (int i = 0; i < 6; ++i) ASSERT_EQ(api.post("/v1/sessions", wrong).status, 401u) << i;
  for (const char* route : {"/v1/sessions", "/v1/browser-sessions"}) {
    const auto held =
        api.post(route, R"({"email":"a@example.fi","password":"correct horse battery"})");
    EXPECT_EQ(held.status, 429u) << route << ": " << held.body;
    EXPECT_EQ(held.problem_type(), "sign-in-throttled");
    EXPECT_EQ(held.header("Retry-After"), "1");
    EXPECT_EQ(schema_violation("problem", held.body), "");
  }
  server.clock().advance(std::chrono::seconds(1));
  EXPECT_FALSE(api.sign_in("a@example.fi", kPassword).empty());
  // Counted in /metrics with the other answers of the route.
  const auto metrics = api.get("/metrics", kMetricsToken);
  ASSERT_EQ(metrics.status, 200u);
  EXPECT_NE(metrics.body.find(R"(route="/v1/sessions",method="POST",status="429")"),
            std::string::npos)
      << metrics.body;
}

TEST_F(AccountsApi, ExpiredTokenIsRefused) {
  const auto admin = server.add_member(OrganisationKind::contracting_authority, Role::admin);
  EXPECT_EQ(api.get("/v1/sessions/current", admin.token).status, 200u);
  server.clock().advance(std::chrono::hours(12) + std::chrono::seconds(1));
  const auto r = api.get("/v1/sessions/current", admin.token);
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.problem_type(), "unauthenticated");
}

TEST_F(AccountsApi, SignedOutTokenIsRefused) {
  const auto admin = server.add_member(OrganisationKind::contracting_authority, Role::admin);
  EXPECT_EQ(api.request(verb::delete_, "/v1/sessions/current", "", admin.token).status, 204u);
  EXPECT_EQ(api.get("/v1/sessions/current", admin.token).status, 401u);
}

TEST_F(AccountsApi, MissingOrMalformedTokenIsRefused) {
  EXPECT_EQ(api.get("/v1/sessions/current").status, 401u);
  EXPECT_EQ(api.get("/v1/sessions/current", "tjn_not-a-real-token").status, 401u);
  const auto basic = api.request(verb::get, "/v1/sessions/current", "", "",
                                 {{"Authorization", "Basic YWRtaW46YWRtaW4="}});
  EXPECT_EQ(basic.status, 401u);
}

TEST_F(AccountsApi, DeactivatedUsersTokenStopsWorkingAtOnce) {
  const auto admin = server.add_member(OrganisationKind::contracting_authority, Role::admin);
  const auto provider = server.add_member(OrganisationKind::provider, Role::provider, "0737546-2");
  const auto r =
      api.request(verb::patch, "/v1/users/" + provider.user_id, R"({"active":false})", admin.token);
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(schema_violation("user", r.body), "");
  EXPECT_EQ(api.get("/v1/sessions/current", provider.token).status, 401u);
}

TEST_F(AccountsApi, CoachMayNotCreateOrganisations) {
  const auto coach = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  const auto before = audit_events();
  const auto r =
      api.post("/v1/organisations", R"({"kind":"coaching_unit","name":"Rogue unit"})", coach.token);
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.problem_type(), "forbidden");
  EXPECT_EQ(audit_events(), before);
}

TEST_F(AccountsApi, AdminCreatesCoachingUnitAndItsCoach) {
  const auto admin = server.add_member(OrganisationKind::contracting_authority, Role::admin);
  const auto unit = api.post("/v1/organisations",
                             R"({"kind":"coaching_unit","name":"Itäinen yksikkö"})", admin.token);
  ASSERT_EQ(unit.status, 201u) << unit.body;
  EXPECT_EQ(schema_violation("organisation", unit.body), "");
  const std::string unit_id = field(unit, "id");
  const auto coach = api.post("/v1/organisations/" + unit_id + "/users",
                              R"({"email":"coach@example.fi","display_name":"Ville",)"
                              R"("role":"coach","password":"correct horse battery"})",
                              admin.token);
  ASSERT_EQ(coach.status, 201u) << coach.body;
  EXPECT_EQ(api.sign_in("coach@example.fi", kPassword).empty(), false);
}

TEST_F(AccountsApi, ProviderCannotReachAnotherProvidersUsersByChangingTheId) {
  const auto mine = server.add_member(OrganisationKind::provider, Role::provider, "0737546-2");
  const auto theirs = server.add_member(OrganisationKind::provider, Role::provider, "1572860-0");
  EXPECT_EQ(api.get("/v1/organisations/" + mine.organisation_id + "/users", mine.token).status,
            200u);
  const auto listed = api.get("/v1/organisations/" + theirs.organisation_id + "/users", mine.token);
  EXPECT_EQ(listed.status, 404u);
  const auto added = api.post("/v1/organisations/" + theirs.organisation_id + "/users",
                              R"({"email":"spy@example.fi","display_name":"Spy",)"
                              R"("role":"provider","password":"correct horse battery"})",
                              mine.token);
  EXPECT_EQ(added.status, 404u);
  const auto deactivated =
      api.request(verb::patch, "/v1/users/" + theirs.user_id, R"({"active":false})", mine.token);
  EXPECT_EQ(deactivated.status, 404u);
  EXPECT_EQ(api.get("/v1/sessions/current", theirs.token).status, 200u);
}

TEST_F(AccountsApi, UnknownAndForeignOrganisationsLookTheSame) {
  const auto coach = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  const auto other_unit = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  const auto foreign = api.get("/v1/organisations/" + other_unit.organisation_id, coach.token);
  const auto missing =
      api.get("/v1/organisations/00000000-0000-4000-8000-000000000000", coach.token);
  EXPECT_EQ(foreign.status, 404u);
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(foreign.json()["detail"], missing.json()["detail"]);
}

TEST_F(AccountsApi, DuplicateBusinessIdIsAConflictAndChangesNothing) {
  ASSERT_EQ(
      api.post("/v1/provider-registrations", registration("0737546-2", "a@example.fi")).status,
      201u);
  const auto before = audit_events();
  const auto r = api.post("/v1/provider-registrations", registration("0737546-2", "b@example.fi"));
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(r.problem_type(), "business-id-registered");
  EXPECT_EQ(audit_events(), before);
  EXPECT_EQ(
      api.post("/v1/sessions", R"({"email":"b@example.fi","password":"correct horse battery"})")
          .status,
      401u);
}

TEST_F(AccountsApi, BadCheckDigitNamesTheNestedField) {
  const auto r = api.post("/v1/provider-registrations", registration("0737546-3", "a@example.fi"));
  ASSERT_EQ(r.status, 422u);
  const auto doc = r.json();
  EXPECT_STREQ(doc["errors"][0]["pointer"].GetString(), "/organisation/business_id");
  EXPECT_STREQ(doc["errors"][0]["rule"].GetString(), "check-digit");
}

// `tarjotin init` against the test server's database, the password given as standard input.
int init(TestServer& running, const std::vector<std::string>& args, const std::string& password) {
  server::Config config;
  config.database_url = running.database().url();
  config.scrypt_log2_n = 10;
  server::Log quiet{server::LogLevel::error};
  std::istringstream input(password + "\n");
  return server::initialise_installation(config, args, input, quiet);
}

// `tarjotin init` on a new installation: the first authority and its administrator, with the
// password from standard input; a second run is refused and changes nothing.
TEST_F(AccountsApi, InitCreatesTheFirstAdministratorOnceWithThePasswordFromStandardInput) {
  ASSERT_EQ(init(server, {"Admin@Kunta.example", "Esimerkin kunta"}, "a long first passphrase"), 0);
  const auto token = api.sign_in("admin@kunta.example", "a long first passphrase");
  const auto me = api.get("/v1/sessions/current", token);
  ASSERT_EQ(me.status, 200u) << me.body;
  EXPECT_STREQ(me.json()["role"].GetString(), "admin");
  EXPECT_STREQ(me.json()["organisation"]["kind"].GetString(), "contracting_authority");
  const auto events = audit_events();

  EXPECT_EQ(init(server, {"second@kunta.example", "Toinen kunta"}, "another long passphrase"), 1);
  EXPECT_EQ(api.post("/v1/sessions",
                     R"({"email":"second@kunta.example","password":"another long passphrase"})")
                .status,
            401u);
  EXPECT_EQ(audit_events(), events);
}

TEST_F(AccountsApi, InitRefusesAShortPasswordAndMissingArguments) {
  EXPECT_EQ(init(server, {"admin@kunta.example", "Kunta"}, "short"), 1);
  EXPECT_EQ(init(server, {"admin@kunta.example"}, "a long first passphrase"), 2);
  auto domain_result = domain::initialise_installation(
      server.runtime().accounts(), {OrganisationKind::contracting_authority, "Kunta", "FI", ""},
      {"admin@kunta.example", "Admin", Role::admin, "a long first passphrase"});
  ASSERT_TRUE(domain_result.ok());
  EXPECT_EQ(domain_result->user.role, Role::admin);
}

TEST_F(AccountsApi, ChangingTheOwnPasswordEndsEveryOtherSessionAndKeepsThisOne) {
  const auto member = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  const auto other_session = api.sign_in(member.email, kPassword);
  const auto change = [&](const std::string& current, const std::string& next) {
    return api.request(
        verb::put, "/v1/sessions/current/password",
        R"({"current_password":")" + current + R"(","new_password":")" + next + R"("})",
        member.token);
  };
  const auto events = audit_events();

  const auto wrong = change("not the password", "a brand new passphrase");
  EXPECT_EQ(wrong.status, 422u);
  EXPECT_NE(wrong.body.find("/current_password"), std::string::npos) << wrong.body;
  const auto too_short = change(kPassword, "short");
  EXPECT_EQ(too_short.status, 422u);
  EXPECT_NE(too_short.body.find("/new_password"), std::string::npos) << too_short.body;
  EXPECT_EQ(change(kPassword, kPassword).status, 422u);
  EXPECT_EQ(audit_events(), events);
  EXPECT_EQ(api.get("/v1/sessions/current", other_session).status, 200u);

  ASSERT_EQ(change(kPassword, "a brand new passphrase").status, 204u);
  EXPECT_EQ(api.get("/v1/sessions/current", member.token).status, 200u);
  EXPECT_EQ(api.get("/v1/sessions/current", other_session).status, 401u);
  EXPECT_EQ(api.post("/v1/sessions",
                     R"({"email":")" + member.email + R"(","password":")" + kPassword + R"("})")
                .status,
            401u);
  EXPECT_FALSE(api.sign_in(member.email, "a brand new passphrase").empty());
  EXPECT_EQ(audit_events(), events + 2);  // the change, and the sign-in just now
  EXPECT_EQ(api.request(verb::put, "/v1/sessions/current/password",
                        R"({"current_password":"x","new_password":"a brand new passphrase"})", "")
                .status,
            401u);
}

TEST_F(AccountsApi, AResetGivesAOneTimePasswordThatMustBeChangedBeforeAnythingElse) {
  const auto admin = server.add_member(OrganisationKind::contracting_authority, Role::admin);
  const auto coach = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  const auto second_session = api.sign_in(coach.email, kPassword);
  const auto events = audit_events();

  const auto reset = api.post("/v1/users/" + coach.user_id + "/password-reset", "", admin.token);
  ASSERT_EQ(reset.status, 200u) << reset.body;
  EXPECT_EQ(schema_violation("password-reset", reset.body), "") << reset.body;
  const std::string one_time = field(reset, "one_time_password");
  EXPECT_EQ(one_time.size(), 20u);
  EXPECT_TRUE(reset.json()["user"]["password_change_required"].GetBool());
  EXPECT_EQ(reset.body.find("scrypt"), std::string::npos);
  EXPECT_EQ(audit_events(), events + 1);

  // Whoever knew the old password is out, and the old password no longer works.
  EXPECT_EQ(api.get("/v1/sessions/current", coach.token).status, 401u);
  EXPECT_EQ(api.get("/v1/sessions/current", second_session).status, 401u);
  EXPECT_EQ(api.post("/v1/sessions",
                     R"({"email":")" + coach.email + R"(","password":")" + kPassword + R"("})")
                .status,
            401u);

  const auto signed_in = api.post(
      "/v1/sessions", R"({"email":")" + coach.email + R"(","password":")" + one_time + R"("})");
  ASSERT_EQ(signed_in.status, 201u) << signed_in.body;
  EXPECT_EQ(schema_violation("session", signed_in.body), "") << signed_in.body;
  const std::string token = field(signed_in, "token");
  const auto current = api.get("/v1/sessions/current", token);
  ASSERT_EQ(current.status, 200u);
  EXPECT_TRUE(current.json()["password_change_required"].GetBool());
  const auto blocked = api.get("/v1/orders", token);
  EXPECT_EQ(blocked.status, 403u);
  EXPECT_EQ(blocked.problem_type(), "password-change-required");
  EXPECT_EQ(api.post("/v1/customers", R"({"reference":"X-1"})", token).status, 403u);

  ASSERT_EQ(api.request(verb::put, "/v1/sessions/current/password",
                        R"({"current_password":")" + one_time +
                            R"(","new_password":"a passphrase of my own"})",
                        token)
                .status,
            204u);
  EXPECT_FALSE(api.get("/v1/sessions/current", token).json()["password_change_required"].GetBool());
  EXPECT_EQ(api.get("/v1/orders", token).status, 200u);
  EXPECT_FALSE(api.sign_in(coach.email, "a passphrase of my own").empty());
}

TEST_F(AccountsApi, NobodyResetsTheirOwnPasswordNorOneOfAnotherRole) {
  const auto admin = server.add_member(OrganisationKind::contracting_authority, Role::admin);
  const auto provider = server.add_member(OrganisationKind::provider, Role::provider, "0737546-2");
  const auto own = api.post("/v1/users/" + admin.user_id + "/password-reset", "", admin.token);
  EXPECT_EQ(own.status, 409u) << own.body;
  EXPECT_EQ(own.problem_type(), "own-password");
  const auto foreign =
      api.post("/v1/users/" + admin.user_id + "/password-reset", "", provider.token);
  EXPECT_EQ(foreign.status, 404u) << foreign.body;
  const auto events = audit_events();
  EXPECT_EQ(api.post("/v1/users/no-such-user/password-reset", "", admin.token).status, 404u);
  EXPECT_EQ(audit_events(), events);
  EXPECT_FALSE(api.sign_in(admin.email, kPassword).empty());
}

TEST_F(AccountsApi, ACommonPasswordIsRefusedWhereverAPasswordIsChosen) {
  const auto events = audit_events();
  const auto signup = api.post("/v1/provider-registrations",
                               registration("0737546-2", "maija@example.fi", "Qwerty123456"));
  EXPECT_EQ(signup.status, 422u) << signup.body;
  EXPECT_NE(signup.body.find(R"("rule":"notCommon")"), std::string::npos) << signup.body;
  EXPECT_NE(signup.body.find("/user/password"), std::string::npos) << signup.body;
  EXPECT_EQ(audit_events(), events);

  const auto member = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  const auto change = api.request(
      verb::put, "/v1/sessions/current/password",
      std::string(R"({"current_password":")") + kPassword + R"(","new_password":"1QAZ2wsx3edc"})",
      member.token);
  EXPECT_EQ(change.status, 422u) << change.body;
  EXPECT_NE(change.body.find(R"("rule":"notCommon")"), std::string::npos) << change.body;
  EXPECT_NE(change.body.find("/new_password"), std::string::npos) << change.body;
  EXPECT_FALSE(api.sign_in(member.email, kPassword).empty());
}

// Officers and coaches signing in with their employer's accounts: a coaching unit whose identity
// provider Tarjotin trusts, making coaches on their first sign-in.
class FederatedSignIn : public ::testing::Test {
 protected:
  static constexpr const char* kUnit = "unit-kuopio";
  TestIdentityProvider idp;
  std::string directory = [] {
    const auto suffix = crypto::random_bytes(6);
    const auto d = std::filesystem::temp_directory_path() /
                   ("tarjotin-oidc-" + crypto::hex(suffix.data(), suffix.size()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  std::string issuers = [this] {
    std::ofstream(directory + "/jwks.json") << idp.jwks();
    const std::string path = directory + "/issuers.json";
    std::ofstream(path) << R"({"issuers":[{"issuer":")" << TestIdentityProvider::kIssuer
                        << R"(","audience":"tarjotin","jwks_file":")" << directory
                        << R"(/jwks.json","organisation_id":")" << kUnit
                        << R"(","provision_role":"coach"}]})";
    return path;
  }();
  TestServer server{ServerTweaks{.oidc_issuers_file = issuers}};
  ApiClient api = server.client();

  void SetUp() override {
    server.runtime().db().with_session([](soci::session& sql) {
      sql << "INSERT INTO organisations (id, kind, name, country, created_at) VALUES "
             "('unit-kuopio', 'coaching_unit', 'Kuopion työllisyyspalvelut', 'FI', 0)";
    });
  }
  void TearDown() override { std::filesystem::remove_all(directory); }

  std::string token_for(const std::string& email, const std::string& extra = "") {
    return idp.token(TestIdentityProvider::claims(email, server.clock().now(), extra));
  }
  long long users_named(const std::string& email) {
    long long n = 0;
    server.runtime().db().with_session([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM users WHERE email = :e", soci::use(email), soci::into(n);
    });
    return n;
  }
};

TEST_F(FederatedSignIn, ACoachSignsInWithTheEmployersTokenAndIsMadeOnce) {
  const auto token = token_for("Maija.Valmentaja@kuopio.fi");
  const auto first = api.get("/v1/orders", token);
  EXPECT_EQ(first.status, 200u) << first.body;
  const auto again = api.get("/v1/orders", token_for("maija.valmentaja@kuopio.fi"));
  EXPECT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(users_named("maija.valmentaja@kuopio.fi"), 1) << "made once, found the second time";
  const auto audit = server.runtime().db().verify_audit_chain();
  EXPECT_TRUE(audit.intact);
  EXPECT_EQ(audit.events, 1) << "one user.provisioned event";
  // A coach: not an officer's route.
  EXPECT_EQ(api.post("/v1/dps", "{}", token).status, 403u);
  const auto me = api.get("/v1/sessions/current", token);
  EXPECT_EQ(me.status, 200u) << me.body;
  EXPECT_EQ(field(me, "role"), "coach");
  // Not a session of ours: signing out is the identity provider's, and changes nothing here.
  const auto out = api.request(verb::delete_, "/v1/sessions/current", "", token);
  EXPECT_EQ(out.status, 409u) << out.body;
  EXPECT_EQ(server.runtime().db().verify_audit_chain().events, 1);
}

TEST_F(FederatedSignIn, BadTokensAre401WithoutTheTokenInTheAnswerAndMakeNoOne) {
  const auto expired = idp.token(TestIdentityProvider::claims(
      "maija@kuopio.fi", server.clock().now() - std::chrono::hours(3)));
  TestIdentityProvider forger;
  const auto forged =
      forger.token(TestIdentityProvider::claims("maija@kuopio.fi", server.clock().now()));
  for (const auto& [token, why] : {std::pair{expired, "expired"}, std::pair{forged, "signature"}}) {
    const auto r = api.get("/v1/orders", token);
    EXPECT_EQ(r.status, 401u) << r.body;
    EXPECT_EQ(r.problem_type(), "unauthenticated") << r.body;
    EXPECT_NE(r.body.find(why), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find(token.substr(token.rfind('.') + 1)), std::string::npos);
  }
  EXPECT_EQ(users_named("maija@kuopio.fi"), 0);
  EXPECT_EQ(server.runtime().db().verify_audit_chain().events, 0);
}

TEST_F(FederatedSignIn, AUserOfAnotherOrganisationIsNotSignedInByThisIssuer) {
  const auto other = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  const auto r = api.get("/v1/orders", token_for(other.email));
  EXPECT_EQ(r.status, 401u) << r.body;
  EXPECT_EQ(users_named(other.email), 1);
}

}  // namespace
}  // namespace tarjotin::testing
