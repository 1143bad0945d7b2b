#include "domain/qualification/entities.hpp"

#include "domain/access.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace tarjotin::domain {
namespace {

using namespace std::chrono;

// ---- Helpers --------------------------------------------------------------------------------

constexpr Date date(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

// Every enumerator with the name it must have on the wire. These lists are the test's own
// statement of the names, written independently of the implementation's tables.
template <class E>
struct Named {
  E value;
  const char* name;
};

const Named<DpsState> kDpsStates[] = {
    {DpsState::draft, "draft"},
    {DpsState::open, "open"},
    {DpsState::suspended, "suspended"},
    {DpsState::closed, "closed"},
};
const Named<DpsAct> kDpsActs[] = {
    {DpsAct::edit, "edit"},     {DpsAct::publish, "publish"}, {DpsAct::suspend, "suspend"},
    {DpsAct::resume, "resume"}, {DpsAct::close, "close"},
};
const Named<CategoryState> kCategoryStates[] = {
    {CategoryState::draft, "draft"},
    {CategoryState::open, "open"},
    {CategoryState::closed, "closed"},
};
const Named<CategoryAct> kCategoryActs[] = {
    {CategoryAct::edit, "edit"},
    {CategoryAct::open, "open"},
    {CategoryAct::close, "close"},
};
const Named<AwardMethod> kAwardMethods[] = {
    {AwardMethod::customer_choice, "customer_choice"},
    {AwardMethod::mini_competition, "mini_competition"},
};
const Named<CriterionType> kCriterionTypes[] = {
    {CriterionType::yes_no, "yes_no"},
    {CriterionType::number_at_least, "number_at_least"},
    {CriterionType::date_within_days, "date_within_days"},
    {CriterionType::text, "text"},
    {CriterionType::attachment, "attachment"},
};
const Named<CriterionKind> kCriterionKinds[] = {
    {CriterionKind::exclusion_ground, "exclusion_ground"},
    {CriterionKind::selection, "selection"},
};
const Named<Verdict> kVerdicts[] = {
    {Verdict::meets, "meets"},
    {Verdict::fails, "fails"},
    {Verdict::missing, "missing"},
    {Verdict::officer_judges, "officer_judges"},
};
const Named<ApplicationState> kApplicationStates[] = {
    {ApplicationState::draft, "draft"},
    {ApplicationState::submitted, "submitted"},
    {ApplicationState::clarification_requested, "clarification_requested"},
    {ApplicationState::admitted, "admitted"},
    {ApplicationState::rejected, "rejected"},
    {ApplicationState::withdrawn, "withdrawn"},
};
const Named<ApplicationAct> kApplicationActs[] = {
    {ApplicationAct::edit, "edit"},
    {ApplicationAct::submit, "submit"},
    {ApplicationAct::request_clarification, "request_clarification"},
    {ApplicationAct::answer_clarification, "answer_clarification"},
    {ApplicationAct::admit, "admit"},
    {ApplicationAct::reject, "reject"},
    {ApplicationAct::withdraw, "withdraw"},
    {ApplicationAct::extend_deadline, "extend_deadline"},
};
const Named<AdmissionState> kAdmissionStates[] = {
    {AdmissionState::admitted, "admitted"},
    {AdmissionState::suspended, "suspended"},
    {AdmissionState::excluded, "excluded"},
};
const Named<AdmissionAct> kAdmissionActs[] = {
    {AdmissionAct::suspend, "suspend"},
    {AdmissionAct::reinstate, "reinstate"},
    {AdmissionAct::exclude, "exclude"},
};

template <class E, std::size_t N>
std::string name_of(const Named<E> (&list)[N], E value) {
  for (const auto& n : list)
    if (n.value == value) return n.name;
  return "<not in the test's list>";
}

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

// ---- Transitions ----------------------------------------------------------------------------

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

// ---- Names ----------------------------------------------------------------------------------

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

TEST(Names, CategoryAndAdmissionActsParse) {
  expect_parses(kCategoryActs, parse_category_act);
  expect_parses(kAdmissionActs, parse_admission_act);
}

TEST(Names, ActsOfOneObjectAreNotAcceptedForAnother) {
  EXPECT_FALSE(parse_dps_act("open").has_value());
  EXPECT_FALSE(parse_category_act("publish").has_value());
  EXPECT_FALSE(parse_admission_act("resume").has_value());
}

// ---- evaluate() -----------------------------------------------------------------------------

constexpr Date kToday = date(2026, 3, 10);

Criterion criterion(std::string key, CriterionType type) {
  Criterion c;
  c.key = std::move(key);
  c.question = "Question for " + c.key + "?";
  c.type = type;
  return c;
}

Criterion at_least(std::string key, double threshold) {
  Criterion c = criterion(std::move(key), CriterionType::number_at_least);
  c.threshold = threshold;
  return c;
}

Criterion within_days(std::string key, int max_age_days) {
  Criterion c = criterion(std::move(key), CriterionType::date_within_days);
  c.max_age_days = max_age_days;
  return c;
}

Answer answer(std::string key) {
  Answer a;
  a.key = std::move(key);
  return a;
}
Answer yes_answer(std::string key, bool yes) {
  Answer a = answer(std::move(key));
  a.yes = yes;
  return a;
}
Answer number_answer(std::string key, double number) {
  Answer a = answer(std::move(key));
  a.number = number;
  return a;
}
Answer date_answer(std::string key, Date d) {
  Answer a = answer(std::move(key));
  a.date = d;
  return a;
}

Evaluation evaluate_one(const Criterion& c, const Answer& a) {
  const auto result = evaluate(std::span{&c, 1}, std::span{&a, 1}, kToday);
  EXPECT_EQ(result.size(), 1u);
  return result.empty() ? Evaluation{} : result.front();
}

Verdict verdict_of(const Criterion& c, const Answer& a) { return evaluate_one(c, a).verdict; }

#define EXPECT_VERDICT(actual, expected) EXPECT_EQ(to_string(actual), to_string(expected))

TEST(Evaluate, YesNoMeetsOnYesAndFailsOnNo) {
  const auto c = criterion("insured", CriterionType::yes_no);
  EXPECT_VERDICT(verdict_of(c, yes_answer("insured", true)), Verdict::meets);
  EXPECT_VERDICT(verdict_of(c, yes_answer("insured", false)), Verdict::fails);
  EXPECT_VERDICT(verdict_of(c, answer("insured")), Verdict::missing);
}

TEST(Evaluate, NumberMeetsAtOrAboveTheThresholdAndFailsBelow) {
  const auto c = at_least("staff", 2.5);
  EXPECT_VERDICT(verdict_of(c, number_answer("staff", 2.5)), Verdict::meets);
  EXPECT_VERDICT(verdict_of(c, number_answer("staff", 40)), Verdict::meets);
  const auto below = evaluate_one(c, number_answer("staff", 2.4));
  EXPECT_VERDICT(below.verdict, Verdict::fails);
  EXPECT_NE(below.reason.find("2.5"), std::string::npos) << below.reason;
  EXPECT_VERDICT(verdict_of(c, answer("staff")), Verdict::missing);
}

TEST(Evaluate, DateMeetsUpToExactlyMaxAgeDaysOld) {
  const auto c = within_days("tax-certificate", 90);
  EXPECT_VERDICT(verdict_of(c, date_answer("tax-certificate", kToday)), Verdict::meets);
  EXPECT_VERDICT(verdict_of(c, date_answer("tax-certificate", kToday - days{90})), Verdict::meets);
  const auto old = evaluate_one(c, date_answer("tax-certificate", kToday - days{91}));
  EXPECT_VERDICT(old.verdict, Verdict::fails);
  EXPECT_NE(old.reason.find("91"), std::string::npos) << old.reason;
}

TEST(Evaluate, DateInTheFutureFails) {
  const auto c = within_days("tax-certificate", 90);
  const auto e = evaluate_one(c, date_answer("tax-certificate", kToday + days{1}));
  EXPECT_VERDICT(e.verdict, Verdict::fails);
  EXPECT_EQ(e.reason, "dated in the future");
}

TEST(Evaluate, DateNotGivenIsMissing) {
  EXPECT_VERDICT(verdict_of(within_days("tax-certificate", 90), answer("tax-certificate")),
                 Verdict::missing);
}

TEST(Evaluate, TextIsForTheOfficerOnceWritten) {
  const auto c = criterion("references", CriterionType::text);
  Answer a = answer("references");
  EXPECT_VERDICT(verdict_of(c, a), Verdict::missing);
  a.text = "Kuopion kaupunki, 2024-2025";
  EXPECT_VERDICT(verdict_of(c, a), Verdict::officer_judges);
}

TEST(Evaluate, AttachmentIsForTheOfficerOnceAttached) {
  const auto c = criterion("insurance-policy", CriterionType::attachment);
  Answer a = answer("insurance-policy");
  a.text = "see the policy";  // words do not replace the document
  EXPECT_VERDICT(verdict_of(c, a), Verdict::missing);
  a.attachment_id = "att-1";
  EXPECT_VERDICT(verdict_of(c, a), Verdict::officer_judges);
}

TEST(Evaluate, RequiredAttachmentTurnsAMeetIntoMissing) {
  auto c = criterion("insured", CriterionType::yes_no);
  c.attachment_required = true;
  Answer a = yes_answer("insured", true);
  const auto without = evaluate_one(c, a);
  EXPECT_VERDICT(without.verdict, Verdict::missing);
  EXPECT_EQ(without.reason, "attachment required");
  a.attachment_id = "att-7";
  EXPECT_VERDICT(verdict_of(c, a), Verdict::meets);
}

TEST(Evaluate, RequiredAttachmentAppliesToEveryType) {
  auto number = at_least("staff", 1);
  auto dated = within_days("tax-certificate", 30);
  auto text = criterion("references", CriterionType::text);
  for (Criterion* c : {&number, &dated, &text}) c->attachment_required = true;
  Answer text_answer = answer("references");
  text_answer.text = "written";
  EXPECT_VERDICT(verdict_of(number, number_answer("staff", 3)), Verdict::missing);
  EXPECT_VERDICT(verdict_of(dated, date_answer("tax-certificate", kToday)), Verdict::missing);
  EXPECT_VERDICT(verdict_of(text, text_answer), Verdict::missing);
}

TEST(Evaluate, RequiredAttachmentDoesNotHideAFailure) {
  auto c = at_least("staff", 5);
  c.attachment_required = true;
  EXPECT_VERDICT(verdict_of(c, number_answer("staff", 1)), Verdict::fails);
}

TEST(Evaluate, CriterionWithoutAnAnswerIsMissing) {
  const Criterion c = criterion("insured", CriterionType::yes_no);
  const auto result = evaluate(std::span{&c, 1}, {}, kToday);
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0].key, "insured");
  EXPECT_VERDICT(result[0].verdict, Verdict::missing);
  EXPECT_FALSE(result[0].reason.empty());
}

TEST(Evaluate, KeepsTheCriteriaOrderAndIgnoresUnknownAnswers) {
  const std::vector<Criterion> criteria{
      criterion("zeta", CriterionType::yes_no),
      at_least("alpha", 1),
      criterion("mid", CriterionType::yes_no),
  };
  const std::vector<Answer> answers{
      yes_answer("unknown", true),         yes_answer("mid", false),
      number_answer("alpha", 2),           yes_answer("zeta", true),
      number_answer("another-unknown", 5),
  };
  const auto result = evaluate(criteria, answers, kToday);
  ASSERT_EQ(result.size(), 3u);
  EXPECT_EQ(result[0].key, "zeta");
  EXPECT_VERDICT(result[0].verdict, Verdict::meets);
  EXPECT_EQ(result[1].key, "alpha");
  EXPECT_VERDICT(result[1].verdict, Verdict::meets);
  EXPECT_EQ(result[2].key, "mid");
  EXPECT_VERDICT(result[2].verdict, Verdict::fails);
}

TEST(Evaluate, AnAnswerOfTheWrongShapeIsMissing) {
  // A number given to a yes/no question is no answer to it.
  EXPECT_VERDICT(
      verdict_of(criterion("insured", CriterionType::yes_no), number_answer("insured", 1)),
      Verdict::missing);
}

// ---- validate_criteria() --------------------------------------------------------------------

void expect_invalid(const Status& status, const std::string& pointer, const std::string& rule) {
  ASSERT_FALSE(status.ok()) << "expected " << pointer << " " << rule;
  const Error& e = status.error();
  EXPECT_EQ(e.kind, ErrorKind::invalid_input);
  ASSERT_EQ(e.fields.size(), 1u);
  EXPECT_EQ(e.fields[0].pointer, pointer);
  EXPECT_EQ(e.fields[0].rule, rule);
  EXPECT_FALSE(e.fields[0].detail.empty());
}

std::vector<Criterion> sound_criteria() {
  auto tax = within_days("tax-certificate", 90);
  tax.kind = CriterionKind::exclusion_ground;
  return {criterion("insured", CriterionType::yes_no), at_least("staff", 0), tax,
          criterion("references", CriterionType::text),
          criterion("policy-2", CriterionType::attachment)};
}

TEST(ValidateCriteria, AcceptsASoundSet) { EXPECT_TRUE(validate_criteria(sound_criteria()).ok()); }

TEST(ValidateCriteria, NeedsAtLeastOneCriterion) {
  expect_invalid(validate_criteria({}), "/criteria", "minItems");
}

TEST(ValidateCriteria, KeysAreShortLowercaseWordsWithDashes) {
  for (const std::string& bad :
       std::initializer_list<std::string>{"", "Tax", "tax_certificate", "tax certificate",
                                          "vero-\xc3\xa4", std::string(65, 'a')}) {
    auto criteria = sound_criteria();
    criteria[1].key = bad;
    expect_invalid(validate_criteria(criteria), "/criteria/1/key", "pattern");
  }
  auto criteria = sound_criteria();
  criteria[1].key = std::string(63, 'a') + "9";
  EXPECT_TRUE(validate_criteria(criteria).ok());
}

TEST(ValidateCriteria, KeysAreUniqueAndTheRepeatIsReported) {
  auto criteria = sound_criteria();
  criteria[3].key = "staff";
  expect_invalid(validate_criteria(criteria), "/criteria/3/key", "unique");
}

TEST(ValidateCriteria, EveryCriterionHasAQuestion) {
  auto criteria = sound_criteria();
  criteria[2].question.clear();
  expect_invalid(validate_criteria(criteria), "/criteria/2/question", "required");
}

TEST(ValidateCriteria, ThresholdIsFiniteAndNotNegative) {
  for (double bad :
       {-0.5, std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
    auto criteria = sound_criteria();
    criteria[1].threshold = bad;
    expect_invalid(validate_criteria(criteria), "/criteria/1/threshold", "minimum");
  }
}

TEST(ValidateCriteria, ThresholdOfOtherTypesIsNotChecked) {
  auto criteria = sound_criteria();
  criteria[0].threshold = -1;
  criteria[0].max_age_days = -1;
  EXPECT_TRUE(validate_criteria(criteria).ok());
}

TEST(ValidateCriteria, MaxAgeIsOneDayToTenYears) {
  for (int bad : {0, -1, 3651}) {
    auto criteria = sound_criteria();
    criteria[2].max_age_days = bad;
    expect_invalid(validate_criteria(criteria), "/criteria/2/max_age_days", "range");
  }
  for (int good : {1, 3650}) {
    auto criteria = sound_criteria();
    criteria[2].max_age_days = good;
    EXPECT_TRUE(validate_criteria(criteria).ok()) << good;
  }
}

TEST(ValidateCriteria, ReportsTheFirstProblem) {
  auto criteria = sound_criteria();
  criteria[1].question.clear();
  criteria[4].key = "Bad";
  expect_invalid(validate_criteria(criteria), "/criteria/1/question", "required");
}

// ---- dps_is_in_force() ----------------------------------------------------------------------

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
