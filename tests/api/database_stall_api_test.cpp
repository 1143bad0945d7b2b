// A database that stops answering: clients get 503 within the request timeout instead of
// waiting with it, and what was acknowledged, or committed late, is not lost.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

const std::string kRegistration =
    R"({"organisation":{"name":"Hidas Oy","business_id":"0737546-2"},)"
    R"("user":{"email":"hidas@example.fi","display_name":"H","password":"correct horse battery"}})";

// Holds every writer off for `hold`: SQLite's exclusive lock, or on PostgreSQL the audit head
// that every write transaction locks first.
std::thread hold_writes(TestServer& s, std::chrono::milliseconds hold) {
  return std::thread([&s, hold] {
    s.runtime().db().with_session([&](soci::session& sql) {
      const bool sqlite = s.runtime().db().backend() == storage::Backend::sqlite;
      sql << (sqlite ? "BEGIN EXCLUSIVE" : "BEGIN");
      if (!sqlite) sql << "LOCK TABLE audit_head IN ACCESS EXCLUSIVE MODE";
      std::this_thread::sleep_for(hold);
      sql << "COMMIT";
    });
  });
}

TEST(DatabaseStall, AStuckWriteIsAnswered503AtTheRequestTimeoutAndItsLateCommitIsKept) {
  TestServer s(ServerTweaks{.request_timeout_seconds = 2});
  auto holder = hold_writes(s, std::chrono::milliseconds(4000));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));

  const auto started = std::chrono::steady_clock::now();
  const auto stuck = s.client().post("/v1/provider-registrations", kRegistration);
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(stuck.status, 503u) << stuck.body;
  EXPECT_EQ(stuck.problem_type(), "request-timeout");
  EXPECT_EQ(stuck.header("Retry-After"), "5");
  EXPECT_GE(waited, std::chrono::milliseconds(1500));
  EXPECT_LT(waited, std::chrono::milliseconds(3500)) << "the client waited for the database";
  // Meanwhile reads are answered.
  EXPECT_EQ(s.client().get("/v1/openapi.json").status, 200u);

  holder.join();
  // The write went on when the database did; its late answer was dropped, not its commit.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const auto again = s.client().post("/v1/provider-registrations", kRegistration);
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(s.client()
                .post("/v1/sessions",
                      R"({"email":"hidas@example.fi","password":"correct horse battery"})")
                .status,
            201u);
}

}  // namespace
}  // namespace tarjotin::testing
