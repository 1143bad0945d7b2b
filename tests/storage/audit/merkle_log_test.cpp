// The Merkle tree over the audit trail as the database keeps it: built with the events, read
// back as roots and proofs that verify, built for events recorded before it existed, and found
// out by `tarjotin audit verify` when a row or a signed head no longer matches it.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "crypto/audit_leaf.hpp"
#include "crypto/merkle.hpp"
#include "domain/audit/entities.hpp"
#include "storage/audit/audit_trail.hpp"
#include "storage/audit/merkle_log.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin::storage {
namespace {

domain::AuditEvent event_number(int i) {
  domain::AuditEvent e;
  e.at = domain::from_micros(1'800'000'000'000'000 + i);
  e.actor_user_id = "user-" + std::to_string(i);
  e.actor_organisation_id = "org";
  e.action = "thing.changed";
  e.object_type = "thing";
  e.object_id = "t" + std::to_string(i);
  e.before = "a";
  e.after = "b";
  return e;
}

void append_events(domain::Database& db, int from, int to) {
  for (int i = from; i <= to; ++i)
    db.run(domain::Access::write, [&](domain::Transaction& tx) {
      tx.audit().append(event_number(i));
      return true;
    });
}

template <class T, class Read>
T read(domain::Database& db, Read&& reading) {
  T out{};
  db.run(domain::Access::read, [&](domain::Transaction& tx) {
    out = reading(tx.audit());
    return false;
  });
  return out;
}

crypto::Digest digest(const std::string& hex) { return *crypto::digest_from_hex(hex); }

std::vector<crypto::Digest> digests(const std::vector<std::string>& hexes) {
  std::vector<crypto::Digest> out;
  for (const auto& h : hexes) out.push_back(digest(h));
  return out;
}

// The leaves as a reader computes them from the sealed events the log gives out.
std::vector<crypto::Digest> leaves_of(domain::Database& db) {
  const auto sealed = read<std::vector<domain::SealedEvent>>(
      db, [](domain::AuditTrail& a) { return a.sealed_from(1, 1000); });
  std::vector<crypto::Digest> out;
  for (const auto& s : sealed) out.push_back(crypto::audit_leaf_hash(s));
  return out;
}

std::string root_of(const std::vector<crypto::Digest>& leaves, std::size_t size) {
  crypto::CompactRange range;
  for (std::size_t i = 0; i < size; ++i) range.append(leaves[i]);
  return crypto::to_hex(range.root());
}

void drop_append_only_guard(testing::TestDatabase& t) {
  t.db().with_session([&](soci::session& sql) {
    if (t.backend() == Backend::sqlite) {
      sql << "DROP TRIGGER audit_events_no_update";
      sql << "DROP TRIGGER audit_events_no_delete";
    } else {
      sql << "DROP TRIGGER audit_events_append_only ON audit_events";
    }
  });
}

TEST(AuditTree, RootsOfEverySizeAreThoseOfTheLeavesTheLogGivesOut) {
  testing::TestDatabase t;
  append_events(t.db(), 1, 13);
  const auto leaves = leaves_of(t.db());
  ASSERT_EQ(leaves.size(), 13u);
  EXPECT_EQ(read<long long>(t.db(), [](domain::AuditTrail& a) { return a.tree_size(); }), 13);
  for (std::size_t size = 1; size <= 13; ++size)
    EXPECT_EQ(read<std::string>(
                  t.db(),
                  [&](domain::AuditTrail& a) { return a.tree_root(static_cast<long long>(size)); }),
              root_of(leaves, size))
        << size;
}

TEST(AuditTree, EveryInclusionAndConsistencyProofVerifies) {
  testing::TestDatabase t;
  append_events(t.db(), 1, 11);
  const auto leaves = leaves_of(t.db());
  for (long long size = 1; size <= 11; ++size) {
    const auto root = digest(root_of(leaves, static_cast<std::size_t>(size)));
    for (long long seq = 1; seq <= size; ++seq) {
      const auto path = read<std::vector<std::string>>(
          t.db(), [&](domain::AuditTrail& a) { return a.inclusion_path(seq, size); });
      EXPECT_TRUE(crypto::verify_inclusion(leaves[static_cast<std::size_t>(seq - 1)], seq - 1, size,
                                           digests(path), root))
          << seq << " in " << size;
    }
    for (long long first = 1; first <= size; ++first) {
      const auto path = read<std::vector<std::string>>(
          t.db(), [&](domain::AuditTrail& a) { return a.consistency_path(first, size); });
      EXPECT_TRUE(crypto::verify_consistency(
          first, size, digest(root_of(leaves, static_cast<std::size_t>(first))), root,
          digests(path)))
          << first << " -> " << size;
    }
  }
}

TEST(AuditTree, EachLeafHasASaltOfItsOwn) {
  testing::TestDatabase t;
  append_events(t.db(), 1, 2);
  const auto sealed = read<std::vector<domain::SealedEvent>>(
      t.db(), [](domain::AuditTrail& a) { return a.sealed_from(1, 10); });
  ASSERT_EQ(sealed.size(), 2u);
  EXPECT_NE(sealed[0].fields[3].salt, sealed[1].fields[3].salt);
  EXPECT_EQ(sealed[1].recorded.event.object_id, "t2");
}

TEST(AuditTree, ARowChangedAfterItsLeafNoLongerProvesItsInclusion) {
  testing::TestDatabase t;
  append_events(t.db(), 1, 6);
  const auto root = digest(read<std::string>(t.db(), [](auto& a) { return a.tree_root(6); }));
  drop_append_only_guard(t);
  t.db().with_session(
      [](soci::session& sql) { sql << "UPDATE audit_events SET after_state = 'c' WHERE seq = 4"; });
  const auto leaves = leaves_of(t.db());
  for (long long seq = 1; seq <= 6; ++seq) {
    const auto path =
        read<std::vector<std::string>>(t.db(), [&](auto& a) { return a.inclusion_path(seq, 6); });
    EXPECT_EQ(crypto::verify_inclusion(leaves[static_cast<std::size_t>(seq - 1)], seq - 1, 6,
                                       digests(path), root),
              seq != 4)
        << seq;
  }
}

TEST(AuditTree, SignedTreeHeadsComeBackWholeAndTheLastOneFirst) {
  testing::TestDatabase t;
  EXPECT_FALSE(read<std::optional<domain::SignedTreeHead>>(
      t.db(), [](auto& a) { return a.latest_tree_head(); }));
  const domain::SignedTreeHead first{3, std::string(64, 'a'), domain::from_micros(1), "k1",
                                     std::string(128, '1')};
  const domain::SignedTreeHead second{2, std::string(64, 'b'), domain::from_micros(2), "k2",
                                      std::string(128, '2')};
  for (const auto& head : {first, second})
    t.db().run(domain::Access::write, [&](domain::Transaction& tx) {
      tx.audit().add_tree_head(head);
      return true;
    });
  const auto latest = read<std::optional<domain::SignedTreeHead>>(
      t.db(), [](auto& a) { return a.latest_tree_head(); });
  ASSERT_TRUE(latest);
  EXPECT_EQ(*latest, second);
}

// Rows of a version before the tree, written as it wrote them: the chain only.
void insert_untreed_events(testing::TestDatabase& t, int from, int to) {
  t.db().with_session([&](soci::session& sql) {
    std::string prev;
    long long seq = 0;
    sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(prev);
    for (int i = from; i <= to; ++i) {
      const auto e = event_number(i);
      const long long n = ++seq, at = domain::to_micros(e.at);
      const std::string hash = audit_hash(n, e, prev);
      sql << "INSERT INTO audit_events (seq, at, actor_user_id, actor_organisation_id, action, "
             "object_type, object_id, before_state, after_state, prev_hash, hash) VALUES (:s, "
             ":at, :u, :o, :a, :t, :i, :b, :f, :p, :h)",
          soci::use(n), soci::use(at), soci::use(e.actor_user_id),
          soci::use(e.actor_organisation_id), soci::use(e.action), soci::use(e.object_type),
          soci::use(e.object_id), soci::use(e.before), soci::use(e.after), soci::use(prev),
          soci::use(hash);
      prev = hash;
    }
    sql << "UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1", soci::use(seq),
        soci::use(prev);
  });
}

TEST(AuditTree, TheMigrationBuildsTheTreeOfTheEventsAlreadyRecorded) {
  testing::TestDatabase t(16);
  insert_untreed_events(t, 1, 9);
  t.db().migrate();
  EXPECT_EQ(read<long long>(t.db(), [](auto& a) { return a.tree_size(); }), 9);
  const auto v = t.db().verify_audit_chain();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, 9);
  append_events(t.db(), 10, 12);
  const auto leaves = leaves_of(t.db());
  ASSERT_EQ(leaves.size(), 12u);
  EXPECT_EQ(read<std::string>(t.db(), [](auto& a) { return a.tree_root(7); }), root_of(leaves, 7));
  EXPECT_TRUE(t.db().verify_audit_chain().intact);
}

// A replica still running a version without the tree appends to the chain only; the next
// writer that has the tree gives those events their leaves before its own.
TEST(AuditTree, EventsAppendedWithoutALeafGetOneBeforeTheNextEvent) {
  testing::TestDatabase t;
  append_events(t.db(), 1, 3);
  insert_untreed_events(t, 4, 5);
  append_events(t.db(), 6, 6);
  EXPECT_EQ(read<long long>(t.db(), [](auto& a) { return a.tree_size(); }), 6);
  const auto v = t.db().verify_audit_chain();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, 6);
}

TEST(AuditVerify, FindsARowChangedWithItsChainRecomputedByItsLeaf) {
  testing::TestDatabase t;
  append_events(t.db(), 1, 5);
  drop_append_only_guard(t);
  // A forger with write access rewrites event 3 and every chain hash after it; the tree, made
  // with salts the forger cannot reproduce for a field, still holds the old leaf.
  t.db().with_session([](soci::session& sql) {
    sql << "UPDATE audit_events SET after_state = 'forged' WHERE seq = 3";
    std::string prev;
    sql << "SELECT hash FROM audit_events WHERE seq = 2", soci::into(prev);
    for (long long seq = 3; seq <= 5; ++seq) {
      auto e = event_number(static_cast<int>(seq));
      if (seq == 3) e.after = "forged";
      const std::string hash = audit_hash(seq, e, prev);
      sql << "UPDATE audit_events SET prev_hash = :p, hash = :h WHERE seq = :s", soci::use(prev),
          soci::use(hash), soci::use(seq);
      prev = hash;
    }
    sql << "UPDATE audit_head SET hash = :h WHERE id = 1", soci::use(prev);
  });
  const auto v = t.db().verify_audit_chain();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 3);
  EXPECT_NE(v.problem.find("leaf"), std::string::npos) << v.problem;
}

TEST(AuditVerify, FindsASignedHeadWhoseRootIsNotTheTreesOfItsSize) {
  testing::TestDatabase t;
  append_events(t.db(), 1, 4);
  const auto root = read<std::string>(t.db(), [](auto& a) { return a.tree_root(3); });
  for (const auto& r : {root, std::string(64, 'f')})
    t.db().run(domain::Access::write, [&](domain::Transaction& tx) {
      tx.audit().add_tree_head({3, r, domain::from_micros(1), "k", "s"});
      return true;
    });
  const auto v = t.db().verify_audit_chain();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 3);
  EXPECT_NE(v.problem.find("signed tree head"), std::string::npos) << v.problem;
}

TEST(AuditVerify, FindsATreeHeadRowThatDoesNotMatchItsLeaves) {
  testing::TestDatabase t;
  append_events(t.db(), 1, 4);
  t.db().with_session([](soci::session& sql) {
    const std::string zeros(64, '0');
    sql << "UPDATE audit_tree SET hash = :h WHERE level = 0 AND position = 3", soci::use(zeros);
  });
  const auto v = t.db().verify_audit_chain();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 4);
}

}  // namespace
}  // namespace tarjotin::storage
