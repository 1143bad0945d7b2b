#include "storage/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <stdexcept>

#include "storage/database.hpp"

namespace tarjotin::storage {
namespace {

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, CloseDatabase>;

Handle open(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  Handle handle(db);
  if (rc != SQLITE_OK)
    throw std::runtime_error("cannot open " + path + ": " +
                             (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  sqlite3_busy_timeout(db, 10000);
  return handle;
}

std::string sqlite_path(const std::string& url) {
  const auto parsed = parse_database_url(url);
  if (parsed.backend != Backend::sqlite)
    throw std::invalid_argument(
        "backup and restore are for SQLite; for PostgreSQL use pg_dump -Fc (or base backups "
        "with WAL archiving) and pg_restore into an empty database, see the README");
  return parsed.path;
}

void execute(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string what = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(std::string(sql) + ": " + what);
  }
}

void check_integrity(sqlite3* db, const std::string& path) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr);
  std::string result;
  if (statement && sqlite3_step(statement) == SQLITE_ROW)
    result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  if (result != "ok") throw std::runtime_error(path + " fails its integrity check: " + result);
}

// All pages in one step: one read transaction over the source, so the copy is one consistent
// moment of it however busy its writers are (in WAL mode they are not held up).
BackupReport copy(sqlite3* from, sqlite3* to, const std::string& to_path) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (!backup)
    throw std::runtime_error("cannot start copying to " + to_path + ": " + sqlite3_errmsg(to));
  int rc;
  while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
    sqlite3_sleep(20);
  BackupReport report;
  report.pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    throw std::runtime_error("copying to " + to_path + " failed: " + sqlite3_errstr(rc));
  return report;
}

void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot sync " + path);
  }
  ::close(fd);
  const auto directory = std::filesystem::path(path).parent_path();
  const int dir = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace

BackupReport backup_database(const std::string& url, const std::string& destination) {
  const std::string source = sqlite_path(url);
  if (std::filesystem::exists(destination))
    throw std::invalid_argument(destination + " exists already; back up into a new file");
  try {
    const Handle from = open(source, SQLITE_OPEN_READONLY);
    BackupReport report;
    {
      const Handle to = open(destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      report = copy(from.get(), to.get(), destination);
      execute(to.get(), "PRAGMA journal_mode = DELETE");  // one self-contained file
      check_integrity(to.get(), destination);
    }
    sync_file(destination);
    report.bytes = static_cast<long long>(std::filesystem::file_size(destination));
    return report;
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(destination, ignored);
    throw;
  }
}

BackupReport restore_database(const std::string& backup, const std::string& url) {
  const std::string target = sqlite_path(url);
  std::error_code ec;
  if (std::filesystem::exists(target) && std::filesystem::file_size(target, ec) > 0)
    throw std::invalid_argument(target +
                                " holds a database already; restore into a new, empty one");
  const Handle from = open(backup, SQLITE_OPEN_READONLY);
  check_integrity(from.get(), backup);
  BackupReport report;
  {
    const Handle to = open(target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    report = copy(from.get(), to.get(), target);
    execute(to.get(), "PRAGMA journal_mode = WAL");  // as the server runs it
    check_integrity(to.get(), target);
  }
  sync_file(target);
  report.bytes = static_cast<long long>(std::filesystem::file_size(target));
  return report;
}

}  // namespace tarjotin::storage
