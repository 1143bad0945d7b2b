#include "storage/migrations.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <stdexcept>

#include "embedded/embedded.hpp"
#include "storage/audit/merkle_log.hpp"
#include "storage/ordering/order_tallies.hpp"

namespace tarjotin::storage {
namespace {

bool blank_or_comment(std::string_view statement) {
  std::size_t pos = 0;
  while (pos < statement.size()) {
    const auto eol = statement.find('\n', pos);
    std::string_view line = statement.substr(pos, eol == statement.npos ? eol : eol - pos);
    const auto first = line.find_first_not_of(" \t\r");
    if (first != line.npos && line.substr(first, 2) != "--") return false;
    if (eol == statement.npos) break;
    pos = eol + 1;
  }
  return true;
}

void begin_exclusive(soci::session& sql, Backend backend) {
  if (backend == Backend::sqlite) {
    sql << "BEGIN IMMEDIATE";
  } else {
    sql << "BEGIN";
    // Replicas starting together must not apply the same migration twice.
    sql << "SELECT pg_advisory_xact_lock(7283461)";
  }
}

void ensure_table(soci::session& sql) {
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
}

int current_version(soci::session& sql) {
  long long version = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT CAST(MAX(version) AS BIGINT) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? static_cast<int>(version) : 0;
}

// What a migration cannot say in SQL, run in its transaction after its statements.
void run_data_step(soci::session& sql, int version) {
  if (version == 18) extend_audit_tree(sql);    // SHA-256, which SQLite lacks
  if (version == 20) order_tallies::fill(sql);  // Helsinki days, which neither database knows
}

}  // namespace

std::vector<std::string> split_statements(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  std::size_t pos = 0;
  auto flush = [&] {
    if (!blank_or_comment(current)) out.push_back(current);
    current.clear();
  };
  while (pos <= text.size()) {
    const auto eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == text.npos ? text.npos : eol - pos);
    if (line == "---" || line == "---\r")
      flush();
    else
      current.append(line).push_back('\n');
    if (eol == text.npos) break;
    pos = eol + 1;
  }
  flush();
  return out;
}

std::vector<Migration> migrations_for(Backend backend) {
  const std::string_view mine = backend == Backend::sqlite ? ".sqlite.sql" : ".postgresql.sql";
  const std::string_view other = backend == Backend::sqlite ? ".postgresql.sql" : ".sqlite.sql";
  std::vector<Migration> out;
  for (const auto& file : embedded::migrations()) {
    const std::string_view name = file.name;
    if (name.ends_with(other)) continue;
    if (!name.ends_with(".sql")) continue;
    Migration m;
    auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), m.version);
    if (ec != std::errc{} || m.version <= 0 || *ptr != '_')
      throw std::logic_error("migration file name must start with its version: " +
                             std::string(name));
    m.name = std::string(name.substr(0, name.size() - (name.ends_with(mine) ? mine.size() : 4)));
    m.statements = split_statements(file.content);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].version == out[i - 1].version)
      throw std::logic_error("two migrations share version " + std::to_string(out[i].version));
  return out;
}

int apply_migrations(soci::session& sql, Backend backend, int up_to_version) {
  ensure_table(sql);
  int applied = 0;
  for (const Migration& m : migrations_for(backend)) {
    if (m.version > up_to_version) break;
    begin_exclusive(sql, backend);
    try {
      if (current_version(sql) >= m.version) {
        sql << "ROLLBACK";
        continue;
      }
      for (const std::string& statement : m.statements) sql << statement;
      run_data_step(sql, m.version);
      const long long now = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
          soci::use(m.version), soci::use(m.name), soci::use(now);
      sql << "COMMIT";
      ++applied;
    } catch (...) {
      try {
        sql << "ROLLBACK";
      } catch (...) {
      }
      throw;
    }
  }
  return applied;
}

MigrationStatus read_migration_status(soci::session& sql, Backend backend) {
  MigrationStatus status;
  const auto all = migrations_for(backend);
  status.latest = all.empty() ? 0 : all.back().version;
  try {
    status.current = current_version(sql);
  } catch (const soci::soci_error&) {
    status.current = 0;  // no schema_migrations table yet
  }
  return status;
}

}  // namespace tarjotin::storage
