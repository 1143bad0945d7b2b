#pragma once
// The SOCI implementation of the domain's Database port, on SQLite or PostgreSQL.

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

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

 private:
  Backend backend_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::atomic<std::size_t> in_use_{0};
  // SQLite has one writer at a time; queueing writers here is cheaper and fairer than letting
  // them spin on SQLITE_BUSY.
  std::mutex sqlite_writer_;
};

}  // namespace tarjotin::storage
