// The competition and notification repositories against real storage, on the backend under
// test.
#include <gtest/gtest.h>

#include <functional>

#include "domain/competition/ports.hpp"
#include "domain/qualification/ports.hpp"
#include "tests/support/stored_world.hpp"

namespace tarjotin {
namespace {

using namespace domain;

using testing::at;
using testing::day;

// A database with an authority and its officer, two providers (one with a user), and two
// categories of one DPS.
class StorageTest : public testing::StoredWorld {
 protected:
  void SetUp() override {
    write([](Transaction& tx) {
      organisation(tx, "authority", OrganisationKind::contracting_authority);
      organisation(tx, "provider-a", OrganisationKind::provider);
      organisation(tx, "provider-b", OrganisationKind::provider);
      user(tx, "officer", "authority", Role::officer);
      user(tx, "seller-a", "provider-a", Role::provider);
      dps(tx, "dps-1");
      category(tx, "cat-1", "dps-1");
      category(tx, "cat-2", "dps-1");
    });
  }
};

class CompetitionStorage : public StorageTest {
 protected:
  static Competition competition(const std::string& id, const std::string& category,
                                 CompetitionState state = CompetitionState::draft) {
    Competition c;
    c.id = id;
    c.category_id = category;
    c.authority_id = "authority";
    c.title = "Coaching for " + id;
    c.description = "What is bought";
    c.quantity = "40 customers over 12 months";
    c.criteria = {{"price", "Hinta", CriterionBasis::price, 60, 10},
                  {"method", "Menetelmä", CriterionBasis::quality, 30, 5},
                  {"staff", "Henkilöstö", CriterionBasis::quality, 10, 10}};
    c.questions_deadline = at(100);
    c.tender_deadline = at(200);
    c.standstill_days = 14;
    c.state = state;
    c.created_by = "officer";
    c.created_at = at(1);
    c.updated_at = at(2);
    return c;
  }

  static Tender tender(const std::string& id, const std::string& competition_id,
                       const std::string& provider) {
    Tender t;
    t.id = id;
    t.competition_id = competition_id;
    t.provider_id = provider;
    t.sealed = "c2VhbGVkIGJ5dGVz";
    t.created_at = at(10);
    t.updated_at = at(11);
    return t;
  }

  void add_competition_with_tenders() {
    write([](Transaction& tx) {
      tx.competitions().add(competition("comp-1", "cat-1", CompetitionState::opened));
      tx.competitions().add(competition("comp-2", "cat-1", CompetitionState::opened));
      tx.competitions().add_tender(tender("tender-a", "comp-1", "provider-a"));
      tx.competitions().add_tender(tender("tender-b", "comp-1", "provider-b"));
      tx.competitions().add_tender(tender("tender-c", "comp-2", "provider-a"));
    });
  }
};

void expect_same(const Competition& a, const Competition& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.category_id, b.category_id);
  EXPECT_EQ(a.authority_id, b.authority_id);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.quantity, b.quantity);
  ASSERT_EQ(a.criteria.size(), b.criteria.size());
  for (std::size_t i = 0; i < a.criteria.size(); ++i) {
    EXPECT_EQ(a.criteria[i].key, b.criteria[i].key) << i;
    EXPECT_EQ(a.criteria[i].name, b.criteria[i].name) << i;
    EXPECT_EQ(a.criteria[i].basis, b.criteria[i].basis) << i;
    EXPECT_EQ(a.criteria[i].weight, b.criteria[i].weight) << i;
    EXPECT_EQ(a.criteria[i].max_points, b.criteria[i].max_points) << i;
  }
  EXPECT_EQ(a.questions_deadline, b.questions_deadline);
  EXPECT_EQ(a.tender_deadline, b.tender_deadline);
  EXPECT_EQ(a.standstill_days, b.standstill_days);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.reason, b.reason);
  EXPECT_EQ(a.created_by, b.created_by);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.published_at, b.published_at);
  EXPECT_EQ(a.opened_at, b.opened_at);
  EXPECT_EQ(a.opened_by, b.opened_by);
  EXPECT_EQ(a.winner_tender_id, b.winner_tender_id);
  EXPECT_EQ(a.awarded_at, b.awarded_at);
  EXPECT_EQ(a.updated_at, b.updated_at);
}

void expect_same(const Tender& a, const Tender& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.competition_id, b.competition_id);
  EXPECT_EQ(a.provider_id, b.provider_id);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.sealed, b.sealed);
  EXPECT_EQ(a.submitted_at, b.submitted_at);
  EXPECT_EQ(a.receipt, b.receipt);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.updated_at, b.updated_at);
}

template <class T>
std::vector<std::string> ids(const std::vector<T>& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.id);
  return out;
}

// ---- Competitions ----

TEST_F(CompetitionStorage, DraftRoundTripsWithCriteriaInOrderAndNoOptionalTimes) {
  const auto draft = competition("comp-1", "cat-1");
  write([&](Transaction& tx) { tx.competitions().add(draft); });
  write([&](Transaction& tx) {
    const auto found = tx.competitions().find("comp-1");
    ASSERT_TRUE(found);
    expect_same(*found, draft);
    EXPECT_FALSE(found->published_at);
    EXPECT_TRUE(found->opened_by.empty());
    EXPECT_FALSE(tx.competitions().find("nope"));
  });
}

TEST_F(CompetitionStorage, UpdateStoresEveryTimeAndReplacesCriteria) {
  write([&](Transaction& tx) { tx.competitions().add(competition("comp-1", "cat-1")); });
  auto awarded = competition("comp-1", "cat-1", CompetitionState::awarded);
  // Reversed and one dropped: the stored order must follow the new list, not the keys.
  awarded.criteria = {{"staff", "Henkilöstö", CriterionBasis::quality, 40, 4},
                      {"price", "Hinta", CriterionBasis::price, 60, 10}};
  awarded.published_at = at(20);
  awarded.opened_at = at(201);
  awarded.opened_by = "officer";
  awarded.winner_tender_id = "tender-x";
  awarded.awarded_at = at(300);
  awarded.reason = "";
  awarded.standstill_days = 10;
  awarded.updated_at = at(300);
  write([&](Transaction& tx) { tx.competitions().update(awarded); });
  write([&](Transaction& tx) {
    const auto found = tx.competitions().find("comp-1");
    ASSERT_TRUE(found);
    expect_same(*found, awarded);
  });

  auto cancelled = awarded;
  cancelled.state = CompetitionState::cancelled;
  cancelled.reason = "No budget";
  cancelled.criteria.clear();
  cancelled.published_at.reset();
  cancelled.opened_at.reset();
  cancelled.opened_by.clear();
  cancelled.winner_tender_id.clear();
  cancelled.awarded_at.reset();
  write([&](Transaction& tx) { tx.competitions().update(cancelled); });
  write([&](Transaction& tx) { expect_same(*tx.competitions().find("comp-1"), cancelled); });
}

TEST_F(CompetitionStorage, ListsByCategoryAndOnlyPublishedOnesForProviders) {
  write([&](Transaction& tx) {
    tx.competitions().add(competition("comp-1", "cat-1", CompetitionState::published));
    tx.competitions().add(competition("comp-2", "cat-1", CompetitionState::draft));
    tx.competitions().add(competition("comp-3", "cat-2", CompetitionState::published));
    tx.competitions().add(competition("comp-4", "cat-1", CompetitionState::opened));
    tx.competitions().add(competition("comp-5", "cat-1", CompetitionState::published));
  });
  write([&](Transaction& tx) {
    EXPECT_EQ(ids(tx.competitions().list_for_category("cat-1")),
              (std::vector<std::string>{"comp-1", "comp-2", "comp-4", "comp-5"}));
    const auto published = tx.competitions().list_published_for_category("cat-1");
    EXPECT_EQ(ids(published), (std::vector<std::string>{"comp-1", "comp-5"}));
    for (const auto& c : published) EXPECT_EQ(c.criteria.size(), 3u) << c.id;
    EXPECT_TRUE(tx.competitions().list_for_category("nope").empty());
  });
}

// ---- Invitations and questions ----

TEST_F(CompetitionStorage, InvitationsAreListedPerCompetitionAndPerProvider) {
  write([&](Transaction& tx) {
    tx.competitions().add(competition("comp-1", "cat-1", CompetitionState::published));
    tx.competitions().add(competition("comp-2", "cat-2", CompetitionState::published));
    tx.competitions().add_invitation({"comp-1", "provider-b", at(20)});
    tx.competitions().add_invitation({"comp-1", "provider-a", at(20)});
    tx.competitions().add_invitation({"comp-2", "provider-a", at(30)});
  });
  EXPECT_ANY_THROW(write([](Transaction& tx) {
    tx.competitions().add_invitation({"comp-1", "provider-a", at(40)});
  }));
  write([&](Transaction& tx) {
    const auto of_competition = tx.competitions().invitations("comp-1");
    ASSERT_EQ(of_competition.size(), 2u);
    EXPECT_EQ(of_competition[0].provider_id, "provider-a");
    EXPECT_EQ(of_competition[0].competition_id, "comp-1");
    EXPECT_EQ(of_competition[0].invited_at, at(20));
    EXPECT_EQ(of_competition[1].provider_id, "provider-b");

    const auto of_provider = tx.competitions().invitations_for_provider("provider-a");
    ASSERT_EQ(of_provider.size(), 2u);
    EXPECT_EQ(of_provider[0].competition_id, "comp-1");
    EXPECT_EQ(of_provider[1].competition_id, "comp-2");
    EXPECT_EQ(of_provider[1].invited_at, at(30));
    EXPECT_EQ(tx.competitions().invitations_for_provider("provider-b").size(), 1u);
    EXPECT_TRUE(tx.competitions().invitations("nope").empty());
  });
}

TEST_F(CompetitionStorage, QuestionIsStoredUnansweredThenWithItsAnswer) {
  Question q{"q-1", "comp-1", "provider-a", "May we subcontract?", at(30), "", std::nullopt};
  write([&](Transaction& tx) {
    tx.competitions().add(competition("comp-1", "cat-1", CompetitionState::published));
    tx.competitions().add_question(q);
    tx.competitions().add_question(
        {"q-0", "comp-1", "provider-b", "Earlier question", at(25), "", std::nullopt});
  });
  write([&](Transaction& tx) {
    const auto found = tx.competitions().find_question("q-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->competition_id, "comp-1");
    EXPECT_EQ(found->provider_id, "provider-a");
    EXPECT_EQ(found->text, "May we subcontract?");
    EXPECT_EQ(found->asked_at, at(30));
    EXPECT_TRUE(found->answer.empty());
    EXPECT_FALSE(found->answered_at);
    EXPECT_FALSE(tx.competitions().find_question("nope"));
  });
  q.answer = "Yes, up to 30 %.";
  q.answered_at = at(40);
  write([&](Transaction& tx) { tx.competitions().update_question(q); });
  write([&](Transaction& tx) {
    const auto found = tx.competitions().find_question("q-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->text, "May we subcontract?");
    EXPECT_EQ(found->answer, "Yes, up to 30 %.");
    EXPECT_EQ(found->answered_at, at(40));
    // Oldest first.
    EXPECT_EQ(ids(tx.competitions().questions("comp-1")), (std::vector<std::string>{"q-0", "q-1"}));
  });
}

// ---- Tenders ----

TEST_F(CompetitionStorage, TenderRoundTripsAndIsFoundByIdAndByProvider) {
  add_competition_with_tenders();
  write([&](Transaction& tx) {
    const auto expected = tender("tender-a", "comp-1", "provider-a");
    for (const auto& found : {tx.competitions().find_tender("tender-a"),
                              tx.competitions().find_tender_of("comp-1", "provider-a")}) {
      ASSERT_TRUE(found);
      expect_same(*found, expected);
      EXPECT_EQ(found->state, TenderState::draft);
      EXPECT_FALSE(found->submitted_at);
    }
    EXPECT_FALSE(tx.competitions().find_tender("nope"));
    EXPECT_FALSE(tx.competitions().find_tender_of("comp-2", "provider-b"));
    EXPECT_EQ(ids(tx.competitions().tenders("comp-1")),
              (std::vector<std::string>{"tender-a", "tender-b"}));
    EXPECT_EQ(ids(tx.competitions().tenders("comp-2")), std::vector<std::string>{"tender-c"});
  });
}

TEST_F(CompetitionStorage, ProviderHasOneTenderPerCompetition) {
  add_competition_with_tenders();
  EXPECT_ANY_THROW(write([](Transaction& tx) {
    tx.competitions().add_tender(tender("tender-a2", "comp-1", "provider-a"));
  }));
  write([](Transaction& tx) {
    EXPECT_FALSE(tx.competitions().find_tender("tender-a2"));
    EXPECT_EQ(tx.competitions().find_tender_of("comp-1", "provider-a")->id, "tender-a");
  });
}

TEST_F(CompetitionStorage, UpdateTenderKeepsReceiptAndSubmissionTime) {
  add_competition_with_tenders();
  auto submitted = tender("tender-a", "comp-1", "provider-a");
  submitted.state = TenderState::submitted;
  submitted.sealed = "bmV3IHNlYWxlZCBieXRlcw==";
  submitted.submitted_at = from_micros(to_micros(at(150)) + 123'456);
  submitted.receipt = "receipt-abc";
  submitted.updated_at = at(150);
  write([&](Transaction& tx) { tx.competitions().update_tender(submitted); });
  write(
      [&](Transaction& tx) { expect_same(*tx.competitions().find_tender("tender-a"), submitted); });

  auto withdrawn = submitted;
  withdrawn.state = TenderState::withdrawn;
  withdrawn.updated_at = at(160);
  write([&](Transaction& tx) { tx.competitions().update_tender(withdrawn); });
  write([&](Transaction& tx) {
    const auto found = tx.competitions().find_tender("tender-a");
    ASSERT_TRUE(found);
    expect_same(*found, withdrawn);
    EXPECT_EQ(found->receipt, "receipt-abc");
    EXPECT_EQ(found->submitted_at, submitted.submitted_at);
    // The other tenders are untouched.
    expect_same(*tx.competitions().find_tender("tender-b"),
                tender("tender-b", "comp-1", "provider-b"));
  });
}

// ---- Quality scores ----

TEST_F(CompetitionStorage, PutScoreReplacesThePreviousScoreOfTheCriterion) {
  add_competition_with_tenders();
  write([](Transaction& tx) {
    tx.competitions().put_score({"tender-a", "method", 3, "Adequate", "officer", at(210)});
    tx.competitions().put_score({"tender-a", "staff", 8, "Strong team", "officer", at(211)});
    tx.competitions().put_score({"tender-b", "method", 5, "Excellent", "", at(212)});
    tx.competitions().put_score({"tender-c", "method", 1, "Other competition", "officer", at(213)});
  });
  write([](Transaction& tx) {
    tx.competitions().put_score({"tender-a", "method", 4, "Revised", "officer", at(220)});
  });
  write([](Transaction& tx) {
    const auto list = tx.competitions().scores("comp-1");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].tender_id, "tender-a");
    EXPECT_EQ(list[0].criterion_key, "method");
    EXPECT_EQ(list[0].points, 4);
    EXPECT_EQ(list[0].justification, "Revised");
    EXPECT_EQ(list[0].scored_by, "officer");
    EXPECT_EQ(list[0].scored_at, at(220));
    EXPECT_EQ(list[1].tender_id, "tender-a");
    EXPECT_EQ(list[1].criterion_key, "staff");
    EXPECT_EQ(list[1].points, 8);
    EXPECT_EQ(list[2].tender_id, "tender-b");
    EXPECT_EQ(list[2].points, 5);
    EXPECT_TRUE(list[2].scored_by.empty());
    const auto other = tx.competitions().scores("comp-2");
    ASSERT_EQ(other.size(), 1u);
    EXPECT_EQ(other[0].tender_id, "tender-c");
  });
}

// ---- Notifications, webhooks and the outbox ----

class NotificationStorage : public StorageTest {
 protected:
  static OutboxEvent event(const std::string& id, Timestamp next_attempt) {
    OutboxEvent e;
    e.id = id;
    e.organisation_id = "provider-a";
    e.kind = "competition.invited";
    e.body = R"({"id":")" + id + R"(","kind":"competition.invited"})";
    e.created_at = at(0);
    e.next_attempt_at = next_attempt;
    return e;
  }

  std::vector<OutboxEvent> claim(Timestamp now, Timestamp until, std::size_t limit) {
    std::vector<OutboxEvent> out;
    write([&](Transaction& tx) { out = tx.notifications().claim_due(now, until, limit); });
    return out;
  }
};

TEST_F(NotificationStorage, NotificationsAreListedNewestFirstUpToTheLimit) {
  write([](Transaction& tx) {
    for (int i = 1; i <= 4; ++i)
      tx.notifications().add({"n-" + std::to_string(i), "provider-a", "competition.invited",
                              "comp-1", "Invitation " + std::to_string(i), at(10 * i)});
    tx.notifications().add(
        {"n-other", "provider-b", "competition.awarded", "comp-1", "Awarded", at(100)});
  });
  write([](Transaction& tx) {
    const auto list = tx.notifications().list_for_organisation("provider-a", 3);
    EXPECT_EQ(ids(list), (std::vector<std::string>{"n-4", "n-3", "n-2"}));
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list[0].organisation_id, "provider-a");
    EXPECT_EQ(list[0].kind, "competition.invited");
    EXPECT_EQ(list[0].subject_id, "comp-1");
    EXPECT_EQ(list[0].text, "Invitation 4");
    EXPECT_EQ(list[0].created_at, at(40));
    EXPECT_EQ(tx.notifications().list_for_organisation("provider-a", 100).size(), 4u);
    EXPECT_EQ(ids(tx.notifications().list_for_organisation("provider-b", 100)),
              std::vector<std::string>{"n-other"});
    EXPECT_TRUE(tx.notifications().list_for_organisation("authority", 10).empty());
  });
}

TEST_F(NotificationStorage, PutWebhookReplacesTheOrganisationsWebhook) {
  write([](Transaction& tx) {
    EXPECT_FALSE(tx.notifications().webhook("provider-a"));
    tx.notifications().put_webhook({"provider-a", "https://a.example/hook", "secret-1", at(1)});
  });
  write([](Transaction& tx) {
    tx.notifications().put_webhook({"provider-a", "https://a.example/v2", "secret-2", at(2)});
  });
  write([](Transaction& tx) {
    const auto found = tx.notifications().webhook("provider-a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->organisation_id, "provider-a");
    EXPECT_EQ(found->url, "https://a.example/v2");
    EXPECT_EQ(found->secret, "secret-2");
    EXPECT_EQ(found->created_at, at(2));
    EXPECT_FALSE(tx.notifications().webhook("provider-b"));
  });
}

TEST_F(NotificationStorage, EventRoundTripsAndUpdateRecordsTheOutcome) {
  auto e = event("ev-1", at(10));
  write([&](Transaction& tx) { tx.notifications().add_event(e); });
  write([&](Transaction& tx) {
    const auto found = tx.notifications().find_event("ev-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->organisation_id, e.organisation_id);
    EXPECT_EQ(found->kind, e.kind);
    EXPECT_EQ(found->body, e.body);
    EXPECT_EQ(found->created_at, e.created_at);
    EXPECT_EQ(found->attempts, 0);
    EXPECT_EQ(found->next_attempt_at, at(10));
    EXPECT_FALSE(found->claimed_until);
    EXPECT_FALSE(found->delivered_at);
    EXPECT_TRUE(found->last_error.empty());
    EXPECT_FALSE(tx.notifications().find_event("nope"));
  });
  e.attempts = 2;
  e.next_attempt_at = at(70);
  e.claimed_until = at(40);
  e.delivered_at = at(35);
  e.last_error = "HTTP 503";
  write([&](Transaction& tx) { tx.notifications().update_event(e); });
  write([&](Transaction& tx) {
    const auto found = tx.notifications().find_event("ev-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->attempts, 2);
    EXPECT_EQ(found->next_attempt_at, at(70));
    EXPECT_EQ(found->claimed_until, at(40));
    EXPECT_EQ(found->delivered_at, at(35));
    EXPECT_EQ(found->last_error, "HTTP 503");
    EXPECT_EQ(found->body, e.body);
  });
}

TEST_F(NotificationStorage, ClaimDueReturnsOnlyDueEventsInOrderAndMarksThemClaimed) {
  write([](Transaction& tx) {
    tx.notifications().add_event(event("ev-later", at(20)));
    tx.notifications().add_event(event("ev-b", at(10)));
    tx.notifications().add_event(event("ev-a", at(10)));
    tx.notifications().add_event(event("ev-first", at(5)));
  });
  const auto claimed = claim(at(10), at(40), 10);
  EXPECT_EQ(ids(claimed), (std::vector<std::string>{"ev-first", "ev-a", "ev-b"}));
  for (const auto& e : claimed) EXPECT_EQ(e.claimed_until, at(40)) << e.id;
  write([](Transaction& tx) {
    EXPECT_EQ(tx.notifications().find_event("ev-a")->claimed_until, at(40));
    EXPECT_FALSE(tx.notifications().find_event("ev-later")->claimed_until);
  });
}

TEST_F(NotificationStorage, ClaimedEventIsNotClaimedAgainUntilTheClaimExpires) {
  write([](Transaction& tx) { tx.notifications().add_event(event("ev-1", at(10))); });
  EXPECT_EQ(ids(claim(at(10), at(40), 10)), std::vector<std::string>{"ev-1"});
  // Another worker, while the first one holds it.
  EXPECT_TRUE(claim(at(20), at(50), 10).empty());
  EXPECT_TRUE(claim(at(40), at(70), 10).empty());
  // The first worker died: its claim has run out.
  const auto again = claim(at(41), at(71), 10);
  ASSERT_EQ(ids(again), std::vector<std::string>{"ev-1"});
  EXPECT_EQ(again[0].claimed_until, at(71));
}

TEST_F(NotificationStorage, DeliveredEventIsNeverClaimed) {
  write([](Transaction& tx) { tx.notifications().add_event(event("ev-1", at(10))); });
  auto e = claim(at(10), at(40), 10).at(0);
  e.attempts = 1;
  e.delivered_at = at(12);
  e.claimed_until.reset();
  e.last_error.clear();
  write([&](Transaction& tx) { tx.notifications().update_event(e); });
  EXPECT_TRUE(claim(at(20), at(50), 10).empty());
  EXPECT_TRUE(claim(at(1'000'000), at(1'000'030), 10).empty());
}

TEST_F(NotificationStorage, ClaimDueRespectsTheLimitAndLeavesTheRestForTheNextClaim) {
  write([](Transaction& tx) {
    for (int i = 0; i < 5; ++i)
      tx.notifications().add_event(event("ev-" + std::to_string(i), at(i)));
  });
  EXPECT_EQ(ids(claim(at(10), at(40), 2)), (std::vector<std::string>{"ev-0", "ev-1"}));
  EXPECT_EQ(ids(claim(at(11), at(41), 2)), (std::vector<std::string>{"ev-2", "ev-3"}));
  EXPECT_EQ(ids(claim(at(12), at(42), 2)), std::vector<std::string>{"ev-4"});
  EXPECT_TRUE(claim(at(13), at(43), 2).empty());
}

}  // namespace
}  // namespace tarjotin
