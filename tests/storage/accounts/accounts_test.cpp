// The account use cases against real storage, on the backend under test.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>

#include "crypto/crypto.hpp"
#include "domain/accounts/sessions.hpp"
#include "domain/accounts/users.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin {
namespace {

using namespace domain;

class Accounts : public ::testing::Test {
 protected:
  testing::TestDatabase t;
  testing::TestClock clock;
  crypto::ScryptPasswordHasher hasher{crypto::ScryptCost{1024, 8, 1}};
  crypto::SystemSecrets secrets;
  AccountServices s{t.db(), clock, hasher, secrets, std::chrono::hours{1}};

  Registration provider(const std::string& bid, const std::string& email) {
    auto r = register_provider(s, {OrganisationKind::provider, "Valmennus Oy", "FI", bid},
                               {email, "Maija", Role::provider, "correct horse battery"});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().detail);
    return r.value();
  }
  long long audit_events() { return t.db().verify_audit_chain().events; }
};

TEST_F(Accounts, ProviderRegistrationCreatesCompanyUserAndTwoAuditEvents) {
  const auto reg = provider("0737546-2", "Maija@Example.fi");
  EXPECT_EQ(reg.organisation.kind, OrganisationKind::provider);
  EXPECT_EQ(reg.user.role, Role::provider);
  EXPECT_EQ(reg.user.email, "maija@example.fi");
  EXPECT_EQ(audit_events(), 2);
  EXPECT_TRUE(t.db().verify_audit_chain().intact);
}

TEST_F(Accounts, SecondRegistrationWithSameBusinessIdChangesNothing) {
  provider("0737546-2", "a@example.fi");
  auto again = register_provider(s, {OrganisationKind::provider, "Other", "FI", "0737546-2"},
                                 {"b@example.fi", "B", Role::provider, "correct horse battery"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "business-id-registered");
  EXPECT_EQ(audit_events(), 2);
  auto signin = sign_in(s, "b@example.fi", "correct horse battery", "192.0.2.1");
  EXPECT_FALSE(signin.ok());
}

TEST_F(Accounts, SameEmailCannotRegisterTwice) {
  provider("0737546-2", "a@example.fi");
  auto again = register_provider(s, {OrganisationKind::provider, "Other", "FI", "1572860-0"},
                                 {"A@example.fi", "B", Role::provider, "correct horse battery"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "email-taken");
}

// A list's names are read in one go: every id that exists is found, once, however many
// statements the ids take; ids that do not exist are simply not among them.
TEST_F(Accounts, OrganisationsAreFoundManyAtATime) {
  std::vector<std::string> ids, expected;
  for (int i = 0; i < 3; ++i) {
    const auto r = provider(i == 0   ? "1572860-0"
                            : i == 1 ? "0737546-2"
                                     : "2617416-4",
                            "p" + std::to_string(i) + "@example.fi");
    ids.push_back(r.organisation.id);
    expected.push_back(r.organisation.id);
  }
  for (int i = 0; i < 1'200; ++i) ids.push_back("missing-" + std::to_string(i));
  ids.push_back(expected[0]);  // asked twice, found once
  std::vector<std::string> found;
  t.db().run(Access::read, [&](Transaction& tx) {
    for (const auto& o : tx.organisations().find_many(ids)) found.push_back(o.id);
    EXPECT_TRUE(tx.organisations().find_many({}).empty());
    return true;
  });
  std::sort(found.begin(), found.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(found, expected);
}

TEST_F(Accounts, SignInIssuesATokenThatAuthenticatesUntilItExpires) {
  const auto reg = provider("0737546-2", "a@example.fi");
  auto signed_in = sign_in(s, "A@EXAMPLE.FI", "correct horse battery", "192.0.2.1");
  ASSERT_TRUE(signed_in.ok());
  auto actor = authenticate(s, signed_in->token);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->user_id, reg.user.id);
  EXPECT_EQ(actor->organisation_id, reg.organisation.id);
  clock.advance(std::chrono::minutes{59});
  EXPECT_TRUE(authenticate(s, signed_in->token).ok());
  clock.advance(std::chrono::minutes{1});
  EXPECT_FALSE(authenticate(s, signed_in->token).ok());
}

TEST_F(Accounts, TokenIsStoredOnlyAsItsHash) {
  provider("0737546-2", "a@example.fi");
  auto signed_in = sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1");
  ASSERT_TRUE(signed_in.ok());
  long long plain = -1, hashed = -1;
  const std::string hash = secrets.hash_token(signed_in->token);
  t.db().with_session([&](soci::session& sql) {
    sql << "SELECT CAST(COUNT(*) AS BIGINT) FROM sessions WHERE token_hash = :t",
        soci::use(signed_in->token), soci::into(plain);
    sql << "SELECT CAST(COUNT(*) AS BIGINT) FROM sessions WHERE token_hash = :t", soci::use(hash),
        soci::into(hashed);
  });
  EXPECT_EQ(plain, 0);
  EXPECT_EQ(hashed, 1);
}

TEST_F(Accounts, WrongPasswordAndUnknownEmailAreRefusedAlike) {
  provider("0737546-2", "a@example.fi");
  auto wrong = sign_in(s, "a@example.fi", "wrong horse battery", "192.0.2.1");
  auto unknown = sign_in(s, "nobody@example.fi", "correct horse battery", "192.0.2.1");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().kind, ErrorKind::unauthenticated);
  EXPECT_EQ(wrong.error().detail, unknown.error().detail);
}

TEST_F(Accounts, SignOutRevokesOnlyThatSession) {
  provider("0737546-2", "a@example.fi");
  auto first = sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1");
  auto second = sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1");
  ASSERT_TRUE(first.ok() && second.ok());
  auto actor = authenticate(s, first->token);
  ASSERT_TRUE(actor.ok());
  ASSERT_TRUE(sign_out(s, actor.value()).ok());
  EXPECT_FALSE(authenticate(s, first->token).ok());
  EXPECT_TRUE(authenticate(s, second->token).ok());
}

TEST_F(Accounts, DeactivatingAUserRevokesItsSessionsAndBlocksSignIn) {
  const auto admin_reg =
      bootstrap_organisation(s, {OrganisationKind::contracting_authority, "Kuopio", "FI", ""},
                             {"admin@example.fi", "Admin", Role::admin, "correct horse battery"});
  ASSERT_TRUE(admin_reg.ok());
  const auto reg = provider("0737546-2", "a@example.fi");
  auto session = sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1");
  ASSERT_TRUE(session.ok());
  const Actor admin{admin_reg->user.id, admin_reg->organisation.id, Role::admin, ""};
  auto deactivated = set_user_active(s, admin, reg.user.id, false);
  ASSERT_TRUE(deactivated.ok());
  EXPECT_FALSE(deactivated->active);
  EXPECT_FALSE(authenticate(s, session->token).ok());
  EXPECT_FALSE(sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1").ok());
}

TEST_F(Accounts, ProviderCannotSeeOrDeactivateAnotherCompanysUsers) {
  const auto mine = provider("0737546-2", "a@example.fi");
  const auto theirs = provider("1572860-0", "b@example.fi");
  const Actor me{mine.user.id, mine.organisation.id, Role::provider, ""};
  auto listed = list_users(s, me, theirs.organisation.id);
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.error().kind, ErrorKind::not_found);
  auto changed = set_user_active(s, me, theirs.user.id, false);
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().kind, ErrorKind::not_found);
  EXPECT_TRUE(sign_in(s, "b@example.fi", "correct horse battery", "192.0.2.1").ok());
}

TEST_F(Accounts, OfficerSwitchesOfficersButNotTheAdminsOrAuditorsOverseeingThem) {
  const auto authority =
      bootstrap_organisation(s, {OrganisationKind::contracting_authority, "Kuopio", "FI", ""},
                             {"admin@example.fi", "Admin", Role::admin, "correct horse battery"});
  ASSERT_TRUE(authority.ok());
  const Actor admin{authority->user.id, authority->organisation.id, Role::admin, ""};
  auto add = [&](const std::string& email, Role role) {
    auto u = create_user(s, admin, authority->organisation.id,
                         {email, "U", role, "correct horse battery"});
    EXPECT_TRUE(u.ok());
    return u.value();
  };
  const auto officer = add("officer@example.fi", Role::officer);
  const auto colleague = add("colleague@example.fi", Role::officer);
  const auto auditor = add("auditor@example.fi", Role::auditor);
  const Actor me{officer.id, officer.organisation_id, Role::officer, ""};

  EXPECT_TRUE(set_user_active(s, me, colleague.id, false).ok());
  for (const auto& overseer : {authority->user.id, auditor.id}) {
    auto refused = set_user_active(s, me, overseer, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  }
  EXPECT_TRUE(sign_in(s, "auditor@example.fi", "correct horse battery", "192.0.2.1").ok());
  EXPECT_TRUE(set_user_active(s, admin, auditor.id, false).ok());
}

TEST_F(Accounts, ProviderAddsAColleagueButNotAnOfficer) {
  const auto mine = provider("0737546-2", "a@example.fi");
  const Actor me{mine.user.id, mine.organisation.id, Role::provider, ""};
  auto colleague = create_user(s, me, mine.organisation.id,
                               {"c@example.fi", "C", Role::provider, "correct horse battery"});
  ASSERT_TRUE(colleague.ok());
  auto officer = create_user(s, me, mine.organisation.id,
                             {"d@example.fi", "D", Role::officer, "correct horse battery"});
  ASSERT_FALSE(officer.ok());
  EXPECT_EQ(officer.error().fields.at(0).rule, "role-fits-organisation");
  auto users = list_users(s, me, mine.organisation.id);
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(users->size(), 2u);
}

// Fails `n` sign-ins of `email` from `address`, each refused as a wrong password.
void fail(AccountServices& s, const std::string& email, const std::string& address, int n) {
  for (int i = 0; i < n; ++i) {
    auto r = sign_in(s, email, "not the password", address);
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.error().kind, ErrorKind::unauthenticated) << "attempt " << i + 1;
  }
}

TEST_F(Accounts, AGuesserIsMadeToWaitLongerAfterEachFailureAndARealUserElsewhereIsNot) {
  provider("0737546-2", "a@example.fi");
  // Five failures cost nothing; the sixth makes the next attempt wait a second, and then two.
  fail(s, "a@example.fi", "192.0.2.1", 6);
  auto held = sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1");
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().kind, ErrorKind::throttled);
  EXPECT_EQ(held.error().code, "sign-in-throttled");
  EXPECT_EQ(held.error().retry_after, std::chrono::seconds(1));
  // The account's owner at another address is not held back by the guesser's counter.
  EXPECT_TRUE(sign_in(s, "a@example.fi", "correct horse battery", "198.51.100.7").ok());
  clock.advance(std::chrono::seconds(1));
  fail(s, "a@example.fi", "192.0.2.1", 1);
  EXPECT_EQ(sign_in(s, "a@example.fi", "x", "192.0.2.1").error().retry_after,
            std::chrono::seconds(2));
  // Waiting is enough; the right password then clears the account's counters.
  clock.advance(std::chrono::seconds(2));
  EXPECT_TRUE(sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1").ok());
  fail(s, "a@example.fi", "192.0.2.1", 5);
}

TEST_F(Accounts, AnUnknownEmailIsCountedExactlyLikeAKnownOne) {
  provider("0737546-2", "a@example.fi");
  fail(s, "a@example.fi", "192.0.2.1", 6);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(sign_in(s, "nobody@example.fi", "x", "192.0.2.1").error().kind,
              ErrorKind::unauthenticated);
  EXPECT_EQ(sign_in(s, "a@example.fi", "x", "192.0.2.1").error().retry_after,
            sign_in(s, "nobody@example.fi", "x", "192.0.2.1").error().retry_after);
}

TEST_F(Accounts, OneAddressTryingManyAccountsIsHeldBackAndOthersAreNot) {
  provider("0737546-2", "a@example.fi");
  for (int i = 0; i < kPerAddress.free_failures + 1; ++i)
    fail(s, "guess" + std::to_string(i) + "@example.fi", "192.0.2.9", 1);
  EXPECT_EQ(sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.9").error().kind,
            ErrorKind::throttled);
  EXPECT_TRUE(sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1").ok());
}

TEST_F(Accounts, GuessingFromManyAddressesHoldsTheAccountBackForAMinuteAtMost) {
  provider("0737546-2", "a@example.fi");
  // Each guess from a new address; a guess held back waits as long as it is told.
  for (int failures = 0, i = 0; failures < kPerAccount.free_failures + 12; ++i) {
    const auto r = sign_in(s, "a@example.fi", "x", "203.0.113." + std::to_string(i % 200));
    ASSERT_FALSE(r.ok());
    if (r.error().kind == ErrorKind::throttled) {
      EXPECT_LE(r.error().retry_after, std::chrono::seconds(60));
      clock.advance(r.error().retry_after);
    } else {
      ++failures;
    }
  }
  const auto held = sign_in(s, "a@example.fi", "correct horse battery", "198.51.100.7");
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().kind, ErrorKind::throttled);
  EXPECT_LE(held.error().retry_after, std::chrono::seconds(60));
  clock.advance(held.error().retry_after);
  EXPECT_TRUE(sign_in(s, "a@example.fi", "correct horse battery", "198.51.100.7").ok());
}

TEST_F(Accounts, FailuresAreForgottenADayAfterTheLast) {
  provider("0737546-2", "a@example.fi");
  fail(s, "a@example.fi", "192.0.2.1", 6);
  EXPECT_EQ(sign_in(s, "a@example.fi", "x", "192.0.2.1").error().kind, ErrorKind::throttled);
  clock.advance(kFailuresForgottenAfter);
  fail(s, "a@example.fi", "192.0.2.1", 5);  // a fresh allowance
  long long left = -1;
  t.db().with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM sign_in_failures", soci::into(left);
  });
  EXPECT_EQ(left, 3);  // the new counters; the day-old ones were started again
}

TEST_F(Accounts, HousekeepingRemovesEndedSessionsAndForgottenCountersOnlyAndSaysSo) {
  provider("0737546-2", "a@example.fi");
  const auto kept = sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1");
  const auto signed_out = sign_in(s, "a@example.fi", "correct horse battery", "192.0.2.1");
  ASSERT_TRUE(kept.ok() && signed_out.ok());
  const auto who = authenticate(s, signed_out->token);
  ASSERT_TRUE(who.ok());
  ASSERT_TRUE(sign_out(s, *who).ok());
  fail(s, "b@example.fi", "192.0.2.1", 1);
  const auto count = [&](const char* table) {
    long long n = -1;
    t.db().with_session([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM " + std::string(table), soci::into(n);
    });
    return n;
  };
  const auto events = audit_events();

  EXPECT_EQ(purge_ended_sessions(s), 1);  // the signed-out session, nothing else yet
  EXPECT_EQ(audit_events(), events + 1);
  EXPECT_EQ(count("sessions"), 1);
  EXPECT_TRUE(authenticate(s, kept->token).ok());
  EXPECT_EQ(purge_ended_sessions(s), 0);
  EXPECT_EQ(audit_events(), events + 1);  // nothing went, nothing said

  clock.advance(kFailuresForgottenAfter);
  EXPECT_EQ(purge_ended_sessions(s), 4);  // the expired session and the three counters
  EXPECT_EQ(count("sessions"), 0);
  EXPECT_EQ(count("sign_in_failures"), 0);
  EXPECT_FALSE(authenticate(s, kept->token).ok());
  EXPECT_TRUE(t.db().verify_audit_chain().intact);
}

}  // namespace
}  // namespace tarjotin
