// How answers are judged against a category's criteria, and the checks of an officer's criteria
// and a provider's answers.
#include "domain/qualification/rules.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "tests/domain/dates.hpp"

namespace tarjotin::domain {
namespace {

using namespace std::chrono;
using testing::date;

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

}  // namespace
}  // namespace tarjotin::domain
