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

}  // namespace
}  // namespace tarjotin::testing
