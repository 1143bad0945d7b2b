// The competition repository against real storage, on the backend under test: competitions
// with their criteria, invitations, questions, sealed tenders and quality scores.
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

template <class T>
std::vector<std::string> ids(const std::vector<T>& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.id);
  return out;
}

TEST_F(CompetitionStorage, DraftRoundTripsWithCriteriaInOrderAndNoOptionalTimes) {
  const auto draft = competition("comp-1", "cat-1");
  write([&](Transaction& tx) { tx.competitions().add(draft); });
  write([&](Transaction& tx) {
    const auto found = tx.competitions().find("comp-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, draft);
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
    EXPECT_EQ(*found, awarded);
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
  write([&](Transaction& tx) { EXPECT_EQ(*tx.competitions().find("comp-1"), cancelled); });
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
    EXPECT_EQ(tx.competitions().invitations("comp-1"),
              (std::vector<Invitation>{{"comp-1", "provider-a", at(20)},
                                       {"comp-1", "provider-b", at(20)}}));
    EXPECT_EQ(tx.competitions().invitations_for_provider("provider-a"),
              (std::vector<Invitation>{{"comp-1", "provider-a", at(20)},
                                       {"comp-2", "provider-a", at(30)}}));
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
    EXPECT_EQ(*found, q);
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
    EXPECT_EQ(*found, q);
    // Oldest first.
    EXPECT_EQ(ids(tx.competitions().questions("comp-1")), (std::vector<std::string>{"q-0", "q-1"}));
  });
}

TEST_F(CompetitionStorage, TenderRoundTripsAndIsFoundByIdAndByProvider) {
  add_competition_with_tenders();
  write([&](Transaction& tx) {
    const auto expected = tender("tender-a", "comp-1", "provider-a");
    for (const auto& found : {tx.competitions().find_tender("tender-a"),
                              tx.competitions().find_tender_of("comp-1", "provider-a")}) {
      ASSERT_TRUE(found);
      EXPECT_EQ(*found, expected);
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
  write([&](Transaction& tx) { EXPECT_EQ(*tx.competitions().find_tender("tender-a"), submitted); });

  auto withdrawn = submitted;
  withdrawn.state = TenderState::withdrawn;
  withdrawn.updated_at = at(160);
  write([&](Transaction& tx) { tx.competitions().update_tender(withdrawn); });
  write([&](Transaction& tx) {
    const auto found = tx.competitions().find_tender("tender-a");
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, withdrawn);
    EXPECT_EQ(found->receipt, "receipt-abc");
    EXPECT_EQ(found->submitted_at, submitted.submitted_at);
    // The other tenders are untouched.
    EXPECT_EQ(*tx.competitions().find_tender("tender-b"),
              tender("tender-b", "comp-1", "provider-b"));
  });
}

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
    EXPECT_EQ(
        tx.competitions().scores("comp-1"),
        (std::vector<QualityScore>{{"tender-a", "method", 4, "Revised", "officer", at(220)},
                                   {"tender-a", "staff", 8, "Strong team", "officer", at(211)},
                                   {"tender-b", "method", 5, "Excellent", "", at(212)}}));
    const auto other = tx.competitions().scores("comp-2");
    ASSERT_EQ(other.size(), 1u);
    EXPECT_EQ(other[0].tender_id, "tender-c");
  });
}

}  // namespace
}  // namespace tarjotin
