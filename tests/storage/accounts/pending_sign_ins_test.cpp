// Pending sign-ins stored whole, taken once, and cleared when expired, on the backend under test.
#include <gtest/gtest.h>

#include "domain/accounts/pending_sign_ins.hpp"
#include "tests/support/stored_world.hpp"

namespace tarjotin::testing {
namespace {

using domain::PendingSignIn;

class PendingSignIns : public StoredWorld {
 protected:
  static PendingSignIn pending(const std::string& state_hash, long long expires) {
    return {state_hash,
            "kuopio",
            "nonce-" + state_hash,
            "verifier-" + state_hash,
            "https://tarjotin.example/v1/identity-providers/callback",
            "sv",
            at(0),
            at(expires)};
  }
};

TEST_F(PendingSignIns, ATakenOneComesBackWholeAndOnlyOnce) {
  const auto original = pending("a1", 600);
  write([&](domain::Transaction& tx) { tx.pending_sign_ins().add(original); });
  write([&](domain::Transaction& tx) {
    const auto found = tx.pending_sign_ins().take("a1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, original);
    EXPECT_FALSE(tx.pending_sign_ins().take("a1"));
    EXPECT_FALSE(tx.pending_sign_ins().take("b2"));
  });
}

TEST_F(PendingSignIns, PurgingRemovesThoseExpiredByThen) {
  write([&](domain::Transaction& tx) {
    tx.pending_sign_ins().add(pending("a1", 100));
    tx.pending_sign_ins().add(pending("b2", 200));
    tx.pending_sign_ins().add(pending("c3", 300));
  });
  write([&](domain::Transaction& tx) {
    EXPECT_EQ(tx.pending_sign_ins().purge_expired(at(200)), 2);
    EXPECT_FALSE(tx.pending_sign_ins().take("b2"));
    EXPECT_TRUE(tx.pending_sign_ins().take("c3"));
  });
}

}  // namespace
}  // namespace tarjotin::testing
