#include "storage/database.hpp"

#include "storage/prepared_statements.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <chrono>
#include <stdexcept>

#include "storage/migrations.hpp"
#include "storage/soci_transaction.hpp"

namespace tarjotin::storage {
namespace {

constexpr int kMaxAttempts = 5;

// Serialization failures and deadlocks are PostgreSQL telling us to try again.
bool retryable(const soci::postgresql_soci_error& e) {
  const std::string state = e.sqlstate();
  return state == "40001" || state == "40P01";
}

// What makes a failure one the database is expected to recover from, in a sentence for the
// operator; empty for anything else (a constraint, a bug), which stays an error.
std::string unavailability(const soci::soci_error& e) {
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    switch (sqlite->result() & 0xff) {  // the primary code of an extended one
      case SQLITE_FULL:
        return "the database's disk is full";
      case SQLITE_IOERR:
        return "the database's disk reported an I/O error";
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return "the database stayed locked by another process";
      case SQLITE_CANTOPEN:
        return "the database file cannot be opened";
      case SQLITE_READONLY:
        return "the database file is read-only";
      default:
        return "";
    }
  }
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    const std::string state = pg->sqlstate();
    if (state == "53100") return "the database's disk is full";
    if (state.rfind("08", 0) == 0) return "the connection to the database failed";
    if (state.rfind("53", 0) == 0) return "the database is out of resources";
    if (state == "57014") return "the database did not answer in time";
    if (state.rfind("57", 0) == 0) return "the database is shutting down or restarting";
    if (state.rfind("58", 0) == 0) return "the database reported a system error";
  }
  // libpq and SOCI say some of these only in words: a connection refused or cut, or a pooled
  // session whose reconnection failed earlier.
  const std::string what = e.what();
  for (const char* words :
       {"Session is not connected", "server closed the connection", "no connection to the server",
        "could not connect to server", "Connection refused", "connection to server"})
    if (what.find(words) != std::string::npos) return "the connection to the database failed";
  switch (e.get_error_category()) {
    case soci::soci_error::connection_error:
      return "the connection to the database failed";
    case soci::soci_error::unknown_transaction_state:
      return "the connection to the database was lost at a commit";
    default:
      return "";
  }
}

void rollback_quietly(soci::session& sql) {
  try {
    sql << "ROLLBACK";
  } catch (...) {
    // The connection may be gone; the server rolls back an abandoned transaction itself.
  }
}

// True when the connection had dropped and a new one is open now.
bool reconnected(soci::session& sql) {
  if (sql.is_connected()) return false;
  // Statements prepared on the connection that dropped do not survive it.
  const bool kept_statements = PreparedStatements::forget(sql);
  try {
    sql.reconnect();
    if (kept_statements) PreparedStatements::enable(sql);
    return sql.is_connected();
  } catch (const soci::soci_error&) {
    return false;
  }
}

// One of the pool's sessions itself (not a session object standing in for it), so what is kept
// per connection (storage/prepared_statements.hpp) is found by the connection's address.
class Lease {
 public:
  Lease(soci::connection_pool& pool, std::atomic<std::size_t>& in_use)
      : pool_(pool), position_(pool.lease()), in_use_(in_use) {
    ++in_use_;
  }
  ~Lease() {
    --in_use_;
    pool_.give_back(position_);
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  soci::session& sql() { return pool_.at(position_); }

 private:
  soci::connection_pool& pool_;
  std::size_t position_;
  std::atomic<std::size_t>& in_use_;
};

void open_sqlite(soci::session& sql, const std::string& connect) {
  sql.open(*soci::factory_sqlite3(), connect);
  // WAL lets readers run beside the writer; synchronous=FULL makes a commit survive power
  // loss, not only a process crash, which is what "acknowledged means kept" needs.
  sql << "PRAGMA journal_mode = WAL";
  sql << "PRAGMA synchronous = FULL";
  sql << "PRAGMA foreign_keys = ON";
  sql << "PRAGMA busy_timeout = 10000";
}

// Enough to carry a burst in one commit, few enough that one group's statements do not keep
// the next group waiting long.
constexpr std::size_t kMaxGroup = 256;

}  // namespace

SociDatabase::SociDatabase(const std::string& url, std::size_t pool_size)
    : pool_size_(pool_size == 0 ? 1 : pool_size) {
  const DatabaseUrl parsed = parse_database_url(url);
  backend_ = parsed.backend;
  auto open = [&](soci::session& sql) {
    if (backend_ == Backend::sqlite)
      open_sqlite(sql, parsed.connect);
    else
      sql.open(*soci::factory_postgresql(), parsed.connect);
  };
  pool_ = std::make_unique<soci::connection_pool>(pool_size_);
  for (std::size_t i = 0; i < pool_size_; ++i) open(pool_->at(i));
  writer_ = std::make_unique<soci::session>();
  open(*writer_);
  for (std::size_t i = 0; i < pool_size_; ++i) PreparedStatements::enable(pool_->at(i));
  PreparedStatements::enable(*writer_);
}

SociDatabase::~SociDatabase() {
  for (std::size_t i = 0; i < pool_size_; ++i) PreparedStatements::forget(pool_->at(i));
  PreparedStatements::forget(*writer_);
}

void SociDatabase::run(domain::Access access,
                       const std::function<bool(domain::Transaction&)>& work) {
  try {
    run_classified(access, work);
    // Every write passes here: the lock only while there is a trouble to clear.
    if (access == domain::Access::write && write_troubled_.load(std::memory_order_relaxed)) {
      std::lock_guard<std::mutex> lock(trouble_mutex_);
      write_trouble_.clear();
      write_troubled_ = false;
    }
  } catch (const soci::soci_error& e) {
    const auto why = unavailability(e);
    if (why.empty()) throw;
    if (access == domain::Access::write) {
      std::lock_guard<std::mutex> lock(trouble_mutex_);
      write_trouble_ = why;
      write_troubled_ = true;
    }
    throw domain::StorageUnavailable(why);
  }
}

std::string SociDatabase::write_trouble() const {
  std::lock_guard<std::mutex> lock(trouble_mutex_);
  return write_trouble_;
}

void SociDatabase::run_classified(domain::Access access,
                                  const std::function<bool(domain::Transaction&)>& work) {
  if (access == domain::Access::write) return run_write(work);
  if (backend_ == Backend::postgresql) return run_postgresql_read(work);
  Lease lease(*pool_, in_use_);
  soci::session& sql = lease.sql();
  run_unread(sql, "BEGIN");
  try {
    SociTransaction tx(sql);
    run_unread(sql, work(tx) ? "COMMIT" : "ROLLBACK");
  } catch (...) {
    rollback_quietly(sql);
    throw;
  }
}

void SociDatabase::run_postgresql_read(const std::function<bool(domain::Transaction&)>& work) {
  for (int attempt = 1;; ++attempt) {
    Lease lease(*pool_, in_use_);
    soci::session& sql = lease.sql();
    try {
      run_unread(sql, "BEGIN READ ONLY");
      SociTransaction tx(sql);
      run_unread(sql, work(tx) ? "COMMIT" : "ROLLBACK");
      return;
    } catch (const soci::soci_error&) {
      rollback_quietly(sql);
      // A PostgreSQL restart breaks every pooled connection; a read is safe to run again.
      if (attempt < kMaxAttempts && reconnected(sql)) continue;
      throw;
    } catch (...) {
      rollback_quietly(sql);
      throw;
    }
  }
}

void SociDatabase::run_write(const std::function<bool(domain::Transaction&)>& work) {
  PendingWrite mine{&work, nullptr, false};
  std::unique_lock<std::mutex> lock(queue_mutex_);
  queue_.push_back(&mine);
  while (!mine.done) {
    if (committing_) {
      queue_changed_.wait(lock);
      continue;
    }
    committing_ = true;
    std::vector<PendingWrite*> group;
    while (!queue_.empty() && group.size() < kMaxGroup) {
      group.push_back(queue_.front());
      queue_.pop_front();
    }
    lock.unlock();
    ++in_use_;
    commit_group(group);
    --in_use_;
    lock.lock();
    for (PendingWrite* write : group) write->done = true;
    committing_ = false;
    queue_changed_.notify_all();
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

void SociDatabase::begin_write(soci::session& sql) {
  if (backend_ == Backend::sqlite) {
    run_unread(sql, "BEGIN IMMEDIATE");
    return;
  }
  sql << "BEGIN";
  // Every writer, of every replica, queues on the audit head first: the hash chain needs a total
  // order of writes, and taking the lock before reading anything means every check a use case
  // makes sees the latest committed state.
  long long seq = 0;
  sql << "SELECT CAST(seq AS BIGINT) FROM audit_head WHERE id = 1 FOR UPDATE", soci::into(seq);
}

// One transaction for the whole group, each write in a savepoint of its own, so that a write
// that declines or fails is undone alone. Should the group itself fail before its commit (a
// dropped connection, SQLite abandoning the transaction under an I/O error), nothing of it was
// kept and every write is tried again in a transaction of its own, so that one bad write cannot
// fail the others. A PostgreSQL commit that fails leaves the outcome unknown: then every write
// of the group gets the error rather than being run a second time.
void SociDatabase::commit_group(const std::vector<PendingWrite*>& group) {
  if (group.size() == 1) return commit_alone(*group.front());
  soci::session& sql = *writer_;
  bool committing = false;
  try {
    begin_write(sql);
    for (PendingWrite* write : group) {
      run_unread(sql, "SAVEPOINT write");
      try {
        SociTransaction tx(sql);
        if (!(*write->work)(tx)) run_unread(sql, "ROLLBACK TO write");
      } catch (...) {
        write->error = std::current_exception();
        run_unread(sql, "ROLLBACK TO write");
      }
      run_unread(sql, "RELEASE write");
    }
    committing = true;
    run_unread(sql, "COMMIT");
    writes_ += static_cast<long long>(group.size());
    ++commits_;
  } catch (...) {
    rollback_quietly(sql);
    if (committing && backend_ == Backend::postgresql) {
      for (PendingWrite* write : group)
        if (!write->error) write->error = std::current_exception();
      return;
    }
    for (PendingWrite* write : group) {
      write->error = nullptr;
      commit_alone(*write);
    }
  }
}

void SociDatabase::commit_alone(PendingWrite& write) {
  soci::session& sql = *writer_;
  for (int attempt = 1;; ++attempt) {
    // Once COMMIT is sent, a dropped connection leaves the outcome unknown: then the error goes
    // to the caller instead of running the work a second time.
    bool committing = false;
    try {
      begin_write(sql);
      SociTransaction tx(sql);
      const bool commit = (*write.work)(tx);
      committing = commit;
      run_unread(sql, commit ? "COMMIT" : "ROLLBACK");
      ++writes_;
      ++commits_;
      return;
    } catch (const soci::postgresql_soci_error& e) {
      rollback_quietly(sql);
      if (retryable(e) && attempt < kMaxAttempts) continue;
      if (!committing && attempt < kMaxAttempts && reconnected(sql)) continue;
      write.error = std::current_exception();
      return;
    } catch (const soci::soci_error&) {
      rollback_quietly(sql);
      // A PostgreSQL restart breaks the connection; nothing was committed by the failed
      // attempt, so it is safe to run the transaction again on a fresh connection.
      if (backend_ == Backend::postgresql && !committing && attempt < kMaxAttempts &&
          reconnected(sql))
        continue;
      write.error = std::current_exception();
      return;
    } catch (...) {
      rollback_quietly(sql);
      write.error = std::current_exception();
      return;
    }
  }
}

std::size_t SociDatabase::waiting_writes() {
  std::lock_guard<std::mutex> lock(queue_mutex_);
  return queue_.size();
}

void SociDatabase::with_session(const std::function<void(soci::session&)>& work) {
  Lease lease(*pool_, in_use_);
  work(lease.sql());
}

int SociDatabase::migrate(int up_to_version) {
  Lease lease(*pool_, in_use_);
  return apply_migrations(lease.sql(), backend_, up_to_version);
}

MigrationStatus SociDatabase::migration_status() {
  Lease lease(*pool_, in_use_);
  return read_migration_status(lease.sql(), backend_);
}

bool SociDatabase::ping() {
  Lease lease(*pool_, in_use_);
  for (int attempt = 1; attempt <= 2; ++attempt) {
    try {
      int one = 0;
      lease.sql() << "SELECT 1", soci::into(one);
      return one == 1;
    } catch (const std::exception&) {
      if (attempt == 2 || !reconnected(lease.sql())) return false;
    }
  }
  return false;
}

AuditVerification SociDatabase::verify_audit_chain() {
  Lease lease(*pool_, in_use_);
  soci::session& sql = lease.sql();
  // One snapshot: rows and head are read as of the same moment even while writers go on.
  sql << (backend_ == Backend::sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
  try {
    AuditVerification result = storage::verify_audit_chain(sql);
    sql << "ROLLBACK";
    return result;
  } catch (...) {
    rollback_quietly(sql);
    throw;
  }
}

}  // namespace tarjotin::storage
