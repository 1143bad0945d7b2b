// Mini-competitions end to end over HTTPS: every admitted provider invited, questions and
// answers, sealed tenders, the deadline, opening, scoring, ranking, award and the decision; and
// webhooks delivered, signed, retried and never repeated.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <thread>

#include "crypto/tender_seal.hpp"
#include "domain/competition/use_cases.hpp"
#include "domain/qualification/applications.hpp"
#include "domain/qualification/dpss.hpp"
#include "domain/qualification/review.hpp"
#include "server/json.hpp"
#include "server/time_format.hpp"
#include "server/webhook_delivery.hpp"
#include "tests/api/support/test_server.hpp"

namespace tarjotin::testing {
namespace {

using domain::OrganisationKind;
using domain::Role;

std::string field(const HttpResult& r, const char* name) {
  return server::string_member(r.json(), name).value_or("");
}

// What no one may see before the deadline: the tenders' prices and texts.
constexpr const char* kSecretPrices[] = {"4321987", "5123456", "6000777"};
constexpr const char* kSecretText = "Salainen menetelmä";

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

TEST_F(Competitions, PublishInviteAskTenderOpenScoreAwardAndTellEveryone) {
  const auto id = publish();
  const auto seen = api.get("/v1/competitions/" + id, providers[0].token);
  ASSERT_EQ(seen.status, 200u) << seen.body;
  EXPECT_EQ(seen.json()["invited"].GetInt(), 3);
  EXPECT_TRUE(seen.json()["tenders"].IsNull());
  EXPECT_NE(api.get("/v1/notifications", providers[2].token).body.find("competition.invited"),
            std::string::npos);
  // Providers of other categories and coaches do not learn of it.
  EXPECT_EQ(api.get("/v1/competitions/" + id, coach.token).status, 404u);

  // Questions go to the officer; answers go to every invitee, without who asked.
  const auto asked = api.post("/v1/competitions/" + id + "/questions",
                              R"({"text":"Saako ryhmiä olla kaksi?"})", providers[0].token);
  ASSERT_EQ(asked.status, 201u) << asked.body;
  ASSERT_EQ(api.request(http::verb::put, "/v1/questions/" + field(asked, "id") + "/answer",
                        R"({"answer":"Saa."})", officer.token)
                .status,
            200u);
  const auto answers = api.get("/v1/competitions/" + id + "/questions", providers[1].token);
  ASSERT_EQ(answers.status, 200u);
  EXPECT_NE(answers.body.find("Saa."), std::string::npos);
  EXPECT_EQ(answers.body.find(providers[0].organisation_id), std::string::npos);

  // A provider admitted before the deadline is invited too.
  providers.push_back(admit(9));
  EXPECT_EQ(api.get("/v1/competitions/" + id, providers[3].token).status, 200u);

  ASSERT_EQ(tender(id, providers[0], kSecretPrices[0]).status, 200u);
  const auto receipt = submit(id, providers[0]);
  ASSERT_EQ(receipt.status, 200u) << receipt.body;
  EXPECT_EQ(schema_violation("tender-receipt", receipt.body), "") << receipt.body;
  EXPECT_EQ(field(receipt, "received_at"), server::format_timestamp(server.clock().now()));
  EXPECT_EQ(field(receipt, "receipt").size(), 64u);
  ASSERT_EQ(tender(id, providers[1], "7000000").status, 200u);
  ASSERT_EQ(submit(id, providers[1]).status, 200u);
  // Withdrawn and resubmitted with a better price.
  EXPECT_EQ(tender(id, providers[1], "1").status, 409u);
  ASSERT_EQ(
      api.post("/v1/competitions/" + id + "/tender/withdrawal", "", providers[1].token).status,
      200u);
  ASSERT_EQ(tender(id, providers[1], kSecretPrices[1]).status, 200u);
  ASSERT_EQ(submit(id, providers[1]).status, 200u);
  ASSERT_EQ(tender(id, providers[2], kSecretPrices[2]).status, 200u);
  ASSERT_EQ(submit(id, providers[2]).status, 200u);
  ASSERT_EQ(tender(id, providers[3], "9999999").status, 200u);  // a draft, never submitted

  EXPECT_EQ(api.post("/v1/competitions/" + id + "/opening", "", officer.token).status, 409u);

  advance_days(11);
  const auto late = submit(id, providers[3]);
  EXPECT_EQ(late.status, 409u);
  EXPECT_EQ(late.problem_type(), "deadline-passed");
  EXPECT_EQ(
      api.post("/v1/competitions/" + id + "/tender/withdrawal", "", providers[0].token).status,
      409u);

  const auto opened = api.post("/v1/competitions/" + id + "/opening", "", officer.token);
  ASSERT_EQ(opened.status, 200u) << opened.body;
  EXPECT_EQ(schema_violation("opened-tender-list", opened.body), "") << opened.body;
  const auto tenders = opened.json();
  ASSERT_EQ(tenders["items"].Size(), 3u);
  EXPECT_NE(opened.body.find(kSecretText), std::string::npos);
  EXPECT_EQ(opened.body.find("9999999"), std::string::npos);  // the draft stays unopened

  // Method points: p0 4/10, p1 9/10, p2 10/10. Prices 43,219.87 / 51,234.56 / 60,007.77 €:
  // p0 60 + 16 = 76; p1 60 × 4321987/5123456 + 36 = 50.61 + 36 = 86.61;
  // p2 60 × 4321987/6000777 + 40 = 43.21 + 40 = 83.21 → p1 wins.
  const std::map<std::string, int> points{{providers[0].organisation_id, 4},
                                          {providers[1].organisation_id, 9},
                                          {providers[2].organisation_id, 10}};
  std::string winner_tender;
  for (const auto& t : tenders["items"].GetArray()) {
    const std::string tender_id = t["tender_id"].GetString();
    const std::string provider = t["provider_id"].GetString();
    if (provider == providers[1].organisation_id) winner_tender = tender_id;
    const auto scored = api.request(
        http::verb::put, "/v1/competitions/" + id + "/tenders/" + tender_id + "/scores/method",
        R"({"points":)" + std::to_string(points.at(provider)) + R"(,"justification":"Perusteltu"})",
        officer.token);
    ASSERT_EQ(scored.status, 200u) << scored.body;
  }
  const auto ranking = api.get("/v1/competitions/" + id + "/ranking", officer.token);
  ASSERT_EQ(ranking.status, 200u) << ranking.body;
  const auto ranked = ranking.json();
  EXPECT_EQ(std::string(ranked["items"][0]["tender_id"].GetString()), winner_tender);
  EXPECT_NEAR(ranked["items"][0]["total"].GetDouble(), 60.0 * 4321987 / 5123456 + 36, 1e-6);
  EXPECT_EQ(api.get("/v1/competitions/" + id + "/ranking", providers[0].token).status, 403u);

  const auto wrong = api.post(
      "/v1/competitions/" + id + "/award",
      R"({"tender_id":")" + std::string(ranked["items"][1]["tender_id"].GetString()) + R"("})",
      officer.token);
  EXPECT_EQ(wrong.status, 422u);
  const auto awarded = api.post("/v1/competitions/" + id + "/award",
                                R"({"tender_id":")" + winner_tender + R"("})", officer.token);
  ASSERT_EQ(awarded.status, 200u) << awarded.body;

  for (std::size_t i = 0; i < 3; ++i) {
    const auto decision = api.get("/v1/competitions/" + id + "/decision", providers[i].token);
    ASSERT_EQ(decision.status, 200u) << decision.body;
    EXPECT_EQ(schema_violation("decision", decision.body), "") << decision.body;
    const auto d = decision.json();
    EXPECT_EQ(std::string(d["winner_provider_id"].GetString()), providers[1].organisation_id);
    EXPECT_EQ(std::string(d["own"]["provider_id"].GetString()), providers[i].organisation_id);
    EXPECT_NE(api.get("/v1/notifications", providers[i].token).body.find("competition.awarded"),
              std::string::npos);
  }
  // The standstill period holds the contract back.
  EXPECT_EQ(
      api.post("/v1/competitions/" + id + "/transitions", R"({"act":"conclude"})", officer.token)
          .status,
      409u);
  advance_days(14);
  EXPECT_EQ(
      api.post("/v1/competitions/" + id + "/transitions", R"({"act":"conclude"})", officer.token)
          .status,
      200u);
  EXPECT_TRUE(server.runtime().db().verify_audit_chain().intact);
}

TEST_F(Competitions, MetricsAreTheOperatorsAndSayNothingOfTenders) {
  const auto id = publish();
  std::vector<std::string> everyone{"",          "not-the-token", officer.token,
                                    admin.token, auditor.token,   coach.token};
  for (const auto& p : providers) everyone.push_back(p.token);
  const auto seen_by_everyone = [&] {
    std::string seen;
    for (const auto& token : everyone) {
      const auto r = api.get("/metrics", token);
      EXPECT_EQ(r.status, 401u) << r.body;
      seen += std::to_string(r.status) + " " + r.problem_type() + " " +
              std::to_string(r.body.size()) + "\n";
    }
    return seen;
  };
  const auto scrape = [&] { return api.get("/metrics", kMetricsToken).body; };
  const auto before = seen_by_everyone();

  ASSERT_EQ(tender(id, providers[0], kSecretPrices[0]).status, 200u);
  ASSERT_EQ(submit(id, providers[0]).status, 200u);
  ASSERT_EQ(
      api.post("/v1/competitions/" + id + "/tender/withdrawal", "", providers[0].token).status,
      200u);
  EXPECT_EQ(seen_by_everyone(), before);

  // The operator sees the competition's requests as one group, whatever the method.
  const auto operator_view = scrape();
  EXPECT_EQ(operator_view.find("tender"), std::string::npos) << operator_view;
  EXPECT_NE(operator_view.find(R"(route="/v1/competitions/{competition_id}/*",method="*",)"),
            std::string::npos)
      << operator_view;
  // A read adds to the same series as a submission did.
  const auto count = [](const std::string& body) {
    const std::string series =
        R"(tarjotin_http_requests_total{route="/v1/competitions/{competition_id}/*",method="*",status="200"} )";
    const auto at = body.find(series);
    return at == std::string::npos ? -1 : std::stoi(body.substr(at + series.size()));
  };
  const int after_tendering = count(operator_view);
  ASSERT_EQ(api.get("/v1/competitions/" + id, providers[1].token).status, 200u);
  EXPECT_EQ(count(scrape()), after_tendering + 1);
}

TEST_F(Competitions, ProviderReinstatedBeforeTheDeadlineIsInvitedAndMayTender) {
  const auto& p = providers[2];
  const auto admission =
      "/v1/categories/" + category_id + "/admissions/" + p.organisation_id + "/transitions";
  ASSERT_EQ(
      api.post(admission, R"({"act":"suspend","reason":"vakuutus vanhentunut"})", officer.token)
          .status,
      200u);
  const auto id = publish();
  EXPECT_EQ(api.get("/v1/competitions/" + id, p.token).status, 404u);
  EXPECT_EQ(api.get("/v1/notifications", p.token).body.find("competition.invited"),
            std::string::npos);

  const auto reinstated = api.post(admission, R"({"act":"reinstate"})", officer.token);
  ASSERT_EQ(reinstated.status, 200u) << reinstated.body;
  const auto seen = api.get("/v1/competitions/" + id, p.token);
  ASSERT_EQ(seen.status, 200u) << seen.body;
  EXPECT_EQ(seen.json()["invited"].GetInt(), 3);
  EXPECT_NE(api.get("/v1/notifications", p.token).body.find("competition.invited"),
            std::string::npos);
  ASSERT_EQ(tender(id, p, "4000000").status, 200u);
  EXPECT_EQ(submit(id, p).status, 200u);

  // Suspended and reinstated once more: invited once, not twice.
  ASSERT_EQ(api.post(admission, R"({"act":"suspend","reason":"tarkistus"})", officer.token).status,
            200u);
  ASSERT_EQ(api.post(admission, R"({"act":"reinstate"})", officer.token).status, 200u);
  EXPECT_EQ(api.get("/v1/competitions/" + id, p.token).json()["invited"].GetInt(), 3);
}

TEST_F(Competitions, BeforeTheDeadlineNoRouteOrRoleAndNoDatabaseRowRevealsATender) {
  const auto id = publish();
  std::string tender_id;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto saved = tender(id, providers[i], kSecretPrices[i]);
    ASSERT_EQ(saved.status, 200u) << saved.body;
    EXPECT_EQ(saved.body.find(kSecretPrices[i]), std::string::npos);
    ASSERT_EQ(submit(id, providers[i]).status, 200u);
    tender_id = field(saved, "tender_id");
  }
  expect_nothing_reveals_a_tender(id, tender_id);
  EXPECT_EQ(api.get("/v1/competitions/" + id + "/tenders", officer.token).problem_type(), "sealed");
  EXPECT_EQ(api.post("/v1/competitions/" + id + "/opening", "", admin.token).status, 403u);

  // The raw rows: nothing of any tender in plain form, in any table.
  server.runtime().db().with_session([&](soci::session& sql) {
    std::vector<std::string> tables;
    soci::rowset<soci::row> names =
        server.database().url().rfind("sqlite", 0) == 0
            ? (sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table'")
            : (sql.prepare << "SELECT table_name FROM information_schema.tables WHERE "
                              "table_schema = current_schema()");
    for (const auto& row : names) tables.push_back(row.get<std::string>(0));
    ASSERT_GT(tables.size(), 10u);
    for (const auto& table : tables) {
      soci::rowset<soci::row> rows = (sql.prepare << "SELECT * FROM " + table);
      for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
          if (row.get_indicator(c) == soci::i_null ||
              row.get_properties(c).get_data_type() != soci::dt_string)
            continue;
          const auto value = row.get<std::string>(c);
          for (const char* price : kSecretPrices)
            EXPECT_EQ(value.find(price), std::string::npos) << table;
          EXPECT_EQ(value.find(kSecretText), std::string::npos) << table;
        }
    }
  });
}

TEST_F(Competitions, DeadlineMovesOnlyLaterAndEveryInviteeIsTold) {
  const auto id = publish();
  const auto earlier =
      api.post("/v1/competitions/" + id + "/deadline-extension",
               R"({"tender_deadline":")" + at(std::chrono::hours(24 * 2)) + R"("})", officer.token);
  EXPECT_EQ(earlier.status, 422u);
  const auto later = api.post("/v1/competitions/" + id + "/deadline-extension",
                              R"({"tender_deadline":")" + at(std::chrono::hours(24 * 20)) + R"("})",
                              officer.token);
  ASSERT_EQ(later.status, 200u) << later.body;
  for (const auto& p : providers)
    EXPECT_NE(api.get("/v1/notifications", p.token).body.find("competition.deadline_moved"),
              std::string::npos);
  // Tendering goes on past the original deadline.
  advance_days(11);
  ASSERT_EQ(tender(id, providers[0], "100000").status, 200u);
  EXPECT_EQ(submit(id, providers[0]).status, 200u);
  EXPECT_EQ(api.post("/v1/competitions/" + id + "/opening", "", officer.token).problem_type(),
            "sealed");
}

// A webhook receiver on loopback that answers with the statuses it is given, in turn.
class Receiver {
 public:
  explicit Receiver(std::vector<unsigned> statuses) : statuses_(std::move(statuses)) {
    acceptor_.open(boost::asio::ip::tcp::v4());
    acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
    acceptor_.listen();
    thread_ = std::thread([this] { serve(); });
  }
  ~Receiver() {
    stopping_ = true;
    boost::system::error_code ignored;
    boost::asio::ip::tcp::socket poke(io_);
    poke.connect(acceptor_.local_endpoint(), ignored);
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/hook";
  }
  struct Delivery {
    std::string event, signature, body;
  };
  std::vector<Delivery> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void serve() {
    namespace http = boost::beast::http;
    std::size_t n = 0;
    while (!stopping_) {
      boost::asio::ip::tcp::socket socket(io_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping_) break;
      boost::beast::flat_buffer buffer;
      http::request<http::string_body> request;
      http::read(socket, buffer, request, ec);
      if (ec) continue;
      {
        std::lock_guard lock(mutex_);
        received_.push_back({std::string(request["X-Tarjotin-Event"]),
                             std::string(request["X-Tarjotin-Signature"]), request.body()});
      }
      http::response<http::string_body> response{
          static_cast<http::status>(n < statuses_.size() ? statuses_[n] : 200), 11};
      ++n;
      response.prepare_payload();
      http::write(socket, response, ec);
    }
  }

  std::vector<unsigned> statuses_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<Delivery> received_;
  std::thread thread_;
};

TEST_F(Competitions, WebhooksArriveSignedAreRetriedAndNeverRepeated) {
  Receiver receiver({500});  // fails once, then accepts
  const auto hook = api.request(http::verb::put, "/v1/webhook",
                                R"({"url":")" + receiver.url() + R"("})", providers[0].token);
  ASSERT_EQ(hook.status, 200u) << hook.body;
  const auto secret = field(hook, "secret");
  // Kept sealed at rest: the database never holds the secret in the clear.
  std::string stored;
  server.database().db().with_session(
      [&](soci::session& sql) { sql << "SELECT secret FROM webhooks", soci::into(stored); });
  EXPECT_TRUE(stored.starts_with(domain::kSealedSecretPrefix)) << stored;
  EXPECT_EQ(stored.find(secret), std::string::npos);
  publish();

  // A sender with the default rule refuses loopback URLs; the test receiver lives there.
  server::HttpWebhookSender guarded;
  EXPECT_EQ(guarded.post(receiver.url(), {}, "{}").error, "refusing to post to a private address");
  EXPECT_TRUE(receiver.received().empty());
  auto& sender = server.runtime().webhooks();
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(), sender), 0);
  ASSERT_EQ(receiver.received().size(), 1u);
  // Not due again until the backoff has passed.
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(), sender), 0);
  EXPECT_EQ(receiver.received().size(), 1u);
  // The provider sees the failed attempt and when it is tried again, never the secret.
  const auto status = api.get("/v1/webhook", providers[0].token);
  ASSERT_EQ(status.status, 200u) << status.body;
  EXPECT_EQ(schema_violation("webhook-status", status.body), "");
  EXPECT_EQ(status.body.find(secret), std::string::npos);
  EXPECT_EQ(field(status, "url"), receiver.url());
  const auto status_json = status.json();
  const auto& deliveries = status_json["deliveries"];
  ASSERT_EQ(deliveries.Size(), 1u);
  EXPECT_STREQ(deliveries[0]["state"].GetString(), "retrying");
  EXPECT_EQ(deliveries[0]["attempts"].GetInt(), 1);
  EXPECT_STREQ(deliveries[0]["last_error"].GetString(), "HTTP 500");
  EXPECT_TRUE(deliveries[0]["next_attempt_at"].IsString());
  server.clock().advance(std::chrono::seconds(31));
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(), sender), 1);
  const auto delivered = api.get("/v1/webhook", providers[0].token).json();
  EXPECT_STREQ(delivered["deliveries"][0]["state"].GetString(), "delivered");
  EXPECT_TRUE(delivered["deliveries"][0]["next_attempt_at"].IsNull());

  const auto got = receiver.received();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].event, got[1].event);
  EXPECT_EQ(got[1].signature, "sha256=" + crypto::hmac_sha256_hex(secret, got[1].body));
  EXPECT_NE(got[1].body.find("competition.invited"), std::string::npos);

  // A restarted server (a new process on the same database) has nothing left to send.
  server::Log quiet(server::LogLevel::error);
  server::Config config;
  config.database_url = server.database().url();
  config.scrypt_log2_n = 10;
  config.documents_dir = "/tmp";
  config.tender_key_file = "/tmp/tarjotin-test-replica.key";
  server::Runtime restarted(config, quiet, &server.clock());
  server.clock().advance(std::chrono::hours(24));
  EXPECT_EQ(server::deliver_due_webhooks(restarted.competitions(), sender), 0);
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(), sender), 0);
  EXPECT_EQ(receiver.received().size(), 2u);
}

TEST_F(Competitions, AWebhookWhoseAttemptsAreUsedUpShowsAsFailed) {
  Receiver receiver({503, 503});
  ASSERT_EQ(api.request(http::verb::put, "/v1/webhook", R"({"url":")" + receiver.url() + R"("})",
                        providers[0].token)
                .status,
            200u);
  publish();
  server::DeliveryPolicy twice;
  twice.max_attempts = 2;
  server::deliver_due_webhooks(server.runtime().competitions(), server.runtime().webhooks(), twice);
  server.clock().advance(std::chrono::hours(1));
  server::deliver_due_webhooks(server.runtime().competitions(), server.runtime().webhooks(), twice);
  const auto status = api.get("/v1/webhook", providers[0].token).json();
  EXPECT_STREQ(status["deliveries"][0]["state"].GetString(), "failed");
  EXPECT_EQ(status["deliveries"][0]["attempts"].GetInt(), 2);
  EXPECT_TRUE(status["deliveries"][0]["next_attempt_at"].IsNull());
  server.clock().advance(std::chrono::hours(24 * 365));
  EXPECT_EQ(server::deliver_due_webhooks(server.runtime().competitions(),
                                         server.runtime().webhooks(), twice),
            0);
  EXPECT_EQ(receiver.received().size(), 2u);
}

// An installation with the default rule: a URL the sender would refuse is refused when set.
TEST(Webhooks, AUrlTheSenderWouldRefuseIsRefusedWhenSetAndNothingChanges) {
  TestServer server;
  auto api = server.client();
  const auto provider =
      server.add_member(OrganisationKind::provider, Role::provider, finnish_business_id(901));
  const auto before = api.get("/v1/webhook", provider.token);
  ASSERT_EQ(before.status, 200u) << before.body;
  EXPECT_TRUE(before.json()["url"].IsNull());
  EXPECT_EQ(schema_violation("webhook-status", before.body), "");

  for (const std::string url :
       {"https://127.0.0.1/hook", "http://localhost:8080/hook", "https://[::1]/hook",
        "https://10.1.2.3/hook", "https://192.168.0.10/hook", "https://172.16.5.5/hook",
        "http://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook",
        "https://192.0.2.10/hook", "https://[fd00::1]/hook", "https://[::ffff:10.0.0.1]/hook",
        "https://0.0.0.0/hook", "https://host.invalid/hook"}) {
    const auto refused =
        api.request(http::verb::put, "/v1/webhook", R"({"url":")" + url + R"("})", provider.token);
    EXPECT_EQ(refused.status, 422u) << url << ": " << refused.body;
    EXPECT_NE(refused.body.find(R"("pointer":"/url")"), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find(R"("rule":"deliverable")"), std::string::npos) << refused.body;
  }
  EXPECT_TRUE(api.get("/v1/webhook", provider.token).json()["url"].IsNull());

  const auto set = api.request(http::verb::put, "/v1/webhook",
                               R"({"url":"https://93.184.215.14/tarjotin"})", provider.token);
  EXPECT_EQ(set.status, 200u) << set.body;
  EXPECT_STREQ(api.get("/v1/webhook", provider.token).json()["url"].GetString(),
               "https://93.184.215.14/tarjotin");
}

TEST(WebhookSender, GivesUpOnAReceiverThatNeverAnswers) {
  // A listening socket that is never accepted: the kernel completes the TCP handshake and then
  // nothing more happens, as with a receiver that hangs.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  server::HttpWebhookSender sender(/*allow_private_addresses=*/true, std::chrono::seconds(1));
  const auto started = std::chrono::steady_clock::now();
  const auto answer = sender.post(
      "http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()) + "/", {}, "{}");
  EXPECT_EQ(answer.status, 0u);
  EXPECT_NE(answer.error.find("no answer"), std::string::npos) << answer.error;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

}  // namespace
}  // namespace tarjotin::testing
