#pragma once
// The SOCI implementation of the domain's Database port, on SQLite or PostgreSQL.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/ports.hpp"
#include "storage/database_url.hpp"

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace tarjotin::storage {

struct MigrationStatus {
  int current = 0;
  int latest = 0;
};

struct AuditVerification {
  bool intact = true;
  long long events = 0;
  long long first_broken_seq = 0;  // 0 when intact
  std::string problem;
};

class SociDatabase final : public domain::Database {
 public:
  SociDatabase(const std::string& url, std::size_t pool_size);
  ~SociDatabase() override;

  // Failures the database is expected to recover from (disk full, I/O error, connection lost,
  // statement timeout) come out as domain::StorageUnavailable; others as they are.
  void run(domain::Access access, const std::function<bool(domain::Transaction&)>& work) override;
  // Why the latest write failed as unavailable, until a write commits again; empty otherwise.
  std::string write_trouble() const;

  // Applies what is pending (up to a version, for tests of a migration's data step); returns
  // how many were applied.
  int migrate(int up_to_version = std::numeric_limits<int>::max());
  MigrationStatus migration_status();
  bool ping();
  AuditVerification verify_audit_chain();

  Backend backend() const { return backend_; }
  std::size_t pool_size() const { return pool_size_; }
  std::size_t connections_in_use() const { return in_use_.load(); }

  // For tests and tools that must reach under the ports (tampering tests, the demo seeder).
  void with_session(const std::function<void(soci::session&)>& work);

  // Write transactions committed so far, and in how many commits: their ratio is the mean
  // group size.
  long long writes_committed() const { return writes_.load(); }
  long long commits() const { return commits_.load(); }
  // Write transactions queued behind the commit in progress.
  std::size_t waiting_writes();

 private:
  struct PendingWrite {
    const std::function<bool(domain::Transaction&)>* work;
    std::exception_ptr error;
    bool done = false;
  };
  void run_classified(domain::Access access, const std::function<bool(domain::Transaction&)>& work);
  void run_postgresql_read(const std::function<bool(domain::Transaction&)>& work);
  void run_write(const std::function<bool(domain::Transaction&)>& work);
  void begin_write(soci::session& sql);
  void commit_group(const std::vector<PendingWrite*>& group);
  void commit_alone(PendingWrite& write);

  Backend backend_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::atomic<std::size_t> in_use_{0};

  // Writes are serial in both databases: SQLite has one writer, and on PostgreSQL every write
  // takes the audit head's lock first. A durable commit costs one fsync however much it
  // carries. So write transactions queue here, and whoever finds no commit in progress takes
  // every queued one, runs each in a savepoint of one transaction on the one writing
  // connection, and commits them together: the more writers wait, the more each fsync carries.
  // Each caller returns only after the commit that holds its work is durable.
  std::unique_ptr<soci::session> writer_;
  std::mutex queue_mutex_;
  std::condition_variable queue_changed_;
  std::deque<PendingWrite*> queue_;
  bool committing_ = false;
  mutable std::mutex trouble_mutex_;
  std::string write_trouble_;
  std::atomic<bool> write_troubled_{false};  // write_trouble_ is not empty
  std::atomic<long long> writes_{0};
  std::atomic<long long> commits_{0};
};

}  // namespace tarjotin::storage
