// The customer's choice: which offerings a stored choice set shows, to whom, and what it refuses.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/use_cases/ordering/world.hpp"

namespace tarjotin::testing {
namespace {

using namespace domain;

class ChoiceSets : public OrderingWorld {};

std::vector<std::string> shown(const ChoiceSetView& v) {
  std::vector<std::string> ids;
  for (const auto& e : v.set.entries) ids.push_back(e.offering_id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_F(ChoiceSets, ShowOnlyWhatFitsTheCustomerAndTellTheCoachWhyTheRestIsLeftOut) {
  const auto fits_a = offering(provider_a);
  const auto fits_b = offering(provider_b);
  auto swedish = offering_input();
  swedish.languages = {"sv"};
  const auto other_language = made(create_offering(ordering, provider_a, kCategory, swedish));
  const auto full = offering(provider_b, 0);
  const long long before = audit_head();
  const auto v = choice_set(customer("ASIAKAS-1"));
  auto expected = std::vector<std::string>{fits_a.id, fits_b.id};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(shown(v), expected);
  ASSERT_EQ(v.left_out.size(), 2u);
  for (const auto& l : v.left_out) {
    if (l.offering_id == other_language.id)
      EXPECT_EQ(l.reasons, std::vector<Ineligibility>{Ineligibility::language});
    else
      EXPECT_EQ(l.reasons, std::vector<Ineligibility>{Ineligibility::no_free_places});
    EXPECT_TRUE(l.offering_id == other_language.id || l.offering_id == full.id);
  }
  // Stored as shown, each entry at the price it was shown at, and audited with its seed.
  auto stored = read_choice_set(ordering, coach, v.set.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->set, v.set);
  for (const auto& e : v.set.entries) EXPECT_EQ(e.unit_price_cents, 120'000);
  EXPECT_EQ(v.set.expires_at, clock.now() + std::chrono::days(14));
  const auto events = audit_since(before);
  ASSERT_EQ(events.size(), 2u);  // the customer, then the set
  EXPECT_EQ(events[1].event.action, "choice_set.made");
  EXPECT_EQ(events[1].event.after, "2 offerings, seed " + std::to_string(v.set.seed));
}

// The answer to making a set is built from what making it read; reading the set back shows the
// same cards, names and offerings left out.
TEST_F(ChoiceSets, TheSetAsMadeShowsWhatReadingItBackShows) {
  offering(provider_a);
  offering(provider_b);
  offering(provider_a);
  offering(provider_b, 0);  // left out: no free places
  const auto made_view = choice_set(customer("ASIAKAS-1"));
  const auto read_view = read_choice_set(ordering, coach, made_view.set.id);
  ASSERT_TRUE(read_view);
  EXPECT_EQ(read_view->set, made_view.set);
  EXPECT_EQ(read_view->category_name, made_view.category_name);
  EXPECT_EQ(read_view->offerings, made_view.offerings);
  EXPECT_EQ(read_view->provider_names, made_view.provider_names);
  ASSERT_EQ(made_view.offerings.size(), 3u);
  for (std::size_t i = 0; i < made_view.offerings.size(); ++i) {
    EXPECT_EQ(made_view.offerings[i].id, made_view.set.entries[i].offering_id);
    EXPECT_EQ(made_view.provider_names[i], made_view.set.entries[i].provider_id + " name");
  }
  ASSERT_EQ(made_view.left_out.size(), 1u);
  ASSERT_EQ(read_view->left_out.size(), 1u);
  EXPECT_EQ(read_view->left_out[0].offering_id, made_view.left_out[0].offering_id);
  EXPECT_EQ(read_view->left_out[0].provider_name, "provider-b name");
  EXPECT_EQ(made_view.left_out[0].provider_name, "provider-b name");
}

TEST_F(ChoiceSets, ASuspendedProvidersOfferingIsLeftOutAsNotAdmitted) {
  const auto a = offering(provider_a);
  const auto b = offering(provider_b);
  write([&](Transaction& tx) {
    auto admission = *tx.admissions().find("provider-b", kCategory);
    admission.state = AdmissionState::suspended;
    tx.admissions().put(admission);
  });
  const auto v = choice_set(customer("ASIAKAS-1"));
  EXPECT_EQ(shown(v), std::vector<std::string>{a.id});
  ASSERT_EQ(v.left_out.size(), 1u);
  EXPECT_EQ(v.left_out[0].offering_id, b.id);
  EXPECT_EQ(v.left_out[0].provider_name, "provider-b name");
  EXPECT_EQ(v.left_out[0].reasons, std::vector<Ineligibility>{Ineligibility::not_admitted});
}

TEST_F(ChoiceSets, ALatestStartBeforeAnOfferingCanStartLeavesItOut) {
  const auto a = offering(provider_a);  // starts tomorrow
  const auto today = helsinki_date(clock.now());
  const auto id = customer("ASIAKAS-1");
  auto now_only = make_choice_set(ordering, coach, {kCategory, id, today});
  ASSERT_TRUE(now_only);
  EXPECT_TRUE(now_only->set.entries.empty());
  EXPECT_EQ(now_only->left_out.at(0).reasons, std::vector<Ineligibility>{Ineligibility::start});
  auto tomorrow = make_choice_set(ordering, coach, {kCategory, id, today + std::chrono::days(1)});
  ASSERT_TRUE(tomorrow);
  EXPECT_EQ(shown(*tomorrow), std::vector<std::string>{a.id});
  auto past = make_choice_set(ordering, coach, {kCategory, id, today - std::chrono::days(1)});
  ASSERT_FALSE(past);
  EXPECT_EQ(refusal(past.error()), "/start_by future");
}

TEST_F(ChoiceSets, IdsTheCoachMayNotUseAreRefusedNamingTheFieldAndNothingIsStored) {
  offering(provider_a);
  const auto theirs = customer("ASIAKAS-1", other_coach);
  const long long before = audit_head();
  auto other_units = make_choice_set(ordering, coach, {kCategory, theirs, std::nullopt});
  ASSERT_FALSE(other_units);
  EXPECT_EQ(refusal(other_units.error()), "/customer_id customer");
  auto nobody = make_choice_set(ordering, coach, {kCategory, "no-such-customer", std::nullopt});
  ASSERT_FALSE(nobody);
  EXPECT_EQ(refusal(nobody.error()), refusal(other_units.error()));
  const auto mine = customer("ASIAKAS-2");
  auto no_category = make_choice_set(ordering, coach, {"no-such-category", mine, std::nullopt});
  ASSERT_FALSE(no_category);
  EXPECT_EQ(refusal(no_category.error()), "/category_id category");
  auto by_provider = make_choice_set(ordering, provider_a, {kCategory, mine, std::nullopt});
  ASSERT_FALSE(by_provider);
  EXPECT_EQ(by_provider.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(actions_since(before), std::vector<std::string>{"customer.created"});
}

TEST_F(ChoiceSets, AClosedCategoryTakesNoOrdersAndSoMakesNoSets) {
  offering(provider_a);
  const auto id = customer("ASIAKAS-1");
  write([&](Transaction& tx) {
    auto c = *tx.categories().find(kCategory);
    c.state = CategoryState::closed;
    tx.categories().update(c);
  });
  auto closed = make_choice_set(ordering, coach, {kCategory, id, std::nullopt});
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, "not-ordering");
}

TEST_F(ChoiceSets, OverseersReplayWhatTheCustomerSawButNotWhatWasLeftOut) {
  offering(provider_a);
  offering(provider_b, 0);
  const auto v = choice_set(customer("ASIAKAS-1"));
  ASSERT_EQ(v.left_out.size(), 1u);
  for (const Actor* overseer : {&officer, &auditor}) {
    auto replay = read_choice_set(ordering, *overseer, v.set.id);
    ASSERT_TRUE(replay) << replay.error().detail;
    EXPECT_EQ(replay->set, v.set);
    EXPECT_EQ(replay->provider_names, v.provider_names);
    EXPECT_TRUE(replay->left_out.empty());
  }
  for (const Actor* outsider : {&other_coach, &provider_a}) {
    auto read = read_choice_set(ordering, *outsider, v.set.id);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ErrorKind::not_found);
  }
}

}  // namespace
}  // namespace tarjotin::testing
