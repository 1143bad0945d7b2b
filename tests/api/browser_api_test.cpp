// What the browser relies on, over HTTPS: a session in an HttpOnly cookie with a CSRF token on
// every change, and the web client's pages and assets served with their security headers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "crypto/crypto.hpp"
#include "server/json.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

using domain::OrganisationKind;
using domain::Role;

std::string field(const HttpResult& r, const char* name) {
  return server::string_member(r.json(), name).value_or("");
}

class BrowserSessions : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();
  TestServer::Member coach = server.add_member(OrganisationKind::coaching_unit, Role::coach);

  HttpResult sign_in() {
    return api.post("/v1/browser-sessions",
                    R"({"email":")" + coach.email + R"(","password":")" + kPassword + R"("})");
  }

  // The cookie's name=value as the browser would send it back.
  static std::string cookie_of(const HttpResult& r) {
    const auto set = r.header("Set-Cookie");
    return set.substr(0, set.find(';'));
  }

  HttpResult as_browser(http::verb method, const std::string& target, const std::string& cookie,
                        const std::string& csrf = "", const std::string& body = "") {
    std::vector<std::pair<std::string, std::string>> headers{{"Cookie", "theme=dark; " + cookie}};
    if (!csrf.empty()) headers.emplace_back("X-CSRF-Token", csrf);
    return api.request(method, target, body, "", headers);
  }

  long long audit_events() { return server.runtime().db().verify_audit_chain().events; }
};

TEST_F(BrowserSessions, SignInSetsAnHttpOnlyStrictCookieAndAnswersNoToken) {
  const auto r = sign_in();
  ASSERT_EQ(r.status, 201u) << r.body;
  EXPECT_EQ(schema_violation("browser-session", r.body), "") << r.body;
  const auto set = r.header("Set-Cookie");
  EXPECT_EQ(set.rfind("__Host-tarjotin-session=", 0), 0u) << set;
  for (const char* attribute :
       {"; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict", "; Max-Age=43200"})
    EXPECT_NE(set.find(attribute), std::string::npos) << attribute << " in " << set;
  const std::string token = cookie_of(r).substr(cookie_of(r).find('=') + 1);
  EXPECT_GE(token.size(), 32u);
  EXPECT_EQ(r.body.find(token), std::string::npos) << "the token must not be readable by scripts";
  EXPECT_EQ(field(r, "csrf_token").size(), 64u);
  EXPECT_NE(field(r, "csrf_token"), token);

  const auto wrong = api.post("/v1/browser-sessions",
                              R"({"email":")" + coach.email + R"(","password":"wrong one"})");
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(wrong.header("Set-Cookie"), "");
}

TEST_F(BrowserSessions, CookieReadsWithoutCsrfAndTheCurrentSessionAnswersItAgain) {
  const auto signed_in = sign_in();
  const auto current = as_browser(http::verb::get, "/v1/sessions/current", cookie_of(signed_in));
  ASSERT_EQ(current.status, 200u) << current.body;
  EXPECT_EQ(schema_violation("current-session", current.body), "") << current.body;
  EXPECT_EQ(field(current, "csrf_token"), field(signed_in, "csrf_token"));
  // A bearer caller has no CSRF token to be told.
  EXPECT_EQ(api.get("/v1/sessions/current", coach.token).body.find("csrf_token"),
            std::string::npos);
}

TEST_F(BrowserSessions, ChangeByCookieWithoutTheRightCsrfTokenIsRefusedAndChangesNothing) {
  const auto signed_in = sign_in();
  const auto cookie = cookie_of(signed_in);
  const std::string body = R"({"reference":"SELAIN-1","region":"297","languages":["fi"],)"
                           R"("unemployment_band":"under_3_months","age_band":"under_25"})";
  const auto before = audit_events();
  for (const std::string& csrf :
       {std::string(), std::string(64, '0'), crypto::sha256_hex("tarjotin csrf\n")}) {
    const auto refused = as_browser(http::verb::post, "/v1/customers", cookie, csrf, body);
    EXPECT_EQ(refused.status, 403u) << refused.body;
    EXPECT_EQ(refused.problem_type(), "csrf-token-missing");
  }
  EXPECT_EQ(audit_events(), before);
  const auto made =
      as_browser(http::verb::post, "/v1/customers", cookie, field(signed_in, "csrf_token"), body);
  EXPECT_EQ(made.status, 201u) << made.body;
}

TEST_F(BrowserSessions, SignOutClearsTheCookieAndEndsTheSession) {
  const auto signed_in = sign_in();
  const auto cookie = cookie_of(signed_in);
  EXPECT_EQ(as_browser(http::verb::delete_, "/v1/sessions/current", cookie).status, 403u);
  const auto out = as_browser(http::verb::delete_, "/v1/sessions/current", cookie,
                              field(signed_in, "csrf_token"));
  ASSERT_EQ(out.status, 204u) << out.body;
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(as_browser(http::verb::get, "/v1/sessions/current", cookie).status, 401u);
  // A stale cookie does not keep anyone from the public pages.
  EXPECT_EQ(as_browser(http::verb::get, "/v1/dps", cookie).status, 200u);
}

class WebClient : public ::testing::Test {
 protected:
  static std::string make_site() {
    const auto suffix = crypto::random_bytes(6);
    const auto root = std::filesystem::temp_directory_path() /
                      ("tarjotin-web-" + crypto::hex(suffix.data(), suffix.size()));
    std::filesystem::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<!doctype html><title>Tarjotin</title>";
    std::ofstream(root / "index.html.br") << "BROTLI PAGE";
    std::ofstream(root / "index.html.gz") << "GZIPPED PAGE";
    std::ofstream(root / "assets/app-1a2b3c.js") << "console.log('plain')";
    std::ofstream(root / "assets/app-1a2b3c.js.gz") << "GZIPPED";
    std::ofstream(root / "assets/app-1a2b3c.js.br") << "BROTLI";
    return root.string();
  }
  std::string root = make_site();
  TestServer server{ServerTweaks{.web_root = root}};
  ApiClient api = server.client();

  HttpResult get(const std::string& target, const std::string& accept_encoding = "") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!accept_encoding.empty()) headers.emplace_back("Accept-Encoding", accept_encoding);
    return api.request(http::verb::get, target, "", "", headers);
  }

  ~WebClient() override {
    std::error_code ignored;
    std::filesystem::remove_all(root, ignored);
  }
};

TEST_F(WebClient, PagesAreIndexHtmlUncachedWithAStrictPolicy) {
  for (const char* page : {"/", "/coach/choice/3f2c", "/fi/feedback"}) {
    const auto r = get(page, "gzip, br");  // pages are never compressed (BREACH)
    ASSERT_EQ(r.status, 200u) << page;
    EXPECT_EQ(r.body, "<!doctype html><title>Tarjotin</title>") << page;
    EXPECT_EQ(r.header("Content-Encoding"), "") << page;
    EXPECT_EQ(r.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(r.header("Cache-Control"), "no-store");
    const auto csp = r.header("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
    EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.header("Strict-Transport-Security"), "max-age=63072000");
  }
}

TEST_F(WebClient, AssetsAreImmutableAndSentCompressedWhenAccepted) {
  const auto plain = get("/assets/app-1a2b3c.js");
  ASSERT_EQ(plain.status, 200u);
  EXPECT_EQ(plain.body, "console.log('plain')");
  EXPECT_EQ(plain.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(plain.header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(plain.header("Vary"), "Accept-Encoding");
  EXPECT_EQ(plain.header("Content-Encoding"), "");
  const auto gzip = get("/assets/app-1a2b3c.js", "gzip, deflate");
  EXPECT_EQ(gzip.header("Content-Encoding"), "gzip");
  EXPECT_EQ(gzip.body, "GZIPPED");
  const auto br = get("/assets/app-1a2b3c.js", "gzip, br");
  EXPECT_EQ(br.header("Content-Encoding"), "br");
  EXPECT_EQ(br.body, "BROTLI");
  EXPECT_EQ(get("/assets/app-1a2b3c.js", "br;q=0, gzip").header("Content-Encoding"), "gzip");
}

TEST_F(WebClient, TheApiIsNeverShadowedAndMissingFilesAre404) {
  const auto api_miss = get("/v1/no-such-thing");
  EXPECT_EQ(api_miss.status, 404u);
  EXPECT_EQ(api_miss.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(get("/assets/missing-99.js").status, 404u);
  EXPECT_EQ(get("/index.html").status, 404u) << "the page is served at its paths, not by name";
  const auto health = get("/healthz");
  EXPECT_EQ(health.status, 200u);
  EXPECT_EQ(health.header("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'");
  EXPECT_EQ(api.request(http::verb::post, "/", "{}").status, 404u);
}

}  // namespace
}  // namespace tarjotin::testing
