// The browser's sign-in through an identity provider as use cases over real storage: the pending
// sign-in it leaves with, taken back once, and the session it ends in. The provider is a stand-in
// that answers what the test tells it; the real one is tried over HTTP in the API tests.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "domain/accounts/federated_sign_in.hpp"
#include "tests/support/use_case_world.hpp"

namespace tarjotin {
namespace {

using namespace domain;

class StandInProviders final : public IdentityProviders {
 public:
  std::optional<FederatedIdentity> identity;  // none: the code is refused
  mutable std::vector<AuthorizationRequest> asked;
  mutable std::vector<CodeRedemption> redeemed;

  std::vector<IdentityProviderListing> for_browsers() const override {
    return {{"kuopio", "Kuopion kaupunki"}};
  }
  Result<std::string> authorization_url(const AuthorizationRequest& r) const override {
    if (r.identity_provider_id != "kuopio") return Error::not_found("identity provider");
    asked.push_back(r);
    return "https://idp.example.fi/authorize?state=" + r.state;
  }
  Result<FederatedIdentity> redeem(const CodeRedemption& r, Timestamp) const override {
    redeemed.push_back(r);
    if (!identity) return Error::unauthenticated("the code was refused");
    return *identity;
  }
};

class FederatedSignIn : public testing::UseCaseWorld {
 protected:
  crypto::ScryptPasswordHasher hasher{crypto::ScryptCost{1024, 8, 1}};
  StandInProviders providers;
  AccountServices accounts{t.db(),  clock,     hasher, secrets, std::chrono::hours{8},
                           nullptr, &providers};

  FederatedIdentity coach_of_unit(const std::string& email = "uusi.valmentaja@example.fi") {
    return {"https://idp.example.fi", email, "Uusi Valmentaja", "unit", Role::coach};
  }
  long long pending() {
    long long n = 0;
    t.db().with_session(
        [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM pending_sign_ins", soci::into(n); });
    return n;
  }
};

TEST_F(FederatedSignIn, StartingKeepsTheStateOnlyAsItsHashWithFreshSecrets) {
  auto started = start_federated_sign_in(accounts, "kuopio", "https://t.example/cb", "sv");
  ASSERT_TRUE(started) << started.error().detail;
  ASSERT_EQ(providers.asked.size(), 1u);
  const auto& asked = providers.asked.front();
  EXPECT_EQ(asked.state, started->state);
  EXPECT_EQ(started->location, "https://idp.example.fi/authorize?state=" + started->state);
  EXPECT_NE(asked.nonce, asked.state);
  EXPECT_NE(asked.code_verifier, asked.nonce);
  EXPECT_GE(asked.code_verifier.size(), 43u) << "RFC 7636: 43 to 128 characters";
  auto taken = take_pending_sign_in(accounts, started->state);
  ASSERT_TRUE(taken) << taken.error().detail;
  EXPECT_EQ(*taken, (PendingSignIn{secrets.hash_token(started->state), "kuopio", asked.nonce,
                                   asked.code_verifier, "https://t.example/cb", "sv", clock.now(),
                                   clock.now() + std::chrono::minutes(10)}));
  EXPECT_FALSE(start_federated_sign_in(accounts, "espoo", "https://t.example/cb", "fi"));
  EXPECT_EQ(pending(), 0);
}

TEST_F(FederatedSignIn, APendingSignInIsTakenOnceAndNotAfterTenMinutes) {
  const auto first = start_federated_sign_in(accounts, "kuopio", "https://t.example/cb", "xx");
  const auto second = start_federated_sign_in(accounts, "kuopio", "https://t.example/cb", "en");
  ASSERT_TRUE(first && second);
  auto once = take_pending_sign_in(accounts, first->state);
  ASSERT_TRUE(once);
  EXPECT_EQ(once->language, "fi") << "an unknown language is the default one";
  const auto again = take_pending_sign_in(accounts, first->state);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "sign-in-unknown");
  EXPECT_EQ(take_pending_sign_in(accounts, "made-up").error().code, "sign-in-unknown");
  clock.advance(std::chrono::minutes(10));
  const auto late = take_pending_sign_in(accounts, second->state);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, "sign-in-expired");
  // The next sign-in clears what was abandoned.
  ASSERT_TRUE(start_federated_sign_in(accounts, "kuopio", "https://t.example/cb", "fi"));
  EXPECT_EQ(pending(), 1);
}

TEST_F(FederatedSignIn, TheCodeIsRedeemedWithWhatTheSignInBeganWithAndEndsInASession) {
  providers.identity = coach_of_unit();
  const auto started = start_federated_sign_in(accounts, "kuopio", "https://t.example/cb", "fi");
  const auto pending_sign_in = take_pending_sign_in(accounts, started->state);
  ASSERT_TRUE(pending_sign_in);
  auto in = finish_federated_sign_in(accounts, *pending_sign_in, "code-1");
  ASSERT_TRUE(in) << in.error().detail;
  ASSERT_EQ(providers.redeemed.size(), 1u);
  const auto& r = providers.redeemed.front();
  EXPECT_EQ(r.code, "code-1");
  EXPECT_EQ(r.code_verifier, pending_sign_in->code_verifier);
  EXPECT_EQ(r.nonce, pending_sign_in->nonce);
  EXPECT_EQ(r.redirect_uri, "https://t.example/cb");
  EXPECT_EQ(in->user.email, "uusi.valmentaja@example.fi");
  EXPECT_EQ(in->user.role, Role::coach);
  EXPECT_EQ(in->expires_at, clock.now() + std::chrono::hours(8));
  const auto actor = authenticate(accounts, in->token);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->user_id, in->user.id);
  const auto audit = t.db().verify_audit_chain();
  EXPECT_TRUE(audit.intact);
  EXPECT_EQ(audit.events, 2) << "user.provisioned and session.created";
}

TEST_F(FederatedSignIn, ARefusedCodeOrAnIdentityOfAnotherUnitStartsNoSession) {
  const auto pending_for = [&] {
    const auto started = start_federated_sign_in(accounts, "kuopio", "https://t.example/cb", "fi");
    return *take_pending_sign_in(accounts, started->state);
  };
  const auto refused = finish_federated_sign_in(accounts, pending_for(), "code-1");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::unauthenticated);
  providers.identity = coach_of_unit("coach-2@example.fi");  // a user of unit-2
  const auto elsewhere = finish_federated_sign_in(accounts, pending_for(), "code-2");
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code, "identity-not-a-user");
  EXPECT_FALSE(finish_federated_sign_in(accounts, pending_for(), ""));
  EXPECT_EQ(providers.redeemed.size(), 2u) << "an empty code is not sent to the provider";
  EXPECT_EQ(t.db().verify_audit_chain().events, 0);
}

}  // namespace
}  // namespace tarjotin
