#include "storage/migrations.hpp"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>

#include "tests/support/test_database.hpp"

namespace tarjotin::storage {
namespace {

TEST(SplitStatements, SplitsOnDashLinesAndDropsCommentOnlyParts) {
  const auto parts = split_statements(
      "-- header\nCREATE TABLE a (x INT)\n---\n-- only a note\n"
      "---\nCREATE TRIGGER t BEGIN SELECT 1; SELECT 2; END\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NE(parts[0].find("CREATE TABLE a"), std::string::npos);
  EXPECT_NE(parts[1].find("SELECT 1; SELECT 2;"), std::string::npos);
}

TEST(Migrations, EachBackendGetsOneDialectPerVersionInOrder) {
  for (Backend b : {Backend::sqlite, Backend::postgresql}) {
    const auto all = migrations_for(b);
    ASSERT_GE(all.size(), 2u);
    for (std::size_t i = 0; i < all.size(); ++i) {
      EXPECT_EQ(all[i].version, static_cast<int>(i) + 1) << all[i].name;
      EXPECT_FALSE(all[i].statements.empty()) << all[i].name;
    }
  }
}

TEST(Migrations, ApplyingAgainChangesNothingAndStatusIsCurrent) {
  testing::TestDatabase t;
  EXPECT_EQ(t.db().migrate(), 0);
  const auto status = t.db().migration_status();
  EXPECT_EQ(status.current, status.latest);
  EXPECT_GE(status.latest, 2);
}

TEST(Migrations, TwoHandlesMigratingAtOnceApplyEachVersionOnce) {
  testing::TestDatabase t;
  auto a = t.open_again(1);
  auto b = t.open_again(1);
  EXPECT_EQ(a->migrate() + b->migrate(), 0);
  long long rows = 0;
  t.db().with_session([&](soci::session& sql) {
    sql << "SELECT CAST(COUNT(*) AS BIGINT) FROM schema_migrations", soci::into(rows);
  });
  EXPECT_EQ(rows, t.db().migration_status().latest);
}

TEST(DatabaseUrl, ParsesSqliteAndPostgresqlAndRefusesOthers) {
  EXPECT_EQ(parse_database_url("sqlite:///var/lib/tarjotin.db").backend, Backend::sqlite);
  EXPECT_EQ(parse_database_url("sqlite:///var/lib/tarjotin.db").connect,
            "db=/var/lib/tarjotin.db timeout=10");
  EXPECT_EQ(parse_database_url("sqlite:data/t.db").connect, "db=data/t.db timeout=10");
  EXPECT_EQ(parse_database_url("postgresql://u@h/db").backend, Backend::postgresql);
  EXPECT_THROW(parse_database_url("mysql://h/db"), std::invalid_argument);
  EXPECT_THROW(parse_database_url("sqlite://"), std::invalid_argument);
  EXPECT_THROW(parse_database_url("sqlite:///tmp/a b.db"), std::invalid_argument);
}

}  // namespace
}  // namespace tarjotin::storage

namespace tarjotin::storage {
namespace {

TEST(DatabaseUrl, TakesPostgresqlUrlApartIntoQuotedKeywords) {
  EXPECT_EQ(
      parse_database_url("postgresql://app:s%40cr%27t@db.example:6543/tarjotin?sslmode=require")
          .connect,
      "user='app' password='s@cr\\'t' host='db.example' port='6543' dbname='tarjotin' "
      "sslmode='require'");
  EXPECT_EQ(
      parse_database_url("postgresql://127.0.0.1/postgres?options=-csearch_path%3Dt_1").connect,
      "host='127.0.0.1' dbname='postgres' options='-csearch_path=t_1'");
  EXPECT_THROW(parse_database_url("postgresql://h/db?x"), std::invalid_argument);
  EXPECT_THROW(parse_database_url("postgresql://h/db%2"), std::invalid_argument);
}

TEST(DatabaseUrl, RefusesAParameterThatWouldSmuggleInASecondOptionOrANul) {
  EXPECT_THROW(parse_database_url("postgresql://h/db?sslmode%3D'disable'%20host=x"),
               std::invalid_argument);
  EXPECT_THROW(parse_database_url("postgresql://h/db?SSLMODE=require"), std::invalid_argument);
  EXPECT_THROW(parse_database_url("postgresql://h/db%00x"), std::invalid_argument);
  EXPECT_THROW(parse_database_url(std::string("sqlite:///tmp/a\0b.db", 20)), std::invalid_argument);
  EXPECT_NO_THROW(parse_database_url("postgresql://h/db?connect_timeout=5&sslmode=require"));
}

}  // namespace
}  // namespace tarjotin::storage

namespace tarjotin::storage {
namespace {

TEST(Reconnection, TransactionsGoOnAfterTheServerDroppedEveryConnection) {
  if (testing::backend_under_test() != Backend::postgresql)
    GTEST_SKIP() << "SQLite has no server connection to lose";
  testing::TestDatabase t;
  ASSERT_TRUE(t.db().ping());
  const auto append = [](domain::Transaction& tx) {
    tx.audit().append(domain::AuditEvent{{}, "u", "o", "x.y", "x", "1", "", ""});
    return true;
  };
  // The writing connection keeps its statements prepared; they go with the connection.
  t.db().run(domain::Access::write, append);
  // What a PostgreSQL restart or failover does to an idle pool.
  soci::session admin(*soci::factory_postgresql(),
                      parse_database_url(std::getenv("TARJOTIN_TEST_POSTGRES_URL")).connect);
  // Only this test's connections: other suites share the server and run at the same time.
  admin << "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :n",
      soci::use(t.postgres_application_name());
  for (int i = 0; i < 6; ++i) {  // more than the pool holds, so every connection is tried
    EXPECT_NO_THROW(t.db().run(domain::Access::write, append));
  }
  EXPECT_TRUE(t.db().ping());
  EXPECT_EQ(t.db().verify_audit_chain().events, 7);
}

}  // namespace
}  // namespace tarjotin::storage
