// OCDS releases built from what is public: the DPS, its call-offs and its mini-competitions.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/open_data/ocds.hpp"

namespace tarjotin::domain::ocds {
namespace {

constexpr Timestamp kT0{std::chrono::seconds{1'790'000'000}};
const std::string kPrefix = "ocds-abc123";

PublicDps kuopio() {
  PublicDps p;
  p.dps.id = "dps";
  p.dps.authority_id = "kuopio";
  p.dps.title = "Työllisyyspalvelut";
  p.dps.state = DpsState::open;
  p.dps.valid_from = helsinki_date(kT0);
  p.dps.valid_until = p.dps.valid_from + std::chrono::days{365};
  p.dps.updated_at = kT0;
  p.authority = {"kuopio", "Kuopion kaupunki", "FI", "0171450-7"};
  Category coaching;
  coaching.id = "coaching";
  coaching.name = {"Työhönvalmennus", "Jobbcoachning", "Job coaching"};
  coaching.state = CategoryState::open;
  coaching.updated_at = kT0;
  p.categories.push_back(coaching);
  p.providers["savo"] = {"savo", "Savon Työvalmennus Oy", "FI", "2345678-0"};
  p.providers["nord"] = {"nord", "Nord Coaching AB", "SE", "556677-8899"};
  p.admissions.push_back({"savo", "coaching", "a1", AdmissionState::admitted,
                          kT0 + std::chrono::days(3), "", kT0 + std::chrono::days(3)});
  p.admissions.push_back({"nord", "coaching", "a2", AdmissionState::excluded,
                          kT0 + std::chrono::days(4), "Vakuutus puuttuu",
                          kT0 + std::chrono::days(9)});
  return p;
}

const Party* party(const Release& r, const std::string& id) {
  const auto it =
      std::find_if(r.parties.begin(), r.parties.end(), [&](const Party& p) { return p.id == id; });
  return it == r.parties.end() ? nullptr : &*it;
}

TEST(DpsRelease, IsTheDpsAsATenderWithItsCategoriesAsLotsAndItsAdmissionsAsAwards) {
  const auto r = dps_release(kuopio(), kPrefix);
  EXPECT_EQ(r.ocid, "ocds-abc123-dps");
  EXPECT_EQ(r.tags, (std::vector<std::string>{"tender", "award"}));
  // The latest change it shows, the exclusion, dates and names it.
  EXPECT_EQ(r.date, (Moment{kT0 + std::chrono::days(9), false}));
  EXPECT_EQ(r.id, "ocds-abc123-dps-" + std::to_string(to_micros(kT0 + std::chrono::days(9))));
  ASSERT_TRUE(r.tender);
  EXPECT_EQ(r.tender->procurement_method, "selective");
  EXPECT_EQ(r.tender->main_procurement_category, "services");
  EXPECT_EQ(r.tender->dynamic_purchasing_system_status, "active");
  ASSERT_EQ(r.tender->lots.size(), 1u);
  EXPECT_EQ(r.tender->lots[0].id, "coaching");
  EXPECT_EQ(r.tender->lots[0].title.sv, "Jobbcoachning");
  ASSERT_TRUE(r.tender->tender_period);
  EXPECT_EQ(r.tender->tender_period->start->at, helsinki_midnight(kuopio().dps.valid_from));
  EXPECT_EQ(r.tender->tender_period->end->at,
            helsinki_midnight(kuopio().dps.valid_until + std::chrono::days{1}) -
                std::chrono::microseconds{1});
  ASSERT_EQ(r.awards.size(), 2u);
  EXPECT_EQ(r.awards[0].status, "active");
  EXPECT_EQ(r.awards[0].related_lots, std::vector<std::string>{"coaching"});
  EXPECT_EQ(r.awards[0].suppliers, (std::vector<Reference>{{"savo", "Savon Työvalmennus Oy"}}));
  EXPECT_EQ(r.awards[1].status, "cancelled");
  EXPECT_EQ(r.buyer, (Reference{"kuopio", "Kuopion kaupunki"}));
}

TEST(DpsRelease, NamesFinnishCompaniesByTheirBusinessIdAndNoOneElsesBySome) {
  const auto r = dps_release(kuopio(), kPrefix);
  ASSERT_EQ(r.parties.size(), 3u);
  const auto* buyer = party(r, "kuopio");
  ASSERT_NE(buyer, nullptr);
  EXPECT_EQ(buyer->roles, (std::vector<std::string>{"buyer", "procuringEntity"}));
  EXPECT_EQ(buyer->identifier, (Identifier{"FI-PRO", "0171450-7", "Kuopion kaupunki"}));
  const auto* savo = party(r, "savo");
  ASSERT_NE(savo, nullptr);
  EXPECT_EQ(savo->roles, std::vector<std::string>{"supplier"});
  const auto* nord = party(r, "nord");
  ASSERT_NE(nord, nullptr);
  EXPECT_FALSE(nord->identifier) << "a Swedish number under the Finnish register's scheme";
}

TEST(DpsRelease, WithoutAdmissionsIsATenderOnly) {
  auto p = kuopio();
  p.admissions.clear();
  p.dps.state = DpsState::closed;
  const auto r = dps_release(p, kPrefix);
  EXPECT_EQ(r.tags, std::vector<std::string>{"tender"});
  EXPECT_EQ(r.tender->status, "complete");
  EXPECT_EQ(r.tender->dynamic_purchasing_system_status, "terminated");
  EXPECT_TRUE(r.awards.empty());
}

CallOff order(OrderState state) {
  CallOff o;
  o.id = "order";
  o.category_id = "coaching";
  o.provider_id = "savo";
  o.state = state;
  o.unit_price_cents = 150'000;
  o.placed_at = kT0 + std::chrono::hours(30);
  if (state == OrderState::placed) return o;
  o.accepted_at = o.placed_at + std::chrono::hours(5);
  if (state == OrderState::accepted) return o;
  o.started_at = o.placed_at + std::chrono::days(3);
  if (state == OrderState::started) return o;
  o.ended_at = o.placed_at + std::chrono::days(40);
  o.payable_cents = 190'000;
  return o;
}

TEST(CallOffRelease, IsAProcessOfItsOwnWithTheDpsAsItsFramework) {
  const auto r = call_off_release(order(OrderState::accepted), kuopio(), kPrefix);
  EXPECT_EQ(r.ocid, "ocds-abc123-order");
  EXPECT_EQ(r.id, "ocds-abc123-order-accepted");
  ASSERT_EQ(r.related_processes.size(), 1u);
  EXPECT_EQ(r.related_processes[0].relationship, "framework");
  EXPECT_EQ(r.related_processes[0].scheme, "ocid");
  EXPECT_EQ(r.related_processes[0].identifier, "ocds-abc123-dps");
  EXPECT_EQ(r.related_processes[0].related_lots, std::vector<std::string>{"coaching"});
  ASSERT_TRUE(r.tender);
  EXPECT_EQ(r.tender->competitive, false);
  ASSERT_EQ(r.awards.size(), 1u);
  EXPECT_EQ(r.awards[0].value, Value{150'000});
  ASSERT_EQ(r.contracts.size(), 1u);
  EXPECT_EQ(r.contracts[0].status, "active");
  EXPECT_EQ(r.contracts[0].award_id, r.awards[0].id);
  EXPECT_TRUE(r.contracts[0].transactions.empty()) << "nothing is payable before delivery";
  EXPECT_EQ(r.tags, (std::vector<std::string>{"award", "contract"}));
}

TEST(CallOffRelease, PublishesDaysNotMoments) {
  const auto o = order(OrderState::completed);
  const auto r = call_off_release(o, kuopio(), kPrefix);
  EXPECT_TRUE(r.date.day_only);
  EXPECT_EQ(r.date.at, *o.ended_at);
  EXPECT_TRUE(r.awards[0].date->day_only);
  EXPECT_TRUE(r.contracts[0].date_signed->day_only);
  EXPECT_TRUE(r.contracts[0].period->start->day_only);
  EXPECT_TRUE(r.contracts[0].period->end->day_only);
}

TEST(CallOffRelease, OnceDeliveredShowsTheAmountPayableAsItsImplementation) {
  const auto completed = call_off_release(order(OrderState::completed), kuopio(), kPrefix);
  EXPECT_EQ(completed.id, "ocds-abc123-order-completed-190000");
  EXPECT_EQ(completed.tags, (std::vector<std::string>{"award", "contract", "implementation"}));
  const auto& c = completed.contracts.at(0);
  EXPECT_EQ(c.status, "terminated");
  EXPECT_EQ(c.value, Value{150'000});
  ASSERT_EQ(c.transactions.size(), 1u);
  EXPECT_EQ(c.transactions[0].value, Value{190'000});
  EXPECT_EQ(c.transactions[0].payer, (Reference{"kuopio", "Kuopion kaupunki"}));
  EXPECT_EQ(c.transactions[0].payee, (Reference{"savo", "Savon Työvalmennus Oy"}));
  ASSERT_EQ(c.milestones.size(), 1u);
  EXPECT_EQ(c.milestones[0].status, "met");
  EXPECT_EQ(party(completed, "kuopio")->roles, (std::vector<std::string>{"buyer", "payer"}));
  EXPECT_EQ(party(completed, "savo")->roles, (std::vector<std::string>{"supplier", "payee"}));
  // A later outcome changes the bonus, and with it the release.
  auto later = order(OrderState::completed);
  later.payable_cents = 150'000;
  EXPECT_NE(call_off_release(later, kuopio(), kPrefix).id, completed.id);
}

TEST(CallOffRelease, ADeclinedOrderIsAnUnsuccessfulAwardWithoutAContractInForce) {
  auto o = order(OrderState::placed);
  o.state = OrderState::declined;
  o.ended_at = o.placed_at + std::chrono::hours(2);
  const auto r = call_off_release(o, kuopio(), kPrefix);
  EXPECT_EQ(r.awards.at(0).status, "unsuccessful");
  EXPECT_EQ(r.contracts.at(0).status, "cancelled");
  EXPECT_FALSE(r.contracts.at(0).date_signed);
  EXPECT_FALSE(r.contracts.at(0).period);
}

PublicCompetition group_coaching(CompetitionState state) {
  PublicCompetition p;
  p.dps = kuopio().dps;
  p.category.id = "groups";
  p.authority = kuopio().authority;
  auto& c = p.competition;
  c.id = "competition";
  c.title = "Ryhmävalmennus";
  c.quantity = "40 asiakasta";
  c.criteria = {{"price", "Hinta", CriterionBasis::price, 60, 0},
                {"method", "Menetelmä", CriterionBasis::quality, 40, 10}};
  c.state = state;
  c.updated_at = kT0;
  c.published_at = kT0 - std::chrono::days(20);
  c.questions_deadline = kT0 - std::chrono::days(10);
  c.tender_deadline = kT0 - std::chrono::days(5);
  if (state == CompetitionState::published) return p;
  c.opened_at = kT0 - std::chrono::days(4);
  p.tenders = 2;
  if (state == CompetitionState::opened) return p;
  c.winner_tender_id = "tender";
  c.awarded_at = kT0 - std::chrono::days(2);
  p.winner = kuopio().providers.at("savo");
  p.winning_price_cents = 1'234'500;
  return p;
}

TEST(CompetitionRelease, ShowsNoTenderBeforeTheOpening) {
  const auto r = competition_release(group_coaching(CompetitionState::published), kPrefix);
  EXPECT_EQ(r.ocid, "ocds-abc123-competition");
  EXPECT_EQ(r.tags, std::vector<std::string>{"tender"});
  EXPECT_FALSE(r.tender->number_of_tenderers);
  EXPECT_TRUE(r.awards.empty());
  EXPECT_EQ(r.parties.size(), 1u);
  EXPECT_EQ(r.tender->competitive, true);
  EXPECT_EQ(r.tender->award_criteria, "ratedCriteria");
  EXPECT_EQ(r.tender->award_criteria_details, "Hinta 60, Menetelmä 40");
  EXPECT_EQ(r.tender->items, (std::vector<Item>{{"1", "40 asiakasta"}}));
  EXPECT_EQ(r.related_processes.at(0).identifier, "ocds-abc123-dps");
  EXPECT_EQ(r.related_processes.at(0).related_lots, std::vector<std::string>{"groups"});
}

TEST(CompetitionRelease, CountsTendersOnceOpenedAndShowsTheWinnerOnceAwarded) {
  EXPECT_EQ(competition_release(group_coaching(CompetitionState::opened), kPrefix)
                .tender->number_of_tenderers,
            2);
  const auto awarded = competition_release(group_coaching(CompetitionState::awarded), kPrefix);
  EXPECT_EQ(awarded.tags, (std::vector<std::string>{"tender", "award"}));
  ASSERT_EQ(awarded.awards.size(), 1u);
  EXPECT_EQ(awarded.awards[0].status, "pending");
  EXPECT_EQ(awarded.awards[0].value, Value{1'234'500});
  EXPECT_EQ(awarded.awards[0].suppliers,
            (std::vector<Reference>{{"savo", "Savon Työvalmennus Oy"}}));
  EXPECT_TRUE(awarded.contracts.empty());
  const auto concluded = competition_release(group_coaching(CompetitionState::concluded), kPrefix);
  EXPECT_EQ(concluded.awards.at(0).status, "active");
  ASSERT_EQ(concluded.contracts.size(), 1u);
  EXPECT_EQ(concluded.contracts[0].value, Value{1'234'500});
  EXPECT_EQ(concluded.contracts[0].status, "active");
}

TEST(CompetitionRelease, ACancelledCompetitionIsATenderCancellation) {
  auto p = group_coaching(CompetitionState::published);
  p.competition.state = CompetitionState::cancelled;
  const auto r = competition_release(p, kPrefix);
  EXPECT_EQ(r.tags, std::vector<std::string>{"tenderCancellation"});
  EXPECT_EQ(r.tender->status, "cancelled");
}

}  // namespace
}  // namespace tarjotin::domain::ocds
