#include "storage/document_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "crypto/crypto.hpp"

namespace tarjotin::storage {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("document store: " + what + ": " + std::strerror(errno));
}

void sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) fail("cannot open " + path);
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) fail("cannot sync " + path);
}

bool is_hex_sha256(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

FilesystemDocumentStore::FilesystemDocumentStore(std::string directory)
    : directory_(std::move(directory)) {
  std::filesystem::create_directories(directory_);
}

std::string FilesystemDocumentStore::path_of(const std::string& sha256) const {
  return directory_ + "/" + sha256.substr(0, 2) + "/" + sha256;
}

std::string FilesystemDocumentStore::put(std::string_view bytes) {
  const std::string sha256 = crypto::sha256_hex(bytes);
  const std::string path = path_of(sha256);
  if (std::filesystem::exists(path)) return sha256;
  const std::string dir = directory_ + "/" + sha256.substr(0, 2);
  std::filesystem::create_directories(dir);
  const auto suffix = crypto::random_bytes(6);
  const std::string temp = path + ".tmp-" + crypto::hex(suffix.data(), suffix.size());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) fail("cannot create " + temp);
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      ::unlink(temp.c_str());
      fail("cannot write " + temp);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail("cannot sync " + temp);
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    fail("cannot rename " + temp);
  }
  sync_path(dir, O_RDONLY | O_DIRECTORY);
  return sha256;
}

std::optional<std::string> FilesystemDocumentStore::get(const std::string& sha256) {
  if (!is_hex_sha256(sha256)) return std::nullopt;
  std::ifstream in(path_of(sha256), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  std::string bytes = content.str();
  // The name is the hash: a changed file is caught here rather than served.
  if (crypto::sha256_hex(bytes) != sha256)
    throw std::runtime_error("document store: " + sha256 + " does not match its content");
  return bytes;
}

}  // namespace tarjotin::storage
