// OIDC tokens as the verifier judges them: the issuer's signature and claims, nothing less.
#include "crypto/oidc_tokens.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_identity_provider.hpp"

namespace tarjotin::testing {
namespace {

using Provider = TestIdentityProvider;

class OidcTokens : public ::testing::Test {
 protected:
  Provider idp;
  Provider stranger;  // another issuer's keys, for forged signatures
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  crypto::OidcTokenVerifier verifier{{issuer()}};

  crypto::OidcIssuer issuer() const {
    crypto::OidcIssuer c;
    c.issuer = Provider::kIssuer;
    c.audience = Provider::kAudience;
    c.jwks = idp.jwks();
    c.organisation_id = "unit-kuopio";
    c.provision_role = domain::Role::coach;
    return c;
  }
  domain::Timestamp at(std::chrono::seconds later = {}) const {
    return std::chrono::time_point_cast<std::chrono::microseconds>(now + later);
  }
  std::string refusal(const std::string& token, std::chrono::seconds later = {}) const {
    const auto r = verifier.verify(token, at(later));
    return r ? "accepted" : r.error().detail;
  }
};

TEST_F(OidcTokens, AnIssuersRs256AndEs256TokensNameTheirSubject) {
  for (const char* alg : {"RS256", "ES256"}) {
    const auto who =
        verifier.verify(idp.token(Provider::claims("maija@kuopio.fi", now), alg), at());
    ASSERT_TRUE(who.ok()) << alg << ": " << who.error().detail;
    EXPECT_EQ(who->subject, "maija@kuopio.fi");
    EXPECT_EQ(who->display_name, "Maija Valmentaja");
    EXPECT_EQ(who->organisation_id, "unit-kuopio");
    EXPECT_EQ(who->provision_role, domain::Role::coach);
  }
}

TEST_F(OidcTokens, AudienceMayBeAListThatHoldsOurs) {
  auto claims = Provider::claims("maija@kuopio.fi", now);
  claims.replace(claims.find("\"aud\":\"tarjotin\""), 16, R"("aud":["other","tarjotin"])");
  EXPECT_EQ(refusal(idp.token(claims)), "accepted");
}

TEST_F(OidcTokens, EveryBrokenTokenIsRefusedSayingWhy) {
  const auto good = Provider::claims("maija@kuopio.fi", now);
  const auto with = [&](const std::string& from, const std::string& to) {
    auto c = good;
    c.replace(c.find(from), from.size(), to);
    return c;
  };
  EXPECT_NE(refusal(stranger.token(good)).find("signature"), std::string::npos);
  EXPECT_NE(refusal(idp.token(good), std::chrono::hours(2)).find("expired"), std::string::npos);
  EXPECT_EQ(refusal(idp.token(good), std::chrono::seconds(3600 + 30)), "accepted")
      << "within the clock skew";
  EXPECT_NE(refusal(idp.token(good), -std::chrono::minutes(5)).find("not valid yet"),
            std::string::npos);
  EXPECT_NE(refusal(idp.token(with("\"aud\":\"tarjotin\"", "\"aud\":\"other\""))).find("audience"),
            std::string::npos);
  EXPECT_NE(refusal(idp.token(with(Provider::kIssuer, "https://evil.example"))).find("issuer"),
            std::string::npos);
  EXPECT_NE(refusal(idp.token(with("\"email\":", "\"mail\":"))).find("'email'"), std::string::npos);
  auto no_expiry = good.substr(0, good.find(",\"exp\""));
  EXPECT_NE(refusal(idp.token(no_expiry)).find("expiry"), std::string::npos);
  EXPECT_NE(refusal(idp.token(good, "RS256", "ec-1")).find("signature"), std::string::npos)
      << "a kid naming another key does not verify";
  EXPECT_NE(refusal("abc.def.ghi").find("JWS"), std::string::npos);
  // alg "none" and HS256 (keyed with a public key anyone has) are never accepted.
  const auto token = idp.token(good);
  const auto payload = token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1);
  EXPECT_NE(refusal("eyJhbGciOiJub25lIn0." + payload + ".").find("not RS256"), std::string::npos);
  EXPECT_NE(refusal("eyJhbGciOiJIUzI1NiJ9." + payload + ".c2ln").find("not RS256"),
            std::string::npos);
  // A signature over one payload does not carry another.
  const auto other = idp.token(with("maija@kuopio.fi", "admin@kuopio.fi"));
  const auto other_payload =
      other.substr(other.find('.') + 1, other.rfind('.') - other.find('.') - 1);
  auto spliced = token;
  spliced.replace(token.find('.') + 1, payload.size(), other_payload);
  EXPECT_NE(refusal(spliced).find("signature"), std::string::npos);
}

TEST_F(OidcTokens, AKeySetWithoutSigningKeysIsAConfigurationError) {
  auto c = issuer();
  c.jwks = R"({"keys":[]})";
  EXPECT_THROW(crypto::OidcTokenVerifier({c}), std::invalid_argument);
  c.jwks = "not json";
  EXPECT_THROW(crypto::OidcTokenVerifier({c}), std::invalid_argument);
}

TEST(Pkce, TheS256ChallengeIsRfc7636sExample) {
  EXPECT_EQ(crypto::pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

// Keys from a source, as discovery gives them: what it holds now, and what it would answer
// after fetching again; how often it was asked to.
class Source final : public crypto::OidcKeySource {
 public:
  std::shared_ptr<const crypto::OidcKeySet> now, after;
  mutable int asked = 0;
  mutable std::string kid;
  std::shared_ptr<const crypto::OidcKeySet> keys() const override { return now; }
  std::shared_ptr<const crypto::OidcKeySet> keys_after_unknown(std::string_view k) const override {
    ++asked;
    kid = k;
    return after;
  }
};

TEST_F(OidcTokens, OnlyAKeyNeverSeenMakesTheSourceFetchAgain) {
  auto source = std::make_shared<Source>();
  auto c = issuer();
  c.jwks.clear();
  c.key_source = source;
  const crypto::OidcTokenVerifier discovered{{c}};
  // The issuer has rotated in rsa-2: the same key as rsa-1 under its new name is enough here.
  auto rotated = idp.jwks();
  rotated.replace(rotated.find("\"rsa-1\""), 7, "\"rsa-2\"");
  source->now = crypto::OidcKeySet::read(idp.jwks());
  source->after = crypto::OidcKeySet::read(rotated);
  const auto claims = Provider::claims("maija@kuopio.fi", now);

  EXPECT_TRUE(discovered.verify(idp.token(claims), at()).ok());
  EXPECT_EQ(source->asked, 0) << "a known key verifies without asking";
  EXPECT_FALSE(discovered.verify(stranger.token(claims), at()).ok());
  EXPECT_EQ(source->asked, 0) << "a known key that does not verify is a forgery, not a rotation";
  EXPECT_TRUE(discovered.verify(idp.token(claims, "RS256", "rsa-2"), at()).ok());
  EXPECT_EQ(source->asked, 1);
  EXPECT_EQ(source->kid, "rsa-2");
  source->now = nullptr;  // nothing fetched yet: the first fetch brings the keys
  source->after = crypto::OidcKeySet::read(idp.jwks());
  EXPECT_TRUE(discovered.verify(idp.token(claims), at()).ok());
  EXPECT_EQ(source->asked, 2);
}

TEST_F(OidcTokens, AnIdTokenCarriesThisSignInsIssuerClientAndNonce) {
  const crypto::IdTokenExpectation expected{Provider::kIssuer, Provider::kAudience, "n-0451"};
  const auto id_token = [&](const std::string& extra) {
    return idp.token(Provider::claims("maija@kuopio.fi", now, extra));
  };
  const auto refusal = [&](const std::string& token, const crypto::IdTokenExpectation& e) {
    const auto r = verifier.verify_id_token(token, at(), e);
    return r ? "accepted" : r.error().detail;
  };
  EXPECT_EQ(refusal(id_token(R"(,"nonce":"n-0451")"), expected), "accepted");
  EXPECT_EQ(refusal(id_token(R"(,"nonce":"n-0451","azp":"tarjotin")"), expected), "accepted");
  EXPECT_NE(refusal(id_token(""), expected).find("nonce"), std::string::npos);
  EXPECT_NE(refusal(id_token(R"(,"nonce":"n-0452")"), expected).find("nonce"), std::string::npos);
  auto elsewhere = expected;
  elsewhere.issuer = "https://idp.example.fi/realms/espoo";
  EXPECT_NE(refusal(id_token(R"(,"nonce":"n-0451")"), elsewhere).find("another issuer"),
            std::string::npos);
  auto other_client = expected;
  other_client.client_id = "tarjotin-web";
  EXPECT_NE(refusal(id_token(R"(,"nonce":"n-0451")"), other_client).find("audience"),
            std::string::npos);
  EXPECT_NE(refusal(id_token(R"(,"nonce":"n-0451","azp":"someone-else")"), expected)
                .find("another client"),
            std::string::npos);
  // An ID token is still a token: a forged one with the right nonce is refused all the same.
  EXPECT_NE(
      refusal(stranger.token(Provider::claims("maija@kuopio.fi", now, R"(,"nonce":"n-0451")")),
              expected)
          .find("signature"),
      std::string::npos);
}

}  // namespace
}  // namespace tarjotin::testing
