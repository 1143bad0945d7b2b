// The seal over real storage, without a server: before the deadline no one (officer, admin,
// auditor or tenderer) reads a tender or learns anything that differs with its existence; after
// it only the authority's officer opens them, in an audited act.
#include <gtest/gtest.h>

#include "tests/use_cases/competition/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::CompetitionWorld;
using testing::must;

class TenderOpening : public CompetitionWorld {};

TEST_F(TenderOpening, NoOneReadsATenderBeforeTheDeadline) {
  const auto id = published();
  tender(provider_a, id, 4'321'987, "Salainen menetelmä");
  tender(provider_b, id, 5'123'456);
  clock.set(stored(id).tender_deadline - std::chrono::microseconds(1));
  for (const auto* reader : {&officer, &admin, &auditor, &provider_a, &provider_b}) {
    const auto tenders = read_tenders(competitions, *reader, id);
    ASSERT_FALSE(tenders) << reader->user_id;
    EXPECT_EQ(tenders.error().code, "sealed");
    EXPECT_FALSE(read_decision(competitions, *reader, id));
  }
  for (const auto* staff : {&officer, &admin, &auditor})
    EXPECT_EQ(ranking(competitions, *staff, id).error().code, "sealed") << staff->user_id;
  const auto early = open_tenders(competitions, officer, id);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "sealed");
  EXPECT_EQ(stored(id).state, CompetitionState::published);
  EXPECT_FALSE(stored(id).opened_at);
}

TEST_F(TenderOpening, NothingAReaderSeesDiffersWithATendersExistence) {
  const auto id = published();
  const std::vector<const Actor*> readers{&officer, &admin, &auditor, &provider_b};
  auto seen = [&] {
    std::vector<CompetitionView> views;
    for (const auto* r : readers)
      views.push_back(must(read_competition(competitions, *r, id), "read"));
    return views;
  };
  auto listed = [&] {
    return must(list_competitions(competitions, officer, kMiniCategory), "list");
  };
  const auto before = seen();
  const auto list_before = listed();
  for (const auto& v : before) EXPECT_FALSE(v.tenders);
  tender(provider_a, id, 4'321'987);
  must(withdraw_tender(competitions, provider_a, id), "withdraw");
  tender(provider_a, id, 4'321'987);
  EXPECT_EQ(seen(), before);
  EXPECT_EQ(listed(), list_before);
  EXPECT_EQ(told(provider_b, id), std::vector<std::string>{"competition.invited"});
}

TEST_F(TenderOpening, OnlyTheAuthoritysOfficerOpensTheSubmittedTendersAfterTheDeadline) {
  const auto id = published();
  tender(provider_a, id, 4'321'987, "Salainen menetelmä");
  must(save_tender(competitions, provider_b, id, content(6'000'000, "Luonnos")), "save");
  past_tender_deadline(id);
  for (const auto* staff : {&admin, &auditor})
    EXPECT_EQ(open_tenders(competitions, *staff, id).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(open_tenders(competitions, provider_a, id).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(open_tenders(competitions, other_officer, id).error().kind, ErrorKind::not_found);

  const long long head = audit_head();
  const auto opened = open_tenders(competitions, officer, id);
  ASSERT_TRUE(opened) << opened.error().detail;
  ASSERT_EQ(opened->size(), 1u);  // the draft is never opened
  const auto& a = opened->front();
  EXPECT_EQ(a.tender.provider_id, "provider-a");
  EXPECT_EQ(a.content, content(4'321'987, "Salainen menetelmä"));
  const auto events = audit_since(head);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "competition.opened");
  EXPECT_EQ(events[0].event.after, "opened tenders: " + a.tender.id);
  const auto c = stored(id);
  EXPECT_EQ(c.state, CompetitionState::opened);
  EXPECT_EQ(c.opened_at, clock.now());
  EXPECT_EQ(c.opened_by, officer.user_id);
  EXPECT_EQ(must(read_competition(competitions, provider_b, id), "read").tenders, 1);

  for (const auto* staff : {&officer, &admin, &auditor})
    EXPECT_EQ(must(read_tenders(competitions, *staff, id), "read"), *opened);
  EXPECT_EQ(must(read_tenders(competitions, provider_a, id), "read"), *opened);
  EXPECT_TRUE(must(read_tenders(competitions, provider_b, id), "read").empty());
}

TEST_F(TenderOpening, TendersAreScoredByThePublishedWeightsAndTheFirstRankedIsAwarded) {
  admit("provider-c");  // invited, but does not tender
  const auto id = published();
  tender(provider_a, id, 100'000);
  tender(provider_b, id, 125'000);
  past_tender_deadline(id);
  const auto opened = must(open_tenders(competitions, officer, id), "open");
  auto tender_of = [&](const std::string& provider) {
    for (const auto& t : opened)
      if (t.tender.provider_id == provider) return t.tender.id;
    return std::string();
  };
  const auto a = tender_of("provider-a"), b = tender_of("provider-b");
  EXPECT_EQ(score_tender(competitions, officer, id, a, "price", {5, "Hinta"})
                .error()
                .fields.at(0)
                .pointer,
            "/criterion_key");
  EXPECT_EQ(score_tender(competitions, officer, id, a, "method", {11, "Liikaa"})
                .error()
                .fields.at(0)
                .pointer,
            "/points");
  must(score_tender(competitions, officer, id, a, "method", {5, "Tavanomainen"}), "score a");
  EXPECT_EQ(award_competition(competitions, officer, id, b).error().code, "unscored");
  must(score_tender(competitions, officer, id, b, "method", {10, "Erinomainen"}), "score b");

  // a: 60 × 1 + 40 × 0.5 = 80; b: 60 × 0.8 + 40 × 1 = 88.
  const auto order = must(ranking(competitions, officer, id), "ranking");
  ASSERT_EQ(order.size(), 2u);
  EXPECT_EQ(order[0].tender_id, b);
  EXPECT_DOUBLE_EQ(order[0].total, 88.0);
  EXPECT_DOUBLE_EQ(order[1].total, 80.0);
  EXPECT_EQ(ranking(competitions, provider_a, id).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(award_competition(competitions, officer, id, a).error().fields.at(0).rule,
            "ranked-first");

  const auto awarded = award_competition(competitions, officer, id, b);
  ASSERT_TRUE(awarded) << awarded.error().detail;
  EXPECT_EQ(awarded->competition.state, CompetitionState::awarded);
  EXPECT_EQ(awarded->competition.winner_tender_id, b);
  EXPECT_EQ(awarded->competition.awarded_at, clock.now());
  for (const auto* tenderer : {&provider_a, &provider_b})
    EXPECT_EQ(told(*tenderer, id).back(), "competition.awarded");
  EXPECT_EQ(told(provider_c, id), std::vector<std::string>{"competition.invited"});

  const auto decision = must(read_decision(competitions, provider_a, id), "decision");
  EXPECT_EQ(decision.winner_provider_id, "provider-b");
  EXPECT_DOUBLE_EQ(decision.winner_total, 88.0);
  ASSERT_TRUE(decision.own);
  EXPECT_EQ(decision.own->rank, 2);
  EXPECT_EQ(decision.standstill_until, clock.now() + std::chrono::days(14));
  EXPECT_FALSE(must(read_decision(competitions, provider_c, id), "decision").own);

  clock.advance(std::chrono::days(14) - std::chrono::microseconds(1));
  EXPECT_EQ(conclude_competition(competitions, officer, id).error().code, "standstill");
  clock.advance(std::chrono::microseconds(1));
  const auto concluded =
      change_competition_state(competitions, officer, id, {CompetitionAct::conclude, ""});
  ASSERT_TRUE(concluded) << concluded.error().detail;
  EXPECT_EQ(concluded->competition.state, CompetitionState::concluded);
}

}  // namespace
}  // namespace tarjotin
