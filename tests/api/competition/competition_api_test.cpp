// Mini-competitions end to end over HTTPS: every admitted provider invited, questions and
// answers, sealed tenders, the deadline, opening, scoring, ranking, award and the decision.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "tests/api/competition/competition_world.hpp"

namespace tarjotin::testing {
namespace {

TEST_F(Competitions, PublishInviteAskTenderOpenScoreAwardAndTellEveryone) {
  const auto id = publish();
  const auto seen = api.get("/v1/competitions/" + id, providers[0].token);
  ASSERT_EQ(seen.status, 200u) << seen.body;
  EXPECT_EQ(seen.json()["invited"].GetInt(), 3);
  EXPECT_TRUE(seen.json()["tenders"].IsNull());
  const auto listed =
      api.get("/v1/categories/" + category_id + "/competitions", providers[0].token);
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_EQ(schema_violation("competition-list", listed.body), "") << listed.body;
  const auto told = api.get("/v1/notifications", providers[2].token);
  EXPECT_NE(told.body.find("competition.invited"), std::string::npos);
  EXPECT_EQ(schema_violation("notification-list", told.body), "") << told.body;
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
  EXPECT_EQ(schema_violation("question-list", answers.body), "") << answers.body;
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
  EXPECT_EQ(schema_violation("ranking", ranking.body), "") << ranking.body;
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

}  // namespace
}  // namespace tarjotin::testing
