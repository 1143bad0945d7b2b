// The lives of DPSs, categories, applications and admissions, the names they are stored and sent
// by, and who sees a category and when a DPS is in force.
#include "domain/qualification/rules.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <span>
#include <string>

#include "domain/access.hpp"
#include "tests/domain/dates.hpp"
#include "tests/domain/qualification/names.hpp"

namespace tarjotin::domain {
namespace {

using namespace test_names;
using testing::date;

// Tries every (state, act) pair: the ones in `allowed` must lead where it says, every other
// pair must be refused.
template <class S, class A, std::size_t NS, std::size_t NA>
void expect_exactly_these_transitions(std::span<const Transition<S, A>> table,
                                      const Named<S> (&states)[NS], const Named<A> (&acts)[NA],
                                      std::initializer_list<Transition<S, A>> allowed) {
  EXPECT_EQ(table.size(), allowed.size()) << "the table has duplicate or unexpected rows";
  for (const auto& s : states) {
    for (const auto& a : acts) {
      std::string expected = "refused";
      for (const auto& row : allowed)
        if (row.from == s.value && row.act == a.value) expected = name_of(states, row.to);
      const auto actual = next_state(table, s.value, a.value);
      EXPECT_EQ(actual ? name_of(states, *actual) : "refused", expected)
          << s.name << " --" << a.name << "-->";
    }
  }
}

TEST(DpsTransitions, AllowExactlyTheListedMoves) {
  using S = DpsState;
  using A = DpsAct;
  expect_exactly_these_transitions(dps_transitions(), kDpsStates, kDpsActs,
                                   {
                                       {S::draft, A::edit, S::draft},
                                       {S::draft, A::publish, S::open},
                                       {S::open, A::suspend, S::suspended},
                                       {S::suspended, A::resume, S::open},
                                       {S::open, A::close, S::closed},
                                       {S::suspended, A::close, S::closed},
                                   });
}

TEST(CategoryTransitions, AllowExactlyTheListedMoves) {
  using S = CategoryState;
  using A = CategoryAct;
  expect_exactly_these_transitions(category_transitions(), kCategoryStates, kCategoryActs,
                                   {
                                       {S::draft, A::edit, S::draft},
                                       {S::draft, A::open, S::open},
                                       {S::open, A::close, S::closed},
                                   });
}

TEST(ApplicationTransitions, AllowExactlyTheListedMoves) {
  using S = ApplicationState;
  using A = ApplicationAct;
  expect_exactly_these_transitions(
      application_transitions(), kApplicationStates, kApplicationActs,
      {
          {S::draft, A::edit, S::draft},
          {S::draft, A::submit, S::submitted},
          {S::draft, A::withdraw, S::withdrawn},
          {S::submitted, A::request_clarification, S::clarification_requested},
          {S::clarification_requested, A::answer_clarification, S::submitted},
          {S::submitted, A::admit, S::admitted},
          {S::submitted, A::reject, S::rejected},
          {S::clarification_requested, A::admit, S::admitted},
          {S::clarification_requested, A::reject, S::rejected},
          {S::submitted, A::extend_deadline, S::submitted},
          {S::clarification_requested, A::extend_deadline, S::clarification_requested},
          {S::submitted, A::withdraw, S::withdrawn},
          {S::clarification_requested, A::withdraw, S::withdrawn},
      });
}

TEST(AdmissionTransitions, AllowExactlyTheListedMoves) {
  using S = AdmissionState;
  using A = AdmissionAct;
  expect_exactly_these_transitions(admission_transitions(), kAdmissionStates, kAdmissionActs,
                                   {
                                       {S::admitted, A::suspend, S::suspended},
                                       {S::suspended, A::reinstate, S::admitted},
                                       {S::admitted, A::exclude, S::excluded},
                                       {S::suspended, A::exclude, S::excluded},
                                   });
}

TEST(ApplicationStates, OnlySubmittedAndClarificationRequestedAwaitADecision) {
  for (const auto& s : kApplicationStates) {
    const bool expected = s.value == ApplicationState::submitted ||
                          s.value == ApplicationState::clarification_requested;
    EXPECT_EQ(awaits_decision(s.value), expected) << s.name;
  }
}

template <class E, std::size_t N>
void expect_names(const Named<E> (&list)[N]) {
  for (const auto& n : list) EXPECT_EQ(to_string(n.value), n.name);
}

template <class E, std::size_t N, class Parse>
void expect_parses(const Named<E> (&list)[N], Parse parse) {
  for (const auto& n : list) {
    const std::optional<E> parsed = parse(n.name);
    ASSERT_TRUE(parsed.has_value()) << n.name;
    EXPECT_TRUE(*parsed == n.value) << n.name;
  }
  EXPECT_FALSE(parse("").has_value());
  EXPECT_FALSE(parse("no_such_name").has_value());
  // Names are exact: no case folding, no trimming.
  EXPECT_FALSE(parse(std::string(list[0].name) + " ").has_value());
  std::string upper = list[0].name;
  for (char& ch : upper)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  EXPECT_FALSE(parse(upper).has_value());
}

TEST(Names, StatesAndVerdictsHaveTheirEnumeratorNames) {
  expect_names(kDpsStates);
  expect_names(kCategoryStates);
  expect_names(kApplicationStates);
  expect_names(kAdmissionStates);
  expect_names(kVerdicts);
  expect_names(kApplicationActs);
  expect_names(kReconfirmationStates);
}

TEST(Names, MediaTypesAreTheirContentTypesAndParseWhateverTheCaseAndParameters) {
  expect_names(kMediaTypes);
  EXPECT_EQ(parse_media_type("application/pdf"), MediaType::pdf);
  EXPECT_EQ(parse_media_type("Image/PNG; charset=binary"), MediaType::png);
  EXPECT_EQ(parse_media_type("image/jpeg ;q=1"), MediaType::jpeg);
  EXPECT_FALSE(parse_media_type("image/gif").has_value());
  EXPECT_FALSE(parse_media_type("application/pdfx").has_value());
  EXPECT_FALSE(parse_media_type("").has_value());
}

TEST(Names, DpsActsRoundTrip) {
  expect_names(kDpsActs);
  expect_parses(kDpsActs, parse_dps_act);
}

TEST(Names, AwardMethodsRoundTrip) {
  expect_names(kAwardMethods);
  expect_parses(kAwardMethods, parse_award_method);
}

TEST(Names, CriterionTypesAndKindsRoundTrip) {
  expect_names(kCriterionTypes);
  expect_parses(kCriterionTypes, parse_criterion_type);
  expect_names(kCriterionKinds);
  expect_parses(kCriterionKinds, parse_criterion_kind);
}

TEST(Names, CategoryAndAdmissionActsRoundTrip) {
  expect_names(kCategoryActs);
  expect_parses(kCategoryActs, parse_category_act);
  expect_names(kAdmissionActs);
  expect_parses(kAdmissionActs, parse_admission_act);
  expect_parses(kAdmissionStates, parse_admission_state);
}

TEST(Names, ActsOfOneObjectAreNotAcceptedForAnother) {
  EXPECT_FALSE(parse_dps_act("open").has_value());
  EXPECT_FALSE(parse_category_act("publish").has_value());
  EXPECT_FALSE(parse_admission_act("resume").has_value());
}

Dps open_dps() {
  Dps d;
  d.id = "dps-1";
  d.valid_from = date(2026, 2, 1);
  d.valid_until = date(2030, 1, 31);
  d.state = DpsState::open;
  return d;
}

TEST(DpsInForce, IncludesTheFirstAndLastValidDays) {
  const Dps d = open_dps();
  EXPECT_FALSE(dps_is_in_force(d, date(2026, 1, 31)));
  EXPECT_TRUE(dps_is_in_force(d, date(2026, 2, 1)));
  EXPECT_TRUE(dps_is_in_force(d, date(2028, 6, 15)));
  EXPECT_TRUE(dps_is_in_force(d, date(2030, 1, 31)));
  EXPECT_FALSE(dps_is_in_force(d, date(2030, 2, 1)));
}

TEST(DpsInForce, OnlyAnOpenDpsIsInForce) {
  for (const auto& s : kDpsStates) {
    Dps d = open_dps();
    d.state = s.value;
    EXPECT_EQ(dps_is_in_force(d, date(2028, 6, 15)), s.value == DpsState::open) << s.name;
  }
}

TEST(CategoryAccess, ADraftCategoryOfAnOpenDpsIsSeenOnlyByThoseWhoOverseeIt) {
  Dps dps;
  dps.authority_id = "kuopio";
  dps.state = DpsState::open;
  Category draft;
  draft.state = CategoryState::draft;
  Category open = draft;
  open.state = CategoryState::open;
  const Actor own_officer{"u1", "kuopio", Role::officer, ""};
  const Actor other_officer{"u2", "oulu", Role::officer, ""};
  const Actor admin{"u3", "oulu", Role::admin, ""};
  const Actor auditor{"u4", "oulu", Role::auditor, ""};
  const Actor provider{"u5", "company", Role::provider, ""};
  for (const Actor* a : {&own_officer, &admin, &auditor}) EXPECT_TRUE(sees(a, draft, dps));
  for (const Actor* a : {&other_officer, &provider}) EXPECT_FALSE(sees(a, draft, dps));
  EXPECT_FALSE(sees(nullptr, draft, dps));
  for (const Actor* a : {&own_officer, &other_officer, &provider}) EXPECT_TRUE(sees(a, open, dps));
  EXPECT_TRUE(sees(nullptr, open, dps));
  // A draft DPS hides even its open categories.
  dps.state = DpsState::draft;
  EXPECT_FALSE(sees(&provider, open, dps));
  EXPECT_TRUE(sees(&own_officer, open, dps));
}

}  // namespace
}  // namespace tarjotin::domain
