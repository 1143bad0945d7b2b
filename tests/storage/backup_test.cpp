// Backing up an SQLite installation while it is written to, and restoring into an empty one.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "storage/backup.hpp"
#include "storage/qualification/document_store.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin {
namespace {

void append_event(domain::Database& db, long long n) {
  db.run(domain::Access::write, [&](domain::Transaction& tx) {
    domain::AuditEvent e;
    e.at = domain::from_micros(1'800'000'000'000'000 + n);
    e.actor_user_id = "writer";
    e.actor_organisation_id = "org";
    e.action = "thing.changed";
    e.object_type = "thing";
    e.object_id = "t" + std::to_string(n);
    e.after = "b";
    tx.audit().append(e);
    tx.documents().put("document " + std::to_string(n));
    return true;
  });
}

std::string scratch(const std::string& name) {
  static std::atomic<int> n{0};
  return (std::filesystem::temp_directory_path() /
          ("tarjotin-backup-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + "-" +
           name))
      .string();
}

TEST(Backup, ACopyTakenUnderWritesHoldsEveryCommitBeforeItAndRestoresWhole) {
  testing::TestDatabase t;
  if (t.backend() != storage::Backend::sqlite) GTEST_SKIP() << "PostgreSQL has pg_dump";
  for (int i = 0; i < 50; ++i) append_event(t.db(), i);

  // Writers keep committing while the copy is taken.
  std::atomic<bool> stop{false};
  std::atomic<long long> committed{50};
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w)
    writers.emplace_back([&] {
      while (!stop) append_event(t.db(), committed++);
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const long long acknowledged_before = committed.load() - 2;  // each writer may be mid-commit
  const std::string backup = scratch("copy.db");
  const auto report = storage::backup_database(t.url(), backup);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  stop = true;
  for (auto& w : writers) w.join();
  EXPECT_GT(report.pages, 0);
  EXPECT_GT(committed.load(), acknowledged_before + 2) << "no write ran beside the copy";

  const std::string restored_path = scratch("restored.db");
  const std::string restored_url = "sqlite://" + restored_path;
  storage::restore_database(backup, restored_url);
  storage::SociDatabase restored(restored_url, 1);
  EXPECT_EQ(restored.migration_status().current, restored.migration_status().latest);
  const auto audit = restored.verify_audit_chain();
  EXPECT_TRUE(audit.intact) << audit.problem;
  EXPECT_GE(audit.events, acknowledged_before);
  EXPECT_LE(audit.events, committed.load());
  // Every event in the copy came with its document: one transaction, one moment.
  long long documents = 0;
  restored.with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM document_contents", soci::into(documents);
  });
  EXPECT_EQ(documents, audit.events);
  for (const auto& file : {backup, restored_path, restored_path + "-wal", restored_path + "-shm"})
    std::filesystem::remove(file);
}

TEST(Backup, RestoringOverADatabaseOrBackingUpOverAFileIsRefused) {
  testing::TestDatabase t;
  if (t.backend() != storage::Backend::sqlite) GTEST_SKIP() << "PostgreSQL has pg_dump";
  append_event(t.db(), 1);
  const std::string backup = scratch("copy.db");
  storage::backup_database(t.url(), backup);
  EXPECT_THROW(storage::backup_database(t.url(), backup), std::invalid_argument);
  EXPECT_THROW(storage::restore_database(backup, t.url()), std::invalid_argument);
  EXPECT_EQ(t.db().verify_audit_chain().events, 1);  // untouched
  EXPECT_THROW(storage::backup_database("postgresql://x@localhost/y", scratch("pg.db")),
               std::invalid_argument);
  std::filesystem::remove(backup);
}

}  // namespace
}  // namespace tarjotin
