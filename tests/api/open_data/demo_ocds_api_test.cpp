// The demo DPS, as `tarjotin seed-demo` makes it, published as Open Contracting data: every page
// of its package and a mini-competition's release at each stage validate against the OCDS
// schemas, every demo order is on exactly one page, and nothing of a customer is anywhere.
#include <gtest/gtest.h>

#include <set>

#include "domain/accounts/ports.hpp"
#include "domain/competition/evaluation.hpp"
#include "server/demo_data.hpp"
#include "server/runtime.hpp"
#include "tests/api/open_data/world.hpp"

namespace tarjotin::testing {
namespace {

constexpr const char* kPrefix = "ocds-tarjot";

class DemoOpenData : public ::testing::Test {
 protected:
  TestServer server;
  ApiClient api = server.client();
  OcdsSchemas schemas;
  std::string dps_id;

  void SetUp() override {
    server::Config config;
    config.database_url = server.database().url();
    config.scrypt_log2_n = 10;
    server::Log quiet{server::LogLevel::error};
    ASSERT_EQ(server::seed_demo(config, quiet), 0);
    // The demo's history ends now; the competitions below run from now on.
    server.clock().set(server::SystemClock().now());
    const auto list = api.get("/v1/dps").json();
    ASSERT_EQ(list["items"].Size(), 1u);
    dps_id = list["items"][0]["id"].GetString();
  }

  domain::Actor demo_user(const std::string& email) {
    std::optional<domain::Actor> found;
    server.runtime().db().run(domain::Access::read, [&](domain::Transaction& tx) {
      if (auto u = tx.users().find_by_email(email))
        found = domain::Actor{u->id, u->organisation_id, u->role, ""};
      return false;
    });
    if (!found) throw std::runtime_error("no demo user " + email);
    return *found;
  }

  void expect_valid(const HttpResult& page) {
    ASSERT_EQ(page.status, 200u) << page.body;
    EXPECT_EQ(schemas.violation(page.body), "") << page.body.substr(0, 2000);
    EXPECT_EQ(cross_reference_problem(page.json(), kPrefix), "");
  }

  std::vector<HttpResult> all_pages(const std::string& first) {
    std::vector<HttpResult> out{api.get(first)};
    while (out.back().status == 200 && out.back().json().HasMember("links")) {
      const std::string next = out.back().json()["links"]["next"].GetString();
      out.push_back(api.get(next.substr(std::string("https://localhost").size())));
    }
    return out;
  }
};

TEST_F(DemoOpenData, EveryPageOfTheDemoDpsValidatesAndHoldsEachOrderOnce) {
  // What must never be published: who the customers are and who ordered for them.
  std::set<std::string> orders,
      secrets{"ustomer",    "eference",       "Asiakkaan oma valinta", "Yksilötapaamiset",
              "kannustava", "sairauslomalle", "Ei sopivaa valmentajaa"};
  server.runtime().db().run(domain::Access::read, [&](domain::Transaction& tx) {
    domain::OrderQuery q;
    q.dps_id = dps_id;
    for (const auto& o : tx.orders().list(q)) {
      orders.insert(o.id);
      secrets.insert({o.customer_id, o.coaching_unit_id, o.ordered_by, o.choice_set_id});
      if (auto c = tx.customers().find(o.customer_id)) secrets.insert(c->reference);
    }
    return false;
  });
  ASSERT_GT(orders.size(), 40u) << "five months of demo orders";

  const auto pages = all_pages("/v1/dps/" + dps_id + "/ocds?limit=25");
  ASSERT_EQ(pages.size(), (orders.size() + 1 + 24) / 25);
  std::multiset<std::string> seen;
  for (const auto& page : pages) {
    expect_valid(page);
    for (const auto& secret : secrets)
      EXPECT_EQ(page.body.find(secret), std::string::npos) << secret;
    const auto doc = page.json();  // alive while its releases are walked
    for (const auto& r : doc["releases"].GetArray())
      seen.insert(std::string(r["ocid"].GetString()).substr(std::string(kPrefix).size() + 1));
  }
  const auto first = pages.front().json();
  const auto& dps = first["releases"][0];
  EXPECT_EQ(dps["ocid"].GetString(), std::string(kPrefix) + "-" + dps_id);
  EXPECT_EQ(dps["tender"]["lots"].Size(), 6u);
  EXPECT_EQ(dps["awards"].Size(), 8u) << "the demo's eight admissions";
  EXPECT_EQ(seen.count(dps_id), 1u);
  seen.erase(dps_id);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), orders);
  EXPECT_EQ(seen.size(), orders.size()) << "an order on two pages";
}

TEST_F(DemoOpenData, AMiniCompetitionOfTheDemoDpsValidatesAtEveryStage) {
  const auto officer = demo_user("hankinta@kuopio.example");
  const std::vector<domain::Actor> tenderers{demo_user("myynti@savontyovalmennus.example"),
                                             demo_user("palvelut@polku.example")};
  std::string groups;
  const auto dps = api.get("/v1/dps/" + dps_id + "/ocds?limit=1").json();
  for (const auto& lot : dps["releases"][0]["tender"]["lots"].GetArray())
    if (std::string(lot["title"].GetString()) == "Ryhmävalmennus") groups = lot["id"].GetString();
  ASSERT_FALSE(groups.empty());

  auto& c = server.runtime().competitions();
  domain::CompetitionInput in;
  in.title = "Ryhmävalmennus kevät";
  in.description = "Kaksi kahdeksan hengen ryhmää";
  in.quantity = "16 asiakasta";
  in.criteria = {{"price", "Hinta", domain::CriterionBasis::price, 70, 0},
                 {"method", "Menetelmä", domain::CriterionBasis::quality, 30, 10}};
  in.questions_deadline = server.clock().now() + std::chrono::hours(1);
  in.tender_deadline = server.clock().now() + std::chrono::hours(2);
  in.standstill_days = 14;
  const auto id = must(domain::create_competition(c, officer, groups, in)).competition.id;
  const auto read = [&] {
    // Signed in afresh each time: the competition takes longer than a session lasts.
    const auto token = api.sign_in("hankinta@kuopio.example", server::kDemoPassword);
    const auto r = api.get("/v1/competitions/" + id + "/ocds", token);
    expect_valid(r);
    return r.json();
  };
  EXPECT_STREQ(read()["releases"][0]["tender"]["status"].GetString(), "planning");
  must(domain::publish_competition(c, officer, id));
  EXPECT_STREQ(read()["releases"][0]["tender"]["status"].GetString(), "active");
  for (std::size_t i = 0; i < tenderers.size(); ++i) {
    domain::TenderContent content;
    content.price_cents = 2'400'000 + static_cast<long long>(i) * 100'000;
    content.answers["method"] = "Ryhmätapaamiset ja yksilöohjaus";
    must(domain::save_tender(c, tenderers[i], id, content));
    must(domain::submit_tender(c, tenderers[i], id));
  }
  server.clock().advance(std::chrono::hours(3));
  must(domain::open_tenders(c, officer, id));
  EXPECT_EQ(read()["releases"][0]["tender"]["numberOfTenderers"].GetInt(), 2);
  for (const auto& t : must(domain::ranking(c, officer, id)))
    must(domain::score_tender(c, officer, id, t.tender_id, "method", {9, "Selkeä"}));
  must(domain::award_competition(c, officer, id,
                                 must(domain::ranking(c, officer, id)).front().tender_id));
  const auto awarded = read();
  EXPECT_DOUBLE_EQ(awarded["releases"][0]["awards"][0]["value"]["amount"].GetDouble(), 24000.0);
  server.clock().advance(std::chrono::hours(24 * 15));
  must(domain::conclude_competition(c, officer, id));
  const auto concluded = read();
  EXPECT_STREQ(concluded["releases"][0]["contracts"][0]["status"].GetString(), "active");
  EXPECT_EQ(concluded["releases"][0]["relatedProcesses"][0]["identifier"].GetString(),
            std::string(kPrefix) + "-" + dps_id);
}

}  // namespace
}  // namespace tarjotin::testing
