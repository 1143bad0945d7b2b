// Write transactions that arrive together are committed in groups (one fsync for many), and
// whatever one of them does must not leak into or spoil the others.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "domain/ports.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin::storage {
namespace {

using namespace std::chrono_literals;

domain::AuditEvent event(const std::string& object_id) {
  return domain::AuditEvent{domain::from_micros(1'800'000'000'000'000),
                            "user",
                            "org",
                            "thing.changed",
                            "thing",
                            object_id,
                            "a",
                            "b"};
}

bool has_event(SociDatabase& db, const std::string& object_id) {
  int count = 0;
  db.with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM audit_events WHERE object_id = :id", soci::use(object_id),
        soci::into(count);
  });
  return count == 1;
}

// Holds a write transaction open until `others` more writes are queued behind it,
// so that they are bound to be committed as one group next.
void write_until_queued(SociDatabase& db, std::size_t others) {
  db.run(domain::Access::write, [&](domain::Transaction& tx) {
    tx.audit().append(event("first"));
    const auto give_up = std::chrono::steady_clock::now() + 10s;
    while (db.waiting_writes() < others && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(1ms);
    return true;
  });
}

TEST(ConcurrentWrites, EveryWriteFromManyThreadsIsKeptAndTheChainHolds) {
  testing::TestDatabase t;
  constexpr int kThreads = 16, kEach = 20;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      for (int j = 0; j < kEach; ++j)
        t.db().run(domain::Access::write, [&](domain::Transaction& tx) {
          tx.audit().append(event(std::to_string(i) + "-" + std::to_string(j)));
          return true;
        });
    });
  for (auto& th : threads) th.join();
  const auto v = t.db().verify_audit_chain();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, kThreads * kEach);
}

TEST(ConcurrentWrites, WritesQueuedBehindACommitAreCommittedTogether) {
  testing::TestDatabase t;
  const long long writes_before = t.db().writes_committed();
  const long long commits_before = t.db().commits();
  constexpr int kQueued = 8;
  std::thread first([&] { write_until_queued(t.db(), kQueued); });
  while (t.db().connections_in_use() == 0) std::this_thread::sleep_for(1ms);
  std::vector<std::thread> queued;
  for (int i = 0; i < kQueued; ++i)
    queued.emplace_back([&, i] {
      t.db().run(domain::Access::write, [&](domain::Transaction& tx) {
        tx.audit().append(event("queued-" + std::to_string(i)));
        return true;
      });
    });
  first.join();
  for (auto& th : queued) th.join();
  EXPECT_EQ(t.db().writes_committed() - writes_before, kQueued + 1);
  EXPECT_EQ(t.db().commits() - commits_before, 2) << "the queued writes were not grouped";
  EXPECT_TRUE(t.db().verify_audit_chain().intact);
}

TEST(ConcurrentWrites, ADecliningOrFailingWriteIsUndoneAloneAndTheFailureReachesItsCaller) {
  testing::TestDatabase t;
  std::thread first([&] { write_until_queued(t.db(), 3); });
  while (t.db().connections_in_use() == 0) std::this_thread::sleep_for(1ms);
  std::atomic<bool> kept_returned{false}, declined_returned{false}, failure_seen{false};
  std::thread kept([&] {
    t.db().run(domain::Access::write, [&](domain::Transaction& tx) {
      tx.audit().append(event("kept"));
      return true;
    });
    kept_returned = true;
  });
  std::thread declined([&] {
    t.db().run(domain::Access::write, [&](domain::Transaction& tx) {
      tx.audit().append(event("declined"));
      return false;
    });
    declined_returned = true;
  });
  std::thread failing([&] {
    try {
      t.db().run(domain::Access::write, [&](domain::Transaction& tx) -> bool {
        tx.audit().append(event("failed"));
        throw std::runtime_error("the work broke");
      });
    } catch (const std::runtime_error& e) {
      failure_seen = std::string(e.what()) == "the work broke";
    }
  });
  first.join();
  kept.join();
  declined.join();
  failing.join();
  EXPECT_TRUE(kept_returned);
  EXPECT_TRUE(declined_returned);
  EXPECT_TRUE(failure_seen);
  EXPECT_TRUE(has_event(t.db(), "first"));
  EXPECT_TRUE(has_event(t.db(), "kept"));
  EXPECT_FALSE(has_event(t.db(), "declined"));
  EXPECT_FALSE(has_event(t.db(), "failed"));
  const auto v = t.db().verify_audit_chain();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events, 2);
}

}  // namespace
}  // namespace tarjotin::storage
