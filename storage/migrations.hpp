#pragma once
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace soci {
class session;
}

namespace tarjotin::storage {

struct Migration {
  int version = 0;
  std::string name;
  std::vector<std::string> statements;
};

// The migrations compiled into the executable that apply to `backend`, in version order. A file
// "0007_x.sql" applies to both databases; "0007_x.sqlite.sql" and "0007_x.postgresql.sql" are
// the two dialects of one version.
std::vector<Migration> migrations_for(Backend backend);

// Splits a migration file on lines that hold only "---".
std::vector<std::string> split_statements(std::string_view text);

int apply_migrations(soci::session& sql, Backend backend, int up_to_version);
MigrationStatus read_migration_status(soci::session& sql, Backend backend);

}  // namespace tarjotin::storage
