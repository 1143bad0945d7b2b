// Documents' bytes in the database: exact round trips of any bytes, one row per content,
// committed or rolled back with the transaction, damage caught, an old directory imported.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>

#include "crypto/crypto.hpp"
#include "domain/qualification/ports.hpp"
#include "storage/qualification/document_store.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin {
namespace {

using domain::Access;
using domain::Transaction;

// Every byte value, NULs and invalid UTF-8 included, and more than one page's worth.
std::string every_byte(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + i / 256) % 256);
  return bytes;
}

class Documents : public ::testing::Test {
 protected:
  testing::TestDatabase t;

  std::string put(const std::string& bytes) {
    std::string sha256;
    t.db().run(Access::write, [&](Transaction& tx) {
      sha256 = tx.documents().put(bytes);
      return true;
    });
    return sha256;
  }
  std::optional<std::string> get(const std::string& sha256) {
    std::optional<std::string> bytes;
    t.db().run(Access::read, [&](Transaction& tx) {
      bytes = tx.documents().get(sha256);
      return false;
    });
    return bytes;
  }
  long long rows() {
    long long n = 0;
    t.db().with_session([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM document_contents", soci::into(n);
    });
    return n;
  }
};

TEST_F(Documents, AnyBytesComeBackExactlyUnderTheirSha256) {
  const std::string bytes = every_byte(300 * 1024);
  const std::string sha256 = put(bytes);
  EXPECT_EQ(sha256, crypto::sha256_hex(bytes));
  const auto back = get(sha256);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->size(), bytes.size());
  EXPECT_TRUE(*back == bytes);
  EXPECT_EQ(get(crypto::sha256_hex("something else")), std::nullopt);
  EXPECT_EQ(get("not a hash"), std::nullopt);
}

TEST_F(Documents, IdenticalContentIsKeptOnce) {
  const std::string bytes = every_byte(1000);
  EXPECT_EQ(put(bytes), put(bytes));
  put(every_byte(1001));
  EXPECT_EQ(rows(), 2);
}

TEST_F(Documents, BytesOfARolledBackTransactionAreNotKept) {
  const std::string bytes = every_byte(5000);
  std::string sha256;
  t.db().run(Access::write, [&](Transaction& tx) {
    sha256 = tx.documents().put(bytes);
    return false;  // refused: nothing of it stays
  });
  EXPECT_EQ(get(sha256), std::nullopt);
  EXPECT_EQ(rows(), 0);
}

TEST_F(Documents, DamagedContentIsNeverServed) {
  const std::string sha256 = put(every_byte(2000));
  t.db().with_session([&](soci::session& sql) {
    sql << "UPDATE document_contents SET content = "
        << (t.backend() == storage::Backend::postgresql ? "decode('00', 'hex')" : "X'00'");
  });
  EXPECT_THROW(get(sha256), std::runtime_error);
}

TEST_F(Documents, AnEarlierVersionsDirectoryIsImportedOnceAndLeftInPlace) {
  const auto directory = std::filesystem::temp_directory_path() /
                         ("tarjotin-documents-" + crypto::sha256_hex(t.url()).substr(0, 12));
  std::filesystem::remove_all(directory);
  std::vector<std::string> contents = {every_byte(10), every_byte(70000)};
  for (const auto& bytes : contents) {
    const auto sha256 = crypto::sha256_hex(bytes);
    std::filesystem::create_directories(directory / sha256.substr(0, 2));
    std::ofstream(directory / sha256.substr(0, 2) / sha256, std::ios::binary) << bytes;
  }
  std::ofstream(directory / "ab" / "leftover.tmp-1") << "half written";  // not a document
  put(contents[0]);  // already in the database: not imported again

  EXPECT_EQ(storage::import_documents_directory(t.db(), directory.string()), 1u);
  for (const auto& bytes : contents) EXPECT_EQ(get(crypto::sha256_hex(bytes)), bytes);
  EXPECT_EQ(storage::import_documents_directory(t.db(), directory.string()), 0u);
  EXPECT_EQ(rows(), 2);
  EXPECT_TRUE(std::filesystem::exists(directory));

  // A file whose bytes do not match its name is refused, not imported under a wrong name.
  const auto sha256 = crypto::sha256_hex("original");
  std::filesystem::create_directories(directory / sha256.substr(0, 2));
  std::ofstream(directory / sha256.substr(0, 2) / sha256) << "tampered";
  EXPECT_THROW(storage::import_documents_directory(t.db(), directory.string()), std::runtime_error);
  EXPECT_EQ(get(sha256), std::nullopt);
  std::filesystem::remove_all(directory);
  EXPECT_EQ(storage::import_documents_directory(t.db(), directory.string()), 0u);
}

}  // namespace
}  // namespace tarjotin
