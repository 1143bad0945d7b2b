#include <gtest/gtest.h>
#include <soci/soci.h>

#include "domain/ports.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin::storage {
namespace {

void append_events(domain::Database& db, int count) {
  for (int i = 0; i < count; ++i) {
    db.run(domain::Access::write, [&](domain::Transaction& tx) {
      domain::AuditEvent e;
      e.at = domain::from_micros(1'800'000'000'000'000 + i);
      e.actor_user_id = "user-" + std::to_string(i);
      e.actor_organisation_id = "org";
      e.action = "thing.changed";
      e.object_type = "thing";
      e.object_id = "t" + std::to_string(i);
      e.before = "a";
      e.after = "b";
      tx.audit().append(e);
      return true;
    });
  }
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

TEST(AuditChain, UntouchedChainVerifies) {
  testing::TestDatabase t;
  append_events(t.db(), 5);
  const auto v = t.db().verify_audit_chain();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, 5);
}

TEST(AuditChain, RolledBackTransactionLeavesNoEvent) {
  testing::TestDatabase t;
  append_events(t.db(), 2);
  t.db().run(domain::Access::write, [](domain::Transaction& tx) {
    tx.audit().append(domain::AuditEvent{
        {},
        "u",
        "o",
        "x.y",
        "x",
        "1",
        "",
        "",
    });
    return false;
  });
  const auto v = t.db().verify_audit_chain();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, 2);
}

TEST(AuditChain, DatabaseRefusesToUpdateOrDeleteEvents) {
  testing::TestDatabase t;
  append_events(t.db(), 2);
  t.db().with_session([](soci::session& sql) {
    EXPECT_THROW(sql << "UPDATE audit_events SET after_state = 'z' WHERE seq = 1",
                 soci::soci_error);
    EXPECT_THROW(sql << "DELETE FROM audit_events WHERE seq = 2", soci::soci_error);
  });
}

TEST(AuditChain, ChangedFieldIsFoundAtItsSequenceNumber) {
  testing::TestDatabase t;
  append_events(t.db(), 5);
  drop_append_only_guard(t);
  t.db().with_session([](soci::session& sql) {
    sql << "UPDATE audit_events SET after_state = 'forged' WHERE seq = 3";
  });
  const auto v = t.db().verify_audit_chain();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 3);
}

TEST(AuditChain, RecomputedHashStillBreaksTheLinkOfTheNextEvent) {
  testing::TestDatabase t;
  append_events(t.db(), 4);
  drop_append_only_guard(t);
  // A forger who also rewrites the row's own hash is caught by the next row's prev_hash.
  t.db().with_session(
      [](soci::session& sql) { sql << "UPDATE audit_events SET hash = 'ff' WHERE seq = 2"; });
  const auto v = t.db().verify_audit_chain();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 2);
}

TEST(AuditChain, RemovedMiddleEventIsFound) {
  testing::TestDatabase t;
  append_events(t.db(), 4);
  drop_append_only_guard(t);
  t.db().with_session([](soci::session& sql) { sql << "DELETE FROM audit_events WHERE seq = 2"; });
  const auto v = t.db().verify_audit_chain();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 2);
}

TEST(AuditChain, RemovedLastEventIsFoundThroughTheHead) {
  testing::TestDatabase t;
  append_events(t.db(), 4);
  drop_append_only_guard(t);
  t.db().with_session([](soci::session& sql) { sql << "DELETE FROM audit_events WHERE seq = 4"; });
  const auto v = t.db().verify_audit_chain();
  EXPECT_FALSE(v.intact);
}

TEST(AuditChain, ConcurrentWritersFromTwoHandlesKeepOneUnbrokenChain) {
  testing::TestDatabase t;
  auto replica = t.open_again(2);
  std::thread a([&] { append_events(t.db(), 25); });
  std::thread b([&] { append_events(*replica, 25); });
  a.join();
  b.join();
  const auto v = t.db().verify_audit_chain();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, 50);
}

}  // namespace
}  // namespace tarjotin::storage
