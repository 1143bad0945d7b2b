// `tarjotin audit verify-remote` against a real server over TLS, and an attacker with write
// access to its database (but not its signing key): each rewrite of history is found on the
// verifier's next check, and an untouched log passes every time.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/crypto.hpp"
#include "crypto/tree_head_signing.hpp"
#include "server/audit_verifier/verify_remote.hpp"
#include "storage/audit/audit_trail.hpp"
#include "storage/audit/merkle_log.hpp"
#include "storage/audit/tables.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

using namespace std::chrono_literals;
using storage::audit_tables::kEvents;

struct Outcome {
  int exit = -1;
  std::string lines;
};

class VerifyRemote : public ::testing::Test {
 protected:
  TestServer server;
  std::string state = server.certificate_file() + ".verifier-state";

  ~VerifyRemote() override { std::filesystem::remove(state); }

  Outcome verify(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"https://localhost:" + std::to_string(server.port()), "--state",
                                  state, "--ca-file", server.certificate_file()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::ostringstream out;
    const int exit = server::audit_verify_remote(args, out);
    return {exit, out.str()};
  }

  // Events as any use case writes them; then time passes, so the next checkpoint covers them.
  void grow(int events) {
    for (int i = 0; i < events; ++i) {
      const std::string n = std::to_string(++made_);
      server.runtime().db().run(domain::Access::write, [&](domain::Transaction& tx) {
        tx.audit().append(domain::audit_event(server.clock().now(), nullptr, "thing.changed",
                                              "thing", "t" + n, "before", "after " + n));
        return true;
      });
    }
    server.clock().advance(11s);
  }

  long long size() {
    long long n = 0;
    server.runtime().db().run(domain::Access::read, [&](domain::Transaction& tx) {
      n = tx.audit().tree_size();
      return false;
    });
    return n;
  }

  // What someone with write access to the database can do; the triggers that keep the trail
  // append-only do not stop them.
  void as_attacker(const std::function<void(soci::session&)>& work) {
    server.database().db().with_session([&](soci::session& sql) {
      if (server.database().backend() == storage::Backend::sqlite) {
        sql << "DROP TRIGGER IF EXISTS audit_events_no_update";
        sql << "DROP TRIGGER IF EXISTS audit_events_no_delete";
      } else {
        sql << "DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events";
      }
      work(sql);
    });
  }

  // Every chain hash from `seq` on recomputed, and the whole tree rebuilt from the rows: the
  // database then holds a consistent history of its own.
  static void recompute_everything(soci::session& sql) {
    std::string prev;
    for (auto e : kEvents.find_all(sql, "ORDER BY seq")) {
      e.prev_hash = prev;
      e.hash = storage::audit_hash(e.recorded.seq, e.recorded.event, prev);
      kEvents.update(sql, e);
      prev = e.hash;
    }
    long long last = 0;
    sql << "SELECT CAST(COALESCE(MAX(seq), 0) AS BIGINT) FROM audit_events", soci::into(last);
    sql << "UPDATE audit_head SET seq = :s, hash = :h, tree_size = 0, tree_roots = '' WHERE id = 1",
        soci::use(last), soci::use(prev);
    sql << "DELETE FROM audit_tree";
    storage::extend_audit_tree(sql);
  }

  int made_ = 0;
};

bool says(const Outcome& o, const std::string& words) {
  return o.lines.find(words) != std::string::npos;
}

TEST_F(VerifyRemote, AnUntouchedLogPassesEveryCheck) {
  grow(3);
  const auto first = verify();
  EXPECT_EQ(first.exit, 0) << first.lines;
  EXPECT_TRUE(says(first, "pinned the log's public key")) << first.lines;
  grow(6);
  const auto second = verify();
  EXPECT_EQ(second.exit, 0) << second.lines;
  EXPECT_TRUE(says(second, "consistent with the checkpoint of")) << second.lines;
  EXPECT_TRUE(says(second, "6 events rebuilt")) << second.lines;
  EXPECT_TRUE(says(second, "earlier events re-checked by inclusion proof")) << second.lines;
  const auto unchanged = verify();
  EXPECT_EQ(unchanged.exit, 0) << unchanged.lines;
  const auto full = verify({"--full"});
  EXPECT_EQ(full.exit, 0) << full.lines;
  EXPECT_TRUE(says(full, std::to_string(size()) + " events rebuilt from 1")) << full.lines;
}

TEST_F(VerifyRemote, ARowChangedAfterItWasLoggedIsFoundOnTheNextCheck) {
  grow(2);
  ASSERT_EQ(verify().exit, 0);
  const long long seen = size();
  grow(5);
  const long long changed = seen + 3;
  as_attacker([&](soci::session& sql) {
    sql << "UPDATE audit_events SET after_state = 'forged' WHERE seq = :s", soci::use(changed);
  });
  const auto found = verify();
  EXPECT_EQ(found.exit, 1) << found.lines;
  EXPECT_TRUE(
      says(found, "PROBLEM: event " + std::to_string(changed) + " does not match the signed tree"))
      << found.lines;
  // The state is kept: the next check finds it again.
  EXPECT_EQ(verify().exit, 1);
}

TEST_F(VerifyRemote, ARowChangedBeforeTheLastCheckIsFoundByInclusionProofsAndByAFullCheck) {
  grow(4);
  ASSERT_EQ(verify().exit, 0);
  as_attacker([&](soci::session& sql) {
    sql << "UPDATE audit_events SET object_id = 'elsewhere' WHERE seq = 2";
  });
  grow(1);
  const auto rechecked = verify({"--recheck", "1000"});
  EXPECT_EQ(rechecked.exit, 1) << rechecked.lines;
  EXPECT_TRUE(says(rechecked, "PROBLEM: event 2 does not match the signed tree"))
      << rechecked.lines;
  const auto full = verify({"--full"});
  EXPECT_EQ(full.exit, 1) << full.lines;
  EXPECT_TRUE(says(full, "PROBLEM: event 2 does not match the signed tree")) << full.lines;
}

TEST_F(VerifyRemote, ALogCutShortIsFoundAndStillFoundOnceItHasGrownAgain) {
  grow(6);
  ASSERT_EQ(verify().exit, 0);
  const long long seen = size();
  // Cut back to three events before the last check, with every trace of the rest removed.
  as_attacker([&](soci::session& sql) {
    const long long keep = seen - 3;
    sql << "DELETE FROM audit_events WHERE seq > :k", soci::use(keep);
    sql << "DELETE FROM audit_tree_heads";
    recompute_everything(sql);
  });
  server.clock().advance(11s);
  const auto shrunk = verify();
  EXPECT_EQ(shrunk.exit, 1) << shrunk.lines;
  EXPECT_TRUE(says(shrunk, "PROBLEM: the log shrank from " + std::to_string(seen) + " to " +
                               std::to_string(seen - 3)))
      << shrunk.lines;
  grow(5);
  ASSERT_GT(size(), seen);
  const auto regrown = verify();
  EXPECT_EQ(regrown.exit, 1) << regrown.lines;
  EXPECT_TRUE(says(regrown, "does not extend the one of " + std::to_string(seen) + " events"))
      << regrown.lines;
}

TEST_F(VerifyRemote, AHistoryRewrittenWithEveryHashRecomputedIsAFork) {
  grow(5);
  ASSERT_EQ(verify().exit, 0);
  // The checkpoints stored so far go too, so that the server signs the rewritten history.
  as_attacker([&](soci::session& sql) {
    sql << "UPDATE audit_events SET before_state = 'rewritten' WHERE seq = 3";
    sql << "DELETE FROM audit_tree_heads";
    recompute_everything(sql);
  });
  EXPECT_TRUE(server.database().db().verify_audit_chain().intact)
      << "the rewrite leaves the database consistent with itself";
  server.clock().advance(11s);
  const auto forked = verify();
  EXPECT_EQ(forked.exit, 1) << forked.lines;
  EXPECT_TRUE(says(forked, "PROBLEM: fork: two signed checkpoints of " + std::to_string(size())))
      << forked.lines;
  grow(2);
  const auto later = verify();
  EXPECT_EQ(later.exit, 1) << later.lines;
  EXPECT_TRUE(says(later, "its history was rewritten")) << later.lines;
}

TEST_F(VerifyRemote, ACheckpointNotSignedByThePinnedKeyIsRefused) {
  grow(2);
  ASSERT_EQ(verify().exit, 0);
  // A head the attacker stored, signed with a key of its own.
  const auto other = server.certificate_file() + ".other.key";
  std::ofstream(other) << crypto::new_ed25519_private_key_pem();
  const crypto::Ed25519TreeHeadSigner forger(other);
  server.clock().advance(1s);
  server.runtime().db().run(domain::Access::write, [&](domain::Transaction& tx) {
    tx.audit().add_tree_head(
        forger.sign(size(), tx.audit().tree_root(size()), server.clock().now()));
    return true;
  });
  const auto refused = verify();
  EXPECT_EQ(refused.exit, 1) << refused.lines;
  EXPECT_TRUE(says(refused, "PROBLEM: the checkpoint's signature does not verify"))
      << refused.lines;
  // A verifier given the log's key up front holds the log to it from its first check.
  std::filesystem::remove(state);
  const auto pem = server.certificate_file() + ".log.pub";
  std::ofstream(pem) << server.runtime().audit().signer->public_key().pem;
  const auto pinned = verify({"--public-key", pem});
  EXPECT_EQ(pinned.exit, 1) << pinned.lines;
  EXPECT_FALSE(says(pinned, "pinned the log's public key")) << pinned.lines;
  std::filesystem::remove(other);
  std::filesystem::remove(pem);
}

TEST_F(VerifyRemote, WhatCannotBeCheckedIsSaidSoAndIsNoVerdict) {
  const auto wrong_ca = verify({"--ca-file", "/nonexistent/ca.pem"});
  EXPECT_EQ(wrong_ca.exit, 2) << wrong_ca.lines;
  std::ostringstream out;
  EXPECT_EQ(server::audit_verify_remote({"https://localhost:1", "--state", state}, out), 2);
  EXPECT_NE(out.str().find("CANNOT CHECK"), std::string::npos) << out.str();
  std::ostringstream usage;
  EXPECT_EQ(server::audit_verify_remote({"https://localhost:1"}, usage), 2);
  EXPECT_NE(usage.str().find("usage"), std::string::npos) << usage.str();
  EXPECT_FALSE(std::filesystem::exists(state));
}

}  // namespace
}  // namespace tarjotin::testing
