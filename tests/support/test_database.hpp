#pragma once
// A fresh, migrated database for one test, on the backend that TARJOTIN_TEST_DATABASE names:
// a temporary SQLite file, or a schema of its own on the PostgreSQL server that
// TARJOTIN_TEST_POSTGRES_URL points at (so tests can run in parallel on one server).

#include <atomic>
#include <limits>
#include <memory>
#include <string>

#include "domain/time.hpp"
#include "storage/database.hpp"

namespace tarjotin::testing {

class TestDatabase {
 public:
  // Migrated to the latest version, or only up to `up_to_version`.
  explicit TestDatabase(int up_to_version = std::numeric_limits<int>::max());
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  // On PostgreSQL, the application_name of this database's connections (its schema name).
  const std::string& postgres_application_name() const { return cleanup_; }
  storage::SociDatabase& db() { return *db_; }
  storage::Backend backend() const { return db_->backend(); }
  // Opens a second handle on the same data (another "replica" or a restarted process).
  std::unique_ptr<storage::SociDatabase> open_again(std::size_t pool_size = 4) const;

 private:
  std::string url_;
  std::string cleanup_;  // SQLite directory or PostgreSQL schema to remove
  std::unique_ptr<storage::SociDatabase> db_;
};

// The backend under test, from TARJOTIN_TEST_DATABASE ("sqlite" when unset).
storage::Backend backend_under_test();

class TestClock final : public domain::Clock {
 public:
  explicit TestClock(domain::Timestamp start = domain::from_micros(1'790'000'000'000'000))
      : now_(domain::to_micros(start)) {}
  domain::Timestamp now() const override { return domain::from_micros(now_.load()); }
  void advance(std::chrono::microseconds by) { now_ += by.count(); }
  void set(domain::Timestamp t) { now_ = domain::to_micros(t); }

 private:
  std::atomic<long long> now_;
};

}  // namespace tarjotin::testing
