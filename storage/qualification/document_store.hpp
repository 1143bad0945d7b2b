#pragma once
#include <soci/soci.h>

#include <string>

#include "domain/ports.hpp"
#include "domain/qualification/ports.hpp"

namespace tarjotin::storage {

// Documents' bytes in the database, one row per distinct content (named by its SHA-256), written
// in the same transaction as the attachment row that names them: the row and its bytes are
// committed together or not at all, and no replica needs a shared disk. SQLite keeps them as a
// BLOB, PostgreSQL as BYTEA.
class SociDocuments final : public domain::DocumentStore {
 public:
  explicit SociDocuments(soci::session& sql) : sql_(sql) {}
  std::string put(std::string_view bytes) override;
  std::optional<std::string> get(const std::string& sha256) override;

 private:
  soci::session& sql_;
};

// Brings in the documents directory of an earlier version (files named by their SHA-256 under
// two-character folders): every file whose content matches its name and that the database
// lacks is stored. Returns how many were; the files stay for the operator to remove. Throws on
// a file whose content does not match its name.
std::size_t import_documents_directory(domain::Database& db, const std::string& directory);

}  // namespace tarjotin::storage
