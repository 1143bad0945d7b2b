#include "domain/identity.hpp"
#include "domain/accounts/rules.hpp"

#include <gtest/gtest.h>

#include "domain/accounts/sessions.hpp"
#include "domain/accounts/sign_in_throttle.hpp"
#include "domain/accounts/users.hpp"

namespace tarjotin::domain {
namespace {

const Role kAllRoles[] = {Role::admin, Role::officer, Role::provider, Role::coach, Role::auditor};

TEST(Identity, RoleNamesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(parse_role(to_string(r)), r);
  EXPECT_FALSE(parse_role("root").has_value());
  EXPECT_FALSE(parse_role("").has_value());
}

TEST(Identity, OrganisationKindNamesRoundTrip) {
  for (auto k : {OrganisationKind::contracting_authority, OrganisationKind::provider,
                 OrganisationKind::coaching_unit})
    EXPECT_EQ(parse_organisation_kind(to_string(k)), k);
  EXPECT_FALSE(parse_organisation_kind("company").has_value());
}

Organisation org(std::string id, OrganisationKind kind) {
  Organisation o;
  o.id = std::move(id);
  o.kind = kind;
  return o;
}

TEST(AccountRules, ProviderCreatesOnlyProviderUsersInItsOwnCompany) {
  const Actor provider{"u1", "p1", Role::provider, ""};
  EXPECT_TRUE(may_create_user(provider, org("p1", OrganisationKind::provider), Role::provider));
  EXPECT_FALSE(may_create_user(provider, org("p2", OrganisationKind::provider), Role::provider));
  EXPECT_FALSE(may_create_user(provider, org("p1", OrganisationKind::provider), Role::officer));
}

TEST(AccountRules, NoRoleLandsInAnOrganisationOfTheWrongKind) {
  const Actor admin{"u0", "a0", Role::admin, ""};
  EXPECT_FALSE(may_create_user(admin, org("p1", OrganisationKind::provider), Role::officer));
  EXPECT_FALSE(
      may_create_user(admin, org("a1", OrganisationKind::contracting_authority), Role::provider));
  EXPECT_FALSE(may_create_user(admin, org("c1", OrganisationKind::coaching_unit), Role::admin));
  EXPECT_TRUE(may_create_user(admin, org("c1", OrganisationKind::coaching_unit), Role::coach));
}

TEST(AccountRules, OfficerStaffsOnlyItsOwnAuthorityWithOfficers) {
  const Actor officer{"u1", "a1", Role::officer, ""};
  const auto own = org("a1", OrganisationKind::contracting_authority);
  EXPECT_TRUE(may_create_user(officer, own, Role::officer));
  EXPECT_FALSE(may_create_user(officer, own, Role::admin));
  EXPECT_FALSE(may_create_user(officer, own, Role::auditor));
  EXPECT_FALSE(
      may_create_user(officer, org("a2", OrganisationKind::contracting_authority), Role::officer));
}

TEST(AccountRules, CoachesAndAuditorsCreateNobody) {
  for (Role r : {Role::coach, Role::auditor}) {
    const Actor actor{"u1", "x1", r, ""};
    for (auto kind : {OrganisationKind::contracting_authority, OrganisationKind::provider,
                      OrganisationKind::coaching_unit})
      for (Role target : kAllRoles) EXPECT_FALSE(may_create_user(actor, org("x1", kind), target));
  }
}

TEST(AccountRules, ProviderCompaniesArePublicOtherOrganisationsAreNot) {
  const Actor coach{"u1", "c1", Role::coach, ""};
  EXPECT_TRUE(may_read_organisation(coach, org("p9", OrganisationKind::provider)));
  EXPECT_TRUE(may_read_organisation(coach, org("c1", OrganisationKind::coaching_unit)));
  EXPECT_FALSE(may_read_organisation(coach, org("c2", OrganisationKind::coaching_unit)));
  EXPECT_FALSE(may_read_organisation(coach, org("a1", OrganisationKind::contracting_authority)));
  const Actor auditor{"u2", "a1", Role::auditor, ""};
  EXPECT_TRUE(may_read_organisation(auditor, org("c2", OrganisationKind::coaching_unit)));
}

TEST(AccountRules, PasswordPolicyNamesTheBrokenLimit) {
  auto short_one = check_password_policy("elevenchars");
  ASSERT_FALSE(short_one.ok());
  EXPECT_EQ(short_one.error().fields[0].rule, "minLength");
  EXPECT_TRUE(check_password_policy("twelve chars").ok());
  EXPECT_FALSE(check_password_policy(std::string(129, 'x')).ok());
  EXPECT_TRUE(check_password_policy(std::string(128, 'x')).ok());
}

TEST(AccountRules, EmailIsNormalisedToLowerCaseAndChecked) {
  EXPECT_EQ(normalise_email("  Maija.Meikalainen@Example.FI ").value(),
            "maija.meikalainen@example.fi");
  for (const char* bad : {"", "no-at-sign", "@example.fi", "a@b", "a@@b.fi", "a b@c.fi", "a@b.fi."})
    EXPECT_FALSE(normalise_email(bad).ok()) << bad;
}

// Draws a counter's values, so the test sees the same characters every run and also the draws
// from the short last block, which must be dropped.
class CountingSecrets final : public Secrets {
 public:
  explicit CountingSecrets(std::vector<std::uint64_t> draws) : draws_(std::move(draws)) {}
  std::string new_id() override { return "id"; }
  IssuedToken new_token() override { return {"t", "h"}; }
  std::string hash_token(std::string_view) const override { return "h"; }
  std::uint64_t new_seed() override { return draws_.at(next_++ % draws_.size()); }
  std::size_t drawn() const { return next_; }

 private:
  std::vector<std::uint64_t> draws_;
  std::size_t next_ = 0;
};

TEST(OneTimePassword, IsTwentyCharactersWithoutLookAlikes) {
  CountingSecrets secrets({0, 1, 55, 56 * 56 - 1, 123456789, 987654321987ull});
  for (int i = 0; i < 50; ++i) {
    const auto p = one_time_password(secrets);
    EXPECT_EQ(p.size(), 20u);
    EXPECT_EQ(p.find_first_of("01lIoO"), std::string::npos) << p;
    EXPECT_TRUE(check_password_policy(p).ok()) << p;
  }
}

TEST(OneTimePassword, DropsDrawsThatWouldFavourSomeCharacters) {
  // The top of the 64-bit range lies past the last whole block of 56^5 and is never used.
  CountingSecrets secrets({UINT64_MAX, 0});
  const auto p = one_time_password(secrets);
  EXPECT_EQ(p, std::string(20, 'a'));
  EXPECT_EQ(secrets.drawn(), 8u);  // four used draws, four dropped
}

TEST(PasswordPolicy, RefusesTheCommonOnesWhateverTheirCase) {
  EXPECT_TRUE(is_common_password("qwerty123456"));
  EXPECT_TRUE(is_common_password("QWERTY123456"));
  EXPECT_TRUE(is_common_password("password"));
  EXPECT_FALSE(is_common_password("a passphrase of my own"));
  EXPECT_FALSE(is_common_password(""));
  const auto refused = check_password_policy("1qaz2wsx3edc");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].rule, "notCommon");
  EXPECT_EQ(check_password_policy("short").error().fields.at(0).rule, "minLength");
  EXPECT_TRUE(check_password_policy("correct horse battery").ok());
}

TEST(SignInThrottle, WaitsDoubleAfterTheAllowanceUpToTheLongestWait) {
  const ThrottleRule rule{5, std::chrono::seconds(1), std::chrono::minutes(15)};
  EXPECT_EQ(wait_after(rule, 0), std::chrono::seconds(0));
  EXPECT_EQ(wait_after(rule, 5), std::chrono::seconds(0));
  EXPECT_EQ(wait_after(rule, 6), std::chrono::seconds(1));
  EXPECT_EQ(wait_after(rule, 7), std::chrono::seconds(2));
  EXPECT_EQ(wait_after(rule, 15), std::chrono::seconds(512));
  EXPECT_EQ(wait_after(rule, 16), std::chrono::minutes(15));
  EXPECT_EQ(wait_after(rule, 1'000'000), std::chrono::minutes(15));
}

TEST(SignInThrottle, AForgottenCounterLetsTheNextAttemptThroughAtOnce) {
  const Timestamp last = Timestamp{} + std::chrono::hours(1000);
  const FailureCount count{20, last};
  EXPECT_EQ(next_attempt_at(kPerAccountFromAddress, count, last), last + std::chrono::minutes(15));
  EXPECT_LE(next_attempt_at(kPerAccountFromAddress, count, last + kFailuresForgottenAfter), last);
  EXPECT_EQ(next_attempt_at(kPerAccountFromAddress, FailureCount{}, last), Timestamp{});
}

TEST(SignInThrottle, ARealUserIsNeverHeldBackByOthersForMoreThanTheStatedBounds) {
  EXPECT_LE(kPerAccount.longest_wait, std::chrono::minutes(1));
  const auto counters = throttle_counters("a@example.fi", "192.0.2.1");
  ASSERT_EQ(counters.size(), 3u);
  // Only the pair counter is strict, and only it and the account's own clear on success.
  EXPECT_EQ(counters[0].rule, &kPerAccountFromAddress);
  EXPECT_NE(counters[0].key, throttle_counters("a@example.fi", "192.0.2.2")[0].key);
  EXPECT_EQ(counters[2].key, throttle_counters("a@example.fi", "192.0.2.2")[2].key);
  EXPECT_FALSE(counters[1].cleared_by_success);
}

}  // namespace
}  // namespace tarjotin::domain
