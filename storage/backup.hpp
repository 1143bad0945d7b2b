#pragma once
// Backing up and restoring an embedded (SQLite) installation while it serves. PostgreSQL has
// its own tools for this (pg_dump, base backups with WAL archiving); see the README.
#include <string>

namespace tarjotin::storage {

struct BackupReport {
  long long pages = 0;
  long long bytes = 0;
};

// Copies a consistent snapshot of the SQLite database that `url` names into `destination` (a
// file that must not exist yet) with SQLite's online backup API: one read transaction, so
// writers carry on and every transaction committed before the copy began is in it. The copy
// is checked (PRAGMA integrity_check) and synced to disk before this returns. Throws with a
// sentence on any failure, leaving no partial file behind.
BackupReport backup_database(const std::string& url, const std::string& destination);

// Copies `backup` into the SQLite database that `url` names, which must not exist yet or be
// empty (restoring over live data is refused), and checks the result.
BackupReport restore_database(const std::string& backup, const std::string& url);

}  // namespace tarjotin::storage
