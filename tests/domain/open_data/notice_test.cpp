// The DPS's notice data as eForms business terms.
#include <gtest/gtest.h>

#include "domain/open_data/notice.hpp"

namespace tarjotin::domain::notice {
namespace {

constexpr Timestamp kT0{std::chrono::seconds{1'790'000'000}};

Category category(const std::string& id, CategoryState state) {
  Category c;
  c.id = id;
  c.name = {"Nimi " + id, "", "Name " + id};
  c.description = "Kuvaus " + id;
  c.state = state;
  return c;
}

PublicDps kuopio() {
  PublicDps p;
  p.dps.id = "dps";
  p.dps.title = "Työllisyyspalvelut";
  p.dps.valid_from = helsinki_date(kT0);
  p.dps.valid_until = p.dps.valid_from + std::chrono::days{730};
  p.authority = {"kuopio", "Kuopion kaupunki", "FI", "0171450-7"};
  // A draft made first: only the authority sees it, after the published lots.
  p.categories = {category("draft", CategoryState::draft), category("a", CategoryState::open),
                  category("b", CategoryState::closed)};
  p.providers["savo"] = {"savo", "Savon Työvalmennus Oy", "FI", "2345678-0"};
  p.providers["polku"] = {"polku", "Polku Kuntoutus Oy", "FI", "1234567-1"};
  p.admissions = {
      {"savo", "a", "x", AdmissionState::admitted, kT0 + std::chrono::days(2), "", kT0},
      {"polku", "a", "y", AdmissionState::suspended, kT0 + std::chrono::days(3), "", kT0},
  };
  return p;
}

const Field* find(const Fields& fields, const std::string& id) {
  for (const auto& f : fields)
    if (f.id == id) return &f;
  return nullptr;
}

std::string code(const Fields& fields, const std::string& id) {
  const auto* f = find(fields, id);
  return f && std::holds_alternative<std::string>(f->value) ? std::get<std::string>(f->value) : "";
}

TEST(DpsNotice, IsARestrictedProcedureWithEveryLotADynamicPurchasingSystem) {
  const auto n = dps_notice(kuopio());
  EXPECT_EQ(code(n.notice, "BT-02-notice"), "cn-standard");
  EXPECT_EQ(code(n.notice, "BT-03-notice"), "competition");
  EXPECT_EQ(code(n.procedure, "BT-105-Procedure"), "restricted");
  EXPECT_EQ(code(n.procedure, "BT-04-notice"), "dps");
  ASSERT_EQ(n.lots.size(), 3u);
  for (const auto& lot : n.lots) {
    EXPECT_EQ(code(lot, "BT-766-Lot"), "dps-nlist");
    EXPECT_EQ(find(lot, "BT-766-Lot")->name, "Dynamic Purchasing System");
    EXPECT_EQ(std::get<Date>(find(lot, "BT-536-Lot")->value), kuopio().dps.valid_from);
    EXPECT_EQ(std::get<Date>(find(lot, "BT-537-Lot")->value), kuopio().dps.valid_until);
  }
  EXPECT_TRUE(n.results.empty());
}

TEST(DpsNotice, NumbersThePublishedLotsFirstSoEveryReaderGetsTheSameNumbers) {
  const auto n = dps_notice(kuopio());
  EXPECT_EQ(code(n.lots[0], "BT-137-Lot"), "LOT-0001");
  EXPECT_EQ(code(n.lots[0], "BT-22-Lot"), "a");
  EXPECT_EQ(code(n.lots[1], "BT-22-Lot"), "b");
  EXPECT_EQ(code(n.lots[2], "BT-22-Lot"), "draft");
  EXPECT_EQ(code(n.lots[2], "BT-137-Lot"), "LOT-0003");
  // Titles in each language the category has, under eForms language codes.
  EXPECT_EQ(std::get<Text>(find(n.lots[0], "BT-21-Lot")->value),
            (Text{{{"FIN", "Nimi a"}, {"ENG", "Name a"}}}));
}

TEST(DpsNotice, NamesTheBuyerByItsBusinessIdAndCountry) {
  const auto n = dps_notice(kuopio());
  ASSERT_EQ(n.organisations.size(), 1u);
  EXPECT_EQ(code(n.organisations[0], "OPT-200-Organization-Company"), "ORG-0001");
  EXPECT_EQ(code(n.organisations[0], "BT-501-Organization-Company"), "0171450-7");
  EXPECT_EQ(code(n.organisations[0], "BT-514-Organization-Company"), "FIN");
  EXPECT_EQ(code(n.procedure, "OPT-300-Procedure-Buyer"), "ORG-0001");
}

TEST(DpsAwardNotice, ListsTheAdmittedProvidersOfEachLotAsItsWinners) {
  const auto n = dps_award_notice(kuopio());
  EXPECT_EQ(code(n.notice, "BT-02-notice"), "can-standard");
  EXPECT_EQ(code(n.notice, "BT-03-notice"), "result");
  ASSERT_EQ(n.results.size(), 3u);
  EXPECT_EQ(code(n.results[0].fields, "BT-13713-LotResult"), "LOT-0001");
  EXPECT_EQ(code(n.results[0].fields, "BT-142-LotResult"), "selec-w");
  // The suspended provider is not among those admitted now.
  ASSERT_EQ(n.results[0].winners.size(), 1u);
  EXPECT_EQ(code(n.results[0].winners[0], "OPT-300-Tenderer"), "ORG-0002");
  EXPECT_EQ(std::get<Date>(find(n.results[0].winners[0], "BT-1451-Contract")->value),
            helsinki_date(kT0 + std::chrono::days(2)));
  EXPECT_EQ(code(n.results[1].fields, "BT-142-LotResult"), "open-nw");
  ASSERT_EQ(n.organisations.size(), 2u);
  EXPECT_EQ(code(n.organisations[1], "BT-501-Organization-Company"), "2345678-0");
}

}  // namespace
}  // namespace tarjotin::domain::notice
