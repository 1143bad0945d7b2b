// A DPS and its mini-competitions as Open Contracting data, over HTTPS: every page validates
// against the OCDS schemas, pages give every order exactly once, nothing of a customer appears,
// a draft is not found, and a competition's release says nothing of its tenders before opening.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/competition/evaluation.hpp"
#include "server/time_format.hpp"
#include "tests/api/open_data/world.hpp"

namespace tarjotin::testing {
namespace {

constexpr const char* kPrefix = "ocds-tarjot";

class OpenContracting : public OpenDataWorld {
 protected:
  OcdsSchemas schemas;

  void expect_valid(const HttpResult& r) {
    ASSERT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(schemas.violation(r.body), "") << r.body;
    EXPECT_EQ(schema_violation("ocds-release-package", r.body), "") << r.body;
    EXPECT_EQ(cross_reference_problem(r.json(), kPrefix), "") << r.body;
  }

  static std::string hex(const std::string& text) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const unsigned char c : text) {
      out.push_back(digits[c >> 4]);
      out.push_back(digits[c & 15]);
    }
    return out;
  }

  // The position links.next's cursor holds, as text.
  static std::string cursor_text(const HttpResult& page) {
    const std::string next = page.json()["links"]["next"].GetString();
    const std::string hex = next.substr(next.find("after=") + 6);
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
      out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
  }

  // The call-off ocids of the pages, in order.
  static std::vector<std::string> call_offs(const std::vector<HttpResult>& pages,
                                            const std::string& dps_ocid) {
    std::vector<std::string> out;
    for (const auto& page : pages) {
      const auto doc = page.json();  // alive while its releases are walked
      for (const auto& r : doc["releases"].GetArray())
        if (r["ocid"].GetString() != dps_ocid) out.emplace_back(r["ocid"].GetString());
    }
    return out;
  }
};

TEST_F(OpenContracting, TheDpsIsATenderWithADynamicPurchasingSystemItsCategoriesLotsAndAwards) {
  const auto r = api.get("/v1/dps/" + dps_id + "/ocds");
  expect_valid(r);
  const auto doc = r.json();
  EXPECT_STREQ(doc["version"].GetString(), "1.1");
  EXPECT_EQ(doc["uri"].GetString(), "https://localhost/v1/dps/" + dps_id + "/ocds");
  EXPECT_STREQ(doc["publisher"]["scheme"].GetString(), "FI-PRO");
  EXPECT_STREQ(doc["publisher"]["uid"].GetString(), "0171450-7");
  EXPECT_FALSE(doc.HasMember("links")) << "nothing is ordered yet: one page";
  const auto& dps = doc["releases"][0];
  EXPECT_EQ(dps["ocid"].GetString(), std::string(kPrefix) + "-" + dps_id);
  const auto& tender = dps["tender"];
  EXPECT_TRUE(tender["techniques"]["hasDynamicPurchasingSystem"].GetBool());
  EXPECT_STREQ(tender["techniques"]["dynamicPurchasingSystem"]["type"].GetString(), "open");
  EXPECT_STREQ(tender["procurementMethod"].GetString(), "selective");
  EXPECT_STREQ(tender["mainProcurementCategory"].GetString(), "services");
  ASSERT_EQ(tender["lots"].Size(), 2u);
  EXPECT_EQ(tender["lots"][0]["id"].GetString(), choice_category);
  EXPECT_STREQ(tender["lots"][0]["title_sv"].GetString(), "Työhönvalmennus (sv)");
  EXPECT_EQ(dps["awards"].Size(), 4u) << "two providers admitted to two categories";
  EXPECT_STREQ(dps["awards"][0]["status"].GetString(), "active");
  EXPECT_EQ(dps["parties"].Size(), 3u);
}

TEST_F(OpenContracting, AnExcludedProviderSAdmissionIsACancelledAward) {
  must(domain::change_admission(server.runtime().qualification(), officer_actor(), choice_category,
                                providers[1].organisation_id,
                                {domain::AdmissionAct::exclude, "Vakuutus päättyi"}));
  const auto r = api.get("/v1/dps/" + dps_id + "/ocds");
  expect_valid(r);
  std::map<std::string, std::string> status;
  const auto doc = r.json();
  for (const auto& a : doc["releases"][0]["awards"].GetArray())
    status[a["id"].GetString()] = a["status"].GetString();
  EXPECT_EQ(status[choice_category + "-" + providers[1].organisation_id], "cancelled");
  EXPECT_EQ(status[competition_category + "-" + providers[1].organisation_id], "active");
  EXPECT_EQ(r.body.find("Vakuutus päättyi"), std::string::npos) << "the reason is not public";
}

TEST_F(OpenContracting, ADraftDpsIsNotFoundForAnyoneAndItsNoticeOnlyForItsAuthority) {
  const auto draft = must(domain::create_dps(server.runtime().qualification(), officer_actor(),
                                             {"Luonnos", "", "", today(), today()}))
                         .id;
  const auto other_officer =
      server.add_member(domain::OrganisationKind::contracting_authority, domain::Role::officer);
  for (const auto* token : {"", officer.token.c_str(), other_officer.token.c_str(),
                            coach.token.c_str(), providers[0].token.c_str()})
    EXPECT_EQ(api.get("/v1/dps/" + draft + "/ocds", token).status, 404u) << token;
  for (const auto* path : {"/notice", "/notice/awards"}) {
    EXPECT_EQ(api.get("/v1/dps/" + draft + path).status, 404u) << path;
    EXPECT_EQ(api.get("/v1/dps/" + draft + path, other_officer.token).status, 404u) << path;
    EXPECT_EQ(api.get("/v1/dps/" + draft + path, providers[0].token).status, 404u) << path;
    EXPECT_EQ(api.get("/v1/dps/" + draft + path, officer.token).status, 200u) << path;
  }
  EXPECT_EQ(api.get("/v1/dps/no-such-dps/ocds").status, 404u);
}

TEST_F(OpenContracting, PagesGiveEveryOrderExactlyOnceEvenWhileOrdersArePlaced) {
  std::set<std::string> placed;
  for (int i = 0; i < 7; ++i) placed.insert(place_order(i % 2).order_id);
  const std::string dps_ocid = std::string(kPrefix) + "-" + dps_id;
  const std::string first = "/v1/dps/" + dps_id + "/ocds?limit=3";
  // The first page, then an order placed while the reader pages on.
  const auto page_one = api.get(first);
  expect_valid(page_one);
  EXPECT_EQ(page_one.json()["releases"][0]["ocid"].GetString(), dps_ocid);
  const auto late = place_order(0);
  const std::string next = page_one.json()["links"]["next"].GetString();
  auto rest = pages(next.substr(std::string("https://localhost").size()));
  rest.insert(rest.begin(), page_one);
  ASSERT_EQ(rest.size(), 3u) << "the DPS and seven orders, three to a page";
  for (const auto& page : rest) {
    expect_valid(page);
    EXPECT_LE(page.json()["releases"].Size(), 3u);
  }
  EXPECT_FALSE(rest.back().json().HasMember("links"));
  const auto seen = call_offs(rest, dps_ocid);
  std::set<std::string> unique;
  for (const auto& ocid : seen) unique.insert(ocid.substr(std::string(kPrefix).size() + 1));
  EXPECT_EQ(seen.size(), unique.size()) << "an order on two pages";
  EXPECT_EQ(unique, placed);
  // From the start again, the late order comes first.
  EXPECT_EQ(call_offs(pages(first), dps_ocid).front(), std::string(kPrefix) + "-" + late.order_id);
}

TEST_F(OpenContracting, APageOfOneHoldsTheDpsAloneAndTheNextBeginsWithTheNewestOrder) {
  place_order(0);
  const auto newest = place_order(1).order_id;
  const auto all = pages("/v1/dps/" + dps_id + "/ocds?limit=1");
  ASSERT_EQ(all.size(), 3u);
  for (const auto& page : all) expect_valid(page);
  EXPECT_EQ(all[1].json()["releases"][0]["ocid"].GetString(), std::string(kPrefix) + "-" + newest);
  // A cursor names the last call-off by its id, never by when it was placed: the releases give
  // only the day.
  EXPECT_EQ(cursor_text(all[0]), "releases");
  EXPECT_EQ(cursor_text(all[1]), "releases " + newest);
}

TEST_F(OpenContracting, ACursorNamingAnotherDpsSOrderIsRefused) {
  const auto order = place_order(0).order_id;
  const auto other = must(domain::create_dps(server.runtime().qualification(), officer_actor(),
                                             {"Toinen", "", "", today(), today()}));
  category(domain::AwardMethod::customer_choice, "Muu", other.id);
  must(domain::change_dps_state(server.runtime().qualification(), officer_actor(), other.id,
                                domain::DpsAct::publish));
  EXPECT_EQ(api.get("/v1/dps/" + dps_id + "/ocds?after=" + hex("releases " + order)).status, 200u);
  const auto refused = api.get("/v1/dps/" + other.id + "/ocds?after=" + hex("releases " + order));
  EXPECT_EQ(refused.status, 422u) << refused.body;
  EXPECT_EQ(api.get("/v1/dps/" + dps_id + "/ocds?after=" + hex("releases nothing")).status, 422u);
}

TEST_F(OpenContracting, ACallOffNamesItsFrameworkAndOnceDeliveredWhatIsPayable) {
  const auto o = place_order(0);
  act(0, o.order_id, domain::OrderAct::accept);
  act(0, o.order_id, domain::OrderAct::start);
  act(0, o.order_id, domain::OrderAct::complete);
  must(domain::record_outcome(server.runtime().ordering(), coach_actor(), o.order_id,
                              {domain::OutcomeType::employed_permanent_full_time, today(), ""}));
  const auto r = api.get("/v1/dps/" + dps_id + "/ocds");
  expect_valid(r);
  const auto doc = r.json();
  const auto& call_off = doc["releases"][1];
  EXPECT_EQ(call_off["ocid"].GetString(), std::string(kPrefix) + "-" + o.order_id);
  EXPECT_EQ(call_off["relatedProcesses"][0]["identifier"].GetString(),
            std::string(kPrefix) + "-" + dps_id);
  EXPECT_STREQ(call_off["relatedProcesses"][0]["relationship"][0].GetString(), "framework");
  EXPECT_FALSE(call_off["tender"]["competitive"].GetBool());
  const auto& contract = call_off["contracts"][0];
  EXPECT_STREQ(contract["status"].GetString(), "terminated");
  EXPECT_DOUBLE_EQ(contract["value"]["amount"].GetDouble(), 1500.0);
  const auto& payable = contract["implementation"]["transactions"][0];
  EXPECT_DOUBLE_EQ(payable["value"]["amount"].GetDouble(), 1900.0) << "price and bonus";
  EXPECT_STREQ(payable["value"]["currency"].GetString(), "EUR");
  // Days, not moments: "2026-09-21T00:00:00+03:00".
  const std::string signed_on = contract["dateSigned"].GetString();
  EXPECT_EQ(signed_on.substr(10, 9), "T00:00:00") << signed_on;
}

TEST_F(OpenContracting, NothingOfACustomerAppearsInAnyPage) {
  std::vector<Placed> placed;
  for (int i = 0; i < 4; ++i) placed.push_back(place_order(i % 2));
  act(0, placed[0].order_id, domain::OrderAct::accept);
  act(1, placed[1].order_id, domain::OrderAct::decline);
  const auto all = pages("/v1/dps/" + dps_id + "/ocds?limit=2");
  for (const auto& page : all) {
    expect_valid(page);
    for (const auto& p : placed)
      for (const auto& secret : {p.customer_id, p.reference, p.choice_set_id})
        EXPECT_EQ(page.body.find(secret), std::string::npos) << secret;
    for (const auto& secret : {coach.organisation_id, coach.user_id, std::string("ustomer"),
                               std::string("eference"), std::string("Lähellä kotia")})
      EXPECT_EQ(page.body.find(secret), std::string::npos) << secret;
  }
}

TEST_F(OpenContracting, ABadCursorOrLimitIsRefusedNamingTheParameter) {
  const auto bad_cursor = api.get("/v1/dps/" + dps_id + "/ocds?after=zz");
  EXPECT_EQ(bad_cursor.status, 422u);
  EXPECT_NE(bad_cursor.body.find("/after"), std::string::npos);
  // A cursor of another list (an offset) is not a position in this one.
  EXPECT_EQ(api.get("/v1/dps/" + dps_id + "/ocds?after=6174203130").status, 422u);
  const auto too_many = api.get("/v1/dps/" + dps_id + "/ocds?limit=1001");
  EXPECT_EQ(too_many.status, 422u);
  EXPECT_NE(too_many.body.find("/limit"), std::string::npos);
}

TEST_F(OpenContracting, TheSchemaRefusesWhatOcdsRefuses) {
  const auto valid = api.get("/v1/dps/" + dps_id + "/ocds").body;
  ASSERT_EQ(schemas.violation(valid), "");
  const auto broken = [&](const std::string& from, const std::string& to) {
    std::string text = valid;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return schemas.violation(text.replace(at, from.size(), to));
  };
  EXPECT_NE(broken(R"("version":"1.1")", R"("version":"1.0")"), "");
  EXPECT_NE(broken(R"("ocid":"ocds-tarjot-)", R"("ocid":"tarjot-)"), "");
  EXPECT_NE(broken(R"("procurementMethod":"selective")", R"("procurementMethod":"dynamic")"), "");
  EXPECT_NE(broken(R"("initiationType":"tender")", R"("initiationType":"order")"), "");
  EXPECT_NE(broken(R"("roles":["buyer")", R"("roles":["customer")"), "");
  EXPECT_NE(broken(R"("tag":["tender")", R"("tag":["dps")"), "");
  EXPECT_NE(broken(R"("status":"active")", R"("status":"open")"), "");
  EXPECT_NE(broken(R"("mainProcurementCategory")", R"("mainProcurmentCategory")"), "");
  EXPECT_NE(broken(R"("date":")", R"("date":"x)"), "");
}

TEST_F(OpenContracting, TheOfficialOcdsSchemaValidatesEachReleaseThroughThePackage) {
  const ReleasePackageSchema official{
      "official/release-package-schema.json", "official/release-schema.json",
      "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"};
  const auto valid = api.get("/v1/dps/" + dps_id + "/ocds").body;
  rapidjson::Document doc;
  ASSERT_FALSE(server::parse_json(valid, doc));
  ASSERT_EQ(official.violation(doc), "");
  // What only the release schema says, so it is reached through the package's reference.
  doc["releases"][0].RemoveMember("ocid");
  EXPECT_NE(official.violation(doc).find("/releases/0"), std::string::npos);
  ASSERT_FALSE(server::parse_json(valid, doc));
  doc["releases"][0]["tag"].SetString("tender");
  EXPECT_NE(official.violation(doc), "");
  ASSERT_FALSE(server::parse_json(valid, doc));
  doc.RemoveMember("version");
  EXPECT_NE(official.violation(doc), "");
}

class CompetitionRelease : public OpenContracting {
 protected:
  std::string competition(std::chrono::hours deadline) {
    domain::CompetitionInput in;
    in.title = "Ryhmävalmennus syksy";
    in.description = "Kolme ryhmää";
    in.quantity = "30 asiakasta";
    in.criteria = {{"price", "Hinta", domain::CriterionBasis::price, 60, 0},
                   {"method", "Menetelmä", domain::CriterionBasis::quality, 40, 10}};
    in.questions_deadline = server.clock().now() + deadline / 2;
    in.tender_deadline = server.clock().now() + deadline;
    in.standstill_days = 7;
    auto& c = server.runtime().competitions();
    const auto id = must(domain::create_competition(c, officer_actor(), competition_category, in))
                        .competition.id;
    must(domain::publish_competition(c, officer_actor(), id));
    return id;
  }

  void tender(std::size_t provider, const std::string& id, long long price, bool submit) {
    auto& c = server.runtime().competitions();
    domain::TenderContent content;
    content.price_cents = price;
    content.answers["method"] = "Salainen menetelmä";
    must(domain::save_tender(c, provider_actor(provider), id, content));
    if (submit) must(domain::submit_tender(c, provider_actor(provider), id));
  }

  HttpResult read(const std::string& id, const std::string& token) {
    return api.get("/v1/competitions/" + id + "/ocds", token);
  }
};

TEST_F(CompetitionRelease, IsTheSameByteForByteBeforeTheDeadlineWhetherOrNotAnyoneTendered) {
  const auto id = competition(std::chrono::hours(10));
  const auto before = read(id, officer.token);
  expect_valid(before);
  EXPECT_EQ(read(id, providers[0].token).body, before.body) << "every reader sees the same";
  tender(0, id, 4'321'000, false);
  EXPECT_EQ(read(id, officer.token).body, before.body) << "a saved tender shows";
  tender(1, id, 3'456'000, true);
  tender(0, id, 4'321'000, true);
  server.clock().advance(std::chrono::hours(9));
  const auto after = read(id, officer.token);
  EXPECT_EQ(after.body, before.body) << "submitted tenders show";
  EXPECT_EQ(read(id, providers[1].token).body, before.body);
  for (const auto* secret : {"43210.0", "34560.0", "Salainen", "numberOfTenderers", "tenderer"})
    EXPECT_EQ(after.body.find(secret), std::string::npos) << secret;
  const auto doc = after.json();
  const auto& release = doc["releases"][0];
  EXPECT_EQ(release["relatedProcesses"][0]["relatedLots"][0].GetString(), competition_category);
  EXPECT_STREQ(release["tender"]["awardCriteria"].GetString(), "ratedCriteria");
  EXPECT_FALSE(release.HasMember("awards"));
}

TEST_F(CompetitionRelease, IsForWhoeverMayReadTheCompetition) {
  const auto id = competition(std::chrono::hours(48));
  EXPECT_EQ(read(id, "").status, 401u);
  EXPECT_EQ(read(id, coach.token).status, 404u);
  const auto outsider = server.add_member(domain::OrganisationKind::provider,
                                          domain::Role::provider, finnish_business_id(690));
  EXPECT_EQ(read(id, outsider.token).status, 404u) << "not invited";
  EXPECT_EQ(read(id, providers[0].token).status, 200u);
}

TEST_F(CompetitionRelease, ShowsTheCountOnceOpenedTheWinnerOnceAwardedAndTheContractOnceConcluded) {
  auto& c = server.runtime().competitions();
  const auto id = competition(std::chrono::hours(2));
  tender(0, id, 4'321'000, true);
  tender(1, id, 3'456'050, true);
  server.clock().advance(std::chrono::hours(3));
  must(domain::open_tenders(c, officer_actor(), id));
  const auto opened = read(id, officer.token);
  expect_valid(opened);
  EXPECT_EQ(opened.json()["releases"][0]["tender"]["numberOfTenderers"].GetInt(), 2);
  EXPECT_EQ(opened.body.find("awards"), std::string::npos);
  const auto ranked = must(domain::ranking(c, officer_actor(), id));
  for (const auto& t : ranked)
    must(domain::score_tender(c, officer_actor(), id, t.tender_id, "method", {8, "Hyvä"}));
  must(domain::award_competition(c, officer_actor(), id,
                                 must(domain::ranking(c, officer_actor(), id)).front().tender_id));
  const auto awarded = read(id, providers[0].token);
  expect_valid(awarded);
  auto doc = awarded.json();
  const auto& award = doc["releases"][0]["awards"][0];
  EXPECT_STREQ(award["status"].GetString(), "pending") << "in the standstill period";
  EXPECT_EQ(award["suppliers"][0]["id"].GetString(), providers[1].organisation_id);
  EXPECT_DOUBLE_EQ(award["value"]["amount"].GetDouble(), 34560.5);
  EXPECT_FALSE(doc["releases"][0].HasMember("contracts"));
  server.clock().advance(std::chrono::hours(24 * 8));
  must(domain::conclude_competition(c, officer_actor(), id));
  const auto concluded = read(id, session(officer));
  expect_valid(concluded);
  doc = concluded.json();
  EXPECT_STREQ(doc["releases"][0]["awards"][0]["status"].GetString(), "active");
  EXPECT_DOUBLE_EQ(doc["releases"][0]["contracts"][0]["value"]["amount"].GetDouble(), 34560.5);
  EXPECT_EQ(concluded.body.find("43210.0"), std::string::npos) << "the loser's price";
}

}  // namespace
}  // namespace tarjotin::testing
