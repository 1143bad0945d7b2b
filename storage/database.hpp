#pragma once
// The SOCI implementation of the domain's Database port, on SQLite or PostgreSQL.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/ports.hpp"

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace tarjotin::storage {

enum class Backend { sqlite, postgresql };

struct DatabaseUrl {
  Backend backend{};
  std::string connect;  // what SOCI's backend is given
};

// "sqlite:///absolute/path.db", "sqlite:relative/path.db", "postgresql://user@host/db?...".
// Throws std::invalid_argument naming what is wrong.
DatabaseUrl parse_database_url(const std::string& url);

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

  void run(domain::Access access, const std::function<bool(domain::Transaction&)>& work) override;

  int migrate();  // applies what is pending; returns how many were applied
  MigrationStatus migration_status();
  bool ping();
  AuditVerification verify_audit_chain();

  Backend backend() const { return backend_; }
  std::size_t pool_size() const { return pool_size_; }
  std::size_t connections_in_use() const { return in_use_.load(); }

  // For tests and tools that must reach under the ports (tampering tests, the demo seeder).
  void with_session(const std::function<void(soci::session&)>& work);

  // SQLite write transactions committed so far, and in how many commits: their ratio is the
  // mean group size.
  long long sqlite_writes() const { return sqlite_writes_.load(); }
  long long sqlite_commits() const { return sqlite_commits_.load(); }
  // SQLite write transactions queued behind the commit in progress.
  std::size_t waiting_writes();

 private:
  struct PendingWrite {
    const std::function<bool(domain::Transaction&)>* work;
    std::exception_ptr error;
    bool done = false;
  };
  void run_postgresql(domain::Access access, const std::function<bool(domain::Transaction&)>& work);
  void run_sqlite_read(const std::function<bool(domain::Transaction&)>& work);
  void run_sqlite_write(const std::function<bool(domain::Transaction&)>& work);
  void commit_group(const std::vector<PendingWrite*>& group);
  void commit_alone(PendingWrite& write);

  Backend backend_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::atomic<std::size_t> in_use_{0};

  // SQLite has one writer at a time, and a durable commit costs one fsync however much it
  // carries. So write transactions queue here, and whoever finds no commit in progress takes
  // every queued one, runs each in a savepoint of one transaction and commits them together:
  // the more writers wait, the more each fsync carries. Each caller returns only after the
  // commit that holds its work is durable.
  std::unique_ptr<soci::session> sqlite_writer_;
  std::mutex queue_mutex_;
  std::condition_variable queue_changed_;
  std::deque<PendingWrite*> queue_;
  bool committing_ = false;
  std::atomic<long long> sqlite_writes_{0};
  std::atomic<long long> sqlite_commits_{0};
};

}  // namespace tarjotin::storage
