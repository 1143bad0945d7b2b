// The parts of signing in through an identity provider that need no provider: which URLs are
// fetched, which metadata is believed, how forms are encoded, and the page a browser comes
// back to.
#include <gtest/gtest.h>

#include "server/handlers/accounts/sign_in_page.hpp"
#include "server/https_fetch.hpp"
#include "server/oidc/issuer_discovery.hpp"

namespace tarjotin::server {
namespace {

TEST(HttpsUrl, IsSplitIntoHostPortAndTarget) {
  const auto u = parse_https_url("https://login.example.fi/realms/kuopio/protocol?x=1#frag");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->host, "login.example.fi");
  EXPECT_EQ(u->port, "443");
  EXPECT_EQ(u->target, "/realms/kuopio/protocol?x=1");
  const auto ip = parse_https_url("https://127.0.0.1:8443");
  ASSERT_TRUE(ip);
  EXPECT_EQ(ip->port, "8443");
  EXPECT_EQ(ip->target, "/");
  const auto v6 = parse_https_url("https://[::1]:9443/jwks");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, "9443");
}

TEST(HttpsUrl, RefusesWhatIsNotPlainHttps) {
  for (const char* url :
       {"http://login.example.fi/", "login.example.fi", "https://", "https://user@evil.example/",
        "https://login.example.fi:84x3/", "https://login.example.fi/a b",
        "https://login.example.fi\r\nSet-Cookie: x=1/", "https://[::1/"})
    EXPECT_FALSE(parse_https_url(url)) << url;
}

TEST(FormEncoded, EscapesAllButTheUnreservedCharacters) {
  EXPECT_EQ(form_encoded({{"scope", "openid email"}, {"redirect_uri", "https://t.fi/cb?a=1&b"}}),
            "scope=openid%20email&redirect_uri=https%3A%2F%2Ft.fi%2Fcb%3Fa%3D1%26b");
  EXPECT_EQ(form_encoded({{"v", "aZ09-._~"}}), "v=aZ09-._~");
}

TEST(IssuerMetadata, IsBelievedOnlyForTheIssuerAskedForWithHttpsEndpoints) {
  const std::string issuer = "https://login.example.fi/realms/kuopio";
  const auto document = [&](const std::string& members) {
    return R"({"issuer":")" + issuer + R"(","jwks_uri":")" + issuer + R"(/certs")" + members + "}";
  };
  const auto m =
      read_issuer_metadata(document(R"(,"authorization_endpoint":")" + issuer +
                                    R"(/auth","token_endpoint":")" + issuer + R"(/token")"),
                           issuer);
  EXPECT_EQ(m.jwks_uri, issuer + "/certs");
  EXPECT_EQ(m.authorization_endpoint, issuer + "/auth");
  EXPECT_EQ(m.token_endpoint, issuer + "/token");
  EXPECT_EQ(read_issuer_metadata(document(""), issuer).authorization_endpoint, "");
  EXPECT_THROW(read_issuer_metadata(document(""), issuer + "/"), std::invalid_argument)
      << "another issuer's document";
  EXPECT_THROW(read_issuer_metadata(R"({"issuer":")" + issuer + R"("})", issuer),
               std::invalid_argument)
      << "no jwks_uri";
  EXPECT_THROW(
      read_issuer_metadata(document(R"(,"token_endpoint":"http://login.example.fi/t")"), issuer),
      std::invalid_argument);
  EXPECT_THROW(read_issuer_metadata("<html>", issuer), std::invalid_argument);
}

TEST(SignInPage, SpeaksTheFirstOfOurLanguagesTheBrowserAsksFor) {
  const auto language = [](const char* accept) {
    Request r;
    if (*accept) r.set(http::field::accept_language, accept);
    return language_of(r);
  };
  EXPECT_EQ(language("sv-FI,sv;q=0.9,en;q=0.8"), "sv");
  EXPECT_EQ(language("de-DE, EN-gb;q=0.5"), "en");
  EXPECT_EQ(language("de"), "fi");
  EXPECT_EQ(language(""), "fi");
}

TEST(SignInPage, MovesOnToTheSignInScreenSayingHowItWent) {
  const auto ok = sign_in_page(SignInOutcome::signed_in, "en");
  EXPECT_EQ(ok.status, 200u);
  EXPECT_NE(ok.body.find(R"(content="0; url=/sign-in?lang=en")"), std::string::npos) << ok.body;
  const auto expired = sign_in_page(SignInOutcome::expired, "xx");
  EXPECT_EQ(expired.status, 400u);
  EXPECT_NE(expired.body.find("url=/sign-in?lang=fi&amp;failed=expired"), std::string::npos);
  EXPECT_EQ(sign_in_page(SignInOutcome::not_a_user, "sv").status, 403u);
  for (const auto outcome : {SignInOutcome::signed_in, SignInOutcome::failed})
    EXPECT_EQ(sign_in_page(outcome, "fi").body.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace tarjotin::server
