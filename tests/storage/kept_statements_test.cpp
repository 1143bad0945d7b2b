// Statements kept prepared per SQLite connection (storage/prepared_statements.hpp): a statement
// text is parsed once and run again with new values, and texts that would each run only once
// must not fill a connection's bounded set of kept statements.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>
#include <vector>

#include "storage/prepared_statements.hpp"
#include "storage/table.hpp"

namespace tarjotin::storage {
namespace {

struct Row {
  std::string id;
  long long n = 0;
};
const Table<Row> kRows("kept_rows", 1, column("id", &Row::id), column("n", &Row::n));

// SQLite alone keeps statements, so these run on SQLite whichever database the suite is for.
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

}  // namespace
}  // namespace tarjotin::storage
