#include "tests/support/test_database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "crypto/crypto.hpp"

namespace tarjotin::testing {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string postgres_base_url() {
  const std::string url = env("TARJOTIN_TEST_POSTGRES_URL");
  if (url.empty())
    throw std::runtime_error(
        "TARJOTIN_TEST_DATABASE=postgresql needs TARJOTIN_TEST_POSTGRES_URL; the test command "
        "in the README starts a server and sets it");
  return url;
}

std::string random_suffix() {
  const auto bytes = crypto::random_bytes(6);
  return crypto::hex(bytes.data(), bytes.size());
}

}  // namespace

storage::Backend backend_under_test() {
  const std::string name = env("TARJOTIN_TEST_DATABASE");
  if (name.empty() || name == "sqlite") return storage::Backend::sqlite;
  if (name == "postgresql") return storage::Backend::postgresql;
  throw std::runtime_error("TARJOTIN_TEST_DATABASE must be sqlite or postgresql");
}

TestDatabase::TestDatabase(int up_to_version) {
  if (backend_under_test() == storage::Backend::sqlite) {
    cleanup_ =
        (std::filesystem::temp_directory_path() / ("tarjotin-test-" + random_suffix())).string();
    std::filesystem::create_directories(cleanup_);
    url_ = "sqlite://" + cleanup_ + "/tarjotin.db";
  } else {
    const std::string base = postgres_base_url();
    cleanup_ = "t_" + random_suffix();
    soci::session admin(*soci::factory_postgresql(), storage::parse_database_url(base).connect);
    admin << "CREATE SCHEMA " + cleanup_;
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           cleanup_ + "&application_name=" + cleanup_;
  }
  db_ = std::make_unique<storage::SociDatabase>(url_, 4);
  db_->migrate(up_to_version);
}

TestDatabase::~TestDatabase() {
  const bool postgres = db_->backend() == storage::Backend::postgresql;
  db_.reset();
  try {
    if (postgres) {
      soci::session admin(*soci::factory_postgresql(),
                          storage::parse_database_url(postgres_base_url()).connect);
      admin << "DROP SCHEMA " + cleanup_ + " CASCADE";
    } else {
      std::filesystem::remove_all(cleanup_);
    }
  } catch (...) {
    // Leftovers in a temporary place are harmless; a throwing destructor is not.
  }
}

std::unique_ptr<storage::SociDatabase> TestDatabase::open_again(std::size_t pool_size) const {
  return std::make_unique<storage::SociDatabase>(url_, pool_size);
}

}  // namespace tarjotin::testing
