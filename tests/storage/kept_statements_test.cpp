// Statements kept prepared per connection (storage/prepared_statements.hpp): a statement text is
// parsed once and run again with new values, texts that would each run only once must not fill
// a connection's bounded set of kept statements, and on PostgreSQL a statement that failed stays
// usable without leaving anything prepared on the server that the connection does not know of.
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cstdlib>

#include <string>
#include <vector>

#include "storage/database_url.hpp"
#include "storage/prepared_statements.hpp"
#include "storage/table.hpp"
#include "tests/support/test_database.hpp"

namespace tarjotin::storage {
namespace {

struct Row {
  std::string id;
  long long n = 0;
};
const Table<Row> kRows("kept_rows", 1, column("id", &Row::id), column("n", &Row::n));

// These count SQLite's statements per many-row insert, so they run on SQLite whichever database
// the suite is for; PostgreSQL's own are below.
class KeptStatements : public ::testing::Test {
 protected:
  KeptStatements() : sql(soci::sqlite3, ":memory:") {
    sql << "CREATE TABLE kept_rows (id TEXT PRIMARY KEY, n INTEGER NOT NULL)";
    PreparedStatements::enable(sql);
  }
  ~KeptStatements() override { PreparedStatements::forget(sql); }

  long long count() {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM kept_rows", soci::into(n);
    return n;
  }
  static std::vector<Row> rows(int from, int to) {
    std::vector<Row> out;
    for (int i = from; i < to; ++i) out.push_back({"row-" + std::to_string(i), i});
    return out;
  }

  soci::session sql;
};

TEST_F(KeptStatements, EveryFullStatementOfAManyRowInsertHasOneText) {
  // Two columns: 100 rows per statement on SQLite, so 1,000 rows are ten full statements.
  kRows.insert_all(sql, rows(0, 1000));
  EXPECT_EQ(count(), 1000);
  EXPECT_EQ(PreparedStatements::kept(sql), 1u);
  // Another insert of a different length adds only its last, shorter statement.
  kRows.insert_all(sql, rows(1000, 2050));
  EXPECT_EQ(count(), 2050);
  EXPECT_EQ(PreparedStatements::kept(sql), 2u);
  const auto last = kRows.find_one(sql, "WHERE id = :id", std::string("row-2049"));
  ASSERT_TRUE(last);
  EXPECT_EQ(last->n, 2049);
}

TEST_F(KeptStatements, AChangeWrittenByHandIsPreparedOnceAndRunsWithEachRunsValues) {
  kRows.insert_all(sql, rows(0, 3));
  const std::size_t before = PreparedStatements::kept(sql);
  const std::string text = "UPDATE kept_rows SET n = :n WHERE id = :id";
  EXPECT_EQ(rows_changed(sql, text, 10, std::string("row-1")), 1);
  EXPECT_EQ(rows_changed(sql, text, 20, std::string("row-2")), 1);
  EXPECT_EQ(rows_changed(sql, text, 30, std::string("no-such-row")), 0);
  EXPECT_EQ(PreparedStatements::kept(sql), before + 1);
  EXPECT_EQ(kRows.find_one(sql, "WHERE id = :id", std::string("row-0"))->n, 0);
  EXPECT_EQ(kRows.find_one(sql, "WHERE id = :id", std::string("row-1"))->n, 10);
  EXPECT_EQ(kRows.find_one(sql, "WHERE id = :id", std::string("row-2"))->n, 20);
}

TEST_F(KeptStatements, TransactionStatementsAreKeptAndStillCommitAndRollBack) {
  run_unread(sql, "BEGIN");
  kRows.insert(sql, {"a", 1});
  run_unread(sql, "COMMIT");
  run_unread(sql, "BEGIN");
  kRows.insert(sql, {"b", 2});
  run_unread(sql, "ROLLBACK");
  run_unread(sql, "BEGIN");
  kRows.insert(sql, {"c", 3});
  run_unread(sql, "COMMIT");
  EXPECT_EQ(count(), 2);
  EXPECT_FALSE(kRows.find_one(sql, "WHERE id = :id", std::string("b")));
  // BEGIN, COMMIT, ROLLBACK, the insert and the lookup, each once.
  EXPECT_EQ(PreparedStatements::kept(sql), 5u);
}

TEST_F(KeptStatements, ListsOfNearbyLengthsShareAStatementText) {
  kRows.insert_all(sql, rows(0, 20));
  const std::size_t before = PreparedStatements::kept(sql);
  const auto ids = [](std::vector<int> ns) {
    std::vector<std::string> out;
    for (int n : ns) out.push_back("row-" + std::to_string(n));
    return out;
  };
  const auto numbers = [](std::vector<Row> found) {
    std::vector<long long> out;
    for (const auto& r : found) out.push_back(r.n);
    std::sort(out.begin(), out.end());
    return out;
  };
  // Three and four values: one text of four placeholders, the third value asked for twice.
  EXPECT_EQ(numbers(kRows.find_in(sql, "id", ids({3, 1, 7}))), (std::vector<long long>{1, 3, 7}));
  EXPECT_EQ(numbers(kRows.find_in(sql, "id", ids({2, 4, 6, 8}))),
            (std::vector<long long>{2, 4, 6, 8}));
  EXPECT_EQ(PreparedStatements::kept(sql), before + 1);
  // Five to eight: the next.
  EXPECT_EQ(numbers(kRows.find_in(sql, "id", ids({0, 5, 9, 11, 19, 42}))),
            (std::vector<long long>{0, 5, 9, 11, 19}));
  EXPECT_EQ(PreparedStatements::kept(sql), before + 2);
}

// A connection to the suite's PostgreSQL server with a table of its own (a temporary one, which
// no other connection sees).
class KeptStatementsOnPostgreSQL : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::backend_under_test() != Backend::postgresql)
      GTEST_SKIP() << "PostgreSQL's prepared statements";
    sql.open(*soci::factory_postgresql(),
             parse_database_url(std::getenv("TARJOTIN_TEST_POSTGRES_URL")).connect);
    sql << "CREATE TEMPORARY TABLE kept_rows (id TEXT PRIMARY KEY, n BIGINT NOT NULL)";
    PreparedStatements::enable(sql);
  }
  void TearDown() override { PreparedStatements::forget(sql); }

  long long server_side() {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM pg_prepared_statements", soci::into(n);
    return n;
  }

  soci::session sql;
};

TEST_F(KeptStatementsOnPostgreSQL, AStatementThatFailedRunsAgainInTheNextTransaction) {
  run_unread(sql, "BEGIN");
  kRows.insert(sql, {"a", 1});
  run_unread(sql, "COMMIT");
  run_unread(sql, "BEGIN");
  EXPECT_THROW(kRows.insert(sql, {"a", 2}), soci::soci_error);  // the key is taken
  run_unread(sql, "ROLLBACK");
  run_unread(sql, "BEGIN");
  kRows.insert(sql, {"b", 3});
  run_unread(sql, "COMMIT");
  EXPECT_EQ(kRows.find_one(sql, "WHERE id = :id", std::string("a"))->n, 1);
  EXPECT_EQ(kRows.find_one(sql, "WHERE id = :id", std::string("b"))->n, 3);
  // BEGIN, COMMIT, ROLLBACK, the insert and the lookup: each prepared once, on the server too.
  EXPECT_EQ(PreparedStatements::kept(sql), 5u);
  EXPECT_EQ(server_side(), 5);
}

TEST_F(KeptStatementsOnPostgreSQL, ForgettingAConnectionsStatementsDeallocatesThem) {
  kRows.insert(sql, {"a", 1});
  EXPECT_EQ(server_side(), 1);
  EXPECT_TRUE(PreparedStatements::forget(sql));
  EXPECT_EQ(server_side(), 0);
  EXPECT_EQ(PreparedStatements::kept(sql), 0u);
}

}  // namespace
}  // namespace tarjotin::storage
