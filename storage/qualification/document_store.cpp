#include "storage/qualification/document_store.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "crypto/crypto.hpp"

namespace tarjotin::storage {
namespace {

bool is_hex_sha256(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

int hex_digit(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

std::string from_hex(const std::string& text) {
  std::string bytes(text.size() / 2, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>(hex_digit(text[2 * i]) * 16 + hex_digit(text[2 * i + 1]));
  return bytes;
}

// SOCI 4.0 maps its blob to PostgreSQL's large objects, not to BYTEA: there the bytes travel
// as hex text, which PostgreSQL's own encode() and decode() turn to and from BYTEA.
bool on_postgresql(soci::session& sql) { return sql.get_backend_name() == "postgresql"; }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

std::string SociDocuments::put(std::string_view bytes) {
  const std::string sha256 = crypto::sha256_hex(bytes);
  int stored = 0;
  sql_ << "SELECT COUNT(*) FROM document_contents WHERE sha256 = :sha", soci::use(sha256),
      soci::into(stored);
  if (stored > 0) return sha256;
  const long long size = static_cast<long long>(bytes.size());
  if (on_postgresql(sql_)) {
    const std::string hexed =
        crypto::hex(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    sql_ << "INSERT INTO document_contents (sha256, size_bytes, content) "
            "VALUES (:sha, :size, decode(:content, 'hex'))",
        soci::use(sha256), soci::use(size), soci::use(hexed);
  } else {
    soci::blob content(sql_);
    content.write(0, bytes.data(), bytes.size());  // SOCI 4.0 SQLite: write, not write_from_start
    sql_ << "INSERT INTO document_contents (sha256, size_bytes, content) "
            "VALUES (:sha, :size, :content)",
        soci::use(sha256), soci::use(size), soci::use(content);
  }
  return sha256;
}

std::optional<std::string> SociDocuments::get(const std::string& sha256) {
  if (!is_hex_sha256(sha256)) return std::nullopt;
  std::string bytes;
  if (on_postgresql(sql_)) {
    std::string hexed;
    sql_ << "SELECT encode(content, 'hex') FROM document_contents WHERE sha256 = :sha",
        soci::use(sha256), soci::into(hexed);
    if (!sql_.got_data()) return std::nullopt;
    bytes = from_hex(hexed);
  } else {
    soci::blob content(sql_);
    sql_ << "SELECT content FROM document_contents WHERE sha256 = :sha", soci::use(sha256),
        soci::into(content);
    if (!sql_.got_data()) return std::nullopt;
    bytes.resize(content.get_len());
    if (!bytes.empty()) content.read(0, bytes.data(), bytes.size());
  }
  // The name is the hash: damaged content is caught here rather than served.
  if (crypto::sha256_hex(bytes) != sha256)
    throw std::runtime_error("document " + sha256 + " does not match its content");
  return bytes;
}

std::size_t import_documents_directory(domain::Database& db, const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (directory.empty() || !fs::is_directory(directory, ec)) return 0;
  std::size_t imported = 0;
  for (const auto& fan : fs::directory_iterator(directory)) {
    if (!fan.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(fan.path())) {
      const std::string name = file.path().filename().string();
      if (!file.is_regular_file() || !is_hex_sha256(name)) continue;  // e.g. a .tmp- leftover
      const std::string bytes = read_file(file.path());
      if (crypto::sha256_hex(bytes) != name)
        throw std::runtime_error("the document file " + file.path().string() +
                                 " does not match its name; nothing after it was imported");
      db.run(domain::Access::write, [&](domain::Transaction& tx) {
        if (tx.documents().get(name)) return false;
        tx.documents().put(bytes);
        ++imported;
        return true;
      });
    }
  }
  return imported;
}

}  // namespace tarjotin::storage
