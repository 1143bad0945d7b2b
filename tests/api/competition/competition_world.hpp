#pragma once
// A published DPS with a category bought by mini-competition, three providers admitted to it,
// and the authority's officer, admin and auditor, served over HTTPS: where the competition API
// tests start.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/qualification/applications.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/review.hpp"
#include "server/json.hpp"
#include "server/time_format.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {

using domain::OrganisationKind;
using domain::Role;

inline std::string field(const HttpResult& r, const char* name) {
  return server::string_member(r.json(), name).value_or("");
}

// What no one may see before the deadline: the tenders' prices and texts.
inline constexpr const char* kSecretPrices[] = {"4321987", "5123456", "6000777"};
inline constexpr const char* kSecretText = "Salainen menetelmä";

class Competitions : public ::testing::Test {
 protected:
  // The webhook receivers of these tests listen on loopback.
  TestServer server{ServerTweaks{.webhook_allow_private_addresses = true}};
  ApiClient api = server.client();
  TestServer::Member officer =
      server.add_member(OrganisationKind::contracting_authority, Role::officer);
  TestServer::Member admin =
      server.add_member(OrganisationKind::contracting_authority, Role::admin);
  TestServer::Member auditor =
      server.add_member(OrganisationKind::contracting_authority, Role::auditor);
  TestServer::Member coach = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  std::string category_id;
  std::vector<TestServer::Member> providers;

  domain::Actor officer_actor() const {
    return {officer.user_id, officer.organisation_id, Role::officer, ""};
  }

  std::string at(std::chrono::hours from_now) {
    return server::format_timestamp(server.clock().now() + from_now);
  }

  TestServer::Member admit(int n) {
    auto& q = server.runtime().qualification();
    auto p =
        server.add_member(OrganisationKind::provider, Role::provider, finnish_business_id(500 + n));
    const domain::Actor a{p.user_id, p.organisation_id, Role::provider, ""};
    auto app = domain::start_application(q, a, category_id, {{"insured", true, {}, {}, "", ""}});
    EXPECT_TRUE(app.ok());
    EXPECT_TRUE(domain::submit_application(q, a, app->application.id).ok());
    EXPECT_TRUE(
        domain::decide_application(q, officer_actor(), app->application.id, {true, ""}).ok());
    return p;
  }

  void SetUp() override {
    auto& q = server.runtime().qualification();
    const auto o = officer_actor();
    const auto today = domain::helsinki_date(server.clock().now());
    auto dps = domain::create_dps(q, o, {"DPS", "", "", today, today + std::chrono::days{365}});
    ASSERT_TRUE(dps.ok());
    domain::CategoryInput in;
    in.name = {"Ryhmävalmennus", "", ""};
    in.languages = {"fi"};
    in.award_method = domain::AwardMethod::mini_competition;
    auto category =
        domain::create_category(q, o, dps->id,
                                {in,
                                 {{"insured", "Vakuutus voimassa?", domain::CriterionType::yes_no,
                                   domain::CriterionKind::selection, 0, 0, false}}});
    ASSERT_TRUE(category.ok());
    category_id = category->category.id;
    ASSERT_TRUE(domain::change_category_state(q, o, category_id, domain::CategoryAct::open).ok());
    ASSERT_TRUE(domain::change_dps_state(q, o, dps->id, domain::DpsAct::publish).ok());
    for (int i = 0; i < 3; ++i) providers.push_back(admit(i));
  }

  std::string publish() {
    const auto created = api.post(
        "/v1/categories/" + category_id + "/competitions",
        R"({"title":"Ryhmävalmennus 40 asiakkaalle","description":"Kolmen kuukauden ryhmät",)"
        R"("quantity":"40 asiakasta","criteria":[{"key":"price","name":"Hinta","basis":"price",)"
        R"("weight":60},{"key":"method","name":"Menetelmä","basis":"quality","weight":40,)"
        R"("max_points":10}],"questions_deadline":")" +
            at(std::chrono::hours(24 * 5)) + R"(","tender_deadline":")" +
            at(std::chrono::hours(24 * 10)) + R"(","standstill_days":14})",
        officer.token);
    EXPECT_EQ(created.status, 201u) << created.body;
    EXPECT_EQ(schema_violation("competition", created.body), "") << created.body;
    const auto id = field(created, "id");
    const auto published =
        api.post("/v1/competitions/" + id + "/transitions", R"({"act":"publish"})", officer.token);
    EXPECT_EQ(published.status, 200u) << published.body;
    return id;
  }

  HttpResult tender(const std::string& id, const TestServer::Member& p, const std::string& price,
                    const std::string& method = kSecretText) {
    return api.request(http::verb::put, "/v1/competitions/" + id + "/tender",
                       R"({"price_cents":)" + price + R"(,"answers":{"method":")" + method +
                           R"("},"note":"Ryhmät Kuopiossa"})",
                       p.token);
  }

  HttpResult submit(const std::string& id, const TestServer::Member& p) {
    return api.post("/v1/competitions/" + id + "/tender/submission", "", p.token);
  }

  void advance_days(int n) {
    server.clock().advance(std::chrono::hours(24 * n));
    for (auto* m : {&officer, &admin, &auditor, &coach})
      m->token = api.sign_in(m->email, kPassword);
    for (auto& p : providers) p.token = api.sign_in(p.email, kPassword);
  }

  // Every GET route of the API, with this competition's ids filled in, as every role.
  void expect_nothing_reveals_a_tender(const std::string& competition_id,
                                       const std::string& tender_id) {
    std::vector<const TestServer::Member*> everyone{&officer, &admin, &auditor, &coach};
    for (const auto& p : providers) everyone.push_back(&p);
    int probes = 0;
    for (const auto& route : server.runtime().api().router().routes()) {
      if (route.method != http::verb::get) continue;
      std::string path = route.path;
      auto fill = [&](const std::string& name, const std::string& value) {
        for (auto at = path.find(name); at != std::string::npos; at = path.find(name))
          path.replace(at, name.size(), value);
      };
      fill("{competition_id}", competition_id);
      fill("{tender_id}", tender_id);
      fill("{category_id}", category_id);
      fill("{provider_id}", providers[0].organisation_id);
      if (path.find('{') != std::string::npos)
        fill(path.substr(path.find('{'), path.find('}') - path.find('{') + 1), "x");
      for (const auto* who : everyone) {
        const auto r = api.get(path, who->token);
        ++probes;
        for (const char* price : kSecretPrices)
          EXPECT_EQ(r.body.find(price), std::string::npos) << path << " " << r.body;
        EXPECT_EQ(r.body.find(kSecretText), std::string::npos) << path << " " << r.body;
      }
    }
    EXPECT_GT(probes, 100);
  }
};

}  // namespace tarjotin::testing
