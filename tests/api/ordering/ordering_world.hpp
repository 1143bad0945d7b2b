#pragma once
// A published DPS with one open customer-choice category in Kuopio, two providers admitted to
// it, an officer and two coaching units' coaches, served over HTTPS: where the ordering API tests
// start, with the requests they repeat.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <utility>
#include <vector>

#include "domain/qualification/admissions.hpp"
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

inline long long number(const HttpResult& r, const char* name) {
  const auto doc = r.json();
  return doc.IsObject() && doc.HasMember(name) && doc[name].IsInt64() ? doc[name].GetInt64() : -1;
}

class Ordering : public ::testing::Test {
 protected:
  Ordering() = default;
  explicit Ordering(ServerTweaks tweaks) : server(tweaks) {}

  TestServer server;
  ApiClient api = server.client();
  TestServer::Member officer =
      server.add_member(OrganisationKind::contracting_authority, Role::officer);
  TestServer::Member coach = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  TestServer::Member other_coach = server.add_member(OrganisationKind::coaching_unit, Role::coach);
  std::string dps_id;
  std::string category_id;
  std::vector<TestServer::Member> providers;

  domain::Actor officer_actor() const {
    return {officer.user_id, officer.organisation_id, Role::officer, ""};
  }

  std::string date(int days) {
    return server::format_date(domain::helsinki_date(server.clock().now()) +
                               std::chrono::days{days});
  }

  // A published DPS with one open customer-choice category in Kuopio (297), a price ceiling of
  // 2,000 € and bonuses; two admitted providers. Set up through the domain: qualification has
  // its own API tests.
  void SetUp() override {
    auto& q = server.runtime().qualification();
    const auto o = officer_actor();
    const auto today = domain::helsinki_date(server.clock().now());
    auto dps = domain::create_dps(q, o, {"DPS", "", "", today, today + std::chrono::days{365}});
    ASSERT_TRUE(dps.ok());
    dps_id = dps->id;
    domain::CategoryInput in;
    in.name = {"Työhönvalmennus", "Jobbcoachning", "Job coaching"};
    in.languages = {"fi", "sv", "en"};
    in.regions = {"297", "091"};
    in.price.unit_price_ceiling_cents = 200'000;
    in.price.outcome_bonus_cents = {{"employment_open_market", 50'000}, {"studies", 20'000}};
    auto category =
        domain::create_category(q, o, dps_id,
                                {in,
                                 {{"insured", "Vakuutus voimassa?", domain::CriterionType::yes_no,
                                   domain::CriterionKind::selection, 0, 0, false}}});
    ASSERT_TRUE(category.ok());
    category_id = category->category.id;
    ASSERT_TRUE(domain::change_category_state(q, o, category_id, domain::CategoryAct::open).ok());
    ASSERT_TRUE(domain::change_dps_state(q, o, dps_id, domain::DpsAct::publish).ok());
    for (int i = 0; i < 2; ++i) {
      auto p = server.add_member(OrganisationKind::provider, Role::provider,
                                 finnish_business_id(400 + i));
      const domain::Actor a{p.user_id, p.organisation_id, Role::provider, ""};
      auto app = domain::start_application(q, a, category_id, {{"insured", true, {}, {}, "", ""}});
      ASSERT_TRUE(app.ok());
      ASSERT_TRUE(domain::submit_application(q, a, app->application.id).ok());
      ASSERT_TRUE(domain::decide_application(q, o, app->application.id, {true, ""}).ok());
      providers.push_back(p);
    }
  }

  std::string offer(const TestServer::Member& provider, int places, long long price = 150'000) {
    const auto r = api.post("/v1/categories/" + category_id + "/offerings",
                            R"({"description":{"fi":"Yksilövalmennus","en":"One-to-one coaching"},)"
                            R"("unit_price_cents":)" +
                                std::to_string(price) +
                                R"(,"outcome_bonus_cents":{"employment_open_market":40000},)"
                                R"("free_places":)" +
                                std::to_string(places) +
                                R"(,"regions":["297"],"languages":["fi","en"],)"
                                R"("earliest_start":")" +
                                date(0) + R"(","typical_duration_days":60})",
                            provider.token);
    EXPECT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(schema_violation("offering", r.body), "") << r.body;
    return field(r, "id");
  }

  std::string customer(const std::string& reference, const std::string& token,
                       const std::string& band = "over_24_months") {
    const auto r = api.post("/v1/customers",
                            R"({"reference":")" + reference +
                                R"(","region":"297","languages":["fi"],"unemployment_band":")" +
                                band + R"(","age_band":"from_30_to_54"})",
                            token);
    EXPECT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(schema_violation("customer", r.body), "") << r.body;
    return field(r, "id");
  }

  HttpResult choice(const std::string& customer_id, const std::string& token) {
    return api.post(
        "/v1/choice-sets",
        R"({"category_id":")" + category_id + R"(","customer_id":")" + customer_id + R"("})",
        token);
  }

  // The offerings a choice set shows, in order, and why one was left out ("" when it was not).
  static std::vector<std::string> shown(const HttpResult& set) {
    std::vector<std::string> ids;
    const auto doc = set.json();
    for (const auto& e : doc["entries"].GetArray()) ids.push_back(e["offering_id"].GetString());
    return ids;
  }
  static std::string left_out_because(const HttpResult& set, const std::string& offering) {
    const auto doc = set.json();
    for (const auto& l : doc["left_out"].GetArray()) {
      if (l["offering_id"].GetString() != offering) continue;
      std::string reasons;
      for (const auto& r : l["reasons"].GetArray())
        reasons += (reasons.empty() ? "" : ",") + std::string(r.GetString());
      return reasons;
    }
    return "";
  }

  std::string choice_set(const std::string& customer_id) {
    const auto r = choice(customer_id, coach.token);
    EXPECT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(schema_violation("choice-set", r.body), "") << r.body;
    return field(r, "id");
  }

  HttpResult order(const std::string& set, const std::string& offering, const std::string& key = "",
                   const std::string& reason = "lähellä kotia") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return api.request(http::verb::post, "/v1/orders",
                       R"({"choice_set_id":")" + set + R"(","offering_id":")" + offering +
                           R"(","chosen_by_customer":true,"choice_reason":")" + reason + R"("})",
                       coach.token, headers);
  }

  HttpResult act(const std::string& order_id, const std::string& what, const std::string& token,
                 const std::string& reason = "") {
    return api.post("/v1/orders/" + order_id + "/transitions",
                    R"({"act":")" + what + R"(","reason":")" + reason + R"("})", token);
  }

  // Moves the clock by whole days; sessions last hours, so everyone signs in again.
  void advance_days(int n) {
    server.clock().advance(std::chrono::hours(24 * n));
    for (auto* m : {&officer, &coach, &other_coach}) m->token = api.sign_in(m->email, kPassword);
    for (auto& p : providers) p.token = api.sign_in(p.email, kPassword);
  }

  long long free_places(const std::string& offering) {
    return number(api.get("/v1/offerings/" + offering, coach.token), "free_places");
  }

  long long orders_in_database(const std::string& offering) {
    long long n = 0;
    server.runtime().db().with_session([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM orders WHERE offering_id = :o", soci::use(offering),
          soci::into(n);
    });
    return n;
  }
};

}  // namespace tarjotin::testing
