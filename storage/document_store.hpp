#pragma once
#include <string>

#include "domain/documents.hpp"

namespace tarjotin::storage {

// Documents as files named by their SHA-256 under one directory (two-character fan-out). A file
// is written under a temporary name, synced, renamed into place and its directory synced, so a
// crash leaves either the whole document or none. Several replicas share the directory (e.g. a
// network file system); identical content is stored once.
class FilesystemDocumentStore final : public domain::DocumentStore {
 public:
  explicit FilesystemDocumentStore(std::string directory);
  std::string put(std::string_view bytes) override;
  std::optional<std::string> get(const std::string& sha256) override;

 private:
  std::string path_of(const std::string& sha256) const;
  std::string directory_;
};

}  // namespace tarjotin::storage
