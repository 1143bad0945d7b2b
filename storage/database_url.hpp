#pragma once
// Which database a URL names, and the connect string SOCI's backend is given for it.

#include <string>

namespace tarjotin::storage {

enum class Backend { sqlite, postgresql };

struct DatabaseUrl {
  Backend backend{};
  std::string connect;  // what SOCI's backend is given
  std::string path;     // SQLite: the database file
};

// "sqlite:///absolute/path.db", "sqlite:relative/path.db", "postgresql://user@host/db?...".
// Throws std::invalid_argument naming what is wrong.
DatabaseUrl parse_database_url(const std::string& url);

}  // namespace tarjotin::storage
