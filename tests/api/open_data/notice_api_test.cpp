// A DPS's notice data for the notice service, over HTTPS: eForms business terms under their SDK
// field ids, the DPS indicator and duration on every lot, the admitted providers as winners.
#include <gtest/gtest.h>

#include "server/handlers/open_data/json.hpp"
#include "server/time_format.hpp"
#include "tests/api/open_data/world.hpp"

namespace tarjotin::testing {
namespace {

class NoticeData : public OpenDataWorld {
 protected:
  static std::string value(const rapidjson::Value& group, const char* field) {
    if (!group.HasMember(field) || !group[field]["value"].IsString()) return "";
    return group[field]["value"].GetString();
  }
};

TEST_F(NoticeData, IsTheContractNoticeOfARestrictedProcedureWithEveryCategoryADpsLot) {
  const auto r = api.get("/v1/dps/" + dps_id + "/notice");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(schema_violation("dps-notice", r.body), "") << r.body;
  const auto doc = r.json();
  EXPECT_EQ(value(doc["notice"], "BT-02-notice"), "cn-standard");
  EXPECT_EQ(value(doc["notice"], "BT-01-notice"), "32014L0024");
  EXPECT_EQ(value(doc["procedure"], "BT-105-Procedure"), "restricted");
  EXPECT_STREQ(doc["procedure"]["BT-105-Procedure"]["name"].GetString(), "Procedure Type");
  EXPECT_EQ(value(doc["procedure"], "BT-04-notice"), dps_id);
  EXPECT_STREQ(doc["procedure"]["BT-21-Procedure"]["value"]["FIN"].GetString(),
               "Työllisyyspalvelut");
  ASSERT_EQ(doc["lots"].Size(), 2u);
  for (const auto& lot : doc["lots"].GetArray()) {
    EXPECT_EQ(value(lot, "BT-766-Lot"), "dps-nlist");
    EXPECT_STREQ(lot["BT-766-Lot"]["name"].GetString(), "Dynamic Purchasing System");
    EXPECT_EQ(value(lot, "BT-536-Lot"),
              server::format_date(today()) + server::helsinki_offset(today()));
    EXPECT_EQ(value(lot, "BT-537-Lot").substr(0, 10),
              server::format_date(today() + std::chrono::days{730}));
  }
  EXPECT_EQ(value(doc["lots"][0], "BT-137-Lot"), "LOT-0001");
  EXPECT_EQ(value(doc["lots"][0], "BT-22-Lot"), choice_category);
  EXPECT_STREQ(doc["lots"][1]["BT-21-Lot"]["value"]["ENG"].GetString(), "Ryhmävalmennus (en)");
  ASSERT_EQ(doc["organisations"].Size(), 1u);
  EXPECT_EQ(value(doc["organisations"][0], "BT-501-Organization-Company"), "0171450-7");
  EXPECT_EQ(value(doc["organisations"][0], "BT-514-Organization-Company"), "FIN");
  EXPECT_EQ(doc["lot_results"].Size(), 0u);
}

TEST_F(NoticeData, TheAwardDataNameTheProvidersAdmittedNowToEachLot) {
  must(domain::change_admission(server.runtime().qualification(), officer_actor(),
                                competition_category, providers[1].organisation_id,
                                {domain::AdmissionAct::suspend, "Todistus vanhentunut"}));
  const auto r = api.get("/v1/dps/" + dps_id + "/notice/awards", coach.token);
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(schema_violation("dps-notice", r.body), "") << r.body;
  const auto doc = r.json();
  EXPECT_EQ(value(doc["notice"], "BT-02-notice"), "can-standard");
  EXPECT_EQ(value(doc["notice"], "BT-03-notice"), "result");
  ASSERT_EQ(doc["lot_results"].Size(), 2u);
  const auto& choice = doc["lot_results"][0];
  EXPECT_EQ(value(choice, "BT-13713-LotResult"), "LOT-0001");
  EXPECT_EQ(value(choice, "BT-142-LotResult"), "selec-w");
  ASSERT_EQ(choice["winners"].Size(), 2u);
  EXPECT_EQ(value(choice["winners"][0], "OPT-300-Tenderer"), "ORG-0002");
  EXPECT_EQ(value(choice["winners"][0], "BT-1451-Contract").substr(0, 10),
            server::format_date(today()));
  ASSERT_EQ(doc["lot_results"][1]["winners"].Size(), 1u) << "the suspended provider is out";
  ASSERT_EQ(doc["organisations"].Size(), 3u);
  EXPECT_EQ(value(doc["organisations"][1], "BT-501-Organization-Company"),
            finnish_business_id(600));
  EXPECT_EQ(r.body.find("Todistus vanhentunut"), std::string::npos);
}

TEST_F(NoticeData, ADraftCategoryIsALotOnlyInItsAuthoritySNotice) {
  domain::CategoryInput in;
  in.name = {"Luonnos", "", ""};
  in.regions = {"297"};
  in.languages = {"fi"};
  const auto draft =
      must(domain::create_category(server.runtime().qualification(), officer_actor(), dps_id,
                                   {in,
                                    {{"insured", "Vakuutus voimassa?", domain::CriterionType::yes_no,
                                      domain::CriterionKind::selection, 0, 0, false}}}))
          .category.id;
  const auto everyone = api.get("/v1/dps/" + dps_id + "/notice").json();
  EXPECT_EQ(everyone["lots"].Size(), 2u);
  const auto authority = api.get("/v1/dps/" + dps_id + "/notice", officer.token).json();
  ASSERT_EQ(authority["lots"].Size(), 3u);
  EXPECT_EQ(value(authority["lots"][2], "BT-22-Lot"), draft);
  EXPECT_EQ(value(authority["lots"][2], "BT-137-Lot"), "LOT-0003");
  EXPECT_EQ(value(authority["lots"][0], "BT-137-Lot"), value(everyone["lots"][0], "BT-137-Lot"));
}

}  // namespace
}  // namespace tarjotin::testing
