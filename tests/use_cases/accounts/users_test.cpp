// Organisations, users and sessions: the accounts use cases over real storage, without a server.
#include <gtest/gtest.h>

#include "domain/accounts/organisations.hpp"
#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "tests/support/use_case_world.hpp"

namespace tarjotin {
namespace {

using namespace domain;

class Accounts : public testing::UseCaseWorld {
 protected:
  // A cheap cost: these tests are about who may, not about the KDF.
  crypto::ScryptPasswordHasher hasher{crypto::ScryptCost{1024, 8, 1}};
  AccountServices accounts{t.db(), clock, hasher, secrets};

  static NewUser person(const std::string& email, Role role) {
    return {email, "Maija Meikäläinen", role, "correct horse battery staple"};
  }

  Actor signed_in(const std::string& email, const std::string& password) {
    auto in = sign_in(accounts, email, password, "192.0.2.1");
    EXPECT_TRUE(in) << (in ? "" : in.error().detail);
    auto actor = authenticate(accounts, in->token);
    EXPECT_TRUE(actor);
    return *actor;
  }
};

TEST_F(Accounts, ARegistrationNamesTheNestedFieldThatBreaksARuleAndStoresNothing) {
  NewOrganisation company{OrganisationKind::provider, "Testi Oy", "FI", "1234567-8"};
  auto refused = register_provider(accounts, company, person("a@testi.example", Role::provider));
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].pointer, "/organisation/business_id");
  company.business_id = "0737546-2";
  auto made = register_provider(accounts, company, person("a@testi.example", Role::provider));
  ASSERT_TRUE(made) << made.error().detail;
  EXPECT_EQ(made->organisation.business_id, "0737546-2");
  auto again = register_provider(accounts, company, person("b@testi.example", Role::provider));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "business-id-registered");
}

TEST_F(Accounts, AProviderAddsColleaguesButNoOtherRoleAndNotToAnotherCompany) {
  auto made =
      register_provider(accounts, {OrganisationKind::provider, "Testi Oy", "FI", "0737546-2"},
                        person("first@testi.example", Role::provider));
  ASSERT_TRUE(made);
  const Actor first = signed_in("first@testi.example", "correct horse battery staple");
  auto colleague = create_user(accounts, first, made->organisation.id,
                               person("second@testi.example", Role::provider));
  ASSERT_TRUE(colleague) << colleague.error().detail;
  auto officer_role = create_user(accounts, first, made->organisation.id,
                                  person("third@testi.example", Role::officer));
  EXPECT_FALSE(officer_role);
  auto elsewhere =
      create_user(accounts, first, "provider-a", person("fourth@testi.example", Role::provider));
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::not_found);
}

TEST_F(Accounts, SwitchingAUserOffEndsEverySessionTheyHave) {
  auto made =
      register_provider(accounts, {OrganisationKind::provider, "Testi Oy", "FI", "0737546-2"},
                        person("first@testi.example", Role::provider));
  ASSERT_TRUE(made);
  const Actor first = signed_in("first@testi.example", "correct horse battery staple");
  auto colleague = create_user(accounts, first, made->organisation.id,
                               person("second@testi.example", Role::provider));
  ASSERT_TRUE(colleague);
  auto session = sign_in(accounts, "second@testi.example", "correct horse battery staple", "x");
  ASSERT_TRUE(session);
  ASSERT_TRUE(authenticate(accounts, session->token));
  ASSERT_TRUE(set_user_active(accounts, first, colleague->id, false));
  EXPECT_FALSE(authenticate(accounts, session->token));
  EXPECT_FALSE(sign_in(accounts, "second@testi.example", "correct horse battery staple", "x"));
}

TEST_F(Accounts, AResetPasswordWorksOnceAndMustBeChangedBeforeAnythingElse) {
  auto made =
      register_provider(accounts, {OrganisationKind::provider, "Testi Oy", "FI", "0737546-2"},
                        person("first@testi.example", Role::provider));
  ASSERT_TRUE(made);
  const Actor first = signed_in("first@testi.example", "correct horse battery staple");
  auto colleague = create_user(accounts, first, made->organisation.id,
                               person("second@testi.example", Role::provider));
  ASSERT_TRUE(colleague);
  auto reset = reset_password(accounts, first, colleague->id);
  ASSERT_TRUE(reset);
  EXPECT_TRUE(reset->user.password_change_required);
  const Actor second = signed_in("second@testi.example", reset->one_time_password);
  EXPECT_TRUE(second.password_change_required);
  EXPECT_FALSE(change_own_password(accounts, second, reset->one_time_password, "short"));
  ASSERT_TRUE(
      change_own_password(accounts, second, reset->one_time_password, "a new and long passphrase"));
  EXPECT_FALSE(sign_in(accounts, "second@testi.example", reset->one_time_password, "x"));
  EXPECT_FALSE(
      signed_in("second@testi.example", "a new and long passphrase").password_change_required);
}

}  // namespace
}  // namespace tarjotin
