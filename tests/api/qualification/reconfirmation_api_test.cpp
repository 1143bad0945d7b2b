// Re-confirmation of criteria: providers that do not confirm in time are suspended by the
// background job, once, even when two replicas run it together.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "domain/qualification/applications.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/reconfirmation.hpp"
#include "domain/qualification/review.hpp"
#include "server/json.hpp"
#include "server/time_format.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

using domain::OrganisationKind;
using domain::Role;

std::string field(const HttpResult& r, const char* name) {
  return server::string_member(r.json(), name).value_or("");
}

class Reconfirmations : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();
  TestServer::Member officer =
      server.add_member(OrganisationKind::contracting_authority, Role::officer);
  std::string category_id;
  std::vector<TestServer::Member> providers;

  std::string date(int days) {
    return server::format_date(domain::helsinki_date(server.clock().now()) +
                               std::chrono::days{days});
  }

  // A published DPS with one open category and `n` admitted providers, set up through the
  // domain directly: the qualification API has its own tests.
  void SetUp() override {
    auto& q = server.runtime().qualification();
    const domain::Actor o{officer.user_id, officer.organisation_id, Role::officer, ""};
    const auto today = domain::helsinki_date(server.clock().now());
    auto dps = domain::create_dps(q, o, {"DPS", "", "", today, today + std::chrono::days{365}});
    ASSERT_TRUE(dps.ok());
    domain::CategoryInput in;
    in.name = {"Työssävalmennus", "", ""};
    in.languages = {"fi"};
    auto category =
        domain::create_category(q, o, dps->id,
                                {in,
                                 {{"insured", "Vakuutus voimassa?", domain::CriterionType::yes_no,
                                   domain::CriterionKind::selection, 0, 0, false}}});
    ASSERT_TRUE(category.ok());
    category_id = category->category.id;
    ASSERT_TRUE(domain::change_category_state(q, o, category_id, domain::CategoryAct::open).ok());
    ASSERT_TRUE(domain::change_dps_state(q, o, dps->id, domain::DpsAct::publish).ok());
    for (int i = 0; i < 3; ++i) {
      auto p = server.add_member(OrganisationKind::provider, Role::provider,
                                 finnish_business_id(300 + i));
      const domain::Actor a{p.user_id, p.organisation_id, Role::provider, ""};
      auto app = domain::start_application(q, a, category_id, {{"insured", true, {}, {}, "", ""}});
      ASSERT_TRUE(app.ok());
      ASSERT_TRUE(domain::submit_application(q, a, app->application.id).ok());
      ASSERT_TRUE(domain::decide_application(q, o, app->application.id, {true, ""}).ok());
      providers.push_back(p);
    }
  }

  std::string request(int due_in_days) {
    const auto r = api.post("/v1/categories/" + category_id + "/reconfirmations",
                            R"({"due":")" + date(due_in_days) +
                                R"(","message":"Vahvistakaa vakuutuksen voimassaolo."})",
                            officer.token);
    EXPECT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(schema_violation("reconfirmation", r.body), "") << r.body;
    return field(r, "id");
  }

  bool publicly_admitted(const std::string& provider_id) {
    const auto r = api.get("/v1/categories/" + category_id + "/admitted-providers");
    return r.body.find(provider_id) != std::string::npos;
  }

  long long audit_actions(const std::string& action) {
    long long n = 0;
    server.runtime().db().with_session([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM audit_events WHERE action = :a", soci::use(action),
          soci::into(n);
    });
    return n;
  }
};

TEST_F(Reconfirmations, ProviderThatDoesNotConfirmInTimeIsSuspendedTheOthersStay) {
  const auto id = request(3);
  const auto& confirming = providers[0];
  const auto& silent = providers[1];

  const auto pending = api.get("/v1/reconfirmations", confirming.token);
  ASSERT_EQ(pending.status, 200u);
  EXPECT_EQ(schema_violation("reconfirmation-list", pending.body), "");
  EXPECT_NE(pending.body.find(id), std::string::npos);

  const auto confirmed =
      api.post("/v1/reconfirmations/" + id + "/confirmation", "", confirming.token);
  ASSERT_EQ(confirmed.status, 200u) << confirmed.body;
  EXPECT_EQ(field(confirmed, "state"), "confirmed");

  // Nothing lapses on the due day itself: it is the last day to confirm.
  server.clock().advance(std::chrono::hours(24 * 3));
  EXPECT_EQ(domain::lapse_overdue_reconfirmations(server.runtime().qualification()), 0);
  server.clock().advance(std::chrono::hours(24));
  EXPECT_EQ(domain::lapse_overdue_reconfirmations(server.runtime().qualification()), 2);

  EXPECT_TRUE(publicly_admitted(confirming.organisation_id));
  EXPECT_FALSE(publicly_admitted(silent.organisation_id));
  // A late confirmation cannot undo the lapse.
  const auto officer_token = api.sign_in(officer.email, kPassword);
  const auto late_token = api.sign_in(silent.email, kPassword);
  EXPECT_EQ(api.post("/v1/reconfirmations/" + id + "/confirmation", "", late_token).status, 409u);
  // The suspended provider is told why; the one that confirmed hears nothing.
  const auto told = api.get("/v1/notifications", late_token).json();
  ASSERT_EQ(told["items"].Size(), 1u);
  EXPECT_STREQ(told["items"][0]["kind"].GetString(), "admission.suspended");
  EXPECT_NE(std::string(told["items"][0]["text"].GetString()).find("not re-confirmed"),
            std::string::npos);
  // (Signed in again: the earlier session expired while the days passed.)
  const auto heard = api.get("/v1/notifications", api.sign_in(confirming.email, kPassword));
  ASSERT_EQ(heard.status, 200u) << heard.body;
  EXPECT_EQ(heard.json()["items"].Size(), 0u);
  const auto view = api.get("/v1/reconfirmations/" + id, officer_token);
  ASSERT_EQ(view.status, 200u);
  EXPECT_EQ(schema_violation("reconfirmation", view.body), "");
  EXPECT_NE(view.body.find(R"("state":"lapsed")"), std::string::npos);
  EXPECT_TRUE(server.runtime().db().verify_audit_chain().intact);
}

TEST_F(Reconfirmations, TwoReplicasRunningTheJobTogetherSuspendEachProviderOnce) {
  request(1);
  server.clock().advance(std::chrono::hours(24 * 2));
  // A second server process on the same database, as another replica would be.
  server::Log quiet(server::LogLevel::error);
  server::Config config;
  config.database_url = server.database().url();
  config.scrypt_log2_n = 10;
  config.documents_dir = "/tmp";
  server::Runtime replica(config, quiet, &server.clock());
  int first = 0, second = 0;
  std::thread a(
      [&] { first = domain::lapse_overdue_reconfirmations(server.runtime().qualification()); });
  std::thread b([&] { second = domain::lapse_overdue_reconfirmations(replica.qualification()); });
  a.join();
  b.join();
  EXPECT_EQ(first + second, 3);
  EXPECT_EQ(audit_actions("admission.suspended"), 3);
  EXPECT_EQ(audit_actions("reconfirmation.lapsed"), 3);
}

TEST_F(Reconfirmations, OnlyTheOwningAuthoritysOfficerAsksAndOthersSeeNothing) {
  const auto other = server.add_member(OrganisationKind::contracting_authority, Role::officer);
  const auto refused = api.post("/v1/categories/" + category_id + "/reconfirmations",
                                R"({"due":")" + date(5) + R"(","message":"x"})", other.token);
  EXPECT_EQ(refused.status, 404u);
  const auto id = request(5);
  EXPECT_EQ(api.get("/v1/reconfirmations/" + id, other.token).status, 404u);
  const auto outsider =
      server.add_member(OrganisationKind::provider, Role::provider, finnish_business_id(400));
  EXPECT_EQ(api.get("/v1/reconfirmations/" + id, outsider.token).status, 404u);
  EXPECT_EQ(api.post("/v1/reconfirmations/" + id + "/confirmation", "", outsider.token).status,
            404u);
}

TEST_F(Reconfirmations, DueDateMustBeAfterTodayAndReal) {
  const auto today = api.post("/v1/categories/" + category_id + "/reconfirmations",
                              R"({"due":")" + date(0) + R"(","message":"x"})", officer.token);
  EXPECT_EQ(today.status, 422u);
  const auto impossible = api.post("/v1/categories/" + category_id + "/reconfirmations",
                                   R"({"due":"2027-02-30","message":"x"})", officer.token);
  ASSERT_EQ(impossible.status, 422u);
  EXPECT_STREQ(impossible.json()["errors"][0]["pointer"].GetString(), "/due");
}

}  // namespace
}  // namespace tarjotin::testing
