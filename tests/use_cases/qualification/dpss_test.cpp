// DPSs and categories through their lives, as the authority's officers set them up: the use
// cases over real storage, without a server.
#include <gtest/gtest.h>

#include "domain/qualification/dpss.hpp"
#include "tests/use_cases/qualification/world.hpp"

namespace tarjotin {
namespace {

using namespace domain;
using testing::QualificationWorld;

class Dpss : public QualificationWorld {
 protected:
  DpsInput dps_input() const {
    return {"Työllisyyspalvelut", "Valmennus", "2026-012345", today(),
            today() + std::chrono::days{365}};
  }
  CategoryInput category_input() const {
    CategoryInput in;
    in.name = {"Työhönvalmennus", "Jobbcoachning", "Job coaching"};
    in.regions = {"297"};
    in.languages = {"fi"};
    in.price.unit_price_ceiling_cents = 200'000;
    return in;
  }
  Dps new_dps() {
    auto made = create_dps(qualification, officer, dps_input());
    EXPECT_TRUE(made) << made.error().detail;
    return *made;
  }
};

TEST_F(Dpss, AnOfficerMakesADraftOfItsAuthorityThatIsAuditedAndHiddenUntilPublished) {
  const long long before = audit_head();
  const Dps dps = new_dps();
  EXPECT_EQ(dps.authority_id, "authority");
  EXPECT_EQ(dps.state, DpsState::draft);
  EXPECT_EQ(dps.created_at, clock.now());
  EXPECT_EQ(read_dps(qualification, &officer, dps.id).value(), dps);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.action, "dps.created");
  EXPECT_EQ(events[0].event.object_id, dps.id);
  EXPECT_EQ(events[0].event.actor_user_id, "officer");
  for (const Actor* who : {&provider_a, &other_officer}) {
    auto hidden = read_dps(qualification, who, dps.id);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().kind, ErrorKind::not_found);
  }
  EXPECT_FALSE(read_dps(qualification, nullptr, dps.id));
  EXPECT_TRUE(read_dps(qualification, &auditor, dps.id));
}

TEST_F(Dpss, OnlyOfficersMakeADpsAndItsDetailsAreCheckedBeforeAnythingIsWritten) {
  auto by_provider = create_dps(qualification, provider_a, dps_input());
  ASSERT_FALSE(by_provider);
  EXPECT_EQ(by_provider.error().kind, ErrorKind::forbidden);
  auto in = dps_input();
  in.valid_until = in.valid_from - std::chrono::days{1};
  const long long before = audit_head();
  auto refused = create_dps(qualification, officer, in);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).pointer, "/valid_until");
  EXPECT_TRUE(audit_since(before).empty());
  EXPECT_EQ(list_dpss(qualification, &officer)->size(), 1u);  // the world's own
}

TEST_F(Dpss, PublishingNeedsACategoryAndValidityStillAhead) {
  const Dps dps = new_dps();
  auto empty = change_dps_state(qualification, officer, dps.id, DpsAct::publish);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, "no-categories");
  ASSERT_TRUE(create_category(qualification, officer, dps.id, {category_input(), criteria()}));
  clock.advance(std::chrono::days{400});
  auto over = change_dps_state(qualification, officer, dps.id, DpsAct::publish);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, "validity-over");
  EXPECT_EQ(read_dps(qualification, &officer, dps.id)->state, DpsState::draft);
}

TEST_F(Dpss, APublishedDpsIsPublicAndNoLongerEditedButSuspendedResumedAndClosed) {
  const Dps dps = new_dps();
  ASSERT_TRUE(create_category(qualification, officer, dps.id, {category_input(), criteria()}));
  const long long before = audit_head();
  ASSERT_TRUE(change_dps_state(qualification, officer, dps.id, DpsAct::publish));
  EXPECT_TRUE(read_dps(qualification, nullptr, dps.id));
  auto edited = edit_dps(qualification, officer, dps.id, dps_input());
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().code, "invalid-transition");
  for (const auto act : {DpsAct::suspend, DpsAct::resume, DpsAct::close})
    ASSERT_TRUE(change_dps_state(qualification, officer, dps.id, act)) << to_string(act);
  EXPECT_EQ(actions_since(before),
            (std::vector<std::string>{"dps.publish", "dps.suspend", "dps.resume", "dps.close"}));
  const auto events = audit_since(before);
  EXPECT_EQ(events[0].event.before, "draft");
  EXPECT_EQ(events[0].event.after, "open");
  auto category = create_category(qualification, officer, dps.id, {category_input(), criteria()});
  ASSERT_FALSE(category);
  EXPECT_EQ(category.error().code, "dps-closed");
}

TEST_F(Dpss, ThoseWhoMayNotActOnADpsAreToldSoOnlyIfTheyMayKnowOfIt) {
  const Dps dps = new_dps();
  // The authority's own auditor sees the draft, and is told it may not act on it.
  auto by_auditor = edit_dps(qualification, auditor, dps.id, dps_input());
  ASSERT_FALSE(by_auditor);
  EXPECT_EQ(by_auditor.error().kind, ErrorKind::forbidden);
  // Another authority's officer learns nothing, not even that it exists.
  auto by_stranger = change_dps_state(qualification, other_officer, dps.id, DpsAct::publish);
  ASSERT_FALSE(by_stranger);
  EXPECT_EQ(by_stranger.error().kind, ErrorKind::not_found);
}

TEST_F(Dpss, ACategoryIsMadeWithItsCriteriaAndSeenByProvidersOnlyOnceOpen) {
  auto made = create_category(qualification, officer, "dps", {category_input(), criteria()});
  ASSERT_TRUE(made) << made.error().detail;
  EXPECT_EQ(made->category.state, CategoryState::draft);
  EXPECT_EQ(made->criteria, criteria());
  EXPECT_EQ(read_category(qualification, &officer, made->category.id)->category, made->category);
  EXPECT_FALSE(read_category(qualification, &provider_a, made->category.id));
  EXPECT_EQ(list_categories(qualification, nullptr, "dps")->size(), 1u);
  EXPECT_EQ(list_categories(qualification, &auditor, "dps")->size(), 2u);

  ASSERT_TRUE(change_category_state(qualification, officer, made->category.id, CategoryAct::open));
  auto seen = read_category(qualification, &provider_a, made->category.id);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->criteria, criteria());
  EXPECT_EQ(list_categories(qualification, nullptr, "dps")->size(), 2u);
}

TEST_F(Dpss, ACategorysDetailsAndCriteriaAreCheckedNamingTheField) {
  auto in = category_input();
  in.languages.clear();
  auto no_languages = create_category(qualification, officer, "dps", {in, criteria()});
  ASSERT_FALSE(no_languages);
  EXPECT_EQ(no_languages.error().fields.at(0).pointer, "/languages");
  auto duplicate = criteria();
  duplicate[2].key = "insured";
  auto refused = create_category(qualification, officer, "dps", {category_input(), duplicate});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).pointer, "/criteria/2/key");
  EXPECT_EQ(refused.error().fields.at(0).rule, "unique");
  EXPECT_EQ(list_categories(qualification, &officer, "dps")->size(), 1u);
}

TEST_F(Dpss, NewCriteriaOfAnOpenCategoryAreANewVersionAndAClosedOneKeepsItsOwn) {
  const long long before = audit_head();
  auto next = criteria();
  next[1].threshold = 5;
  auto set = set_criteria(qualification, officer, kCategory, next);
  ASSERT_TRUE(set) << set.error().detail;
  EXPECT_EQ(set->category.criteria_version, 2);
  EXPECT_EQ(read_category(qualification, nullptr, kCategory)->criteria, next);
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.before, "criteria v1");
  EXPECT_EQ(events[0].event.after, "criteria v2");
  // Version 1 is kept for the applications judged by it.
  t.db().run(Access::read, [&](Transaction& tx) {
    EXPECT_EQ(tx.categories().criteria(kCategory, 1), criteria());
    return false;
  });

  ASSERT_TRUE(change_category_state(qualification, officer, kCategory, CategoryAct::close));
  auto closed = set_criteria(qualification, officer, kCategory, criteria());
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, "invalid-transition");
  auto edited = edit_category(qualification, officer, kCategory, category_input());
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().code, "invalid-transition");
}

}  // namespace
}  // namespace tarjotin
